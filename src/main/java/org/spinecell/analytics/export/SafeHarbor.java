package org.spinecell.analytics.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HIPAA Safe Harbor rules (45 CFR 164.514(b)(2)) as the research export applies them to
 * values: ZIP codes cut to their first three digits, ages over 89 pooled as 90+, and free text
 * scrubbed of what looks like an identifier.
 */
final class SafeHarbor {

	/** What replaces an identifier found in free text. */
	static final String REMOVED = "[REMOVED]";

	/**
	 * The three-digit ZIP prefixes whose areas hold 20,000 people or fewer, which Safe Harbor turns
	 * into {@code 000}. Source: HHS, "Guidance Regarding Methods for De-identification of Protected
	 * Health Information in Accordance with the HIPAA Privacy Rule" (2012), section 3.4, from the
	 * 2000 Census: 036, 059, 063, 102, 203, 556, 692, 790, 821, 823, 830, 831, 878, 879, 884, 890,
	 * 893. HHS asks covered entities to use the most recent Census data; update this list when HHS
	 * publishes a newer one.
	 */
	static final Set<String> RESTRICTED_ZIP3 = Set.of("036", "059", "063", "102", "203", "556", "692", "790", "821",
			"823", "830", "831", "878", "879", "884", "890", "893");

	/** A US ZIP code, with or without the +4 part. */
	private static final Pattern US_ZIP = Pattern.compile("(\\d{5})(-?\\d{4})?");

	private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
			+ "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

	/** The patterns scrubbed before phone numbers (an e-mail address or a date before its digits). */
	private static final List<Pattern> BEFORE_PHONES = List.of(
			// e-mail addresses
			Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9.-]+\\.[\\p{L}]{2,}"),
			// URLs and web addresses
			Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+|\\bwww\\.\\S+"),
			// dates: 2026-03-04, 3/4/2026, 04.03.26, March 4(th)(, 2026), 4 March (2026)
			Pattern.compile("\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b"),
			Pattern.compile("\\b\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}\\b"),
			Pattern.compile("(?i)\\b" + MONTH + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b"),
			Pattern.compile("(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?(?:,?\\s+\\d{4})?\\b"));

	/** The patterns scrubbed after phone numbers. */
	private static final List<Pattern> AFTER_PHONES = List.of(
			// medical record numbers written as such
			Pattern.compile("(?i)\\b(?:MRN|medical record(?: number)?|record no\\.?)\\s*[:#]?\\s*[A-Za-z0-9-]+"),
			// ZIP+4 and any number of 5 or more digits (ZIP codes, account and record numbers)
			Pattern.compile("\\b\\d{5}-\\d{4}\\b"), Pattern.compile("\\d{5,}"));

	/** Phone numbers: +1 (555) 123-4567, 555.123.4567, +44 20 7946 0958; scrubbed when they hold 7 digits or more. */
	private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d\\s().-]{5,}\\d");

	private SafeHarbor() {
	}

	/**
	 * The first three digits of a US ZIP code, {@code 000} for a restricted prefix; {@code null}
	 * when there is no code or it is not a US ZIP code (a foreign postal code could identify a
	 * small area, so it is left out).
	 */
	static String zip3(String postalCode) {
		String zip5 = zip5(postalCode);
		if (zip5 == null) {
			return null;
		}
		String prefix = zip5.substring(0, 3);
		return RESTRICTED_ZIP3.contains(prefix) ? "000" : prefix;
	}

	/** The five-digit US ZIP code (limited data set only), or {@code null}. */
	static String zip5(String postalCode) {
		if (postalCode == null) {
			return null;
		}
		Matcher matcher = US_ZIP.matcher(postalCode.strip());
		return matcher.matches() ? matcher.group(1) : null;
	}

	/** An age in whole years, with every age over 89 pooled as {@code 90+}. */
	static Object age(Integer years) {
		if (years == null) {
			return null;
		}
		return years > 89 ? "90+" : years;
	}

	/**
	 * Free text with the identifiers it seems to hold replaced by {@link #REMOVED}: the patient's
	 * own identifiers as the system knows them ({@code known}: names, MRN, e-mail, phone), then
	 * e-mail addresses, URLs, dates, phone numbers, MRNs, ZIP codes and numbers of five or more
	 * digits. Names match as whole words, ignoring case. It removes what it recognises and cannot
	 * promise more: fields that analyses do not need are dropped instead of scrubbed.
	 */
	static String scrub(String text, Collection<String> known) {
		if (text == null) {
			return null;
		}
		String out = text;
		List<String> words = new ArrayList<>();
		for (String identifier : known) {
			if (identifier == null || identifier.isBlank()) {
				continue;
			}
			words.add(identifier.strip());
			for (String part : identifier.split("[\\s,\"]+")) {
				if (part.length() >= 2) {
					words.add(part);
				}
			}
		}
		// Longest first, so that "Mary Ann" goes before "Mary".
		words.sort(Comparator.comparingInt(String::length).reversed());
		for (String word : words) {
			out = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
					Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
				.matcher(out)
				.replaceAll(Matcher.quoteReplacement(REMOVED));
		}
		for (Pattern pattern : BEFORE_PHONES) {
			out = pattern.matcher(out).replaceAll(Matcher.quoteReplacement(REMOVED));
		}
		out = PHONE.matcher(out)
			.replaceAll(match -> match.group().chars().filter(Character::isDigit).count() >= 7
					? Matcher.quoteReplacement(REMOVED) : Matcher.quoteReplacement(match.group()));
		for (Pattern pattern : AFTER_PHONES) {
			out = pattern.matcher(out).replaceAll(Matcher.quoteReplacement(REMOVED));
		}
		return out;
	}


}

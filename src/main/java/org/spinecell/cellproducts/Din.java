package org.spinecell.cellproducts;

import java.util.Locale;

import org.spinecell.cellproducts.label.Mod37_2;
import org.spinecell.platform.Refusal;

/**
 * An ISBT 128 Donation Identification Number: the facility identification number (FIN, one
 * letter and four digits assigned to a registered facility), a two-digit year, a six-digit
 * sequence number and an ISO/IEC 7064 MOD 37-2 check character computed over those 13 data
 * characters. SpineCell builds DINs from the facility's own FIN and checks them; it ships no
 * ISBT 128 code tables.
 *
 * <p>
 * Out of scope: the two flag characters that follow the data characters in the bar code, and
 * the leading {@code =} data identifier; a bar code scan must be reduced to the 13 data
 * characters plus the eye-readable check character before it is parsed here.
 *
 * @param value the 13 data characters followed by the check character, upper case, no spaces
 */
public record Din(String value) {

	/** The FHIR identifier system for DINs. */
	public static final String FHIR_SYSTEM = "https://www.isbt128.org/uri/DonationIdentificationNumber";

	private static final String FIELD = "din";

	private static final int DATA_LENGTH = 13;

	/** Longer input is refused before it is looked at character by character. */
	private static final int MAX_INPUT_LENGTH = 40;

	/**
	 * @throws Refusal bad request on field {@code din} if the value is not a well-formed DIN
	 * with the right check character
	 */
	public Din {
		check(value);
	}

	/**
	 * Builds the DIN for a donation and computes its check character.
	 * @param fin the facility identification number, one letter and four digits (e.g. W1234)
	 * @param year the collection year's last two digits, 0-99
	 * @param sequence the facility's sequence number for the year, 0-999999
	 * @throws Refusal bad request on {@code fin}, {@code year} or {@code sequence}
	 */
	public static Din of(String fin, int year, long sequence) {
		String facility = fin == null ? "" : fin.strip().toUpperCase(Locale.ROOT);
		if (!isFin(facility)) {
			throw Refusal.badRequest("fin", "FIN must be one letter followed by four digits, such as W1234");
		}
		if (year < 0 || year > 99) {
			throw Refusal.badRequest("year", "year must be the last two digits of the year, 0 to 99");
		}
		if (sequence < 0 || sequence > 999_999) {
			throw Refusal.badRequest("sequence", "sequence must be between 0 and 999999");
		}
		String data = facility + String.format(Locale.ROOT, "%02d%06d", year, sequence);
		return new Din(data + Mod37_2.checkCharacter(data));
	}

	/**
	 * Reads a DIN as typed or printed: the 13 data characters and the check character, with or
	 * without the spaces printed on labels ({@code W1234 26 000123 3}), in either case.
	 * @throws Refusal bad request on field {@code din} saying whether the length, a character
	 * or the check character is wrong
	 */
	public static Din parse(String text) {
		if (text == null || text.isBlank()) {
			throw Refusal.badRequest(FIELD, "DIN is required");
		}
		if (text.length() > MAX_INPUT_LENGTH) {
			throw Refusal.badRequest(FIELD, "DIN is too long: it has 13 data characters and a check character");
		}
		StringBuilder normalised = new StringBuilder(DATA_LENGTH + 1);
		for (int i = 0; i < text.length(); i++) {
			char character = text.charAt(i);
			if (character != ' ') {
				normalised.append(Character.toUpperCase(character));
			}
		}
		return new Din(normalised.toString());
	}

	/** The facility identification number, e.g. {@code W1234}. */
	public String facilityNumber() {
		return value.substring(0, 5);
	}

	/** The collection year's last two digits. */
	public int year() {
		return Integer.parseInt(value.substring(5, 7));
	}

	public long sequence() {
		return Long.parseLong(value.substring(7, DATA_LENGTH));
	}

	/** The 13 characters the check character protects. */
	public String dataCharacters() {
		return value.substring(0, DATA_LENGTH);
	}

	public char checkCharacter() {
		return value.charAt(DATA_LENGTH);
	}

	/** The eye-readable form printed on labels: {@code W1234 26 000123 3}. */
	public String printed() {
		return facilityNumber() + " " + value.substring(5, 7) + " " + value.substring(7, DATA_LENGTH) + " "
				+ checkCharacter();
	}

	@Override
	public String toString() {
		return value;
	}

	private static void check(String value) {
		if (value == null || value.isEmpty()) {
			throw Refusal.badRequest(FIELD, "DIN is required");
		}
		if (value.length() != DATA_LENGTH + 1) {
			throw Refusal.badRequest(FIELD, "DIN must have 13 data characters and a check character (14 without"
					+ " spaces); got " + value.length());
		}
		for (int i = 0; i < DATA_LENGTH; i++) {
			char character = value.charAt(i);
			boolean ok = i == 0 ? character >= 'A' && character <= 'Z' : character >= '0' && character <= '9';
			if (!ok) {
				throw Refusal.badRequest(FIELD, "DIN character " + (i + 1) + " ('" + character + "') must be "
						+ (i == 0 ? "a letter A-Z" : "a digit 0-9"));
			}
		}
		char check = value.charAt(DATA_LENGTH);
		if (Mod37_2.value(check) < 0) {
			throw Refusal.badRequest(FIELD,
					"DIN check character '" + check + "' must be a digit, a letter A-Z or *");
		}
		if (!Mod37_2.isValid(value)) {
			// The expected character is not given: a user told it would copy it instead of
			// re-reading a number that was probably mistyped.
			throw Refusal.badRequest(FIELD, "DIN check character '" + check + "' does not match "
					+ value.substring(0, DATA_LENGTH) + ": the number was mistyped or misread");
		}
	}

	private static boolean isFin(String text) {
		if (text.length() != 5 || text.charAt(0) < 'A' || text.charAt(0) > 'Z') {
			return false;
		}
		for (int i = 1; i < 5; i++) {
			if (text.charAt(i) < '0' || text.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

}

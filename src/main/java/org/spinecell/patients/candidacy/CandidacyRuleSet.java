package org.spinecell.patients.candidacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.CandidacyDecision.Reason;
import org.spinecell.patients.CandidacyDecision;
import org.spinecell.patients.CandidacyInput;
import org.spinecell.platform.Refusal;

/**
 * A versioned set of candidacy screening rules, as a clinic maintains it in JSON. Each rule names
 * a decision and a message and fires when all its conditions on the {@link CandidacyInput} hold;
 * the screening decision is the most severe of the rules that fired, and every fired rule is
 * listed as a reason. Parsed rule sets are validated and immutable.
 *
 * <p>
 * Two reasons are built in: {@value #CHECKLIST_INCOMPLETE} (REFER) when a standard checklist
 * item is unanswered, so an open safety question never yields ELIGIBLE, and
 * {@value #ALL_CRITERIA_MET} (ELIGIBLE) when nothing fired.
 */
public final class CandidacyRuleSet {

	public static final String CHECKLIST_INCOMPLETE = "checklist-incomplete";

	public static final String ALL_CRITERIA_MET = "all-criteria-met";

	private static final String DEFAULT_RULES = "/candidacy/default-rules.json";

	private final String name;

	private final int version;

	private final String note;

	private final List<CandidacyRule> rules;

	CandidacyRuleSet(String name, int version, String note, List<CandidacyRule> rules) {
		this.name = Objects.requireNonNull(name);
		this.version = version;
		this.note = note;
		this.rules = List.copyOf(rules);
	}

	/**
	 * Parses and validates a rule set.
	 * @throws Refusal listing every problem, each against a JSON path such as
	 * {@code rules[3].when[0].op} ({@code ruleSet} for the document as a whole)
	 */
	public static CandidacyRuleSet parse(String json) {
		return CandidacyRuleSetFormat.read(json);
	}

	/** The rule set SpineCell ships, which each clinic must review before use. */
	public static CandidacyRuleSet defaultRules() {
		return Shipped.RULES;
	}

	public String name() {
		return name;
	}

	public int version() {
		return version;
	}

	/** The rule set's free-text note to its readers, or {@code null}. */
	public String note() {
		return note;
	}

	List<CandidacyRule> rules() {
		return rules;
	}

	/** The rule set in canonical JSON: fixed member order, stripped strings, pretty-printed. */
	public String toJson() {
		return CandidacyRuleSetWriter.write(this);
	}

	/** Screens one patient: every rule is tried, and each one that fires becomes a reason. */
	public CandidacyDecision evaluate(CandidacyInput input) {
		Map<String, Object> inputs = input.asMap();
		List<Reason> reasons = new ArrayList<>();
		List<String> unanswered = input.unansweredChecklistItems();
		if (!unanswered.isEmpty()) {
			reasons.add(new Reason(CHECKLIST_INCOMPLETE, Decision.REFER,
					"Checklist not answered for " + String.join(", ", unanswered)
							+ ": an unanswered safety question is not taken as a no, "
							+ "so the screening cannot find the patient eligible."));
		}
		for (CandidacyRule rule : rules) {
			if (rule.firesOn(inputs)) {
				reasons.add(rule.reason());
			}
		}
		if (reasons.isEmpty()) {
			reasons.add(new Reason(ALL_CRITERIA_MET, Decision.ELIGIBLE,
					"No contraindication, red flag or unmet criterion was found by rule set " + name + " v" + version
							+ "."));
		}
		Decision decision = reasons.stream()
			.map(Reason::decision)
			.max(Comparator.comparingInt(Decision::severity))
			.orElseThrow();
		return new CandidacyDecision(decision, reasons, name, version);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CandidacyRuleSet that && name.equals(that.name) && version == that.version
				&& Objects.equals(note, that.note) && rules.equals(that.rules);
	}

	@Override
	public int hashCode() {
		return Objects.hash(name, version, note, rules);
	}

	@Override
	public String toString() {
		return "CandidacyRuleSet[" + name + " v" + version + ", " + rules.size() + " rules]";
	}

	/** Loaded on first use, so a broken resource fails the first screening loudly, not start-up. */
	private static final class Shipped {

		static final CandidacyRuleSet RULES = load();

		private static CandidacyRuleSet load() {
			try (InputStream in = CandidacyRuleSet.class.getResourceAsStream(DEFAULT_RULES)) {
				if (in == null) {
					throw new IllegalStateException(DEFAULT_RULES + " is missing from the classpath");
				}
				return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}

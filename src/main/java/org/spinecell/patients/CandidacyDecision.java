package org.spinecell.patients;

import java.util.List;

/**
 * The outcome of screening one patient against one rule set: the decision, every reason that led
 * to it in rule-set order, and which rule set (name and version) produced it. It explains the
 * screening; it does not replace the clinician's judgement.
 *
 * @param decision the most severe decision among the reasons
 * @param reasons never empty: the rules that fired, or the single {@code all-criteria-met} reason
 * @param ruleSetName the rule set's name
 * @param ruleSetVersion the rule set's version
 */
public record CandidacyDecision(Decision decision, List<Reason> reasons, String ruleSetName, int ruleSetVersion) {

	public CandidacyDecision {
		if (decision == null || reasons == null || reasons.isEmpty()) {
			throw new IllegalArgumentException("a decision needs a value and at least one reason");
		}
		reasons = List.copyOf(reasons);
	}

	/** What the screening concluded. */
	public enum Decision {

		/** No contraindication, red flag or unmet criterion was found. */
		ELIGIBLE,

		/** A contraindication or unmet criterion was found. */
		NOT_ELIGIBLE,

		/** A red flag, or a question left open, calls for a surgeon's assessment. */
		REFER;

		/** Higher wins when several rules fire: not eligible over refer over eligible. */
		public int severity() {
			return switch (this) {
				case ELIGIBLE -> 0;
				case REFER -> 1;
				case NOT_ELIGIBLE -> 2;
			};
		}

	}

	/**
	 * One rule that fired.
	 *
	 * @param rule the rule's id, or a built-in id ({@code checklist-incomplete}, {@code all-criteria-met})
	 * @param decision what this rule alone decides
	 * @param message what the rule checks, in words a clinician can read
	 */
	public record Reason(String rule, Decision decision, String message) {
	}

}

package org.spinecell.patients.candidacy;

import java.util.List;
import java.util.Map;

import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.CandidacyDecision.Reason;

/**
 * One rule of a candidacy rule set: it fires when all its conditions hold, and then contributes
 * its decision and message as a reason.
 */
record CandidacyRule(String id, Decision decision, String message, List<Condition> when) {

	CandidacyRule {
		when = List.copyOf(when);
	}

	boolean firesOn(Map<String, Object> inputs) {
		return when.stream().allMatch(condition -> condition.holdsFor(inputs));
	}

	Reason reason() {
		return new Reason(id, decision, message);
	}

	/**
	 * One test of one input.
	 *
	 * @param value {@code null} for operators without a value; otherwise a Boolean, Long or String,
	 * or an unmodifiable list of them for {@code in}
	 */
	record Condition(String input, CandidacyOperator op, Object value) {

		boolean holdsFor(Map<String, Object> inputs) {
			return op.holds(inputs.get(input), value);
		}

	}

}

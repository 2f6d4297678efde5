package org.spinecell.patients;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.CandidacyDecision.Reason;

/**
 * One screening of one patient, kept with everything it was decided from: the checklist as
 * answered, the facts taken from the record, the rule set (name, version, whether it was the
 * shipped default or the clinic's own) and the reasons. A physician may override the decision
 * with a recorded reason; the original decision stays.
 */
public record CandidacyAssessment(UUID id, UUID clinicId, UUID patientId, Map<String, Boolean> checklist,
		Map<String, Object> inputs, Decision decision, List<Reason> reasons, String ruleSetName, int ruleSetVersion,
		String ruleSetSource, Instant assessedAt, UUID assessedBy, Decision overrideDecision, String overrideReason,
		Instant overriddenAt, UUID overriddenBy, int version) {

	/** The decision in force: the physician's override if there is one, else the rules' decision. */
	@JsonProperty("effectiveDecision")
	public Decision effectiveDecision() {
		return overrideDecision != null ? overrideDecision : decision;
	}

	@JsonProperty("overridden")
	public boolean overridden() {
		return overrideDecision != null;
	}

}

package org.spinecell.outcomes.responses;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A patient's answers to one instrument, as stored and scored.
 *
 * @param followUpId the scheduled follow-up the answers belong to, or {@code null}
 * @param answers every item of the definition, {@code null} where unanswered
 * @param components sub-results of the score (PROMIS raw sums, EQ-5D health state, PGIC direction)
 * @param duplicate the same answers were already recorded for this follow-up; this is that record
 */
public record RecordedResponse(UUID id, UUID patientId, UUID followUpId, String instrument,
		String instrumentVersion, Map<String, Object> answers, Map<String, Object> components, BigDecimal score,
		boolean valid, String invalidReason, boolean enteredByStaff, UUID enteredBy, Instant submittedAt,
		boolean duplicate) {

	public RecordedResponse asDuplicate() {
		return new RecordedResponse(id, patientId, followUpId, instrument, instrumentVersion, answers, components,
				score, valid, invalidReason, enteredByStaff, enteredBy, submittedAt, true);
	}

}

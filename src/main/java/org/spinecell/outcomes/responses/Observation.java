package org.spinecell.outcomes.responses;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One scored measure of a patient at a point in time, derived from a response.
 *
 * @param codeSystem the system of {@code code} (LOINC, or SpineCell's instrument code system)
 * @param measure SpineCell's name of the measure, such as {@code ODI} or {@code PROMIS_FATIGUE}
 * @param unit the UCUM unit
 */
public record Observation(UUID id, UUID patientId, UUID responseId, String codeSystem, String code, String measure,
		BigDecimal value, String unit, Instant effectiveAt) {
}

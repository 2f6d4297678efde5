package org.spinecell.patients.breakglass;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A physician's time-limited permission to read one patient of a clinic they do not belong to.
 *
 * @param id the grant's id
 * @param clinicId the patient's clinic, which the grant belongs to
 * @param patientId the one patient it opens
 * @param patientMrn the patient's medical record number, for the clinic's administrators
 * @param physicianId who was granted access
 * @param physicianName their printed name
 * @param reason why, as the physician gave it
 * @param grantedAt when it began
 * @param expiresAt when it ends unless ended earlier
 * @param endedAt when it was ended early, if it was
 * @param active whether it opens the patient now (by the database clock)
 */
public record BreakGlassGrant(UUID id, UUID clinicId, UUID patientId, String patientMrn, UUID physicianId,
		String physicianName, String reason, Instant grantedAt, Instant expiresAt, Instant endedAt, boolean active) {

	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("clinicId", clinicId);
		values.put("patientId", patientId);
		values.put("physicianId", physicianId);
		values.put("expiresAt", expiresAt);
		values.put("endedAt", endedAt);
		return values;
	}

}

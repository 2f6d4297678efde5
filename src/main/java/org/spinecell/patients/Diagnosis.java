package org.spinecell.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A spine diagnosis of a patient, coded in ICD-10-CM, at one or more spinal levels of the code's
 * region. At most one of a patient's diagnoses is the primary one. Never deleted; voided with a
 * reason when recorded in error.
 *
 * @param description what the code means, from the catalogue
 * @param family the code's condition family, from the catalogue
 * @param region the code's spine region, from the catalogue; every level lies in it
 * @param symptomDurationMonths how long the patient has had symptoms, as reported; may be unknown
 */
public record Diagnosis(UUID id, UUID clinicId, UUID patientId, String icd10, String description,
		ConditionFamily family, SpineRegion region, List<SpinalLevel> levels, Side side, LocalDate onsetDate,
		Integer symptomDurationMonths, boolean primary, Status status, boolean voided, String voidReason, int version,
		Instant createdAt, Instant updatedAt) {

	public Diagnosis {
		levels = List.copyOf(levels);
	}

	/** The side of the body the condition affects. */
	public enum Side {

		LEFT, RIGHT, BILATERAL, CENTRAL

	}

	public enum Status {

		ACTIVE, RESOLVED

	}

	public boolean isActive() {
		return status == Status.ACTIVE && !voided;
	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("icd10", icd10);
		values.put("levels", levels.stream().map(SpinalLevel::toString).toList());
		values.put("side", side == null ? null : side.name());
		values.put("onsetDate", onsetDate == null ? null : onsetDate.toString());
		values.put("symptomDurationMonths", symptomDurationMonths);
		values.put("primary", primary);
		values.put("status", status.name());
		values.put("voided", voided);
		values.put("voidReason", voidReason);
		return values;
	}

}

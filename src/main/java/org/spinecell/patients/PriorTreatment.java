package org.spinecell.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A treatment the patient had before coming to the clinic, and how well it worked. Dates are as
 * well as the patient remembers them and may be missing.
 */
public record PriorTreatment(UUID id, UUID clinicId, UUID patientId, Type type, String description,
		LocalDate startDate, LocalDate endDate, Response response, boolean voided, String voidReason, int version,
		Instant createdAt, Instant updatedAt) {

	public enum Type {

		MEDICATION, PHYSICAL_THERAPY, INJECTION, SURGERY, OTHER

	}

	/** How well the treatment worked, as the patient and physician judge it. */
	public enum Response {

		NONE, PARTIAL, GOOD, UNKNOWN

	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("type", type.name());
		values.put("description", description);
		values.put("startDate", startDate == null ? null : startDate.toString());
		values.put("endDate", endDate == null ? null : endDate.toString());
		values.put("response", response.name());
		values.put("voided", voided);
		values.put("voidReason", voidReason);
		return values;
	}

}

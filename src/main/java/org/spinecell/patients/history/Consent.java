package org.spinecell.patients.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.spinecell.patients.ConsentStatus;
import org.spinecell.patients.ConsentType;

/**
 * One recorded consent decision. Decisions are never changed: giving or withdrawing consent adds a
 * new one, and the current consent of a type is the latest by effective date, then by the time it
 * was recorded.
 *
 * @param formVersion the version of the consent form the patient signed
 * @param recordedByName the recorder's name as it was when the consent was recorded
 * @param note free text, kept as typed
 */
public record Consent(UUID id, UUID clinicId, UUID patientId, ConsentType type, ConsentStatus status,
		LocalDate effectiveDate, String formVersion, UUID recordedBy, String recordedByName, Instant recordedAt,
		String note) {

	public boolean isGiven() {
		return status == ConsentStatus.GIVEN;
	}

	/** The audited fields. */
	public Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("type", type.name());
		values.put("status", status.name());
		values.put("effectiveDate", effectiveDate.toString());
		values.put("formVersion", formVersion);
		values.put("recordedBy", recordedBy.toString());
		values.put("note", note);
		return values;
	}

}

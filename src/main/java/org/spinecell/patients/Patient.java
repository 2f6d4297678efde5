package org.spinecell.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A registered patient of one clinic. Records are never deleted; a patient registered in error
 * is voided with a reason.
 */
public record Patient(UUID id, UUID clinicId, String mrn, String givenName, String familyName, LocalDate birthDate,
		Sex sex, String postalCode, String email, String phone, String preferredLanguage, boolean voided,
		String voidReason, int version, Instant createdAt, Instant updatedAt) {

	/** Age in whole years on the given day. */
	public int ageOn(LocalDate day) {
		return Period.between(birthDate, day).getYears();
	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("mrn", mrn);
		values.put("givenName", givenName);
		values.put("familyName", familyName);
		values.put("birthDate", birthDate == null ? null : birthDate.toString());
		values.put("sex", sex == null ? null : sex.name());
		values.put("postalCode", postalCode);
		values.put("email", email);
		values.put("phone", phone);
		values.put("preferredLanguage", preferredLanguage);
		values.put("voided", voided);
		values.put("voidReason", voidReason);
		return values;
	}

}

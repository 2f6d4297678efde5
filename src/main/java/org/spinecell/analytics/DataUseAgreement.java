package org.spinecell.analytics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A data-use agreement: the clinic lets one named recipient receive its limited data set (dates
 * shifted per patient, five-digit ZIP codes, exact ages) for a purpose, from {@code startDate} to
 * {@code endDate} inclusive.
 */
public record DataUseAgreement(UUID id, UUID clinicId, UUID recipientUserId, String title, String purpose,
		LocalDate startDate, LocalDate endDate, String reference) {

	/** Whether the agreement is in force on a day. */
	boolean activeOn(LocalDate day) {
		return !day.isBefore(startDate) && !day.isAfter(endDate);
	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("recipientUserId", recipientUserId.toString());
		values.put("title", title);
		values.put("purpose", purpose);
		values.put("startDate", startDate.toString());
		values.put("endDate", endDate.toString());
		values.put("reference", reference);
		return values;
	}

}

package org.spinecell.analytics.agreements;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A data-use agreement: the clinic lets one named recipient receive its limited data set (dates
 * shifted per patient, five-digit ZIP codes, exact ages) for a purpose, from {@code startDate} to
 * {@code endDate} inclusive, unless an administrator ended it early ({@code endedAt}, with a reason).
 */
public record DataUseAgreement(UUID id, UUID clinicId, UUID recipientUserId, String title, String purpose,
		LocalDate startDate, LocalDate endDate, String reference, Instant endedAt, String endReason) {

	/** Whether the agreement is in force on a day: within its dates and not ended early. */
	boolean activeOn(LocalDate day) {
		return endedAt == null && !day.isBefore(startDate) && !day.isAfter(endDate);
	}

	boolean ended() {
		return endedAt != null;
	}

	/** The day (UTC) it was ended early, or null. */
	LocalDate endedOn() {
		return endedAt == null ? null : endedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate();
	}

	/** The agreement ended early, at {@code at}, for {@code reason}. */
	DataUseAgreement end(Instant at, String reason) {
		return new DataUseAgreement(id, clinicId, recipientUserId, title, purpose, startDate, endDate, reference, at,
				reason);
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
		values.put("endedAt", endedAt == null ? null : endedAt.toString());
		values.put("endReason", endReason);
		return values;
	}

}

package org.spinecell.outcomes.survey.mail;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One e-mail of the outbox: the invitation to a follow-up's survey ({@code sequence} 0) or one of
 * its reminders (1, 2 ...). It holds neither address nor token; those exist only in the sent e-mail.
 *
 * @param timePoint the follow-up's time point, for lists
 * @param lastError the kind of the last failure (an exception class), never a server reply
 */
public record MailMessage(UUID id, UUID clinicId, UUID patientId, UUID followUpId, String timePoint, Kind kind,
		int sequence, Status status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
		Instant sentAt, String cancelReason, int version) {

	public enum Kind {

		INVITATION, REMINDER

	}

	public enum Status {

		/** Waiting to be sent (again, after a failed attempt). */
		PENDING,
		SENT,
		/** Given up after the maximum number of attempts. */
		FAILED,
		/** Not sent, with a reason: consent withdrawn, follow-up closed, no address. */
		CANCELLED

	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("followUpId", followUpId.toString());
		values.put("kind", kind.name());
		values.put("sequence", sequence);
		values.put("status", status.name());
		values.put("attempts", attempts);
		values.put("lastError", lastError);
		values.put("sentAt", sentAt == null ? null : sentAt.toString());
		values.put("cancelReason", cancelReason);
		return values;
	}

}

package org.spinecell.outcomes.survey.mail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.spinecell.platform.Refusal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The survey e-mail outbox: what was queued and sent, and a run on demand. */
@RestController
class MailApiController {

	private final MailOutboxService outbox;

	private final MailJob job;

	MailApiController(MailOutboxService outbox, MailJob job) {
		this.outbox = outbox;
		this.job = job;
	}

	/** One message as listed: who, which follow-up, and how sending went; never an address. */
	record MessageResponse(UUID id, UUID clinicId, UUID patientId, String patientName, String mrn, UUID followUpId,
			String timePoint, MailMessage.Kind kind, int sequence, MailMessage.Status status, int attempts,
			Instant nextAttemptAt, Instant createdAt, Instant sentAt, String cancelReason, String lastError) {

		static MessageResponse of(MailOutboxService.Entry e) {
			MailMessage m = e.message();
			return new MessageResponse(m.id(), m.clinicId(), m.patientId(), e.patientName(), e.mrn(), m.followUpId(),
					m.timePoint(), m.kind(), m.sequence(), m.status(), m.attempts(),
					m.status() == MailMessage.Status.PENDING ? m.nextAttemptAt() : null, m.createdAt(), m.sentAt(),
					m.cancelReason(), m.lastError());
		}

	}

	record OutboxResponse(boolean sendingEnabled, List<MessageResponse> items) {
	}

	@GetMapping("/api/v1/mail/outbox")
	OutboxResponse outbox(@RequestParam(required = false) UUID clinicId, @RequestParam(required = false) String status) {
		return new OutboxResponse(job.sendingEnabled(),
				outbox.list(clinicId, status(status)).stream().map(MessageResponse::of).toList());
	}

	@PostMapping("/api/v1/mail/run")
	MailJob.RunResult run() {
		return job.runNow();
	}

	/** A status filter: one of the message statuses, or none. */
	static MailMessage.Status status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return MailMessage.Status.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.badRequest("status", "status must be PENDING, SENT, FAILED or CANCELLED");
		}
	}

}

package org.spinecell.outcomes.survey.mail;

import java.time.Instant;
import java.util.Optional;

import org.spinecell.outcomes.FollowUp;
import org.spinecell.patients.Patient;

import org.springframework.stereotype.Component;

/**
 * Survey links by e-mail, through the mail outbox (ADR 0010): staff asking for a link queues an
 * invitation (or the next reminder) for the follow-up, which is sent at once when an SMTP server is
 * configured. As with the scheduled run, the outbox row holds no address and no token: the link is
 * made and the address read when the message is composed, and the same checks (open follow-up,
 * registry consent, address on file) apply.
 */
@Component
class EmailSurveyLinkChannel implements SurveyLinkChannel {

	private final MailOutboxService outbox;

	private final MailJob job;

	EmailSurveyLinkChannel(MailOutboxService outbox, MailJob job) {
		this.outbox = outbox;
		this.job = job;
	}

	@Override
	public String id() {
		return "email";
	}

	@Override
	public String label() {
		return "E-mail";
	}

	@Override
	public Optional<String> unavailable(FollowUp followUp, Patient patient) {
		return Optional.ofNullable(outbox.refusalForStaff(followUp, patient));
	}

	@Override
	public Delivery send(FollowUp followUp) {
		Instant now = Instant.now();
		MailMessage queued = outbox.queueForStaff(followUp.id(), now);
		MailJob.Outcome outcome = job.sendNow(queued.clinicId(), queued.id(), now);
		return switch (outcome) {
			case SENT -> new Delivery(Outcome.SENT,
					"The survey link was e-mailed to the address on file. It replaces any earlier link.");
			case SENDING_OFF -> new Delivery(Outcome.QUEUED, "The e-mail is queued but this server sends no mail"
					+ " (no mail server is configured). Copy the link or print a letter instead.");
			case RETRYING, BUSY -> new Delivery(Outcome.QUEUED,
					"The mail server did not take the e-mail now; it is queued and will be tried again.");
			case FAILED, CANCELLED -> new Delivery(Outcome.NOT_SENT,
					"The e-mail was not sent. Copy the link or print a letter instead.");
		};
	}

}

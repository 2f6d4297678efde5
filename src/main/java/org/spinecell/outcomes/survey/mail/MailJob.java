package org.spinecell.outcomes.survey.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.platform.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The mail run: per clinic, as the system scoped to that one clinic, queues invitations and
 * reminders and then sends the pending messages that are due. Runs on a schedule
 * ({@code spinecell.mail.schedule}, a cron expression; {@code -} turns it off) and on demand. When
 * sending is off (no SMTP server configured, as in the demo) messages are queued and wait.
 * <p>
 * Logs carry message ids, counts and the kind of failure only: never an address, a name or a
 * server's reply, which can quote the address.
 */
@Component
public class MailJob {

	private static final Logger log = LoggerFactory.getLogger(MailJob.class);

	private final MailOutboxService outbox;

	private final ClinicService clinics;

	private final MailSettings settings;

	private final JavaMailSender sender;

	MailJob(MailOutboxService outbox, ClinicService clinics, MailSettings settings,
			ObjectProvider<JavaMailSender> senders) {
		this.outbox = outbox;
		this.clinics = clinics;
		this.settings = settings;
		JavaMailSender available = senders.getIfAvailable();
		boolean wanted = settings.enabled() == null || settings.enabled();
		this.sender = wanted ? available : null;
		if (Boolean.TRUE.equals(settings.enabled()) && available == null) {
			log.warn("spinecell.mail.enabled is true but spring.mail.host is not set: survey e-mails are queued, not sent");
		}
	}

	/**
	 * What one run did, summed over the clinics.
	 * @param retrying attempts that failed and will be tried again
	 * @param failed messages given up after the last attempt
	 */
	public record RunResult(int invitationsQueued, int remindersQueued, int sent, int cancelled, int retrying,
			int failed, boolean sendingEnabled) {

		RunResult plus(RunResult o) {
			return new RunResult(invitationsQueued + o.invitationsQueued, remindersQueued + o.remindersQueued,
					sent + o.sent, cancelled + o.cancelled, retrying + o.retrying, failed + o.failed, sendingEnabled);
		}

	}

	/** Whether messages are sent, or only queued. */
	public boolean sendingEnabled() {
		return sender != null;
	}

	@Scheduled(cron = "${spinecell.mail.schedule:0 */15 * * * *}")
	void scheduled() {
		Set<UUID> all = CurrentUser.callAsSystem(Set.of(),
				() -> clinics.visibleClinics().stream().map(Clinic::id).collect(Collectors.toSet()));
		RunResult result = run(all, Instant.now());
		if (result.invitationsQueued() + result.remindersQueued() + result.sent() + result.cancelled()
				+ result.retrying() + result.failed() > 0) {
			log.info("Mail run: {}", result);
		}
	}

	/**
	 * Runs now: over every clinic for an installation administrator, over the user's own clinics
	 * for a clinic administrator or a coordinator. Returns counts only.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
	public RunResult runNow() {
		CurrentUser user = CurrentUser.get();
		Set<UUID> scope = user.isInstallationAdmin()
				? CurrentUser.callAsSystem(Set.of(),
						() -> clinics.visibleClinics().stream().map(Clinic::id).collect(Collectors.toSet()))
				: user.clinicIds();
		return run(scope, Instant.now());
	}

	/** One run over the clinics at the given time; a failing clinic does not stop the others. */
	public RunResult run(Collection<UUID> clinicIds, Instant now) {
		RunResult total = new RunResult(0, 0, 0, 0, 0, 0, sendingEnabled());
		for (UUID clinicId : clinicIds) {
			try {
				total = total.plus(CurrentUser.callAsSystem(Set.of(clinicId), () -> runClinic(clinicId, now)));
			}
			catch (RuntimeException ex) {
				log.error("Mail run failed for clinic {}: {}", clinicId, ex.getClass().getName());
			}
		}
		return total;
	}

	private RunResult runClinic(UUID clinicId, Instant now) {
		MailOutboxService.Queued queued = outbox.queue(clinicId, now);
		int sent = 0;
		int cancelled = 0;
		int retrying = 0;
		int failed = 0;
		if (sender != null) {
			for (UUID id : outbox.due(clinicId, now)) {
				switch (deliver(clinicId, id, now)) {
					case SENT -> sent++;
					case CANCELLED -> cancelled++;
					case RETRYING -> retrying++;
					case FAILED -> failed++;
					case BUSY, SENDING_OFF -> {
					}
				}
			}
		}
		return new RunResult(queued.invitations(), queued.reminders(), sent, cancelled, retrying, failed,
				sendingEnabled());
	}

	/** What became of one message. */
	public enum Outcome {

		SENT, CANCELLED, RETRYING, FAILED,
		/** Another sender holds it, or it is not due. */
		BUSY,
		/** No SMTP server is configured: it waits in the outbox. */
		SENDING_OFF

	}

	/**
	 * Sends one queued message now, as the system scoped to its clinic, with the same checks and
	 * records as the scheduled run: for staff who asked for a survey link to be e-mailed.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	public Outcome sendNow(UUID clinicId, UUID messageId, Instant now) {
		if (sender == null) {
			return Outcome.SENDING_OFF;
		}
		if (!CurrentUser.get().isMemberOf(clinicId)) {
			throw org.spinecell.platform.Refusal.notFound(MailOutboxService.ENTITY);
		}
		return CurrentUser.callAsSystem(Set.of(clinicId), () -> deliver(clinicId, messageId, now));
	}

	private Outcome deliver(UUID clinicId, UUID id, Instant now) {
		MailOutboxService.Prepared prepared = outbox.prepare(clinicId, id, now);
		if (prepared.cancelled()) {
			return Outcome.CANCELLED;
		}
		if (prepared.outgoing().isEmpty()) {
			return Outcome.BUSY;
		}
		MailOutboxService.Outgoing outgoing = prepared.outgoing().get();
		String error = send(outgoing);
		if (error == null) {
			outbox.sent(clinicId, id, now);
			return Outcome.SENT;
		}
		if (outbox.failed(clinicId, id, error) == MailMessage.Status.FAILED) {
			log.warn("Mail message {} failed for good after {} attempts: {}", id, outgoing.message().attempts(), error);
			return Outcome.FAILED;
		}
		log.warn("Mail message {} not sent (attempt {}), will retry: {}", id, outgoing.message().attempts(), error);
		return Outcome.RETRYING;
	}

	/** Sends; returns {@code null} on success, else the kind of failure (exception classes only). */
	private String send(MailOutboxService.Outgoing outgoing) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(settings.from());
		if (settings.replyTo() != null && !settings.replyTo().isBlank()) {
			message.setReplyTo(settings.replyTo());
		}
		message.setTo(outgoing.to());
		message.setSubject(outgoing.mail().subject());
		message.setText(outgoing.mail().body());
		try {
			sender.send(message);
			return null;
		}
		catch (RuntimeException ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			return root == ex ? ex.getClass().getSimpleName()
					: ex.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
		}
	}

}

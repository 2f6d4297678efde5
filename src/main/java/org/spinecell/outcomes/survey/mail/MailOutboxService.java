package org.spinecell.outcomes.survey.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.audit.AuditTrail;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.survey.SurveyLinks;
import org.spinecell.outcomes.survey.SurveyService;
import org.spinecell.outcomes.survey.SurveyWording;
import org.spinecell.patients.ConsentType;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The e-mail outbox of survey invitations and reminders: queuing them for open follow-ups, preparing
 * one for sending (with the checks that must still hold and a fresh survey link), and recording how
 * sending went. Every change of a message is audited. Sending itself happens outside any transaction,
 * in {@link MailJob}. The day a follow-up's status is judged on is the UTC day of the {@code now}
 * given, as {@link FollowUpService#today()} does.
 * <p>
 * Over 300 lines because it is one message's life cycle (queued, prepared, sent or failed, cancelled
 * when it may no longer go) whose checks must agree at every step: a message is refused for the same
 * reasons when queued for a coordinator and when prepared by {@link MailJob}; split, those rules
 * would be kept in step across classes.
 */
@Service
public class MailOutboxService {

	static final String ENTITY = "MailMessage";

	/** At most this many messages are listed. */
	static final int LIST_LIMIT = 500;

	private final MailOutboxRepository outbox;

	private final FollowUpService followUps;

	private final PatientService patients;

	private final PatientHistoryService history;

	private final SurveyService surveys;

	private final ClinicService clinics;

	private final AuditTrail audit;

	private final MailSettings settings;

	private final SurveyLinks links;

	MailOutboxService(MailOutboxRepository outbox, FollowUpService followUps, PatientService patients,
			PatientHistoryService history, SurveyService surveys, ClinicService clinics, AuditTrail audit,
			MailSettings settings, SurveyLinks links) {
		this.links = links;
		this.outbox = outbox;
		this.followUps = followUps;
		this.patients = patients;
		this.history = history;
		this.surveys = surveys;
		this.clinics = clinics;
		this.audit = audit;
		this.settings = settings;
	}

	/** How many messages one queuing run added. */
	public record Queued(int invitations, int reminders) {
	}

	/** A message ready to go: the only place the address and the link exist, never stored. */
	record Outgoing(MailMessage message, String to, SurveyMail mail) {
	}

	/** What preparing a message came to. */
	record Prepared(Optional<Outgoing> outgoing, boolean cancelled) {

		static final Prepared SKIPPED = new Prepared(Optional.empty(), false);

		static final Prepared CANCELLED = new Prepared(Optional.empty(), true);

	}

	/** A message with the patient it is for, for the coordinators' list. */
	public record Entry(MailMessage message, String patientName, String mrn) {
	}

	/**
	 * Queues an invitation for each open follow-up of the clinic that has none yet, and a reminder
	 * where the last e-mail was sent at least the reminder interval ago, up to the maximum; only for
	 * patients with an e-mail address and current registry consent. A message cancelled earlier is
	 * queued again once these hold again, so re-consent restores invitations. Queuing twice adds nothing.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
	@Transactional
	public Queued queue(UUID clinicId, Instant now) {
		Map<UUID, MailMessage> latest = outbox.latestPerFollowUp(clinicId);
		int invitations = 0;
		int reminders = 0;
		for (FollowUpService.WorklistItem item : followUps.worklist(clinicId,
				EnumSet.of(FollowUp.Status.DUE, FollowUp.Status.OVERDUE), day(now))) {
			if (!item.hasEmail() || !item.registryConsent()) {
				continue;
			}
			MailMessage last = latest.get(item.id());
			if (last == null) {
				invitations += add(item, MailMessage.Kind.INVITATION, 0, now);
			}
			else if (last.status() == MailMessage.Status.SENT && last.sequence() < settings.maxReminders()
					&& !last.sentAt().plus(settings.reminderInterval()).isAfter(now)) {
				reminders += add(item, MailMessage.Kind.REMINDER, last.sequence() + 1, now);
			}
			else if (last.status() == MailMessage.Status.CANCELLED && last.sequence() < settings.maxReminders()) {
				// Cancelled when consent was withdrawn or the address was missing, and both hold again
				// now (re-consent): the patient is asked again, as the next message of the sequence.
				reminders += add(item, MailMessage.Kind.REMINDER, last.sequence() + 1, now);
			}
		}
		return new Queued(invitations, reminders);
	}

	/**
	 * Why a survey link cannot be e-mailed for the follow-up now, worded without patient data, or
	 * {@code null}: the checks made when a message is sent, on today's status.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	String refusalForStaff(FollowUp followUp, Patient patient) {
		return refusal(followUp, patient, followUps.today());
	}

	/**
	 * Queues the follow-up's next message because staff asked for the link to be e-mailed now: the
	 * invitation if none was sent, else the next reminder (any number of them). A message still
	 * pending is returned instead of adding another. Refused (409, naming the reason) when the
	 * message could not go out.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	MailMessage queueForStaff(UUID followUpId, Instant now) {
		FollowUp followUp = followUps.get(followUpId);
		Patient patient = patients.get(followUp.patientId());
		String refusal = refusal(followUp, patient, followUps.today());
		if (refusal != null) {
			throw Refusal.conflict("The survey link cannot be e-mailed: " + refusal,
					List.of(new FieldProblem("channel", refusal)));
		}
		MailMessage last = outbox.latest(followUp.clinicId(), followUp.id()).orElse(null);
		if (last != null && last.status() == MailMessage.Status.PENDING) {
			return last;
		}
		int sequence = last == null ? 0 : last.sequence() + 1;
		MailMessage.Kind kind = sequence == 0 ? MailMessage.Kind.INVITATION : MailMessage.Kind.REMINDER;
		UUID id = UUID.randomUUID();
		if (!outbox.insertIfAbsent(followUp.clinicId(), id, patient.id(), followUp.id(), kind, sequence, now,
				CurrentUser.get().id())) {
			throw Refusal.conflict("Another message for this follow-up was queued at the same moment; try again");
		}
		MailMessage message = outbox.find(followUp.clinicId(), id).orElseThrow();
		audit.created(ENTITY, message.id(), message.clinicId(), message.snapshot());
		return message;
	}

	/** Ids of the clinic's pending messages due by {@code now}, oldest first. */
	@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	List<UUID> due(UUID clinicId, Instant now) {
		return outbox.due(clinicId, now, settings.batchSize());
	}

	/**
	 * Takes a due message for sending. Checks again that the follow-up is open, the patient's record
	 * is not voided, registry consent is current and an address is on file; otherwise the message is
	 * cancelled with the reason. Then creates a fresh survey link (revoking the previous one), counts
	 * the attempt and sets when to try again should this one not be confirmed. Skipped when another
	 * sender holds the message or it is no longer due.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
	@Transactional
	Prepared prepare(UUID clinicId, UUID id, Instant now) {
		Optional<MailMessage> locked = outbox.lockDue(clinicId, id, now);
		if (locked.isEmpty()) {
			return Prepared.SKIPPED;
		}
		MailMessage before = locked.get();
		FollowUp followUp = followUps.get(before.followUpId());
		Patient patient = patients.get(before.patientId());
		String refusal = refusal(followUp, patient, day(now));
		if (refusal == null && !day(now).equals(followUps.today())) {
			// A run for another day (tests move time): the link is made for today, so today must qualify too.
			refusal = refusal(followUp, patient, followUps.today());
		}
		if (refusal != null) {
			save(before, with(before, MailMessage.Status.CANCELLED, before.attempts(), before.nextAttemptAt(), null, null,
					refusal), refusal);
			return Prepared.CANCELLED;
		}
		int attempts = before.attempts() + 1;
		MailMessage claimed = with(before, MailMessage.Status.PENDING, attempts, now.plus(settings.backoffAfter(attempts)),
				before.lastError(), null, null);
		save(before, claimed, null);
		SurveyService.CreatedLink link = surveys.createLink(followUp.id());
		Clinic clinic = clinics.get(clinicId);
		SurveyMail mail = SurveyMail.compose(before.kind(), patient.givenName(), clinic.name(), clinic.city(),
				SurveyWording.plainWords(followUp.timePoint()), links.url(link.token()),
				followUp.windowEnd());
		return new Prepared(Optional.of(new Outgoing(outbox.find(clinicId, id).orElseThrow(), patient.email().strip(),
				mail)), false);
	}

	/** Records that the server accepted the message. */
	@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
	@Transactional
	void sent(UUID clinicId, UUID id, Instant now) {
		MailMessage before = outbox.find(clinicId, id).orElseThrow(() -> Refusal.notFound(ENTITY));
		save(before, with(before, MailMessage.Status.SENT, before.attempts(), before.nextAttemptAt(), null, now, null),
				null);
	}

	/**
	 * Records a failed attempt: the message stays pending until its next attempt, or becomes FAILED
	 * after the maximum number of attempts.
	 * @param error the kind of failure, free of patient data
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
	@Transactional
	MailMessage.Status failed(UUID clinicId, UUID id, String error) {
		MailMessage before = outbox.find(clinicId, id).orElseThrow(() -> Refusal.notFound(ENTITY));
		MailMessage.Status status = before.attempts() >= settings.maxAttempts() ? MailMessage.Status.FAILED
				: MailMessage.Status.PENDING;
		save(before, with(before, status, before.attempts(), before.nextAttemptAt(), error, null, null), null);
		return status;
	}

	/**
	 * The messages of one clinic the user works in (else 404) or of all of theirs, newest first,
	 * optionally of one status.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<Entry> list(UUID clinicId, MailMessage.Status status) {
		Map<UUID, Patient> seen = new HashMap<>();
		return outbox.list(FollowUpService.clinics(clinicId), status, LIST_LIMIT).stream().map(m -> {
			Patient patient = seen.computeIfAbsent(m.patientId(), patients::get);
			return new Entry(m, patient.familyName() + ", " + patient.givenName(), patient.mrn());
		}).toList();
	}

	private int add(FollowUpService.WorklistItem item, MailMessage.Kind kind, int sequence, Instant now) {
		MailMessage message = new MailMessage(UUID.randomUUID(), item.clinicId(), item.patientId(), item.id(),
				item.timePoint(), kind, sequence, MailMessage.Status.PENDING, 0, now, null, now, null, null, 0);
		if (!outbox.insertIfAbsent(message.clinicId(), message.id(), message.patientId(), message.followUpId(), kind,
				sequence, now, CurrentUser.get().id())) {
			return 0;
		}
		audit.created(ENTITY, message.id(), message.clinicId(), message.snapshot());
		return 1;
	}

	/** Why the message must not go out now, or {@code null}; worded without patient data. */
	private String refusal(FollowUp followUp, Patient patient, LocalDate day) {
		FollowUp.Status status = followUp.statusOn(day);
		if (!status.isOpen()) {
			return switch (status) {
				case MISSED -> "follow-up window closed";
				case UPCOMING -> "follow-up window not open yet";
				default -> "follow-up " + status.name().toLowerCase(java.util.Locale.ROOT);
			};
		}
		if (patient.voided()) {
			return "patient record voided";
		}
		if (!history.hasCurrentConsent(patient.id(), ConsentType.REGISTRY)) {
			return "no current registry consent";
		}
		if (patient.email() == null || patient.email().isBlank()) {
			return "no e-mail address";
		}
		return null;
	}

	private void save(MailMessage before, MailMessage after, String reason) {
		if (!outbox.update(before, after)) {
			throw Refusal.conflict("The message was changed by another sender");
		}
		audit.updated(ENTITY, before.id(), before.clinicId(), before.snapshot(), after.snapshot(), reason);
	}

	private static MailMessage with(MailMessage m, MailMessage.Status status, int attempts, Instant nextAttemptAt,
			String lastError, Instant sentAt, String cancelReason) {
		return new MailMessage(m.id(), m.clinicId(), m.patientId(), m.followUpId(), m.timePoint(), m.kind(), m.sequence(),
				status, attempts, nextAttemptAt, lastError, m.createdAt(), sentAt, cancelReason, m.version());
	}

	static LocalDate day(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

}

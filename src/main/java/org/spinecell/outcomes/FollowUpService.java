package org.spinecell.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.outcomes.followup.FollowUpCompletion;
import org.spinecell.outcomes.followup.FollowUpProtocol;
import org.spinecell.outcomes.followup.FollowUpRepository;
import org.spinecell.outcomes.followup.WorklistQuery;
import org.spinecell.outcomes.responses.ResponseRepository;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.patients.PatientService;
import org.spinecell.patients.RecordAccess;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import org.spinecell.procedures.ProcedureCompleted;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Patients' follow-up schedules: started when a procedure is completed, listed per patient and as
 * the coordinators' worklist, completed or cancelled by staff, and summarised as completion rates
 * per time point. Statuses are derived for the day asked about (see {@link FollowUp#statusOn}).
 * <p>
 * Over 300 lines because it is the follow-up module's API to the rest of SpineCell (demo, the
 * survey, staff entry and the chart all call it): the schedule's life cycle, its read models
 * (worklist, counts, completion rates) and the rule that completes a follow-up from its answers
 * share one protocol and one repository; the feature packages hold the pages and forms around it.
 */
@Service
public class FollowUpService {

	static final String ENTITY = "FollowUp";

	private final RecordAccess records;

	private final FollowUpRepository followUps;

	private final FollowUpProtocol protocol;

	private final ResponseRepository responses;

	private final PatientService patients;

	private final PatientHistoryService history;

	private final AuditTrail audit;

	private final FollowUpCompletion completion;

	private final Clock clock = Clock.systemUTC();

	FollowUpService(FollowUpRepository followUps, ResponseRepository responses, PatientService patients,
			PatientHistoryService history, AuditTrail audit, RecordAccess records, FollowUpCompletion completion) {
		this.completion = completion;
		this.followUps = followUps;
		this.responses = responses;
		this.protocol = FollowUpProtocol.load(FollowUpProtocol.DEFAULT);
		this.patients = patients;
		this.history = history;
		this.audit = audit;
		this.records = records;
	}

	/**
	 * One line of the worklist: an open follow-up with who to contact.
	 * @param hasEmail whether the patient has an e-mail address; without one, survey invitations go
	 * by printed letter
	 * @param timing when it is due, in words ({@link FollowUp#timingOn})
	 */
	public record WorklistItem(UUID id, UUID clinicId, UUID patientId, String patientName, String mrn,
			UUID procedureId, String timePoint, LocalDate dueDate, LocalDate windowEnd, FollowUp.Status status,
			long daysOverdue, boolean registryConsent, boolean hasEmail, String timing) {
	}

	/**
	 * How many follow-ups of a time point were collected.
	 * @param eligible completed, or whose window has closed (cancelled ones are left out)
	 * @param rate completed / eligible, or {@code null} while nothing is eligible
	 */
	public record CompletionRate(String timePoint, int eligible, int completed, Double rate) {

		static CompletionRate of(String timePoint, int eligible, int completed) {
			return new CompletionRate(timePoint, eligible, completed,
					eligible == 0 ? null : (double) completed / eligible);
		}

	}

	/** Today, as the statuses are derived. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * Creates the follow-ups of a completed procedure, one per time point of the protocol. Running it
	 * again for the same procedure adds nothing. Runs in its own transaction, since it is called after
	 * the procedure's transaction has committed.
	 * @return how many follow-ups were created
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int startSchedule(ProcedureCompleted event) {
		UUID actor = CurrentUser.get().id();
		int created = 0;
		for (FollowUpProtocol.Planned planned : protocol.plan(event.date())) {
			FollowUp followUp = new FollowUp(UUID.randomUUID(), event.clinicId(), event.patientId(), event.procedureId(),
					planned.timePoint(), planned.dueDate(), planned.windowStart(), planned.windowEnd(),
					planned.instruments(), null, null, null, 0);
			if (followUps.insertIfAbsent(followUp, actor)) {
				audit.created(ENTITY, followUp.id(), followUp.clinicId(), followUp.snapshot());
				created++;
			}
		}
		return created;
	}

	/** A follow-up the signed-in user may see; otherwise 404. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public FollowUp get(UUID id) {
		return records.read(ENTITY, clinics -> followUps.find(id).filter(f -> clinics.contains(f.clinicId())),
				FollowUp::clinicId, FollowUp::patientId);
	}

	/** The patient's follow-ups, earliest due first. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<FollowUp> forPatient(UUID patientId) {
		Patient patient = patients.get(patientId);
		return followUps.forPatient(patient.clinicId(), patient.id());
	}

	/**
	 * The open follow-ups on the given day with one of the statuses (all open ones when empty), of
	 * one clinic or, with {@code clinicId} null, of all the user's clinics; earliest due first.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<WorklistItem> worklist(UUID clinicId, Set<FollowUp.Status> statuses, LocalDate day) {
		return worklist(WorklistQuery.open(clinicId, statuses), day);
	}

	/**
	 * The worklist as asked: filtered and sorted in the database (see {@link WorklistQuery}), of
	 * patients whose record is not voided.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<WorklistItem> worklist(WorklistQuery query, LocalDate day) {
		return followUps.worklist(clinics(query.clinicId()), query, day, protocol.codes())
			.stream()
			.map(r -> {
				FollowUp.Status status = day.isAfter(r.dueDate()) ? FollowUp.Status.OVERDUE : FollowUp.Status.DUE;
				long overdue = status == FollowUp.Status.OVERDUE ? ChronoUnit.DAYS.between(r.dueDate(), day) : 0;
				return new WorklistItem(r.id(), r.clinicId(), r.patientId(), r.familyName() + ", " + r.givenName(),
						r.mrn(), r.procedureId(), r.timePoint(), r.dueDate(), r.windowEnd(), status, overdue,
						r.registryConsent(), r.hasEmail(), FollowUp.openTiming(day, r.dueDate()));
			})
			.toList();
	}

	/** The protocol's time point codes, in order. */
	public List<String> timePoints() {
		return protocol.codes();
	}

	/** How many follow-ups have each status on the given day, in the order of {@link FollowUp.Status}. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public Map<FollowUp.Status, Integer> countsOn(UUID clinicId, LocalDate day) {
		Map<FollowUp.Status, Integer> counts = new LinkedHashMap<>();
		for (FollowUp.Status status : FollowUp.Status.values()) {
			counts.put(status, 0);
		}
		for (FollowUp f : followUps.all(clinics(clinicId))) {
			counts.merge(f.statusOn(day), 1, Integer::sum);
		}
		return counts;
	}

	/** The completion rate per time point on the given day, in protocol order. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<CompletionRate> completion(UUID clinicId, LocalDate day) {
		Map<String, int[]> tally = new LinkedHashMap<>();
		protocol.codes().forEach(code -> tally.put(code, new int[2]));
		for (FollowUp f : followUps.all(clinics(clinicId))) {
			if (f.countsTowardsCompletionOn(day)) {
				int[] counts = tally.computeIfAbsent(f.timePoint(), code -> new int[2]);
				counts[0]++;
				if (f.statusOn(day) == FollowUp.Status.COMPLETED) {
					counts[1]++;
				}
			}
		}
		return tally.entrySet().stream().map(e -> CompletionRate.of(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
	}

	/**
	 * Marks a follow-up collected: by staff after a phone follow-up, or when the patient's answers
	 * are recorded. Completing an already completed follow-up changes nothing; a cancelled one is
	 * refused (409).
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public FollowUp markCompleted(UUID followUpId) {
		FollowUp before = locked(followUpId);
		return before.recorded() == FollowUp.Status.COMPLETED ? before : complete(before);
	}

	/**
	 * Completes the follow-up once every instrument it requires has a response (see
	 * {@link FollowUpCompletion}: those the clinic can collect, and always the primary outcomes):
	 * the one rule behind both the patient's survey and staff entering answers. The follow-up's row
	 * is locked first, so of two answers recorded at once the later one sees the earlier.
	 * @return whether the follow-up is completed now; a cancelled one is refused (409)
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public boolean completeWhenAnswered(UUID followUpId) {
		FollowUp before = locked(followUpId);
		if (before.recorded() == FollowUp.Status.COMPLETED) {
			return true;
		}
		refuseIfCancelled(before);
		boolean answered = completion.missing(before, protocol.primaryOutcomes(before.timePoint())).isEmpty();
		if (answered) {
			complete(before);
		}
		return answered;
	}

	/**
	 * What an open follow-up still waits for before it completes, each with the reason; empty for a
	 * completed or cancelled one.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<Outstanding> outstanding(UUID followUpId) {
		FollowUp followUp = get(followUpId);
		if (followUp.recorded() != null) {
			return List.of();
		}
		return completion.missing(followUp, protocol.primaryOutcomes(followUp.timePoint()))
			.stream()
			.map(m -> new Outstanding(m.instrumentId(), m.title(), m.primary(), m.online(), m.reason()))
			.toList();
	}

	/**
	 * An instrument a follow-up waits for.
	 * @param primary a primary outcome of the time point: the follow-up never completes without it
	 * @param online the patient's survey can ask it
	 */
	public record Outstanding(String instrumentId, String title, boolean primary, boolean online, String reason) {
	}

	private FollowUp locked(UUID followUpId) {
		FollowUp visible = get(followUpId);
		return followUps.lock(visible.clinicId(), visible.id()).orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	private FollowUp complete(FollowUp before) {
		refuseIfCancelled(before);
		if (!followUps.complete(before.clinicId(), before.id(), CurrentUser.get().id())) {
			throw Refusal.conflict("The follow-up was changed by someone else");
		}
		FollowUp after = get(before.id());
		audit.updated(ENTITY, after.id(), after.clinicId(), before.snapshot(), after.snapshot(), "completed");
		return after;
	}

	/** Cancels an open follow-up (the patient died or withdrew, for example); the reason is audited. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public FollowUp cancel(UUID followUpId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw Refusal.invalid("reason", "Give the reason the follow-up is cancelled");
		}
		FollowUp before = get(followUpId);
		refuseIfCancelled(before);
		if (before.recorded() == FollowUp.Status.COMPLETED) {
			throw Refusal.conflict("A completed follow-up cannot be cancelled",
					List.of(new FieldProblem("status", "COMPLETED")));
		}
		if (!followUps.cancel(before.clinicId(), before.id(), reason.strip(), CurrentUser.get().id())) {
			throw Refusal.conflict("The follow-up was changed by someone else");
		}
		FollowUp after = get(followUpId);
		audit.updated(ENTITY, after.id(), after.clinicId(), before.snapshot(), after.snapshot(), reason.strip());
		return after;
	}

	private static void refuseIfCancelled(FollowUp followUp) {
		if (followUp.recorded() == FollowUp.Status.CANCELLED) {
			throw Refusal.conflict("The follow-up is cancelled", List.of(new FieldProblem("status", "CANCELLED")));
		}
	}

	/** The clinics asked about: one the user belongs to (else 404), or all of theirs. */
	public static Collection<UUID> clinics(UUID clinicId) {
		CurrentUser user = CurrentUser.get();
		if (clinicId == null) {
			return user.clinicIds();
		}
		if (!user.isMemberOf(clinicId)) {
			throw Refusal.notFound("Clinic");
		}
		return Set.of(clinicId);
	}

}

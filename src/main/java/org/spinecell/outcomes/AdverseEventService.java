package org.spinecell.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.outcomes.safety.AdverseEventRepository;
import org.spinecell.outcomes.safety.SafetyTask;
import org.spinecell.outcomes.safety.SafetyTaskService;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.patients.RecordAccess;
import org.spinecell.platform.ClinicalDate;
import org.spinecell.platform.ClinicalDates;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.SpineCellProperties;
import org.spinecell.procedures.Procedure;
import org.spinecell.procedures.ProcedureService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording, reading and reviewing adverse events. A serious event opens a safety reporting task
 * in the same transaction (DOMAIN §6, 21 CFR 312.32(c)).
 */
// Over 400 lines because it holds several use cases (staff reports, patient reports and their review, and safety-task opening in one); the restructure (issue 14) splits it
// into one service per use case. Left whole here so that the day-one fixes did not move code too.
@Service
public class AdverseEventService {

	public static final String ENTITY = "AdverseEvent";

	/** The longest description a patient can send through the portal. */
	public static final int PATIENT_TEXT_MAX = 2000;

	/** An identical report through the same link within this many minutes is a double submission. */
	static final int DUPLICATE_MINUTES = 10;

	static final int MAX_LIST = 500;

	/** What a patient's report became: the stored event, and whether it was a repeat of one just sent. */
	public record PatientReported(AdverseEvent event, boolean duplicate) {
	}

	/** Dates are "in the future" only once the day has begun nowhere (UTC+14), whatever the clinic's zone. */
	private static final Clock LATEST_DAY = Clock.system(ZoneOffset.ofHours(14));

	private final RecordAccess records;

	private final PatientService patients;

	private final ProcedureService procedures;

	private final CellProductService products;

	private final AdverseEventRepository events;

	private final SafetyTaskService tasks;

	private final AuditTrail audit;

	private final Clock today;

	private final FollowUpService followUps;

	AdverseEventService(PatientService patients, ProcedureService procedures, CellProductService products,
			AdverseEventRepository events, SafetyTaskService tasks, AuditTrail audit, SpineCellProperties properties,
			FollowUpService followUps, RecordAccess records) {
		this.followUps = followUps;
		this.records = records;
		this.patients = patients;
		this.procedures = procedures;
		this.products = products;
		this.events = events;
		this.tasks = tasks;
		this.audit = audit;
		this.today = Clock.system(properties.timeZone());
	}

	/**
	 * Records an event. A clinician's report counts as reviewed; a patient's waits for a physician.
	 * A serious one opens a safety task due 15 days after awareness, or 7 when it is fatal or
	 * life-threatening, unexpected, related to the procedure or product, and the product is used
	 * under an IND.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public AdverseEvent report(AdverseEventRequests.Report request) {
		Patient patient = MedicationService.writable(patients.get(request.patientId()));
		LocalDate awareness = request.awarenessDate() == null ? LocalDate.now(today) : request.awarenessDate();
		checkRules(request.onset(), request.awarenessDate(), awareness, request.deathDate(), request.resolutionDate(),
				request.grade(), request.outcome(), request.serious());
		if (request.reporter() == AdverseEvent.Reporter.PATIENT) {
			throw Refusal.invalid("reporter", "PATIENT is set only by the patient's own report through the "
					+ "survey portal; record an event the patient told you about as CLINICIAN");
		}
		Procedure procedure = request.procedureId() == null ? null : procedure(patient, request.procedureId());
		if (procedure != null && request.onset().isBefore(procedure.date())) {
			throw Refusal.invalid("onset", "must not be before the procedure it is attributed to ("
					+ procedure.date() + ")");
		}
		CellProduct product = request.productId() == null ? null : product(patient, procedure, request.productId());

		UUID id = UUID.randomUUID();
		AdverseEvent event = new AdverseEvent(id, patient.clinicId(), patient.id(), request.procedureId(),
				request.productId(), request.onset(), awareness, request.description(), request.category().strip(),
				request.grade(), request.serious(), request.deathDate(), request.relatednessProcedure(),
				request.relatednessProduct(), request.expected(), blankToNull(request.action()), request.outcome(),
				request.resolutionDate(), request.reporter(), request.reporter() == AdverseEvent.Reporter.CLINICIAN,
				null, null, null, 0, null, null, null);
		events.insert(event, CurrentUser.get().id());
		AdverseEvent created = load(patient.clinicId(), id);
		audit.created(ENTITY, id, patient.clinicId(), created.snapshot());
		if (created.isSerious()) {
			tasks.open(created, product != null && product.indNumber() != null);
		}
		return created;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public AdverseEvent get(UUID id) {
		return records.read(ENTITY, clinics -> events.find(clinics, id), AdverseEvent::clinicId, AdverseEvent::patientId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public List<AdverseEvent> forPatient(UUID patientId) {
		Patient patient = patients.get(patientId);
		return events.forPatient(patient.clinicId(), patientId);
	}

	/** The safety tasks the event opened. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<SafetyTask> tasks(UUID id) {
		return tasks.forEvent(get(id));
	}

	/**
	 * A problem the patient reports through a follow-up's survey link: stored ungraded with
	 * reporter PATIENT, awaiting a physician's review, linked to the follow-up's procedure. The same
	 * report through the same link within {@value #DUPLICATE_MINUTES} minutes returns the stored
	 * event instead of a second one.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public PatientReported reportByPatient(UUID followUpId, AdverseEventRequests.PatientProblem problem) {
		FollowUp followUp = followUps.get(followUpId);
		Patient patient = MedicationService.writable(patients.get(followUp.patientId()));
		List<FieldProblem> problems = new ArrayList<>();
		String description = problem.description();
		if (description == null || description.isBlank()) {
			problems.add(new FieldProblem("description", "is required"));
		}
		else if (description.length() > PATIENT_TEXT_MAX) {
			problems.add(new FieldProblem("description", "must be at most " + PATIENT_TEXT_MAX + " characters"));
		}
		if (problem.onset() == null) {
			problems.add(new FieldProblem("onset", "is required"));
		}
		else {
			notInFuture(problem.onset(), "onset", LocalDate.now(LATEST_DAY), problems);
		}
		if (problem.careSought() == null) {
			problems.add(new FieldProblem("careSought", "is required"));
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		String text = description.strip();
		events.lockFollowUp(patient.clinicId(), followUp.id());
		var repeat = events.recentSameReport(patient.clinicId(), followUp.id(), text, problem.onset(),
				problem.careSought(), DUPLICATE_MINUTES);
		if (repeat.isPresent()) {
			return new PatientReported(repeat.get(), true);
		}
		LocalDate awareness = LocalDate.now(today);
		UUID id = UUID.randomUUID();
		AdverseEvent event = new AdverseEvent(id, patient.clinicId(), patient.id(), followUp.procedureId(), null,
				problem.onset(), awareness.isBefore(problem.onset()) ? problem.onset() : awareness, text, null, null,
				Set.of(), null, null, null, null, null, null, null, AdverseEvent.Reporter.PATIENT, false, null, null,
				null, 0, null, followUp.id(), problem.careSought());
		events.insert(event, CurrentUser.get().id());
		AdverseEvent created = load(patient.clinicId(), id);
		audit.created(ENTITY, id, patient.clinicId(), created.snapshot());
		return new PatientReported(created, false);
	}

	/** Events of the caller's clinics that await a physician's review, the oldest report first. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<AdverseEvent> awaitingReview() {
		return events.awaitingReview(CurrentUser.get().clinicIds(), MAX_LIST);
	}

	/** How many events of the caller's clinics await a physician's review. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public long countAwaitingReview() {
		return events.countAwaitingReview(CurrentUser.get().clinicIds());
	}

	/**
	 * A physician reviews a patient-reported event; an event is reviewed once. An ungraded report
	 * gets its classification here, under the same rules as a clinician's report, and if that makes
	 * it serious the safety task opens now, its deadline counted from the day the patient reported.
	 */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public AdverseEvent review(UUID id, AdverseEventRequests.Review request) {
		AdverseEvent before = get(id);
		if (before.reviewed()) {
			throw Refusal.conflict("The adverse event is already reviewed");
		}
		int expected = request.version() == null ? before.version() : request.version();
		boolean stored;
		if (before.ungraded()) {
			AdverseEvent classified = classification(before, request);
			stored = events.classify(classified, blankToNull(request.note()), expected, CurrentUser.get().id());
		}
		else {
			if (request.classifies()) {
				throw Refusal.invalid("grade", "is already assigned; only a report awaiting grading is classified at review");
			}
			stored = events.review(before.clinicId(), id, blankToNull(request.note()), expected, CurrentUser.get().id());
		}
		if (!stored) {
			throw Refusal.conflict("The adverse event was changed by someone else; reload it and try again",
					List.of(new FieldProblem("version", "stale version")));
		}
		AdverseEvent after = load(before.clinicId(), id);
		audit.updated(ENTITY, id, after.clinicId(), before.snapshot(), after.snapshot(), null);
		if (after.isSerious() && tasks.forEvent(after).isEmpty()) {
			tasks.open(after, underInd(after));
		}
		return after;
	}

	/** The ungraded event with the reviewer's classification, checked like a clinician's report. */
	private static AdverseEvent classification(AdverseEvent event, AdverseEventRequests.Review request) {
		List<FieldProblem> missing = new ArrayList<>();
		if (request.category() == null || request.category().isBlank()) {
			missing.add(new FieldProblem("category", "is required to review a patient's report"));
		}
		if (request.grade() == null) {
			missing.add(new FieldProblem("grade", "is required to review a patient's report"));
		}
		if (request.outcome() == null) {
			missing.add(new FieldProblem("outcome", "is required to review a patient's report"));
		}
		if (request.expected() == null) {
			missing.add(new FieldProblem("expected", "is required to review a patient's report"));
		}
		if (!missing.isEmpty()) {
			throw Refusal.invalid(missing);
		}
		checkRules(event.onset(), null, event.awarenessDate(), request.deathDate(), request.resolutionDate(),
				request.grade(), request.outcome(), request.serious());
		return new AdverseEvent(event.id(), event.clinicId(), event.patientId(), event.procedureId(), event.productId(),
				event.onset(), event.awarenessDate(), event.description(), request.category().strip(), request.grade(),
				request.serious(), request.deathDate(), request.relatednessProcedure(), request.relatednessProduct(),
				request.expected(), blankToNull(request.action()), request.outcome(), request.resolutionDate(),
				event.reporter(), event.reviewed(), event.reviewedAt(), event.reviewedBy(), event.reviewNote(),
				event.version(), event.createdAt(), event.followUpId(), event.careSought());
	}

	/** Whether the event's product, or failing that any product given in its procedure, is under an IND. */
	private boolean underInd(AdverseEvent event) {
		if (event.productId() != null) {
			return products.get(event.productId()).indNumber() != null;
		}
		if (event.procedureId() == null) {
			return false;
		}
		return procedures.get(event.procedureId())
			.productUnits()
			.stream()
			.map(Procedure.Unit::productId)
			.distinct()
			.anyMatch(productId -> products.get(productId).indNumber() != null);
	}

	/** The dating and grade-5 rules of every graded event; {@code awarenessGiven} only if the caller gave one. */
	private static void checkRules(LocalDate onset, LocalDate awarenessGiven, LocalDate awareness, LocalDate deathDate,
			LocalDate resolutionDate, int grade, AdverseEvent.Outcome outcome, Set<AdverseEvent.Seriousness> serious) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate latest = LocalDate.now(LATEST_DAY);
		notInFuture(onset, "onset", latest, problems);
		notInFuture(awarenessGiven, "awarenessDate", latest, problems);
		notInFuture(deathDate, "deathDate", latest, problems);
		notInFuture(resolutionDate, "resolutionDate", latest, problems);
		notBeforeOnset(awareness, "awarenessDate", onset, problems);
		notBeforeOnset(deathDate, "deathDate", onset, problems);
		notBeforeOnset(resolutionDate, "resolutionDate", onset, problems);

		boolean fatalGrade = grade == 5;
		if (fatalGrade) {
			if (deathDate == null) {
				problems.add(new FieldProblem("deathDate", "is required for a grade 5 (fatal) event"));
			}
			if (outcome != AdverseEvent.Outcome.FATAL) {
				problems.add(new FieldProblem("outcome", "must be FATAL for a grade 5 event"));
			}
			if (!serious.contains(AdverseEvent.Seriousness.DEATH)) {
				problems.add(new FieldProblem("serious", "must include DEATH for a grade 5 event"));
			}
		}
		else {
			if (deathDate != null) {
				problems.add(new FieldProblem("deathDate", "is recorded only for a grade 5 (fatal) event"));
			}
			if (outcome == AdverseEvent.Outcome.FATAL) {
				problems.add(new FieldProblem("outcome", "FATAL requires grade 5"));
			}
			if (serious.contains(AdverseEvent.Seriousness.DEATH)) {
				problems.add(new FieldProblem("serious", "DEATH requires grade 5"));
			}
		}
		if (resolutionDate != null && !outcome.resolved()) {
			problems.add(new FieldProblem("resolutionDate",
					"is recorded only when the outcome is RECOVERED or RECOVERED_WITH_SEQUELAE"));
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
	}

	/** The procedure must be one of this patient's, in the patient's clinic. */
	private Procedure procedure(Patient patient, UUID procedureId) {
		Procedure procedure;
		try {
			procedure = procedures.get(procedureId);
		}
		catch (Refusal ex) {
			throw notVisible(ex, "procedureId", "no such procedure in the patient's clinic");
		}
		if (!procedure.clinicId().equals(patient.clinicId()) || !procedure.patientId().equals(patient.id())) {
			throw Refusal.invalid("procedureId", "no such procedure of this patient");
		}
		return procedure;
	}

	/**
	 * The product must be this patient's: one used in the named procedure, or (with no procedure
	 * named) one taken from the patient, meant for the patient, or used in one of the patient's
	 * procedures. Another patient's product is refused like one that does not exist.
	 */
	private CellProduct product(Patient patient, Procedure procedure, UUID productId) {
		CellProduct product;
		try {
			product = products.get(productId);
		}
		catch (Refusal ex) {
			throw notVisible(ex, "productId", "no such cell product in the patient's clinic");
		}
		if (!product.clinicId().equals(patient.clinicId())) {
			throw Refusal.invalid("productId", "no such cell product in the patient's clinic");
		}
		if (procedure != null) {
			if (procedure.productUnits().stream().noneMatch(u -> u.productId().equals(productId))) {
				throw Refusal.invalid("productId", "not a product used in the procedure named by procedureId");
			}
			return product;
		}
		boolean patients = patient.id().equals(product.patientId()) || patient.id().equals(product.recipientPatientId())
				|| procedures.forPatient(patient.id())
					.stream()
					.anyMatch(p -> p.productUnits().stream().anyMatch(u -> u.productId().equals(productId)));
		if (!patients) {
			throw Refusal.invalid("productId", "no such cell product of this patient");
		}
		return product;
	}

	/** A referenced record that does not exist or is not visible is a field problem, not a 404 of the event. */
	private static Refusal notVisible(Refusal ex, String field, String message) {
		return ex.kind() == Refusal.Kind.NOT_FOUND ? Refusal.invalid(field, message) : ex;
	}

	private AdverseEvent load(UUID clinicId, UUID id) {
		return events.find(List.of(clinicId), id).orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	private static void notInFuture(LocalDate date, String field, LocalDate latest, List<FieldProblem> problems) {
		if (date != null && date.isAfter(latest)) {
			problems.add(new FieldProblem(field, "must not be in the future"));
		}
		else if (ClinicalDates.problem(date, ClinicalDate.Kind.HAPPENED) != null) {
			// The portal's problem report is not bound by Bean Validation: the same bounds, here.
			problems.add(new FieldProblem(field, ClinicalDates.problem(date, ClinicalDate.Kind.HAPPENED)));
		}
	}

	private static void notBeforeOnset(LocalDate date, String field, LocalDate onset, List<FieldProblem> problems) {
		if (date != null && date.isBefore(onset)) {
			problems.add(new FieldProblem(field, "must not be before onset (" + onset + ")"));
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}

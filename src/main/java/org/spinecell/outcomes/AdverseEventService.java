package org.spinecell.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.ApiException;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.SpineCellProperties;
import org.spinecell.procedures.Procedure;
import org.spinecell.procedures.ProcedureService;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording, reading and reviewing adverse events. A serious event opens a safety reporting task
 * in the same transaction (DOMAIN §6, 21 CFR 312.32(c)).
 */
@Service
public class AdverseEventService {

	static final String ENTITY = "AdverseEvent";

	/** Dates are "in the future" only once the day has begun nowhere (UTC+14), whatever the clinic's zone. */
	private static final Clock LATEST_DAY = Clock.system(ZoneOffset.ofHours(14));

	private final PatientService patients;

	private final ProcedureService procedures;

	private final CellProductService products;

	private final AdverseEventRepository events;

	private final SafetyTaskService tasks;

	private final AuditTrail audit;

	private final Clock today;

	AdverseEventService(PatientService patients, ProcedureService procedures, CellProductService products,
			AdverseEventRepository events, SafetyTaskService tasks, AuditTrail audit, SpineCellProperties properties) {
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
		checkRules(request, awareness);
		if (request.procedureId() != null) {
			checkProcedure(patient, request.procedureId());
		}
		CellProduct product = request.productId() == null ? null : product(patient, request.productId());

		UUID id = UUID.randomUUID();
		AdverseEvent event = new AdverseEvent(id, patient.clinicId(), patient.id(), request.procedureId(),
				request.productId(), request.onset(), awareness, request.description(), request.category().strip(),
				request.grade(), request.serious(), request.deathDate(), request.relatednessProcedure(),
				request.relatednessProduct(), request.expected(), blankToNull(request.action()), request.outcome(),
				request.resolutionDate(), request.reporter(), request.reporter() == AdverseEvent.Reporter.CLINICIAN,
				null, null, null, 0, null);
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
		return events.find(CurrentUser.get().clinicIds(), id).orElseThrow(() -> ApiException.notFound(ENTITY));
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

	/** A physician confirms a patient-reported event; an event is reviewed once. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public AdverseEvent review(UUID id, AdverseEventRequests.Review request) {
		AdverseEvent before = get(id);
		if (before.reviewed()) {
			throw ApiException.conflict("The adverse event is already reviewed");
		}
		int expected = request.version() == null ? before.version() : request.version();
		if (!events.review(before.clinicId(), id, blankToNull(request.note()), expected, CurrentUser.get().id())) {
			throw ApiException.conflict("The adverse event was changed by someone else; reload it and try again",
					List.of(new FieldProblem("version", "stale version")));
		}
		AdverseEvent after = load(before.clinicId(), id);
		audit.updated(ENTITY, id, after.clinicId(), before.snapshot(), after.snapshot(), null);
		return after;
	}

	private static void checkRules(AdverseEventRequests.Report request, LocalDate awareness) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate latest = LocalDate.now(LATEST_DAY);
		notInFuture(request.onset(), "onset", latest, problems);
		notInFuture(request.awarenessDate(), "awarenessDate", latest, problems);
		notInFuture(request.deathDate(), "deathDate", latest, problems);
		notInFuture(request.resolutionDate(), "resolutionDate", latest, problems);
		notBeforeOnset(awareness, "awarenessDate", request.onset(), problems);
		notBeforeOnset(request.deathDate(), "deathDate", request.onset(), problems);
		notBeforeOnset(request.resolutionDate(), "resolutionDate", request.onset(), problems);

		boolean fatalGrade = request.grade() == 5;
		if (fatalGrade) {
			if (request.deathDate() == null) {
				problems.add(new FieldProblem("deathDate", "is required for a grade 5 (fatal) event"));
			}
			if (request.outcome() != AdverseEvent.Outcome.FATAL) {
				problems.add(new FieldProblem("outcome", "must be FATAL for a grade 5 event"));
			}
			if (!request.serious().contains(AdverseEvent.Seriousness.DEATH)) {
				problems.add(new FieldProblem("serious", "must include DEATH for a grade 5 event"));
			}
		}
		else {
			if (request.deathDate() != null) {
				problems.add(new FieldProblem("deathDate", "is recorded only for a grade 5 (fatal) event"));
			}
			if (request.outcome() == AdverseEvent.Outcome.FATAL) {
				problems.add(new FieldProblem("outcome", "FATAL requires grade 5"));
			}
			if (request.serious().contains(AdverseEvent.Seriousness.DEATH)) {
				problems.add(new FieldProblem("serious", "DEATH requires grade 5"));
			}
		}
		if (request.resolutionDate() != null && !request.outcome().resolved()) {
			problems.add(new FieldProblem("resolutionDate",
					"is recorded only when the outcome is RECOVERED or RECOVERED_WITH_SEQUELAE"));
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
	}

	/** The procedure must be one of this patient's, in the patient's clinic. */
	private void checkProcedure(Patient patient, UUID procedureId) {
		Procedure procedure;
		try {
			procedure = procedures.get(procedureId);
		}
		catch (ApiException ex) {
			throw notVisible(ex, "procedureId", "no such procedure in the patient's clinic");
		}
		if (!procedure.clinicId().equals(patient.clinicId()) || !procedure.patientId().equals(patient.id())) {
			throw ApiException.invalid("procedureId", "no such procedure of this patient");
		}
	}

	/** The product must be one of the patient's clinic. */
	private CellProduct product(Patient patient, UUID productId) {
		CellProduct product;
		try {
			product = products.get(productId);
		}
		catch (ApiException ex) {
			throw notVisible(ex, "productId", "no such cell product in the patient's clinic");
		}
		if (!product.clinicId().equals(patient.clinicId())) {
			throw ApiException.invalid("productId", "no such cell product in the patient's clinic");
		}
		return product;
	}

	/** A referenced record that does not exist or is not visible is a field problem, not a 404 of the event. */
	private static ApiException notVisible(ApiException ex, String field, String message) {
		return ex.status() == HttpStatus.NOT_FOUND ? ApiException.invalid(field, message) : ex;
	}

	private AdverseEvent load(UUID clinicId, UUID id) {
		return events.find(List.of(clinicId), id).orElseThrow(() -> ApiException.notFound(ENTITY));
	}

	private static void notInFuture(LocalDate date, String field, LocalDate latest, List<FieldProblem> problems) {
		if (date != null && date.isAfter(latest)) {
			problems.add(new FieldProblem(field, "must not be in the future"));
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

package org.spinecell.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.outcomes.safety.AdverseEventRepository;
import org.spinecell.outcomes.safety.AdverseEventRules;
import org.spinecell.outcomes.safety.SafetyTask;
import org.spinecell.outcomes.safety.SafetyTaskService;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.patients.RecordAccess;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.SpineCellProperties;
import org.spinecell.procedures.Procedure;
import org.spinecell.procedures.ProcedureService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reporting and reading adverse events: a clinician's report and a patient's own report through the
 * survey portal. A serious event opens a safety reporting task in the same transaction (DOMAIN §6,
 * 21 CFR 312.32(c)). The rules of the data are {@link AdverseEventRules}; a physician's review of a
 * patient's report is {@code safety.AdverseEventReviewService}.
 */
@Service
public class AdverseEventService {

	public static final String ENTITY = "AdverseEvent";

	/** The longest description a patient can send through the portal. */
	public static final int PATIENT_TEXT_MAX = AdverseEventRules.PATIENT_TEXT_MAX;

	/** An identical report through the same link within this many minutes is a double submission. */
	static final int DUPLICATE_MINUTES = 10;

	/** What a patient's report became: the stored event, and whether it was a repeat of one just sent. */
	public record PatientReported(AdverseEvent event, boolean duplicate) {
	}

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
		AdverseEventRules.checkGraded(request.onset(), request.awarenessDate(), awareness, request.deathDate(), request.resolutionDate(),
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
				request.relatednessProduct(), request.expected(), AdverseEventRules.blankToNull(request.action()), request.outcome(),
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
		AdverseEventRules.checkPatientProblem(problem);
		String text = problem.description().strip();
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

}

package org.spinecell.outcomes;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.outcomes.interventions.InterventionRepository;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.patients.SpinalLevel;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import org.spinecell.procedures.Procedure;
import org.spinecell.procedures.ProcedureService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording later interventions (the failure end point), each audited on the clinic's chain. */
@Service
public class InterventionService {

	static final String ENTITY = "Intervention";

	/** Dates are "in the future" only once the day has begun nowhere (UTC+14), whatever the clinic's zone. */
	private static final Clock LATEST_DAY = Clock.system(ZoneOffset.ofHours(14));

	private final PatientService patients;

	private final ProcedureService procedures;

	private final InterventionRepository interventions;

	private final AuditTrail audit;

	InterventionService(PatientService patients, ProcedureService procedures, InterventionRepository interventions,
			AuditTrail audit) {
		this.patients = patients;
		this.procedures = procedures;
		this.interventions = interventions;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Intervention record(UUID patientId, InterventionRequest request) {
		Patient patient = MedicationService.writable(patients.get(patientId));
		List<FieldProblem> problems = new ArrayList<>();
		if (request.date().isAfter(LocalDate.now(LATEST_DAY))) {
			problems.add(new FieldProblem("date", "must not be in the future"));
		}
		SpinalLevel level = null;
		try {
			level = SpinalLevel.parse(request.level());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("level", ex.getMessage()));
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		if (request.procedureId() != null) {
			checkProcedure(patient, request.procedureId(), request.date());
		}

		UUID id = UUID.randomUUID();
		interventions.insert(new Intervention(id, patient.clinicId(), patientId, request.type(), request.date(), level,
				request.reason().strip(), request.procedureId(), 0, null), CurrentUser.get().id());
		Intervention created = interventions.find(patient.clinicId(), patientId, id)
			.orElseThrow(() -> Refusal.notFound(ENTITY));
		audit.created(ENTITY, id, patient.clinicId(), created.snapshot());
		return created;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<Intervention> list(UUID patientId) {
		Patient patient = patients.get(patientId);
		return interventions.list(patient.clinicId(), patientId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public Intervention get(UUID patientId, UUID interventionId) {
		Patient patient = patients.get(patientId);
		return interventions.find(patient.clinicId(), patientId, interventionId)
			.orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	/** The procedure the intervention follows: this patient's, and not after the intervention. */
	private void checkProcedure(Patient patient, UUID procedureId, LocalDate date) {
		Procedure procedure;
		try {
			procedure = procedures.get(procedureId);
		}
		catch (Refusal ex) {
			if (ex.kind() == Refusal.Kind.NOT_FOUND) {
				throw Refusal.invalid("procedureId", "no such procedure in the patient's clinic");
			}
			throw ex;
		}
		if (!procedure.clinicId().equals(patient.clinicId()) || !procedure.patientId().equals(patient.id())) {
			throw Refusal.invalid("procedureId", "no such procedure of this patient");
		}
		if (procedure.date() != null && date.isBefore(procedure.date())) {
			throw Refusal.invalid("date", "must not be before the procedure it follows (" + procedure.date() + ")");
		}
	}

}

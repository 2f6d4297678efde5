package org.spinecell.procedures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.audit.AuditTrail;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.patients.RecordAccess;
import org.spinecell.platform.ClinicalDate;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Refusal;
import org.spinecell.procedures.careplan.CarePlanRepository;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Care plans around procedures and the sessions attended. */
@Service
public class CarePlanService {

	static final String ENTITY = "CarePlan";

	private final RecordAccess records;

	private final CarePlanRepository plans;

	private final PatientService patients;

	private final ProcedureService procedures;

	private final AuditTrail audit;

	CarePlanService(CarePlanRepository plans, PatientService patients, ProcedureService procedures, AuditTrail audit,
			RecordAccess records) {
		this.plans = plans;
		this.patients = patients;
		this.procedures = procedures;
		this.audit = audit;
		this.records = records;
	}

	public record PlanRequest(@NotNull CarePlan.Kind kind, @NotBlank @Size(max = 1000) String description,
			@Size(max = 1000) String goals, @Min(1) @Max(200) Integer plannedSessions,
			@DecimalMin("0.5") @DecimalMax("14") BigDecimal sessionsPerWeek, UUID procedureId,
			@NotNull @ClinicalDate(ClinicalDate.Kind.PLANNED) LocalDate startDate,
			@ClinicalDate(ClinicalDate.Kind.PLANNED) LocalDate endDate) {
	}

	public record SessionRequest(@NotNull @ClinicalDate LocalDate date, @NotNull Boolean attended,
			CarePlan.Adherence adherence,
			@Size(max = 1000) String note) {
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public CarePlan create(UUID patientId, PlanRequest request) {
		Patient patient = patients.get(patientId);
		if (patient.voided()) {
			throw Refusal.conflict("The patient record is voided");
		}
		if (request.endDate() != null && request.endDate().isBefore(request.startDate())) {
			throw Refusal.invalid("endDate", "must not be before startDate");
		}
		if (request.procedureId() != null) {
			checkProcedure(patient, request.procedureId());
		}
		CarePlan plan = new CarePlan(UUID.randomUUID(), patient.clinicId(), patientId, request.procedureId(),
				request.kind(), request.description(), request.goals(), request.plannedSessions(),
				request.sessionsPerWeek(), request.startDate(), request.endDate(), List.of(), 0);
		plans.insert(plan, CurrentUser.get().id());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("kind", plan.kind().name());
		values.put("description", plan.description());
		values.put("goals", plan.goals());
		values.put("plannedSessions", plan.plannedSessions());
		values.put("startDate", plan.startDate().toString());
		audit.created(ENTITY, plan.id(), plan.clinicId(), values);
		return get(plan.id());
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public CarePlan get(UUID id) {
		return records.read(ENTITY, clinics -> plans.find(clinics, id), CarePlan::clinicId, CarePlan::patientId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public List<CarePlan> forPatient(UUID patientId) {
		Patient patient = patients.get(patientId);
		return plans.forPatient(patient.clinicId(), patientId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public CarePlan recordSession(UUID planId, SessionRequest request) {
		CarePlan plan = get(planId);
		if (request.date().isBefore(plan.startDate()) || request.date().isAfter(LocalDate.now().plusDays(1))) {
			throw Refusal.invalid("date", "must lie between the plan's start and today");
		}
		if (!request.attended() && request.adherence() != null) {
			throw Refusal.invalid("adherence", "only an attended session has an adherence");
		}
		CarePlan.Session session = new CarePlan.Session(UUID.randomUUID(), request.date(), request.attended(),
				request.adherence(), request.note());
		plans.insertSession(plan.clinicId(), planId, session, CurrentUser.get().id());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("date", request.date().toString());
		values.put("attended", request.attended());
		values.put("adherence", request.adherence() == null ? null : request.adherence().name());
		values.put("note", request.note());
		audit.created(ENTITY + ".Session", session.id(), plan.clinicId(), values);
		return get(planId);
	}

	/** The procedure a plan follows: one of this patient's; another's, or none, is a problem of the field. */
	private void checkProcedure(Patient patient, UUID procedureId) {
		Procedure procedure;
		try {
			procedure = procedures.get(procedureId);
		}
		catch (Refusal ex) {
			if (ex.kind() == Refusal.Kind.NOT_FOUND) {
				throw Refusal.invalid("procedureId", "no such procedure of this patient");
			}
			throw ex;
		}
		if (!procedure.clinicId().equals(patient.clinicId()) || !procedure.patientId().equals(patient.id())) {
			throw Refusal.invalid("procedureId", "no such procedure of this patient");
		}
	}

}

package org.spinecell.patients;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.patients.history.HistoryRules;
import org.spinecell.patients.history.PriorTreatmentRepository;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Page;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording and voiding the treatments a patient had before, each audited on the clinic chain. */
@Service
public class PriorTreatmentService {

	static final String ENTITY = "PriorTreatment";

	private final PatientService patients;

	private final PriorTreatmentRepository treatments;

	private final AuditTrail audit;

	private final Clock clock = HistoryRules.LATEST_DAY;

	PriorTreatmentService(PatientService patients, PriorTreatmentRepository treatments, AuditTrail audit) {
		this.patients = patients;
		this.treatments = treatments;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public PriorTreatment record(UUID patientId, PriorTreatmentRequest request) {
		Patient patient = HistoryRules.writable(patients.get(patientId));
		List<FieldProblem> problems = new ArrayList<>();
		HistoryRules.notInFuture(request.startDate(), "startDate", clock, problems);
		HistoryRules.notInFuture(request.endDate(), "endDate", clock, problems);
		if (request.startDate() != null && request.endDate() != null && request.endDate().isBefore(request.startDate())) {
			problems.add(new FieldProblem("endDate", "must not be before startDate"));
		}
		HistoryRules.refuseIfAny(problems);

		UUID id = UUID.randomUUID();
		treatments.insert(new PriorTreatment(id, patient.clinicId(), patientId, request.type(), request.description(),
				request.startDate(), request.endDate(), request.response(), false, null, 0, null, null),
				CurrentUser.get().id());
		PriorTreatment created = load(patient, id);
		audit.created(ENTITY, id, patient.clinicId(), created.snapshot());
		return created;
	}

	/** Voids a treatment recorded in error; nothing is deleted, and the reason is kept. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public PriorTreatment voidTreatment(UUID patientId, UUID treatmentId, String reason, Integer version) {
		Patient patient = HistoryRules.writable(patients.get(patientId));
		PriorTreatment before = load(patient, treatmentId);
		if (before.voided()) {
			throw HistoryRules.alreadyVoided("prior treatment");
		}
		int expected = version == null ? before.version() : version;
		if (!treatments.voidTreatment(patient.clinicId(), treatmentId, reason, expected, CurrentUser.get().id())) {
			throw HistoryRules.stale("prior treatment");
		}
		PriorTreatment after = load(patient, treatmentId);
		audit.record(patient.clinicId(), AuditAction.VOID, ENTITY, treatmentId,
				FieldChange.diff(before.snapshot(), after.snapshot()), reason);
		return after;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public PriorTreatment get(UUID patientId, UUID treatmentId) {
		return load(patients.get(patientId), treatmentId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Page<PriorTreatment> list(UUID patientId, int page, int size, boolean includeVoided) {
		Page.checkParameters(page, size);
		Patient patient = patients.get(patientId);
		return new Page<>(treatments.list(patient.clinicId(), patientId, includeVoided, size, (long) page * size),
				page, size, treatments.count(patient.clinicId(), patientId, includeVoided));
	}

	private PriorTreatment load(Patient patient, UUID treatmentId) {
		return treatments.find(patient.clinicId(), patient.id(), treatmentId)
			.orElseThrow(() -> Refusal.notFound(ENTITY));
	}

}

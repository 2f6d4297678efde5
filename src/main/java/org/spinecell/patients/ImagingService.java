package org.spinecell.patients;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.patients.history.HistoryRules;
import org.spinecell.patients.history.ImagingRepository;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Page;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Recording and voiding a patient's imaging findings, each audited on the patient's clinic chain. */
@Service
public class ImagingService {

	static final String ENTITY = "ImagingFinding";

	static final int MAX_IMPRESSION = 4000;

	private final PatientService patients;

	private final ImagingRepository findings;

	private final AuditTrail audit;

	private final Clock clock = HistoryRules.LATEST_DAY;

	ImagingService(PatientService patients, ImagingRepository findings, AuditTrail audit) {
		this.patients = patients;
		this.findings = findings;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public ImagingFinding record(UUID patientId, ImagingRequest request) {
		Patient patient = HistoryRules.writable(patients.get(patientId));
		List<FieldProblem> problems = new ArrayList<>();
		HistoryRules.notInFuture(request.studyDate(), "studyDate", clock, problems);
		SpinalLevel level = null;
		if (request.level() != null) {
			try {
				level = SpinalLevel.parse(request.level());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("level", ex.getMessage()));
			}
		}
		checkGrades(request, problems);
		HistoryRules.refuseIfAny(problems);

		UUID id = UUID.randomUUID();
		findings.insert(new ImagingFinding(id, patient.clinicId(), patientId, request.modality(), request.studyDate(),
				level, request.pfirrmannScale(), request.pfirrmannGrade(), request.modicType(), request.herniation(),
				request.stenosisGrade(), request.annularFissure(), request.impression(), false, null, 0, null, null),
				CurrentUser.get().id());
		ImagingFinding created = load(patient, id);
		audit.created(ENTITY, id, patient.clinicId(), created.snapshot());
		return created;
	}

	/** Voids a finding recorded in error; nothing is deleted, and the reason is kept. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public ImagingFinding voidFinding(UUID patientId, UUID findingId, String reason, Integer version) {
		Patient patient = HistoryRules.writable(patients.get(patientId));
		ImagingFinding before = load(patient, findingId);
		if (before.voided()) {
			throw HistoryRules.alreadyVoided("imaging finding");
		}
		int expected = version == null ? before.version() : version;
		if (!findings.voidFinding(patient.clinicId(), findingId, reason, expected, CurrentUser.get().id())) {
			throw HistoryRules.stale("imaging finding");
		}
		ImagingFinding after = load(patient, findingId);
		audit.record(patient.clinicId(), AuditAction.VOID, ENTITY, findingId,
				FieldChange.diff(before.snapshot(), after.snapshot()), reason);
		return after;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public ImagingFinding get(UUID patientId, UUID findingId) {
		return load(patients.get(patientId), findingId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Page<ImagingFinding> list(UUID patientId, int page, int size, boolean includeVoided) {
		Page.checkParameters(page, size);
		Patient patient = patients.get(patientId);
		return new Page<>(findings.list(patient.clinicId(), patientId, includeVoided, size, (long) page * size), page,
				size, findings.count(patient.clinicId(), patientId, includeVoided));
	}

	private ImagingFinding load(Patient patient, UUID findingId) {
		return findings.find(patient.clinicId(), patient.id(), findingId).orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	/** Pfirrmann and Modic grades are read from MRI, and a Pfirrmann grade means nothing without its scale. */
	private static void checkGrades(ImagingRequest request, List<FieldProblem> problems) {
		boolean mri = request.modality() == ImagingFinding.Modality.MRI;
		Integer grade = request.pfirrmannGrade();
		if (grade != null) {
			if (!mri) {
				problems.add(new FieldProblem("pfirrmannGrade", "Pfirrmann grades are read from MRI only"));
			}
			else if (request.pfirrmannScale() == null) {
				problems.add(new FieldProblem("pfirrmannGrade", "give the pfirrmannScale the grade is on"));
			}
			else if (!request.pfirrmannScale().hasGrade(grade)) {
				problems.add(new FieldProblem("pfirrmannGrade", "must be between 1 and "
						+ request.pfirrmannScale().highestGrade() + " on the " + request.pfirrmannScale() + " scale"));
			}
		}
		if (request.modicType() != null && !mri) {
			problems.add(new FieldProblem("modicType", "Modic changes are read from MRI only"));
		}
	}

}

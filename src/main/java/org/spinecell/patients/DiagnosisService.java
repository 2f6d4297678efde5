package org.spinecell.patients;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.patients.history.DiagnosisRepository;
import org.spinecell.patients.history.HistoryRules;
import org.spinecell.patients.history.Icd10Catalogue;
import org.spinecell.patients.history.Icd10Code;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Page;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording, changing and voiding a patient's spine diagnoses. A diagnosis names a billable code of
 * the catalogue and levels inside the code's region; making one primary makes the others
 * non-primary, each change audited on the patient's clinic chain.
 */
@Service
public class DiagnosisService {

	static final String ENTITY = "Diagnosis";

	static final int MAX_DURATION_MONTHS = 1200;

	private final PatientService patients;

	private final DiagnosisRepository diagnoses;

	private final Icd10Catalogue codes;

	private final AuditTrail audit;

	private final Clock clock = HistoryRules.LATEST_DAY;

	DiagnosisService(PatientService patients, DiagnosisRepository diagnoses, Icd10Catalogue codes, AuditTrail audit) {
		this.patients = patients;
		this.diagnoses = diagnoses;
		this.codes = codes;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Diagnosis record(UUID patientId, DiagnosisRequests.Create request) {
		Patient patient = HistoryRules.writable(patients.get(patientId));
		List<FieldProblem> problems = new ArrayList<>();
		Optional<Icd10Code> code = checkCode(request.icd10(), problems);
		List<SpinalLevel> levels = checkLevels(request.levels(), code.map(Icd10Code::region).orElse(null),
				code.map(Icd10Code::code).orElse(null), problems);
		HistoryRules.notInFuture(request.onsetDate(), "onsetDate", clock, problems);
		HistoryRules.refuseIfAny(problems);

		UUID id = UUID.randomUUID();
		if (request.primary()) {
			demoteOtherPrimaries(patient, id);
		}
		Icd10Code icd10 = code.orElseThrow();
		diagnoses.insert(new Diagnosis(id, patient.clinicId(), patientId, icd10.code(), icd10.description(),
				icd10.family(), icd10.region(), levels, request.side(), request.onsetDate(),
				request.symptomDurationMonths(), request.primary(), request.status(), false, null, 0, null, null),
				CurrentUser.get().id());
		Diagnosis created = load(patient, id);
		audit.created(ENTITY, id, patient.clinicId(), created.snapshot());
		return created;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Diagnosis change(UUID patientId, UUID diagnosisId, DiagnosisRequests.Change request) {
		Patient patient = HistoryRules.writable(patients.get(patientId));
		Diagnosis before = load(patient, diagnosisId);
		if (before.voided()) {
			throw Refusal.conflict("The diagnosis is voided and cannot be changed");
		}
		if (before.version() != request.version()) {
			throw HistoryRules.stale("diagnosis");
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<SpinalLevel> levels = checkLevels(request.levels(), before.region(), before.icd10(), problems);
		HistoryRules.refuseIfAny(problems);

		boolean primary = request.primary() == null ? before.primary() : request.primary();
		if (primary && !before.primary()) {
			demoteOtherPrimaries(patient, diagnosisId);
		}
		Diagnosis changed = new Diagnosis(diagnosisId, before.clinicId(), patientId, before.icd10(),
				before.description(), before.family(), before.region(), levels, request.side(), before.onsetDate(),
				before.symptomDurationMonths(), primary, request.status(), false, null, before.version(),
				before.createdAt(), before.updatedAt());
		if (!diagnoses.update(changed, request.version(), CurrentUser.get().id())) {
			throw HistoryRules.stale("diagnosis");
		}
		Diagnosis after = load(patient, diagnosisId);
		audit.updated(ENTITY, diagnosisId, patient.clinicId(), before.snapshot(), after.snapshot(), null);
		return after;
	}

	/** Voids a diagnosis recorded in error; nothing is deleted, and the reason is kept. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Diagnosis voidDiagnosis(UUID patientId, UUID diagnosisId, String reason, Integer version) {
		Patient patient = HistoryRules.writable(patients.get(patientId));
		Diagnosis before = load(patient, diagnosisId);
		if (before.voided()) {
			throw HistoryRules.alreadyVoided("diagnosis");
		}
		int expected = version == null ? before.version() : version;
		if (!diagnoses.voidDiagnosis(patient.clinicId(), diagnosisId, reason, expected, CurrentUser.get().id())) {
			throw HistoryRules.stale("diagnosis");
		}
		Diagnosis after = load(patient, diagnosisId);
		audit.record(patient.clinicId(), AuditAction.VOID, ENTITY, diagnosisId,
				FieldChange.diff(before.snapshot(), after.snapshot()), reason);
		return after;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Diagnosis get(UUID patientId, UUID diagnosisId) {
		return load(patients.get(patientId), diagnosisId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Page<Diagnosis> list(UUID patientId, int page, int size, boolean includeVoided) {
		Page.checkParameters(page, size);
		Patient patient = patients.get(patientId);
		return new Page<>(
				diagnoses.list(patient.clinicId(), patientId, includeVoided, size, (long) page * size), page, size,
				diagnoses.count(patient.clinicId(), patientId, includeVoided));
	}

	private Diagnosis load(Patient patient, UUID diagnosisId) {
		return diagnoses.find(patient.clinicId(), patient.id(), diagnosisId)
			.orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	/** Makes every other primary diagnosis of the patient non-primary, auditing each. */
	private void demoteOtherPrimaries(Patient patient, UUID newPrimaryId) {
		UUID actor = CurrentUser.get().id();
		for (Diagnosis other : diagnoses.otherPrimaries(patient.clinicId(), patient.id(), newPrimaryId)) {
			diagnoses.clearPrimary(patient.clinicId(), other.id(), actor);
			audit.updated(ENTITY, other.id(), patient.clinicId(), Map.of("primary", true), Map.of("primary", false),
					"another diagnosis became primary");
		}
	}

	private Optional<Icd10Code> checkCode(String text, List<FieldProblem> problems) {
		Optional<Icd10Code> code = codes.find(text);
		if (code.isEmpty()) {
			problems.add(new FieldProblem("icd10", "not a code of the ICD-10-CM spine catalogue"));
		}
		else if (!code.get().billable()) {
			problems.add(new FieldProblem("icd10", "a category heading, not a billable code; choose a more specific one"));
			return Optional.empty();
		}
		return code;
	}

	/**
	 * Parses each level and checks it lies in the region; problems name the level's index. With no
	 * region (the code was refused) only the form is checked.
	 */
	private static List<SpinalLevel> checkLevels(List<String> texts, SpineRegion region, String code,
			List<FieldProblem> problems) {
		List<SpinalLevel> levels = new ArrayList<>();
		Set<SpinalLevel> seen = new HashSet<>();
		for (int i = 0; i < texts.size(); i++) {
			String field = "levels[" + i + "]";
			try {
				SpinalLevel level = SpinalLevel.parse(texts.get(i));
				if (region != null && !region.allows(level)) {
					problems.add(new FieldProblem(field,
							level + " is not a level of the " + region + " region that " + code + " names"));
				}
				else if (!seen.add(level)) {
					problems.add(new FieldProblem(field, level + " is listed twice"));
				}
				levels.add(level);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem(field, ex.getMessage()));
			}
		}
		return levels.stream().distinct().sorted().toList();
	}

}

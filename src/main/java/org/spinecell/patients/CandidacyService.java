package org.spinecell.patients;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.candidacy.CandidacyFacts;
import org.spinecell.patients.candidacy.CandidacyRepository;
import org.spinecell.patients.candidacy.CandidacyRuleSet;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Candidacy screening: evaluates the checklist and the patient's record against the clinic's
 * current rule set (or the shipped default), stores the decision with its inputs and reasons,
 * and lets a physician override it with a recorded reason. Clinics publish new rule-set versions;
 * published versions are never changed.
 */
@Service
public class CandidacyService {

	static final String ENTITY = "CandidacyAssessment";

	static final String SOURCE_DEFAULT = "DEFAULT";

	static final String SOURCE_CLINIC = "CLINIC";

	private final PatientService patients;

	private final PatientHistoryService history;

	private final CandidacyRepository repository;

	private final AuditTrail audit;

	CandidacyService(PatientService patients, PatientHistoryService history, CandidacyRepository repository,
			AuditTrail audit) {
		this.patients = patients;
		this.history = history;
		this.repository = repository;
		this.audit = audit;
	}

	/** The rule set a clinic screens with now, and where it comes from. */
	public record RuleSetInUse(CandidacyRuleSet ruleSet, String source) {
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public CandidacyAssessment assess(UUID patientId, Map<String, Boolean> checklist) {
		Patient patient = patients.get(patientId);
		if (patient.voided()) {
			throw Refusal.conflict("The patient record is voided");
		}
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		CandidacyInput input = new CandidacyInput(checklist,
				CandidacyFacts.of(patient, history.historyOf(patientId), today));
		RuleSetInUse inUse = ruleSetFor(patient.clinicId());
		CandidacyDecision decision = inUse.ruleSet().evaluate(input);
		UUID actor = CurrentUser.get().id();
		CandidacyAssessment assessment = new CandidacyAssessment(UUID.randomUUID(), patient.clinicId(), patientId,
				checklist, input.asMap(), decision.decision(), decision.reasons(), decision.ruleSetName(),
				decision.ruleSetVersion(), inUse.source(), null, actor, null, null, null, null, 0);
		repository.insert(assessment);
		Map<String, Object> recorded = new LinkedHashMap<>();
		recorded.put("patientId", patientId.toString());
		recorded.put("decision", decision.decision().name());
		recorded.put("reasons", decision.reasons().stream().map(CandidacyDecision.Reason::rule).toList());
		recorded.put("ruleSet", decision.ruleSetName() + " v" + decision.ruleSetVersion());
		recorded.put("inputs", input.asMap());
		audit.created(ENTITY, assessment.id(), patient.clinicId(), recorded);
		return get(patientId, assessment.id());
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public CandidacyAssessment get(UUID patientId, UUID assessmentId) {
		Patient patient = patients.get(patientId);
		return repository.find(patient.clinicId(), patientId, assessmentId)
			.orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	/** The patient's screenings, newest first. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public List<CandidacyAssessment> forPatient(UUID patientId) {
		Patient patient = patients.get(patientId);
		return repository.forPatient(patient.clinicId(), patientId);
	}

	/** The most recent screening, whose effective decision governs treatment. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Optional<CandidacyAssessment> latest(UUID patientId) {
		return forPatient(patientId).stream().findFirst();
	}

	/** A physician's decision that replaces the rules' decision; the reason is required and audited. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public CandidacyAssessment override(UUID patientId, UUID assessmentId, Decision decision, String reason,
			int version) {
		CandidacyAssessment before = get(patientId, assessmentId);
		if (!repository.override(before.clinicId(), assessmentId, decision, reason, version, CurrentUser.get().id())) {
			throw Refusal.conflict("The screening was changed by someone else; reload it and try again",
					List.of(new FieldProblem("version", "stale version")));
		}
		CandidacyAssessment after = get(patientId, assessmentId);
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("overrideDecision", new FieldChange(name(before.overrideDecision()), decision.name()));
		changes.put("overrideReason", new FieldChange(before.overrideReason(), reason));
		audit.record(after.clinicId(), AuditAction.UPDATE, ENTITY, assessmentId, changes, reason);
		return after;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public RuleSetInUse currentRuleSet(UUID clinicId) {
		requireMember(clinicId);
		return ruleSetFor(clinicId);
	}

	/**
	 * Publishes a clinic's own rule set. It must validate and carry a higher version than the one
	 * in use, so every stored decision keeps pointing at the exact rules it was made with.
	 */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public RuleSetInUse publish(UUID clinicId, String json) {
		requireMember(clinicId);
		CandidacyRuleSet ruleSet = CandidacyRuleSet.parse(json);
		RuleSetInUse current = ruleSetFor(clinicId);
		if (ruleSet.version() <= current.ruleSet().version()) {
			throw Refusal.conflict("A new rule set needs a higher version than the one in use",
					List.of(new FieldProblem("version",
							"must be greater than " + current.ruleSet().version() + ", the version in use")));
		}
		repository.publishRuleSet(clinicId, ruleSet, CurrentUser.get().id());
		Map<String, Object> recorded = new LinkedHashMap<>();
		recorded.put("name", ruleSet.name());
		recorded.put("version", ruleSet.version());
		recorded.put("rules", ruleSet.toJson());
		audit.created("CandidacyRuleSet", clinicId + ":" + ruleSet.version(), clinicId, recorded);
		return new RuleSetInUse(ruleSet, SOURCE_CLINIC);
	}

	private RuleSetInUse ruleSetFor(UUID clinicId) {
		return repository.currentRuleSet(clinicId)
			.map(published -> new RuleSetInUse(CandidacyRuleSet.parse(published.rules()), SOURCE_CLINIC))
			.orElseGet(() -> new RuleSetInUse(CandidacyRuleSet.defaultRules(), SOURCE_DEFAULT));
	}

	private static void requireMember(UUID clinicId) {
		if (!CurrentUser.get().isMemberOf(clinicId)) {
			throw Refusal.notFound("Clinic");
		}
	}

	private static String name(Decision decision) {
		return decision == null ? null : decision.name();
	}

}

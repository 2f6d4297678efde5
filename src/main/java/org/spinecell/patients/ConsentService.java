package org.spinecell.patients;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.patients.history.Consent;
import org.spinecell.patients.history.ConsentHistory;
import org.spinecell.patients.history.ConsentRepository;
import org.spinecell.patients.history.HistoryRules;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording consent decisions. Each decision is a new row recorded by the signed-in user and
 * audited; nothing is overwritten, so the history shows who recorded what, and when.
 */
@Service
public class ConsentService {

	static final String ENTITY = "Consent";

	private final PatientService patients;

	private final ConsentRepository consents;

	private final AuditTrail audit;

	private final Clock clock = HistoryRules.LATEST_DAY;

	ConsentService(PatientService patients, ConsentRepository consents, AuditTrail audit) {
		this.patients = patients;
		this.consents = consents;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Consent record(UUID patientId, ConsentRequest request) {
		Patient patient = HistoryRules.writable(patients.get(patientId));
		List<FieldProblem> problems = new ArrayList<>();
		HistoryRules.notInFuture(request.effectiveDate(), "effectiveDate", clock, problems);
		if (request.status() == ConsentStatus.GIVEN && (request.formVersion() == null || request.formVersion().isBlank())) {
			problems.add(new FieldProblem("formVersion", "name the version of the form the patient signed"));
		}
		HistoryRules.refuseIfAny(problems);
		if (request.status() == ConsentStatus.WITHDRAWN
				&& !consents.current(patient.clinicId(), patientId, request.type()).map(Consent::isGiven).orElse(false)) {
			throw Refusal.conflict("The patient has no current " + request.type() + " consent to withdraw",
					List.of(new FieldProblem("status", "nothing to withdraw")));
		}

		CurrentUser user = CurrentUser.get();
		UUID id = UUID.randomUUID();
		consents.insert(new Consent(id, patient.clinicId(), patientId, request.type(), request.status(),
				request.effectiveDate(), request.formVersion(), user.id(), user.displayName(), null, request.note()));
		Consent created = load(patient, id);
		audit.created(ENTITY, id, patient.clinicId(), created.snapshot());
		return created;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Consent get(UUID patientId, UUID consentId) {
		return load(patients.get(patientId), consentId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public ConsentHistory history(UUID patientId) {
		Patient patient = patients.get(patientId);
		return ConsentHistory.of(consents.history(patient.clinicId(), patientId));
	}

	private Consent load(Patient patient, UUID consentId) {
		return consents.find(patient.clinicId(), patient.id(), consentId).orElseThrow(() -> Refusal.notFound(ENTITY));
	}

}

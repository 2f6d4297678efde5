package org.spinecell.patients.breakglass;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Break-glass access: a physician opens one patient of a clinic they do not belong to, giving a
 * reason, for a limited time and for reading only. The database enforces the same limits (see
 * {@code V19__break_glass.sql}); this service checks who may ask, records every step in the audit
 * trail and shows the grants to the clinic's administrators.
 * <p>
 * Entries go to the global audit chain: the physician is outside the patient's clinic, so they can
 * neither read nor extend that clinic's chain. Each entry names the clinic and the patient.
 */
@Service
public class BreakGlassService {

	static final String ENTITY = "BreakGlassGrant";

	private static final int ADMIN_DAYS = 30;

	private static final int ADMIN_LIMIT = 200;

	private final BreakGlassRepository grants;

	private final BreakGlassSettings settings;

	private final AuditTrail audit;

	private final BreakGlassAudit outsideAudit;

	BreakGlassService(BreakGlassRepository grants, BreakGlassSettings settings, AuditTrail audit,
			BreakGlassAudit outsideAudit) {
		this.grants = grants;
		this.settings = settings;
		this.audit = audit;
		this.outsideAudit = outsideAudit;
	}

	/** Opens the named patient to the signed-in physician; 404 when no such patient exists. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public BreakGlassGrant open(BreakGlassRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		String reason = request.reason() == null ? "" : request.reason().strip();
		if (reason.length() < settings.minReasonLength()) {
			problems.add(new FieldProblem("reason",
					"say why you need this patient's records, in at least " + settings.minReasonLength() + " characters"));
		}
		boolean byMrn = request.clinicId() != null && request.mrn() != null && !request.mrn().isBlank();
		if (request.patientId() == null && !byMrn) {
			problems.add(new FieldProblem("patientId", "name the patient by id, or by clinic and medical record number"));
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		BreakGlassRepository.PatientKey patient = grants
			.findPatient(request.clinicId(), byMrn ? request.mrn().strip() : null, request.patientId())
			.orElse(null);
		if (patient == null) {
			outsideAudit.refused(request, "no such patient");
			throw Refusal.notFound(PatientService.ENTITY);
		}
		CurrentUser user = CurrentUser.get();
		if (user.isMemberOf(patient.clinicId())) {
			outsideAudit.refused(request, "a patient of the physician's own clinic");
			throw Refusal.conflict("You work in this patient's clinic; open the chart directly",
					List.of(new FieldProblem("patientId", "a patient of your own clinic")));
		}
		UUID id = UUID.randomUUID();
		grants.insert(id, patient, user.id(), user.displayName(), reason, settings.duration());
		BreakGlassGrant grant = grants.find(id).orElseThrow();
		audit.record(null, AuditAction.CREATE, ENTITY, id, FieldChange.created(grant.snapshot()), reason);
		return grant;
	}

	/** Ends a grant early: by its physician, or by an administrator of its clinic. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'ADMIN')")
	@Transactional
	public BreakGlassGrant end(UUID id) {
		CurrentUser user = CurrentUser.get();
		BreakGlassGrant grant = grants.find(id)
			.filter(g -> g.physicianId().equals(user.id()) || adminOf(user, g.clinicId()))
			.orElseThrow(() -> Refusal.notFound(ENTITY));
		if (!grants.end(grant.clinicId(), id, user.id())) {
			throw Refusal.conflict("The grant has already ended");
		}
		BreakGlassGrant ended = grants.find(id).orElseThrow();
		audit.record(null, AuditAction.UPDATE, ENTITY, id, FieldChange.diff(grant.snapshot(), ended.snapshot()),
				"ended early");
		return ended;
	}

	/** The signed-in physician's active grants. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional(readOnly = true)
	public List<BreakGlassGrant> mine() {
		return grants.activeFor(CurrentUser.get().id());
	}

	/** A clinic's grants of the last 30 days and any still active, for its administrators. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<BreakGlassGrant> forClinic(UUID clinicId) {
		if (!CurrentUser.get().isMemberOf(clinicId)) {
			throw Refusal.notFound("Clinic");
		}
		return grants.forClinic(clinicId, ADMIN_DAYS, ADMIN_LIMIT);
	}

	/** The active grants in the signed-in administrator's clinics, for the dashboard notice. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<BreakGlassGrant> activeInMyClinics() {
		return CurrentUser.get()
			.clinicIds()
			.stream()
			.flatMap(clinic -> grants.forClinic(clinic, 0, ADMIN_LIMIT).stream())
			.filter(BreakGlassGrant::active)
			.toList();
	}

	private static boolean adminOf(CurrentUser user, UUID clinicId) {
		return user.hasRole(Role.ADMIN) && user.isMemberOf(clinicId);
	}

}

package org.spinecell.patients.breakglass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.platform.CurrentUser;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The break-glass entries that must be written outside the caller's transaction: reads (which run
 * in read-only transactions) and refused requests (whose transaction rolls back). All go to the
 * global chain, because the physician can neither read nor extend the other clinic's chain.
 */
@Component
class BreakGlassAudit {

	private final BreakGlassRepository grants;

	private final AuditTrail audit;

	BreakGlassAudit(BreakGlassRepository grants, AuditTrail audit) {
		this.grants = grants;
		this.audit = audit;
	}

	/**
	 * The signed-in physician read a patient's record under a grant; {@code what} names the request.
	 * {@code patientId} is null when only row-level security ties the record to a granted patient
	 * (a cell product given in one of their procedures); the entry then names the clinic's grant.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void read(UUID clinicId, UUID patientId, String what) {
		UUID grantId = grants.activeFor(CurrentUser.get().id())
			.stream()
			.filter(g -> g.clinicId().equals(clinicId) && (patientId == null || g.patientId().equals(patientId)))
			.map(BreakGlassGrant::id)
			.findFirst()
			.orElse(null);
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("clinicId", new FieldChange(null, clinicId.toString()));
		changes.put("patientId", new FieldChange(null, patientId == null ? null : patientId.toString()));
		changes.put("read", new FieldChange(null, what));
		UUID entityId = grantId != null ? grantId : patientId != null ? patientId : clinicId;
		audit.record(null, AuditAction.ACCESS, BreakGlassService.ENTITY, entityId, changes, "break-glass read");
	}

	/**
	 * A request that was refused after validation (no such patient, or one of the physician's own
	 * clinics), kept so that probing for record numbers of other clinics leaves a trace.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void refused(BreakGlassRequest request, String why) {
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("patientId", new FieldChange(null, request.patientId() == null ? null : request.patientId().toString()));
		changes.put("clinicId", new FieldChange(null, request.clinicId() == null ? null : request.clinicId().toString()));
		changes.put("mrn", new FieldChange(null, request.mrn()));
		changes.put("refused", new FieldChange(null, why));
		audit.record(null, AuditAction.ACCESS, BreakGlassService.ENTITY, "refused", changes, request.reason());
	}

}

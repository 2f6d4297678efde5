package org.spinecell.audit;

import java.util.Map;
import java.util.UUID;

import org.spinecell.platform.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit entries. Each call joins the caller's transaction (and refuses to run without
 * one), so the entry commits or rolls back together with the change it describes.
 */
@Service
public class AuditTrail {

	/** The chain for events that belong to no clinic, such as account changes. */
	public static final UUID GLOBAL_CHAIN = new UUID(0, 0);

	private final AuditRepository repository;

	AuditTrail(AuditRepository repository) {
		this.repository = repository;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void created(String entityType, Object entityId, UUID clinicId, Map<String, ?> values) {
		record(clinicId, AuditAction.CREATE, entityType, entityId, FieldChange.created(values), null);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void updated(String entityType, Object entityId, UUID clinicId, Map<String, ?> before,
			Map<String, ?> after, String reason) {
		Map<String, FieldChange> changes = FieldChange.diff(before, after);
		if (!changes.isEmpty()) {
			record(clinicId, AuditAction.UPDATE, entityType, entityId, changes, reason);
		}
	}

	/**
	 * Records one entry.
	 * @param clinicId the clinic the record belongs to, or {@code null} for the global chain
	 * @param reason why, where the change needs one; may be {@code null}
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(UUID clinicId, AuditAction action, String entityType, Object entityId,
			Map<String, FieldChange> changes, String reason) {
		CurrentUser actor = CurrentUser.get();
		UUID chain = clinicId == null ? GLOBAL_CHAIN : clinicId;
		repository.append(new NewEntry(chain, actor.id(), actor.username(), action, entityType,
				String.valueOf(entityId), changes, reason, remoteAddress()));
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

	record NewEntry(UUID clinicId, UUID actorId, String actorUsername, AuditAction action, String entityType,
			String entityId, Map<String, FieldChange> changes, String reason, String remoteAddr) {
	}

}

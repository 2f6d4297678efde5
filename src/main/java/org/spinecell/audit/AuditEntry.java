package org.spinecell.audit;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One entry of the trail as auditors read it.
 *
 * @param changes field-level changes as JSON: {@code {"field":{"oldValue":..,"newValue":..}}}
 */
public record AuditEntry(long id, UUID clinicId, long seq, Instant occurredAt, UUID actorId, String actorUsername,
		AuditAction action, String entityType, String entityId, @JsonRawValue String changes, String reason,
		String remoteAddr, String prevHash, String hash) {
}

package org.spinecell.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.spinecell.patients.SpinalLevel;

/**
 * A later intervention at the spine after treatment: surgery or a repeat injection. It is the
 * failure end point of the registry ("no further intervention at the treated level"), so the
 * level is a validated spinal level and {@code procedureId} may name the treatment it follows.
 */
public record Intervention(UUID id, UUID clinicId, UUID patientId, Type type, LocalDate date, SpinalLevel level,
		String reason, UUID procedureId, int version, Instant createdAt) {

	public enum Type {

		SURGERY, REPEAT_INJECTION

	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("type", type.name());
		values.put("date", date.toString());
		values.put("level", level.toString());
		values.put("reason", reason);
		values.put("procedureId", procedureId == null ? null : procedureId.toString());
		return values;
	}

}

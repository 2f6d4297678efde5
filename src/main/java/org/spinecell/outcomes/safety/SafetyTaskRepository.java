package org.spinecell.outcomes.safety;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for safety reporting tasks; every query names the clinics. */
@Repository
class SafetyTaskRepository {

	private static final String SELECT = """
			SELECT id, clinic_id, adverse_event_id, patient_id, rule, awareness_date, due_date, status, completed_at,
			       completed_by, completion_note, version, created_at
			FROM safety_task
			""";

	private final JdbcClient jdbc;

	SafetyTaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SafetyTask task, UUID actor) {
		jdbc.sql("""
				INSERT INTO safety_task (clinic_id, id, adverse_event_id, patient_id, rule, awareness_date, due_date,
				                         created_by, updated_by)
				VALUES (:clinicId, :id, :eventId, :patientId, :rule, :awareness, :due, :actor, :actor)
				""")
			.param("clinicId", task.clinicId())
			.param("id", task.id())
			.param("eventId", task.adverseEventId())
			.param("patientId", task.patientId())
			.param("rule", task.rule().name())
			.param("awareness", task.awarenessDate())
			.param("due", task.dueDate())
			.param("actor", actor)
			.update();
	}

	/** Completes the task if it is still open and at the version the caller read. */
	boolean complete(UUID clinicId, UUID id, String note, int expectedVersion, UUID actor) {
		return jdbc.sql("""
				UPDATE safety_task
				SET status = 'COMPLETED', completed_at = now(), completed_by = :actor, completion_note = :note,
				    version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version AND status = 'OPEN'
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("note", note)
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	Optional<SafetyTask> find(Collection<UUID> clinicIds, UUID id) {
		if (clinicIds.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + "WHERE clinic_id IN (:clinicIds) AND id = :id")
			.param("clinicIds", clinicIds)
			.param("id", id)
			.query(SafetyTaskRepository::map)
			.optional();
	}

	/** Tasks of the clinics in one status, the earliest due first. */
	List<SafetyTask> list(Collection<UUID> clinicIds, SafetyTask.Status status, int limit) {
		if (clinicIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				WHERE clinic_id IN (:clinicIds) AND status = :status
				ORDER BY due_date, created_at, id
				LIMIT :limit
				""")
			.param("clinicIds", clinicIds)
			.param("status", status.name())
			.param("limit", limit)
			.query(SafetyTaskRepository::map)
			.list();
	}

	/** The tasks an adverse event opened. */
	List<SafetyTask> forEvent(UUID clinicId, UUID adverseEventId) {
		return jdbc.sql(SELECT + "WHERE clinic_id = :clinicId AND adverse_event_id = :eventId ORDER BY due_date, id")
			.param("clinicId", clinicId)
			.param("eventId", adverseEventId)
			.query(SafetyTaskRepository::map)
			.list();
	}

	private static SafetyTask map(ResultSet rs, int row) throws SQLException {
		Timestamp completedAt = rs.getTimestamp("completed_at");
		return new SafetyTask(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("adverse_event_id", UUID.class), rs.getObject("patient_id", UUID.class),
				SafetyTask.Rule.valueOf(rs.getString("rule")), rs.getObject("awareness_date", LocalDate.class),
				rs.getObject("due_date", LocalDate.class), SafetyTask.Status.valueOf(rs.getString("status")),
				completedAt == null ? null : completedAt.toInstant(), rs.getObject("completed_by", UUID.class),
				rs.getString("completion_note"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant());
	}

}

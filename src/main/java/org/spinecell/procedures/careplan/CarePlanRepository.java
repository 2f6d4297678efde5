package org.spinecell.procedures.careplan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.procedures.CarePlan;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CarePlanRepository {

	private static final String COLUMNS = """
			id, clinic_id, patient_id, procedure_id, kind, description, goals, planned_sessions, sessions_per_week,
			start_date, end_date, version
			""";

	private final JdbcClient jdbc;

	CarePlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(CarePlan plan, UUID actor) {
		jdbc.sql("""
				INSERT INTO care_plan (clinic_id, id, patient_id, procedure_id, kind, description, goals,
				    planned_sessions, sessions_per_week, start_date, end_date, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :procedureId, :kind, :description, :goals, :planned, :perWeek,
				    :start, :end, :actor, :actor)
				""")
			.param("clinicId", plan.clinicId())
			.param("id", plan.id())
			.param("patientId", plan.patientId())
			.param("procedureId", plan.procedureId())
			.param("kind", plan.kind().name())
			.param("description", plan.description())
			.param("goals", plan.goals())
			.param("planned", plan.plannedSessions())
			.param("perWeek", plan.sessionsPerWeek())
			.param("start", plan.startDate())
			.param("end", plan.endDate())
			.param("actor", actor)
			.update();
	}

	public void insertSession(UUID clinicId, UUID planId, CarePlan.Session session, UUID actor) {
		jdbc.sql("""
				INSERT INTO care_session (clinic_id, id, care_plan_id, session_date, attended, adherence, note, recorded_by)
				VALUES (:clinicId, :id, :planId, :date, :attended, :adherence, :note, :actor)
				""")
			.param("clinicId", clinicId)
			.param("id", session.id())
			.param("planId", planId)
			.param("date", session.date())
			.param("attended", session.attended())
			.param("adherence", session.adherence() == null ? null : session.adherence().name())
			.param("note", session.note())
			.param("actor", actor)
			.update();
	}

	public Optional<CarePlan> find(Collection<UUID> clinics, UUID id) {
		if (clinics.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM care_plan WHERE clinic_id IN (:clinics) AND id = :id AND NOT voided")
			.param("clinics", clinics)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	public List<CarePlan> forPatient(UUID clinicId, UUID patientId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM care_plan WHERE clinic_id = :clinicId AND patient_id = :patientId AND NOT voided
				ORDER BY start_date DESC, id
				""").param("clinicId", clinicId).param("patientId", patientId).query(this::map).list();
	}

	private CarePlan map(ResultSet rs, int row) throws SQLException {
		UUID clinicId = rs.getObject("clinic_id", UUID.class);
		UUID id = rs.getObject("id", UUID.class);
		Object planned = rs.getObject("planned_sessions");
		List<CarePlan.Session> sessions = jdbc.sql("""
				SELECT id, session_date, attended, adherence, note FROM care_session
				WHERE clinic_id = :clinicId AND care_plan_id = :id ORDER BY session_date, recorded_at
				""").param("clinicId", clinicId).param("id", id).query((s, i) -> {
			String adherence = s.getString("adherence");
			return new CarePlan.Session(s.getObject("id", UUID.class), s.getObject("session_date", LocalDate.class),
					s.getBoolean("attended"), adherence == null ? null : CarePlan.Adherence.valueOf(adherence),
					s.getString("note"));
		}).list();
		return new CarePlan(id, clinicId, rs.getObject("patient_id", UUID.class), rs.getObject("procedure_id", UUID.class),
				CarePlan.Kind.valueOf(rs.getString("kind")), rs.getString("description"), rs.getString("goals"),
				planned == null ? null : ((Number) planned).intValue(), rs.getBigDecimal("sessions_per_week"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), sessions,
				rs.getInt("version"));
	}

}

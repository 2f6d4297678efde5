package org.spinecell.outcomes.interventions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.outcomes.Intervention;
import org.spinecell.patients.SpinalLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for later interventions; every query names the clinic as well as the patient. */
@Repository
public class InterventionRepository {

	private static final String SELECT = """
			SELECT id, clinic_id, patient_id, type, date, level, reason, procedure_id, version, created_at
			FROM intervention
			""";

	private final JdbcClient jdbc;

	InterventionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Intervention intervention, UUID actor) {
		jdbc.sql("""
				INSERT INTO intervention (clinic_id, id, patient_id, type, date, level, reason, procedure_id, created_by,
				                          updated_by)
				VALUES (:clinicId, :id, :patientId, :type, :date, :level, :reason, :procedureId, :actor, :actor)
				""")
			.param("clinicId", intervention.clinicId())
			.param("id", intervention.id())
			.param("patientId", intervention.patientId())
			.param("type", intervention.type().name())
			.param("date", intervention.date())
			.param("level", intervention.level().toString())
			.param("reason", intervention.reason())
			.param("procedureId", intervention.procedureId())
			.param("actor", actor)
			.update();
	}

	public Optional<Intervention> find(UUID clinicId, UUID patientId, UUID id) {
		return jdbc.sql(SELECT + "WHERE clinic_id = :clinicId AND patient_id = :patientId AND id = :id AND NOT voided")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("id", id)
			.query(InterventionRepository::map)
			.optional();
	}

	/** The patient's interventions, the most recent first. */
	public List<Intervention> list(UUID clinicId, UUID patientId) {
		return jdbc.sql(SELECT + """
				WHERE clinic_id = :clinicId AND patient_id = :patientId AND NOT voided
				ORDER BY date DESC, created_at DESC, id
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.query(InterventionRepository::map)
			.list();
	}

	private static Intervention map(ResultSet rs, int row) throws SQLException {
		return new Intervention(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), Intervention.Type.valueOf(rs.getString("type")),
				rs.getObject("date", LocalDate.class), SpinalLevel.parse(rs.getString("level")), rs.getString("reason"),
				rs.getObject("procedure_id", UUID.class), rs.getInt("version"), rs.getTimestamp("created_at").toInstant());
	}

}

package org.spinecell.outcomes.responses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for observations derived from responses. */
@Repository
public class ObservationRepository {

	private static final String COLUMNS = """
			id, patient_id, response_id, code_system, code, measure, value, unit, effective_at
			""";

	private final JdbcClient jdbc;

	ObservationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(UUID clinicId, Observation observation, UUID actor) {
		jdbc.sql("""
				INSERT INTO observation (clinic_id, id, patient_id, response_id, code_system, code, measure, value,
				    unit, effective_at, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :responseId, :codeSystem, :code, :measure, :value, :unit,
				    :effectiveAt, :actor, :actor)
				""")
			.param("clinicId", clinicId)
			.param("id", observation.id())
			.param("patientId", observation.patientId())
			.param("responseId", observation.responseId())
			.param("codeSystem", observation.codeSystem())
			.param("code", observation.code())
			.param("measure", observation.measure())
			.param("value", observation.value())
			.param("unit", observation.unit())
			.param("effectiveAt", Timestamp.from(observation.effectiveAt()))
			.param("actor", actor)
			.update();
	}

	/** A patient's observations over time, optionally of one measure, oldest first. */
	public List<Observation> forPatient(UUID clinicId, UUID patientId, String measure) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM observation
				WHERE clinic_id = :clinicId AND patient_id = :patientId AND NOT voided
				  AND (CAST(:measure AS text) IS NULL OR measure = :measure)
				ORDER BY effective_at, measure, id
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("measure", measure)
			.query(this::map)
			.list();
	}

	private Observation map(ResultSet rs, int row) throws SQLException {
		return new Observation(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("response_id", UUID.class), rs.getString("code_system"), rs.getString("code"),
				rs.getString("measure"), rs.getBigDecimal("value"), rs.getString("unit"),
				rs.getTimestamp("effective_at").toInstant());
	}

}

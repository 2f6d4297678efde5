package org.spinecell.outcomes.responses;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for instrument responses. */
@Repository
public class ResponseRepository {

	private static final String COLUMNS = """
			id, patient_id, follow_up_id, instrument_id, instrument_version, answers::text AS answers,
			components::text AS components, score, valid, invalid_reason, entered_by_staff, entered_by,
			submitted_at, answers_hash
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ResponseRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A stored response and the hash of its answers. */
	public record StoredResponse(RecordedResponse response, String answersHash) {
	}

	/**
	 * Inserts the response; false when a response of the same instrument for the same follow-up
	 * exists (the partial unique index), in which case nothing is written.
	 */
	public boolean insert(UUID clinicId, RecordedResponse response, String answersHash, UUID actor) {
		return jdbc.sql("""
				INSERT INTO instrument_response (clinic_id, id, patient_id, follow_up_id, instrument_id,
				    instrument_version, answers, components, score, valid, invalid_reason, entered_by_staff, entered_by,
				    submitted_at, answers_hash, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :followUpId, :instrument, :version, CAST(:answers AS jsonb),
				    CAST(:components AS jsonb), :score, :valid, :invalidReason, :staff, :enteredBy, :submittedAt, :hash,
				    :actor, :actor)
				ON CONFLICT (clinic_id, patient_id, follow_up_id, instrument_id)
				    WHERE follow_up_id IS NOT NULL AND NOT voided DO NOTHING
				""")
			.param("clinicId", clinicId)
			.param("id", response.id())
			.param("patientId", response.patientId())
			.param("followUpId", response.followUpId())
			.param("instrument", response.instrument())
			.param("version", response.instrumentVersion())
			.param("answers", json.writeValueAsString(response.answers()))
			.param("components", json.writeValueAsString(response.components()))
			.param("score", response.score())
			.param("valid", response.valid())
			.param("invalidReason", response.invalidReason())
			.param("staff", response.enteredByStaff())
			.param("enteredBy", response.enteredBy())
			.param("submittedAt", Timestamp.from(response.submittedAt()))
			.param("hash", answersHash)
			.param("actor", actor)
			.update() == 1;
	}

	public Optional<StoredResponse> forFollowUp(UUID clinicId, UUID patientId, UUID followUpId, String instrumentId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM instrument_response
				WHERE clinic_id = :clinicId AND patient_id = :patientId AND follow_up_id = :followUpId
				  AND instrument_id = :instrument AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("followUpId", followUpId)
			.param("instrument", instrumentId)
			.query(this::map)
			.optional();
	}

	public Optional<RecordedResponse> find(UUID clinicId, UUID patientId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM instrument_response
				WHERE clinic_id = :clinicId AND patient_id = :patientId AND id = :id AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("id", id)
			.query(this::map)
			.optional()
			.map(StoredResponse::response);
	}

	/** A patient's responses, oldest first. */
	public List<RecordedResponse> forPatient(UUID clinicId, UUID patientId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM instrument_response
				WHERE clinic_id = :clinicId AND patient_id = :patientId AND NOT voided
				ORDER BY submitted_at, id
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.query(this::map)
			.list()
			.stream()
			.map(StoredResponse::response)
			.toList();
	}

	private StoredResponse map(ResultSet rs, int row) throws SQLException {
		TypeReference<Map<String, Object>> mapType = new TypeReference<>() {
		};
		BigDecimal score = rs.getBigDecimal("score");
		RecordedResponse response = new RecordedResponse(rs.getObject("id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("follow_up_id", UUID.class),
				rs.getString("instrument_id"), rs.getString("instrument_version"),
				json.readValue(rs.getString("answers"), mapType), json.readValue(rs.getString("components"), mapType),
				score, rs.getBoolean("valid"), rs.getString("invalid_reason"), rs.getBoolean("entered_by_staff"),
				rs.getObject("entered_by", UUID.class), rs.getTimestamp("submitted_at").toInstant(), false);
		return new StoredResponse(response, rs.getString("answers_hash"));
	}

}

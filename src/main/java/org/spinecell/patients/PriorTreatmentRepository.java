package org.spinecell.patients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for prior treatments; every query names the clinic as well as the patient. */
@Repository
class PriorTreatmentRepository {

	private static final String COLUMNS = """
			id, clinic_id, patient_id, type, description, start_date, end_date, response, voided, void_reason, version,
			created_at, updated_at
			""";

	private final JdbcClient jdbc;

	PriorTreatmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(PriorTreatment treatment, UUID actor) {
		jdbc.sql("""
				INSERT INTO prior_treatment (clinic_id, id, patient_id, type, description, start_date, end_date, response,
				                             created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :type, :description, :startDate, :endDate, :response, :actor, :actor)
				""")
			.param("clinicId", treatment.clinicId())
			.param("id", treatment.id())
			.param("patientId", treatment.patientId())
			.param("type", treatment.type().name())
			.param("description", treatment.description())
			.param("startDate", treatment.startDate())
			.param("endDate", treatment.endDate())
			.param("response", treatment.response().name())
			.param("actor", actor)
			.update();
	}

	boolean voidTreatment(UUID clinicId, UUID id, String reason, int expectedVersion, UUID actor) {
		return jdbc.sql("""
				UPDATE prior_treatment SET voided = true, void_reason = :reason, voided_at = now(), voided_by = :actor,
				       version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("reason", reason)
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	Optional<PriorTreatment> find(UUID clinicId, UUID patientId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM prior_treatment WHERE clinic_id = :clinicId AND patient_id = :patientId AND id = :id")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("id", id)
			.query(PriorTreatmentRepository::map)
			.optional();
	}

	/** The most recent first; treatments without a start date after those with one. */
	List<PriorTreatment> list(UUID clinicId, UUID patientId, boolean includeVoided, int limit, long offset) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM prior_treatment " + where(includeVoided)
				+ " ORDER BY start_date DESC NULLS LAST, created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("limit", limit)
			.param("offset", offset)
			.query(PriorTreatmentRepository::map)
			.list();
	}

	/** Every record of the patient that is not voided, in list order. */
	List<PriorTreatment> all(UUID clinicId, UUID patientId) {
		return list(clinicId, patientId, false, Integer.MAX_VALUE, 0);
	}

	long count(UUID clinicId, UUID patientId, boolean includeVoided) {
		return jdbc.sql("SELECT count(*) FROM prior_treatment " + where(includeVoided))
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.query(Long.class)
			.single();
	}

	private static String where(boolean includeVoided) {
		return "WHERE clinic_id = :clinicId AND patient_id = :patientId" + (includeVoided ? "" : " AND NOT voided");
	}

	private static PriorTreatment map(ResultSet rs, int row) throws SQLException {
		return new PriorTreatment(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), PriorTreatment.Type.valueOf(rs.getString("type")),
				rs.getString("description"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), PriorTreatment.Response.valueOf(rs.getString("response")),
				rs.getBoolean("voided"), rs.getString("void_reason"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}

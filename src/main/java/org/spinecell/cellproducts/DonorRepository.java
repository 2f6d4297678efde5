package org.spinecell.cellproducts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DonorRepository {

	private static final String COLUMNS = """
			id, clinic_id, code, relation, recipient_patient_id, screening::text AS screening, determination,
			reviewed_by_name, reviewed_at, version
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	DonorRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Donor donor, UUID actor) {
		jdbc.sql("""
				INSERT INTO donor (clinic_id, id, code, relation, recipient_patient_id, created_by, updated_by)
				VALUES (:clinicId, :id, :code, :relation, :recipient, :actor, :actor)
				""")
			.param("clinicId", donor.clinicId())
			.param("id", donor.id())
			.param("code", donor.code())
			.param("relation", donor.relation().name())
			.param("recipient", donor.recipientPatientId())
			.param("actor", actor)
			.update();
	}

	void updateScreening(Donor donor, List<Donor.ScreeningResult> results, Donor.Determination determination,
			UUID actor) {
		jdbc.sql("""
				UPDATE donor SET screening = CAST(:screening AS jsonb), determination = :determination,
				       reviewed_by = NULL, reviewed_by_name = NULL, reviewed_at = NULL,
				       version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id
				""")
			.param("clinicId", donor.clinicId())
			.param("id", donor.id())
			.param("screening", json.writeValueAsString(results))
			.param("determination", determination.name())
			.param("actor", actor)
			.update();
	}

	void review(Donor donor, UUID reviewer, String reviewerName) {
		jdbc.sql("""
				UPDATE donor SET reviewed_by = :reviewer, reviewed_by_name = :name, reviewed_at = now(),
				       version = version + 1, updated_at = now(), updated_by = :reviewer
				WHERE clinic_id = :clinicId AND id = :id
				""")
			.param("clinicId", donor.clinicId())
			.param("id", donor.id())
			.param("reviewer", reviewer)
			.param("name", reviewerName)
			.update();
	}

	Optional<Donor> find(java.util.Collection<UUID> clinics, UUID id) {
		if (clinics.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM donor WHERE clinic_id IN (:clinics) AND id = :id AND NOT voided")
			.param("clinics", clinics)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** The donors of the given clinics, most recently registered first. */
	List<Donor> list(java.util.Collection<UUID> clinics, int limit) {
		if (clinics.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM donor WHERE clinic_id IN (:clinics) AND NOT voided ORDER BY created_at DESC LIMIT :limit")
			.param("clinics", clinics)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	boolean codeTaken(UUID clinicId, String code) {
		return jdbc.sql("SELECT count(*) FROM donor WHERE clinic_id = :clinicId AND code = :code")
			.param("clinicId", clinicId)
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	private Donor map(ResultSet rs, int row) throws SQLException {
		java.sql.Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
		return new Donor(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("code"),
				DonorRelation.valueOf(rs.getString("relation")), rs.getObject("recipient_patient_id", UUID.class),
				json.readValue(rs.getString("screening"), new TypeReference<List<Donor.ScreeningResult>>() {
				}), Donor.Determination.valueOf(rs.getString("determination")), rs.getString("reviewed_by_name"),
				reviewedAt == null ? null : reviewedAt.toInstant(), rs.getInt("version"));
	}

}

package org.spinecell.analytics.workspace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for saved cohorts; a deleted cohort is voided, never removed. */
@Repository
class CohortRepository {

	private static final String COLUMNS = "id, clinic_id, owner_id, name, filter, created_at";

	private static final TypeReference<Map<String, List<String>>> FILTER = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CohortRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Cohort cohort, UUID actor) {
		jdbc.sql("""
				INSERT INTO analytics_cohort (clinic_id, id, owner_id, name, filter, created_by, updated_by)
				VALUES (:clinicId, :id, :ownerId, :name, CAST(:filter AS jsonb), :actor, :actor)
				""")
			.param("clinicId", cohort.clinicId())
			.param("id", cohort.id())
			.param("ownerId", cohort.ownerId())
			.param("name", cohort.name())
			.param("filter", json.writeValueAsString(cohort.filter()))
			.param("actor", actor)
			.update();
	}

	/** The owner's cohorts in the given clinics, newest first. */
	List<Cohort> list(Collection<UUID> clinics, UUID ownerId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM analytics_cohort
				WHERE clinic_id IN (:clinics) AND owner_id = :ownerId AND NOT voided
				ORDER BY created_at DESC, id
				""")
			.param("clinics", List.copyOf(clinics))
			.param("ownerId", ownerId)
			.query(this::map)
			.list();
	}

	Optional<Cohort> find(Collection<UUID> clinics, UUID ownerId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM analytics_cohort
				WHERE clinic_id IN (:clinics) AND owner_id = :ownerId AND id = :id AND NOT voided
				""")
			.param("clinics", List.copyOf(clinics))
			.param("ownerId", ownerId)
			.param("id", id)
			.query(this::map)
			.optional();
	}

	boolean voidCohort(UUID clinicId, UUID id, UUID actor) {
		return jdbc.sql("""
				UPDATE analytics_cohort
				   SET voided = true, void_reason = 'deleted', voided_at = now(), voided_by = :actor,
				       updated_at = now(), updated_by = :actor, version = version + 1
				 WHERE clinic_id = :clinicId AND id = :id AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("actor", actor)
			.update() == 1;
	}

	private Cohort map(ResultSet rs, int row) throws SQLException {
		return new Cohort(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("owner_id", UUID.class), rs.getString("name"),
				json.readValue(rs.getString("filter"), FILTER), rs.getTimestamp("created_at").toInstant());
	}

}

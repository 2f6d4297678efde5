package org.spinecell.accounts.clinics;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.accounts.Clinic;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ClinicRepository {

	private static final String COLUMNS = "id, name, city, region, country, fin, version";

	private final JdbcClient jdbc;

	ClinicRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Clinic clinic, UUID actor) {
		jdbc.sql("""
				INSERT INTO clinic (id, name, city, region, country, fin, created_by, updated_by)
				VALUES (:id, :name, :city, :region, :country, :fin, :actor, :actor)
				""")
			.param("id", clinic.id())
			.param("name", clinic.name())
			.param("city", clinic.city())
			.param("region", clinic.region())
			.param("country", clinic.country())
			.param("fin", clinic.fin())
			.param("actor", actor)
			.update();
	}

	public boolean update(Clinic clinic, int expectedVersion, UUID actor) {
		return jdbc.sql("""
				UPDATE clinic SET name = :name, city = :city, region = :region, country = :country, fin = :fin,
				       version = version + 1, updated_at = now(), updated_by = :actor
				WHERE id = :id AND version = :version
				""")
			.param("id", clinic.id())
			.param("name", clinic.name())
			.param("city", clinic.city())
			.param("region", clinic.region())
			.param("country", clinic.country())
			.param("fin", clinic.fin())
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	public boolean nameTakenByOther(String name, UUID id) {
		return jdbc.sql("SELECT count(*) FROM clinic WHERE lower(name) = lower(:name) AND id <> :id")
			.param("name", name)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	public boolean finTakenByOther(String fin, UUID id) {
		return jdbc.sql("SELECT count(*) FROM clinic WHERE fin = :fin AND id <> :id")
			.param("fin", fin)
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Clinic> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM clinic WHERE id = :id").param("id", id).query(Clinic.class).optional();
	}

	public List<Clinic> findAll() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM clinic ORDER BY lower(name)").query(Clinic.class).list();
	}

	public List<Clinic> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM clinic WHERE id IN (:ids) ORDER BY lower(name)")
			.param("ids", ids)
			.query(Clinic.class)
			.list();
	}

	public boolean nameTaken(String name) {
		return jdbc.sql("SELECT count(*) FROM clinic WHERE lower(name) = lower(:name)")
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	public boolean finTaken(String fin) {
		return jdbc.sql("SELECT count(*) FROM clinic WHERE fin = :fin").param("fin", fin).query(Long.class).single() > 0;
	}

}

package org.spinecell.patients.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.patients.Patient;
import org.spinecell.patients.Sex;
import org.spinecell.patients.history.HistoryTableRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for patients. Every query names the clinics in scope explicitly as well: row-level security
 * is the backstop, and the explicit filter lets a distributed database route the query.
 */
@Repository
public class PatientRepository {

	private static final String COLUMNS = """
			id, clinic_id, mrn, given_name, family_name, birth_date, sex, postal_code, email, phone,
			preferred_language, voided, void_reason, version, created_at, updated_at
			""";

	private final JdbcClient jdbc;

	PatientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Patient patient, UUID actor) {
		jdbc.sql("""
				INSERT INTO patient (clinic_id, id, mrn, given_name, family_name, birth_date, sex, postal_code, email,
				                     phone, preferred_language, created_by, updated_by)
				VALUES (:clinicId, :id, :mrn, :givenName, :familyName, :birthDate, :sex, :postalCode, :email, :phone,
				        :language, :actor, :actor)
				""")
			.params(fields(patient))
			.param("actor", actor)
			.update();
	}

	/** Applies the change if the stored version is still the one the caller read. */
	public boolean update(Patient patient, int expectedVersion, UUID actor) {
		return jdbc.sql("""
				UPDATE patient SET mrn = :mrn, given_name = :givenName, family_name = :familyName,
				       birth_date = :birthDate, sex = :sex, postal_code = :postalCode, email = :email, phone = :phone,
				       preferred_language = :language, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version AND NOT voided
				""")
			.params(fields(patient))
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	/** The bind parameters of a patient's stored fields. */
	private static Map<String, Object> fields(Patient patient) {
		Map<String, Object> fields = new HashMap<>();
		fields.put("clinicId", patient.clinicId());
		fields.put("id", patient.id());
		fields.put("mrn", patient.mrn());
		fields.put("givenName", patient.givenName());
		fields.put("familyName", patient.familyName());
		fields.put("birthDate", patient.birthDate());
		fields.put("sex", patient.sex().name());
		fields.put("postalCode", patient.postalCode());
		fields.put("email", patient.email());
		fields.put("phone", patient.phone());
		fields.put("language", patient.preferredLanguage());
		return fields;
	}

	public boolean voidPatient(UUID clinicId, UUID id, String reason, int expectedVersion, UUID actor) {
		return HistoryTableRepository.voidRow(jdbc, "patient", clinicId, id, reason, expectedVersion, actor);
	}

	public Optional<Patient> find(Collection<UUID> clinics, UUID id) {
		if (clinics.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM patient WHERE clinic_id IN (:clinics) AND id = :id")
			.param("clinics", clinics)
			.param("id", id)
			.query(PatientRepository::map)
			.optional();
	}

	/**
	 * A patient of another clinic that the caller's active break-glass grant opens. The database
	 * decides (break_glass_scope() is empty outside read-only transactions and after expiry).
	 */
	public Optional<Patient> findUnderBreakGlass(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM patient WHERE id = :id AND (clinic_id::text || ':' || id::text) = ANY ((SELECT break_glass_scope())::text[])
				""")
			.param("id", id)
			.query(PatientRepository::map)
			.optional();
	}

	public boolean mrnTaken(UUID clinicId, String mrn, UUID exceptId) {
		return jdbc.sql("SELECT count(*) FROM patient WHERE clinic_id = :clinicId AND mrn = :mrn AND id <> :exceptId")
			.param("clinicId", clinicId)
			.param("mrn", mrn)
			.param("exceptId", exceptId)
			.query(Long.class)
			.single() > 0;
	}

	public List<Patient> search(Collection<UUID> clinics, PatientSearch search) {
		if (clinics.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM patient " + where(search) + " ORDER BY " + search.orderBy()
				+ ", id LIMIT :limit OFFSET :offset")
			.param("clinics", clinics)
			.param("pattern", search.pattern())
			.param("prefix", search.prefix())
			.param("limit", search.size())
			.param("offset", (long) search.page() * search.size())
			.query(PatientRepository::map)
			.list();
	}

	public long count(Collection<UUID> clinics, PatientSearch search) {
		if (clinics.isEmpty()) {
			return 0;
		}
		return jdbc.sql("SELECT count(*) FROM patient " + where(search))
			.param("clinics", clinics)
			.param("pattern", search.pattern())
			.param("prefix", search.prefix())
			.query(Long.class)
			.single();
	}

	/** The WHERE clause: fixed text only; the search words travel as bind parameters. */
	private static String where(PatientSearch search) {
		String where = "WHERE clinic_id IN (:clinics)";
		if (!search.includeVoided()) {
			where += " AND NOT voided";
		}
		if (search.query() != null) {
			where += " AND (lower(mrn) LIKE :prefix ESCAPE '\\'"
					+ " OR lower(given_name || ' ' || family_name) LIKE :pattern ESCAPE '\\'"
					+ " OR lower(family_name || ', ' || given_name) LIKE :pattern ESCAPE '\\')";
		}
		return where;
	}

	private static Patient map(ResultSet rs, int row) throws SQLException {
		return new Patient(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class), rs.getString("mrn"),
				rs.getString("given_name"), rs.getString("family_name"), rs.getObject("birth_date", java.time.LocalDate.class),
				Sex.valueOf(rs.getString("sex")), rs.getString("postal_code"), rs.getString("email"), rs.getString("phone"),
				rs.getString("preferred_language"), rs.getBoolean("voided"), rs.getString("void_reason"),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}

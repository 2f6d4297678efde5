package org.spinecell.patients.breakglass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Break-glass grants. Row-level security shows a grant to its clinic and to its physician. */
@Repository
public class BreakGlassRepository {

	private static final String COLUMNS = """
			g.id, g.clinic_id, g.patient_id, p.mrn, g.physician_id, g.physician_name, g.reason, g.granted_at,
			g.expires_at, g.ended_at, (g.ended_at IS NULL AND g.expires_at > now()) AS active
			FROM break_glass_grant g
			LEFT JOIN patient p ON p.clinic_id = g.clinic_id AND p.id = g.patient_id
			""";

	private final JdbcClient jdbc;

	BreakGlassRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The (clinic, patient) a request names, looked up across clinics; only the ids come back. */
	Optional<PatientKey> findPatient(UUID clinicId, String mrn, UUID patientId) {
		return jdbc.sql("SELECT clinic_id, patient_id FROM break_glass_find_patient(:clinicId, :mrn, :patientId)")
			.param("clinicId", clinicId)
			.param("mrn", mrn)
			.param("patientId", patientId)
			.query((rs, i) -> new PatientKey(rs.getObject("clinic_id", UUID.class), rs.getObject("patient_id", UUID.class)))
			.optional();
	}

	void insert(UUID id, PatientKey patient, UUID physicianId, String physicianName, String reason, Duration duration) {
		jdbc.sql("""
				INSERT INTO break_glass_grant (clinic_id, id, patient_id, physician_id, physician_name, reason,
				                               granted_at, expires_at, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :physicianId, :physicianName, :reason,
				        now(), now() + make_interval(secs => :seconds), :physicianId, :physicianId)
				""")
			.param("clinicId", patient.clinicId())
			.param("id", id)
			.param("patientId", patient.patientId())
			.param("physicianId", physicianId)
			.param("physicianName", physicianName)
			.param("reason", reason)
			.param("seconds", (double) duration.toSeconds())
			.update();
	}

	Optional<BreakGlassGrant> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " WHERE g.id = :id").param("id", id).query(BreakGlassRepository::map).optional();
	}

	/** The grants a physician holds that are still active, newest first. */
	public List<BreakGlassGrant> activeFor(UUID physicianId) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " WHERE g.physician_id = :physicianId AND g.ended_at IS NULL AND g.expires_at > now() ORDER BY g.granted_at DESC")
			.param("physicianId", physicianId)
			.query(BreakGlassRepository::map)
			.list();
	}

	/** A clinic's grants, newest first: the active ones and those of the last {@code days} days. */
	List<BreakGlassGrant> forClinic(UUID clinicId, int days, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 WHERE g.clinic_id = :clinicId
				   AND (g.granted_at > now() - make_interval(days => :days) OR (g.ended_at IS NULL AND g.expires_at > now()))
				 ORDER BY g.granted_at DESC LIMIT :limit
				""")
			.param("clinicId", clinicId)
			.param("days", days)
			.param("limit", limit)
			.query(BreakGlassRepository::map)
			.list();
	}

	/** Ends an active grant now; false when it had already ended or expired. */
	boolean end(UUID clinicId, UUID id, UUID by) {
		return jdbc.sql("""
				UPDATE break_glass_grant
				SET ended_at = now(), ended_by = :by, updated_at = now(), updated_by = :by, version = version + 1
				WHERE clinic_id = :clinicId AND id = :id AND ended_at IS NULL AND expires_at > now()
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("by", by)
			.update() == 1;
	}

	private static BreakGlassGrant map(ResultSet rs, int row) throws SQLException {
		return new BreakGlassGrant(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("mrn"), rs.getObject("physician_id", UUID.class),
				rs.getString("physician_name"), rs.getString("reason"), instant(rs, "granted_at"),
				instant(rs, "expires_at"), instant(rs, "ended_at"), rs.getBoolean("active"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	record PatientKey(UUID clinicId, UUID patientId) {
	}

}

package org.spinecell.outcomes.followup;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.outcomes.FollowUp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class FollowUpRepository {

	private static final String COLUMNS = """
			id, clinic_id, patient_id, procedure_id, time_point, due_date, window_start, window_end, instruments,
			status, completed_at, cancel_reason, version
			""";

	private final JdbcClient jdbc;

	FollowUpRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds the follow-up unless its procedure already has this time point; true if it was added. */
	public boolean insertIfAbsent(FollowUp f, UUID actor) {
		return jdbc.sql("""
				INSERT INTO follow_up (clinic_id, id, patient_id, procedure_id, time_point, due_date, window_start,
				    window_end, instruments, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :procedureId, :timePoint, :due, :start, :end,
				    CAST(:instruments AS text[]), :actor, :actor)
				ON CONFLICT (clinic_id, procedure_id, time_point) DO NOTHING
				""")
			.param("clinicId", f.clinicId())
			.param("id", f.id())
			.param("patientId", f.patientId())
			.param("procedureId", f.procedureId())
			.param("timePoint", f.timePoint())
			.param("due", f.dueDate())
			.param("start", f.windowStart())
			.param("end", f.windowEnd())
			.param("instruments", array(f.instruments()))
			.param("actor", actor)
			.update() == 1;
	}

	public Optional<FollowUp> find(UUID id) {
		// Row-level security hides other clinics' rows, so an id from elsewhere finds nothing.
		return jdbc.sql("SELECT " + COLUMNS + " FROM follow_up WHERE id = :id AND NOT voided")
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * The follow-up, its row locked until the transaction ends, so that two transactions deciding
	 * whether it is complete take turns and the second sees what the first recorded.
	 */
	public Optional<FollowUp> lock(UUID clinicId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM follow_up WHERE clinic_id = :clinicId AND id = :id AND NOT voided FOR UPDATE")
			.param("clinicId", clinicId)
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	public List<FollowUp> forPatient(UUID clinicId, UUID patientId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM follow_up WHERE clinic_id = :clinicId AND patient_id = :patientId AND NOT voided
				ORDER BY due_date, time_point
				""").param("clinicId", clinicId).param("patientId", patientId).query((rs, n) -> map(rs)).list();
	}

	/** Open follow-ups whose window contains the day: candidates for the worklist. */
	List<FollowUp> openOn(Collection<UUID> clinicIds, LocalDate day) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM follow_up
				WHERE clinic_id = ANY (CAST(:clinicIds AS uuid[])) AND NOT voided AND status IS NULL
				  AND window_start <= :day AND window_end >= :day
				ORDER BY due_date, time_point
				""").param("clinicIds", uuids(clinicIds)).param("day", day).query((rs, n) -> map(rs)).list();
	}

	/** One row of the worklist as the database gives it; the status and days overdue follow from the day. */
	public record WorklistRow(UUID id, UUID clinicId, UUID patientId, String familyName, String givenName, String mrn,
			UUID procedureId, String timePoint, LocalDate dueDate, LocalDate windowStart, LocalDate windowEnd,
			boolean registryConsent, boolean hasEmail) {
	}

	/**
	 * The open follow-ups whose window contains the day, of patients whose record is not voided,
	 * filtered and sorted in the database. The sort comes from {@link WorklistQuery.Sort} only.
	 * Registry consent is read from {@code patient_consent_status}, the patients module's view.
	 */
	public List<WorklistRow> worklist(Collection<UUID> clinicIds, WorklistQuery query, LocalDate day,
			List<String> timePointOrder) {
		boolean due = query.statuses().isEmpty() || query.statuses().contains(FollowUp.Status.DUE);
		boolean overdue = query.statuses().isEmpty() || query.statuses().contains(FollowUp.Status.OVERDUE);
		return jdbc.sql("""
				SELECT f.id, f.clinic_id, f.patient_id, f.procedure_id, f.time_point, f.due_date, f.window_start,
				       f.window_end, p.family_name, p.given_name, p.mrn,
				       (p.email IS NOT NULL AND btrim(p.email) <> '') AS has_email,
				       coalesce(c.registry_current, false) AS registry_consent
				  FROM follow_up f
				  JOIN patient p ON p.clinic_id = f.clinic_id AND p.id = f.patient_id AND NOT p.voided
				  LEFT JOIN patient_consent_status c ON c.clinic_id = f.clinic_id AND c.patient_id = f.patient_id
				 WHERE f.clinic_id = ANY (CAST(:clinicIds AS uuid[])) AND NOT f.voided AND f.status IS NULL
				   AND f.window_start <= :day AND f.window_end >= :day
				   AND ((:due AND f.due_date >= :day) OR (:overdue AND f.due_date < :day))
				   AND (CAST(:timePoint AS text) IS NULL OR f.time_point = :timePoint)
				   AND (:search = '' OR lower(p.family_name || ', ' || p.given_name) LIKE :pattern
				        OR lower(p.given_name || ' ' || p.family_name) LIKE :pattern OR lower(p.mrn) LIKE :pattern)
				 ORDER BY\s""" + query.sort().orderBy(query.descending()))
			.param("clinicIds", uuids(clinicIds))
			.param("day", day)
			.param("due", due)
			.param("overdue", overdue)
			.param("timePoint", query.timePoint())
			.param("search", query.search())
			.param("pattern", query.likePattern())
			.param("timePointOrder", array(timePointOrder))
			.query((rs, n) -> new WorklistRow(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
					rs.getObject("patient_id", UUID.class), rs.getString("family_name"), rs.getString("given_name"),
					rs.getString("mrn"), rs.getObject("procedure_id", UUID.class), rs.getString("time_point"),
					rs.getObject("due_date", LocalDate.class), rs.getObject("window_start", LocalDate.class),
					rs.getObject("window_end", LocalDate.class), rs.getBoolean("registry_consent"),
					rs.getBoolean("has_email")))
			.list();
	}

	/** Every follow-up of the clinics, for counts and completion rates. */
	public List<FollowUp> all(Collection<UUID> clinicIds) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM follow_up WHERE clinic_id = ANY (CAST(:clinicIds AS uuid[])) AND NOT voided
				ORDER BY due_date
				""").param("clinicIds", uuids(clinicIds)).query((rs, n) -> map(rs)).list();
	}

	/** Marks an open follow-up completed; false if it was already completed or cancelled. */
	public boolean complete(UUID clinicId, UUID id, UUID actor) {
		return jdbc.sql("""
				UPDATE follow_up SET status = 'COMPLETED', completed_at = now(), completed_by = :actor,
				       version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND status IS NULL AND NOT voided
				""").param("clinicId", clinicId).param("id", id).param("actor", actor).update() == 1;
	}

	/** Who completed the follow-up; empty while it is not completed. */
	public Optional<UUID> completedBy(UUID clinicId, UUID id) {
		return jdbc.sql("SELECT completed_by FROM follow_up WHERE clinic_id = :clinicId AND id = :id AND completed_by IS NOT NULL")
			.param("clinicId", clinicId)
			.param("id", id)
			.query(UUID.class)
			.optional();
	}

	public boolean cancel(UUID clinicId, UUID id, String reason, UUID actor) {
		return jdbc.sql("""
				UPDATE follow_up SET status = 'CANCELLED', cancel_reason = :reason, cancelled_at = now(),
				       cancelled_by = :actor, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND status IS NULL AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("reason", reason)
			.param("actor", actor)
			.update() == 1;
	}

	private static FollowUp map(ResultSet rs) throws SQLException {
		String status = rs.getString("status");
		Timestamp completedAt = rs.getTimestamp("completed_at");
		return new FollowUp(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("procedure_id", UUID.class),
				rs.getString("time_point"), rs.getObject("due_date", LocalDate.class),
				rs.getObject("window_start", LocalDate.class), rs.getObject("window_end", LocalDate.class),
				strings(rs.getArray("instruments")), status == null ? null : FollowUp.Status.valueOf(status),
				completedAt == null ? null : completedAt.toInstant(), rs.getString("cancel_reason"), rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	private static String array(List<String> values) {
		return "{" + String.join(",",
				values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
	}

	private static String uuids(Collection<UUID> ids) {
		return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
	}

}

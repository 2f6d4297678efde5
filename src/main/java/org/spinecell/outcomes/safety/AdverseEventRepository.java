package org.spinecell.outcomes.safety;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.spinecell.outcomes.AdverseEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for adverse events; every query names the clinic. */
@Repository
public class AdverseEventRepository {

	private static final String SELECT = """
			SELECT id, clinic_id, patient_id, procedure_id, product_id, onset_date, awareness_date, description, category,
			       grade, serious, death_date, relatedness_procedure, relatedness_product, expected, action, outcome,
			       resolution_date, reporter, reviewed_at, reviewed_by, review_note, version, created_at,
			       follow_up_id, care_sought
			FROM adverse_event
			""";

	private final JdbcClient jdbc;

	AdverseEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(AdverseEvent event, UUID actor) {
		jdbc.sql("""
				INSERT INTO adverse_event (clinic_id, id, patient_id, procedure_id, product_id, onset_date, awareness_date,
				                           description, category, grade, serious, death_date, relatedness_procedure,
				                           relatedness_product, expected, action, outcome, resolution_date, reporter,
				                           reviewed_at, reviewed_by, follow_up_id, care_sought, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :procedureId, :productId, :onset, :awareness, :description, :category,
				        :grade, string_to_array(:serious, ','), :deathDate, :relatednessProcedure, :relatednessProduct,
				        :expected, :action, :outcome, :resolutionDate, :reporter,
				        CASE WHEN :reviewed THEN now() END, CASE WHEN :reviewed THEN :actor END, :followUpId, :careSought,
				        :actor, :actor)
				""")
			.param("clinicId", event.clinicId())
			.param("id", event.id())
			.param("patientId", event.patientId())
			.param("procedureId", event.procedureId())
			.param("productId", event.productId())
			.param("onset", event.onset())
			.param("awareness", event.awarenessDate())
			.param("description", event.description())
			.param("category", event.category())
			.param("grade", event.grade())
			.param("serious", event.serious().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("deathDate", event.deathDate())
			.param("relatednessProcedure", name(event.relatednessProcedure()))
			.param("relatednessProduct", name(event.relatednessProduct()))
			.param("expected", event.expected())
			.param("action", event.action())
			.param("outcome", name(event.outcome()))
			.param("resolutionDate", event.resolutionDate())
			.param("reporter", event.reporter().name())
			.param("reviewed", event.reviewed())
			.param("followUpId", event.followUpId())
			.param("careSought", name(event.careSought()))
			.param("actor", actor)
			.update();
	}

	/**
	 * Marks an ungraded patient report reviewed and gives it the physician's classification, if it
	 * is still unreviewed and at the version the caller read.
	 */
	public boolean classify(AdverseEvent classified, String note, int expectedVersion, UUID actor) {
		return jdbc.sql("""
				UPDATE adverse_event
				SET category = :category, grade = :grade, serious = string_to_array(:serious, ','), death_date = :deathDate,
				    relatedness_procedure = :relatednessProcedure, relatedness_product = :relatednessProduct,
				    expected = :expected, action = :action, outcome = :outcome, resolution_date = :resolutionDate,
				    reviewed_at = now(), reviewed_by = :actor, review_note = :note, version = version + 1,
				    updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version AND reviewed_at IS NULL AND NOT voided
				""")
			.param("clinicId", classified.clinicId())
			.param("id", classified.id())
			.param("category", classified.category())
			.param("grade", classified.grade())
			.param("serious", classified.serious().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
			.param("deathDate", classified.deathDate())
			.param("relatednessProcedure", name(classified.relatednessProcedure()))
			.param("relatednessProduct", name(classified.relatednessProduct()))
			.param("expected", classified.expected())
			.param("action", classified.action())
			.param("outcome", name(classified.outcome()))
			.param("resolutionDate", classified.resolutionDate())
			.param("note", note)
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	/**
	 * The same report the patient sent through the same follow-up's link within the last
	 * {@code minutes}: a double submission, not a new problem.
	 */
	public Optional<AdverseEvent> recentSameReport(UUID clinicId, UUID followUpId, String description, LocalDate onset,
			AdverseEvent.CareSought careSought, int minutes) {
		return jdbc.sql(SELECT + """
				WHERE clinic_id = :clinicId AND follow_up_id = :followUpId AND reporter = 'PATIENT' AND NOT voided
				  AND description = :description AND onset_date = :onset AND care_sought = :careSought
				  AND created_at > now() - make_interval(mins => :minutes)
				ORDER BY created_at DESC LIMIT 1
				""")
			.param("clinicId", clinicId)
			.param("followUpId", followUpId)
			.param("description", description)
			.param("onset", onset)
			.param("careSought", careSought.name())
			.param("minutes", minutes)
			.query(AdverseEventRepository::map)
			.optional();
	}

	/**
	 * Takes the follow-up's row lock until the transaction ends, so that two reports through the
	 * same link are checked for duplicates one after the other.
	 */
	public void lockFollowUp(UUID clinicId, UUID followUpId) {
		jdbc.sql("SELECT id FROM follow_up WHERE clinic_id = :clinicId AND id = :id FOR UPDATE")
			.param("clinicId", clinicId)
			.param("id", followUpId)
			.query(UUID.class)
			.optional();
	}

	/** How many events of the clinics await a physician's review. */
	public long countAwaitingReview(Collection<UUID> clinicIds) {
		if (clinicIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				SELECT count(*) FROM adverse_event
				WHERE clinic_id IN (:clinicIds) AND reviewed_at IS NULL AND NOT voided
				""").param("clinicIds", clinicIds).query(Long.class).single();
	}

	/** Events of the clinics that await a physician's review, the oldest report first. */
	public List<AdverseEvent> awaitingReview(Collection<UUID> clinicIds, int limit) {
		if (clinicIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				WHERE clinic_id IN (:clinicIds) AND reviewed_at IS NULL AND NOT voided
				ORDER BY created_at, id LIMIT :limit
				""")
			.param("clinicIds", clinicIds)
			.param("limit", limit)
			.query(AdverseEventRepository::map)
			.list();
	}

	/** Marks the event reviewed if it is still unreviewed and at the version the caller read. */
	public boolean review(UUID clinicId, UUID id, String note, int expectedVersion, UUID actor) {
		return jdbc.sql("""
				UPDATE adverse_event
				SET reviewed_at = now(), reviewed_by = :actor, review_note = :note, version = version + 1,
				    updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version AND reviewed_at IS NULL AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("note", note)
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	/** An event of one of the clinics. */
	public Optional<AdverseEvent> find(Collection<UUID> clinicIds, UUID id) {
		if (clinicIds.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + "WHERE clinic_id IN (:clinicIds) AND id = :id AND NOT voided")
			.param("clinicIds", clinicIds)
			.param("id", id)
			.query(AdverseEventRepository::map)
			.optional();
	}

	/** The patient's events, the most recent onset first. */
	public List<AdverseEvent> forPatient(UUID clinicId, UUID patientId) {
		return jdbc.sql(SELECT + """
				WHERE clinic_id = :clinicId AND patient_id = :patientId AND NOT voided
				ORDER BY onset_date DESC, created_at DESC, id
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.query(AdverseEventRepository::map)
			.list();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static AdverseEvent map(ResultSet rs, int row) throws SQLException {
		Timestamp reviewedAt = rs.getTimestamp("reviewed_at");
		return new AdverseEvent(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getObject("procedure_id", UUID.class),
				rs.getObject("product_id", UUID.class), rs.getObject("onset_date", LocalDate.class),
				rs.getObject("awareness_date", LocalDate.class), rs.getString("description"), rs.getString("category"),
				rs.getObject("grade", Integer.class), serious(rs.getArray("serious")), rs.getObject("death_date", LocalDate.class),
				relatedness(rs.getString("relatedness_procedure")), relatedness(rs.getString("relatedness_product")),
				rs.getObject("expected", Boolean.class), rs.getString("action"), outcome(rs.getString("outcome")),
				rs.getObject("resolution_date", LocalDate.class), AdverseEvent.Reporter.valueOf(rs.getString("reporter")),
				reviewedAt != null, reviewedAt == null ? null : reviewedAt.toInstant(),
				rs.getObject("reviewed_by", UUID.class), rs.getString("review_note"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getObject("follow_up_id", UUID.class),
				careSought(rs.getString("care_sought")));
	}

	private static AdverseEvent.Outcome outcome(String value) {
		return value == null ? null : AdverseEvent.Outcome.valueOf(value);
	}

	private static AdverseEvent.CareSought careSought(String value) {
		return value == null ? null : AdverseEvent.CareSought.valueOf(value);
	}

	private static Set<AdverseEvent.Seriousness> serious(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray())
			.map(value -> AdverseEvent.Seriousness.valueOf((String) value))
			.collect(Collectors.toUnmodifiableSet());
	}

	private static AdverseEvent.Relatedness relatedness(String value) {
		return value == null ? null : AdverseEvent.Relatedness.valueOf(value);
	}

}

package org.spinecell.outcomes.medication;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.outcomes.Medication;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for medication statements; every query names the clinic as well as the patient. */
@Repository
public class MedicationRepository {

	private static final String SELECT = """
			SELECT id, clinic_id, patient_id, drug, dose, unit, route, frequency_per_day, start_date, stop_date, source,
			       mme_factor, mme_per_day, mme_note, voided, version, created_at, updated_at
			FROM medication_statement
			""";

	private final JdbcClient jdbc;

	MedicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Medication medication, UUID actor) {
		jdbc.sql("""
				INSERT INTO medication_statement (clinic_id, id, patient_id, drug, dose, unit, route, frequency_per_day,
				                                  start_date, stop_date, source, mme_factor, mme_per_day, mme_note,
				                                  created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :drug, :dose, :unit, :route, :frequency, :start, :stop, :source,
				        :mmeFactor, :mmePerDay, :mmeNote, :actor, :actor)
				""")
			.param("clinicId", medication.clinicId())
			.param("id", medication.id())
			.param("patientId", medication.patientId())
			.param("drug", medication.drug())
			.param("dose", medication.dose())
			.param("unit", medication.unit())
			.param("route", medication.route().name())
			.param("frequency", medication.frequencyPerDay())
			.param("start", medication.start())
			.param("stop", medication.stop())
			.param("source", medication.source().name())
			.param("mmeFactor", medication.mmeFactor())
			.param("mmePerDay", medication.mmePerDay())
			.param("mmeNote", medication.mmeNote())
			.param("actor", actor)
			.update();
	}

	/** Sets the stop date if the statement is still at the version the caller read and still open. */
	public boolean stop(UUID clinicId, UUID id, LocalDate stop, int expectedVersion, UUID actor) {
		return jdbc.sql("""
				UPDATE medication_statement
				SET stop_date = :stop, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version AND stop_date IS NULL AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("stop", stop)
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	public Optional<Medication> find(UUID clinicId, UUID patientId, UUID id) {
		return jdbc.sql(SELECT + "WHERE clinic_id = :clinicId AND patient_id = :patientId AND id = :id")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("id", id)
			.query(MedicationRepository::map)
			.optional();
	}

	/** The patient's statements that are not voided, the most recently started first. */
	public List<Medication> list(UUID clinicId, UUID patientId) {
		return jdbc.sql(SELECT + """
				WHERE clinic_id = :clinicId AND patient_id = :patientId AND NOT voided
				ORDER BY start_date DESC, created_at DESC, id
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.query(MedicationRepository::map)
			.list();
	}

	private static Medication map(ResultSet rs, int row) throws SQLException {
		return new Medication(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("drug"), strip(rs.getBigDecimal("dose")),
				rs.getString("unit"), Medication.Route.valueOf(rs.getString("route")),
				strip(rs.getBigDecimal("frequency_per_day")), rs.getObject("start_date", LocalDate.class),
				rs.getObject("stop_date", LocalDate.class), Medication.Source.valueOf(rs.getString("source")),
				strip(rs.getBigDecimal("mme_factor")), rs.getBigDecimal("mme_per_day"), rs.getString("mme_note"),
				rs.getBoolean("voided"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	/** numeric(12,3) reads back as 10.000; the API shows 10. */
	private static BigDecimal strip(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}

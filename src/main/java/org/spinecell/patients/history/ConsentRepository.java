package org.spinecell.patients.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.patients.ConsentStatus;
import org.spinecell.patients.ConsentType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for consents. Rows are only ever inserted; "newest" means latest effective date, then latest
 * recording time, which is the database's clock at the moment of the insert.
 */
@Repository
public class ConsentRepository {

	private static final String COLUMNS = """
			id, clinic_id, patient_id, type, status, effective_date, form_version, recorded_by, recorded_by_name,
			recorded_at, note
			""";

	private static final String NEWEST_FIRST = "effective_date DESC, recorded_at DESC, id";

	private final JdbcClient jdbc;

	private final HistoryTableRepository<Consent> table;

	ConsentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.table = new HistoryTableRepository<>(jdbc, "consent", COLUMNS, NEWEST_FIRST, ConsentRepository::map);
	}

	public void insert(Consent consent) {
		jdbc.sql("""
				INSERT INTO consent (clinic_id, id, patient_id, type, status, effective_date, form_version, recorded_by,
				                     recorded_by_name, note, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :type, :status, :effectiveDate, :formVersion, :recordedBy,
				        :recordedByName, :note, :recordedBy, :recordedBy)
				""")
			.param("clinicId", consent.clinicId())
			.param("id", consent.id())
			.param("patientId", consent.patientId())
			.param("type", consent.type().name())
			.param("status", consent.status().name())
			.param("effectiveDate", consent.effectiveDate())
			.param("formVersion", consent.formVersion())
			.param("recordedBy", consent.recordedBy())
			.param("recordedByName", consent.recordedByName())
			.param("note", consent.note())
			.update();
	}

	/** A voided consent is not found, unlike a voided record of the other history tables; hence its own query. */
	public Optional<Consent> find(UUID clinicId, UUID patientId, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM consent WHERE clinic_id = :clinicId AND patient_id = :patientId AND id = :id AND NOT voided")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("id", id)
			.query(ConsentRepository::map)
			.optional();
	}

	/** Every decision of the patient, newest first. */
	public List<Consent> history(UUID clinicId, UUID patientId) {
		return table.all(clinicId, patientId);
	}

	/** The latest decision of one type, if the patient has any. */
	public Optional<Consent> current(UUID clinicId, UUID patientId, ConsentType type) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM consent WHERE clinic_id = :clinicId AND patient_id = :patientId AND type = :type AND NOT voided
				""" + " ORDER BY " + NEWEST_FIRST + " LIMIT 1")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("type", type.name())
			.query(ConsentRepository::map)
			.optional();
	}

	private static Consent map(ResultSet rs, int row) throws SQLException {
		return new Consent(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), ConsentType.valueOf(rs.getString("type")),
				ConsentStatus.valueOf(rs.getString("status")), rs.getObject("effective_date", LocalDate.class),
				rs.getString("form_version"), rs.getObject("recorded_by", UUID.class), rs.getString("recorded_by_name"),
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("note"));
	}

}

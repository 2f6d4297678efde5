package org.spinecell.patients.history;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.spinecell.patients.ConditionFamily;
import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.SpinalLevel;
import org.spinecell.patients.SpineRegion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for diagnoses, joined to the catalogue for the code's facts. Every query names the clinic:
 * row-level security is the backstop, and the filter lets a distributed database route the query.
 * Levels travel as one comma-separated parameter of canonical level names (which hold no commas).
 */
@Repository
public class DiagnosisRepository {

	private static final String SELECT = """
			SELECT d.id, d.clinic_id, d.patient_id, d.icd10, c.description, c.family, c.region, d.levels, d.side,
			       d.onset_date, d.symptom_duration_months, d.primary_flag, d.status, d.voided, d.void_reason,
			       d.version, d.created_at, d.updated_at
			FROM diagnosis d JOIN icd10_code c ON c.code = d.icd10
			""";

	private final JdbcClient jdbc;

	private final HistoryTableRepository<Diagnosis> table;

	DiagnosisRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.table = new HistoryTableRepository<>(jdbc, "diagnosis", "d", SELECT,
				"d.primary_flag DESC, d.created_at DESC, d.id", DiagnosisRepository::map);
	}

	public void insert(Diagnosis diagnosis, UUID actor) {
		jdbc.sql("""
				INSERT INTO diagnosis (clinic_id, id, patient_id, icd10, levels, side, onset_date, symptom_duration_months,
				                       primary_flag, status, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :icd10, string_to_array(:levels, ','), :side, :onsetDate, :duration,
				        :primary, :status, :actor, :actor)
				""")
			.param("clinicId", diagnosis.clinicId())
			.param("id", diagnosis.id())
			.param("patientId", diagnosis.patientId())
			.param("icd10", diagnosis.icd10())
			.param("levels", levels(diagnosis.levels()))
			.param("side", diagnosis.side() == null ? null : diagnosis.side().name())
			.param("onsetDate", diagnosis.onsetDate())
			.param("duration", diagnosis.symptomDurationMonths())
			.param("primary", diagnosis.primary())
			.param("status", diagnosis.status().name())
			.param("actor", actor)
			.update();
	}

	/** Applies the change if the stored version is still the one the caller read. */
	public boolean update(Diagnosis diagnosis, int expectedVersion, UUID actor) {
		return jdbc.sql("""
				UPDATE diagnosis SET levels = string_to_array(:levels, ','), side = :side, status = :status,
				       primary_flag = :primary, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version AND NOT voided
				""")
			.param("clinicId", diagnosis.clinicId())
			.param("id", diagnosis.id())
			.param("levels", levels(diagnosis.levels()))
			.param("side", diagnosis.side() == null ? null : diagnosis.side().name())
			.param("status", diagnosis.status().name())
			.param("primary", diagnosis.primary())
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	/** Makes one diagnosis non-primary (another has become the primary one). */
	public void clearPrimary(UUID clinicId, UUID id, UUID actor) {
		jdbc.sql("""
				UPDATE diagnosis SET primary_flag = false, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("actor", actor)
			.update();
	}

	public boolean voidDiagnosis(UUID clinicId, UUID id, String reason, int expectedVersion, UUID actor) {
		return table.voidRecord(clinicId, id, reason, expectedVersion, actor);
	}

	public Optional<Diagnosis> find(UUID clinicId, UUID patientId, UUID id) {
		return table.find(clinicId, patientId, id);
	}

	/** The patient's primary diagnoses other than {@code exceptId}, locked until the transaction ends. */
	public List<Diagnosis> otherPrimaries(UUID clinicId, UUID patientId, UUID exceptId) {
		return jdbc.sql(SELECT + """
				 WHERE d.clinic_id = :clinicId AND d.patient_id = :patientId AND d.primary_flag AND NOT d.voided
				   AND d.id <> :exceptId
				FOR UPDATE OF d
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("exceptId", exceptId)
			.query(DiagnosisRepository::map)
			.list();
	}

	/** Primary first, then the newest. */
	public List<Diagnosis> list(UUID clinicId, UUID patientId, boolean includeVoided, int limit, long offset) {
		return table.list(clinicId, patientId, includeVoided, limit, offset);
	}

	/** Every record of the patient that is not voided, in list order. */
	public List<Diagnosis> all(UUID clinicId, UUID patientId) {
		return table.all(clinicId, patientId);
	}

	public long count(UUID clinicId, UUID patientId, boolean includeVoided) {
		return table.count(clinicId, patientId, includeVoided);
	}

	private static String levels(List<SpinalLevel> levels) {
		return levels.stream().map(SpinalLevel::toString).collect(Collectors.joining(","));
	}

	private static Diagnosis map(ResultSet rs, int row) throws SQLException {
		Array array = rs.getArray("levels");
		List<SpinalLevel> levels = Arrays.stream((String[]) array.getArray()).map(SpinalLevel::parse).toList();
		String side = rs.getString("side");
		int duration = rs.getInt("symptom_duration_months");
		Integer symptomDuration = rs.wasNull() ? null : duration;
		return new Diagnosis(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), rs.getString("icd10"), rs.getString("description"),
				ConditionFamily.valueOf(rs.getString("family")), SpineRegion.valueOf(rs.getString("region")), levels,
				side == null ? null : Diagnosis.Side.valueOf(side), rs.getObject("onset_date", LocalDate.class),
				symptomDuration, rs.getBoolean("primary_flag"), Diagnosis.Status.valueOf(rs.getString("status")),
				rs.getBoolean("voided"), rs.getString("void_reason"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}

package org.spinecell.patients.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.patients.ImagingFinding;
import org.spinecell.patients.SpinalLevel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for imaging findings; every query names the clinic as well as the patient. */
@Repository
public class ImagingRepository {

	private static final String COLUMNS = """
			id, clinic_id, patient_id, modality, study_date, level, pfirrmann_scale, pfirrmann_grade, modic_type,
			herniation, stenosis_grade, annular_fissure, impression, voided, void_reason, version, created_at, updated_at
			""";

	private final JdbcClient jdbc;

	private final HistoryTableRepository<ImagingFinding> table;

	ImagingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.table = new HistoryTableRepository<>(jdbc, "imaging_finding", COLUMNS,
				"study_date DESC, created_at DESC, id", ImagingRepository::map);
	}

	public void insert(ImagingFinding finding, UUID actor) {
		jdbc.sql("""
				INSERT INTO imaging_finding (clinic_id, id, patient_id, modality, study_date, level, pfirrmann_scale,
				                             pfirrmann_grade, modic_type, herniation, stenosis_grade, annular_fissure,
				                             impression, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :modality, :studyDate, :level, :scale, :grade, :modic, :herniation,
				        :stenosis, :fissure, :impression, :actor, :actor)
				""")
			.param("clinicId", finding.clinicId())
			.param("id", finding.id())
			.param("patientId", finding.patientId())
			.param("modality", finding.modality().name())
			.param("studyDate", finding.studyDate())
			.param("level", finding.level() == null ? null : finding.level().toString())
			.param("scale", finding.pfirrmannScale() == null ? null : finding.pfirrmannScale().name())
			.param("grade", finding.pfirrmannGrade())
			.param("modic", finding.modicType())
			.param("herniation", finding.herniation() == null ? null : finding.herniation().name())
			.param("stenosis", finding.stenosisGrade() == null ? null : finding.stenosisGrade().name())
			.param("fissure", finding.annularFissure())
			.param("impression", finding.impression())
			.param("actor", actor)
			.update();
	}

	public boolean voidFinding(UUID clinicId, UUID id, String reason, int expectedVersion, UUID actor) {
		return table.voidRecord(clinicId, id, reason, expectedVersion, actor);
	}

	public Optional<ImagingFinding> find(UUID clinicId, UUID patientId, UUID id) {
		return table.find(clinicId, patientId, id);
	}

	/** The newest study first. */
	public List<ImagingFinding> list(UUID clinicId, UUID patientId, boolean includeVoided, int limit, long offset) {
		return table.list(clinicId, patientId, includeVoided, limit, offset);
	}

	/** Every record of the patient that is not voided, in list order. */
	public List<ImagingFinding> all(UUID clinicId, UUID patientId) {
		return table.all(clinicId, patientId);
	}

	public long count(UUID clinicId, UUID patientId, boolean includeVoided) {
		return table.count(clinicId, patientId, includeVoided);
	}

	private static ImagingFinding map(ResultSet rs, int row) throws SQLException {
		String level = rs.getString("level");
		String scale = rs.getString("pfirrmann_scale");
		String herniation = rs.getString("herniation");
		String stenosis = rs.getString("stenosis_grade");
		return new ImagingFinding(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), ImagingFinding.Modality.valueOf(rs.getString("modality")),
				rs.getObject("study_date", LocalDate.class), level == null ? null : SpinalLevel.parse(level),
				scale == null ? null : ImagingFinding.PfirrmannScale.valueOf(scale), integer(rs, "pfirrmann_grade"),
				integer(rs, "modic_type"), herniation == null ? null : ImagingFinding.Herniation.valueOf(herniation),
				stenosis == null ? null : ImagingFinding.StenosisGrade.valueOf(stenosis),
				rs.getObject("annular_fissure", Boolean.class), rs.getString("impression"), rs.getBoolean("voided"),
				rs.getString("void_reason"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

}

package org.spinecell.patients.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.patients.PriorTreatment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for prior treatments; every query names the clinic as well as the patient. */
@Repository
public class PriorTreatmentRepository {

	private static final String COLUMNS = """
			id, clinic_id, patient_id, type, description, start_date, end_date, response, voided, void_reason, version,
			created_at, updated_at
			""";

	private final JdbcClient jdbc;

	private final HistoryTableRepository<PriorTreatment> table;

	PriorTreatmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.table = new HistoryTableRepository<>(jdbc, "prior_treatment", COLUMNS,
				"start_date DESC NULLS LAST, created_at DESC, id", PriorTreatmentRepository::map);
	}

	public void insert(PriorTreatment treatment, UUID actor) {
		jdbc.sql("""
				INSERT INTO prior_treatment (clinic_id, id, patient_id, type, description, start_date, end_date, response,
				                             created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :type, :description, :startDate, :endDate, :response, :actor, :actor)
				""")
			.param("clinicId", treatment.clinicId())
			.param("id", treatment.id())
			.param("patientId", treatment.patientId())
			.param("type", treatment.type().name())
			.param("description", treatment.description())
			.param("startDate", treatment.startDate())
			.param("endDate", treatment.endDate())
			.param("response", treatment.response().name())
			.param("actor", actor)
			.update();
	}

	public boolean voidTreatment(UUID clinicId, UUID id, String reason, int expectedVersion, UUID actor) {
		return table.voidRecord(clinicId, id, reason, expectedVersion, actor);
	}

	public Optional<PriorTreatment> find(UUID clinicId, UUID patientId, UUID id) {
		return table.find(clinicId, patientId, id);
	}

	/** The most recent first; treatments without a start date after those with one. */
	public List<PriorTreatment> list(UUID clinicId, UUID patientId, boolean includeVoided, int limit, long offset) {
		return table.list(clinicId, patientId, includeVoided, limit, offset);
	}

	/** Every record of the patient that is not voided, in list order. */
	public List<PriorTreatment> all(UUID clinicId, UUID patientId) {
		return table.all(clinicId, patientId);
	}

	public long count(UUID clinicId, UUID patientId, boolean includeVoided) {
		return table.count(clinicId, patientId, includeVoided);
	}

	private static PriorTreatment map(ResultSet rs, int row) throws SQLException {
		return new PriorTreatment(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("patient_id", UUID.class), PriorTreatment.Type.valueOf(rs.getString("type")),
				rs.getString("description"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), PriorTreatment.Response.valueOf(rs.getString("response")),
				rs.getBoolean("voided"), rs.getString("void_reason"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}

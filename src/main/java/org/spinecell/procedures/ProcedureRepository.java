package org.spinecell.procedures;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.spinecell.cellproducts.CellProductService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Procedures and their product units. A unit's DIN comes from {@code cellproducts} through its
 * public API ({@link CellProductService#dins}), not from a join on that module's table.
 */
@Repository
class ProcedureRepository {

	private static final String COLUMNS = """
			id, clinic_id, patient_id, procedure_date, started_at, ended_at, setting, operator_id, operator_name, target,
			levels, side, approach, guidance, placement_confirmed, contrast_pattern, needle_tip_confirmed, adjuncts,
			anaesthesia, immediate_complications, discharged_at, levels_confirmed, status, time_out::text AS time_out,
			completed_at, version
			""";

	private final JdbcClient jdbc;

	private final CellProductService products;

	ProcedureRepository(JdbcClient jdbc, CellProductService products) {
		this.jdbc = jdbc;
		this.products = products;
	}

	void insert(Procedure p, UUID actor) {
		jdbc.sql("""
				INSERT INTO procedure (clinic_id, id, patient_id, procedure_date, started_at, ended_at, setting,
				    operator_id, operator_name, target, levels, side, approach, guidance, placement_confirmed,
				    contrast_pattern, needle_tip_confirmed, adjuncts, anaesthesia, immediate_complications,
				    discharged_at, levels_confirmed, created_by, updated_by)
				VALUES (:clinicId, :id, :patientId, :date, :startedAt, :endedAt, :setting, :operatorId, :operatorName,
				    :target, CAST(:levels AS text[]), :side, :approach, :guidance, :placementConfirmed, :contrastPattern,
				    :needleTipConfirmed, CAST(:adjuncts AS text[]), :anaesthesia, :complications, :dischargedAt,
				    :levelsConfirmed, :actor, :actor)
				""")
			.param("clinicId", p.clinicId())
			.param("id", p.id())
			.param("patientId", p.patientId())
			.param("date", p.date())
			.param("startedAt", timestamp(p.startedAt()))
			.param("endedAt", timestamp(p.endedAt()))
			.param("setting", p.setting().name())
			.param("operatorId", p.operatorId())
			.param("operatorName", p.operatorName())
			.param("target", p.target().name())
			.param("levels", array(p.levels()))
			.param("side", p.side())
			.param("approach", p.approach())
			.param("guidance", p.guidance().name())
			.param("placementConfirmed", p.placementConfirmed())
			.param("contrastPattern", p.contrastPattern())
			.param("needleTipConfirmed", p.needleTipConfirmed())
			.param("adjuncts", array(p.adjuncts()))
			.param("anaesthesia", p.anaesthesia())
			.param("complications", p.immediateComplications())
			.param("dischargedAt", timestamp(p.dischargedAt()))
			.param("levelsConfirmed", p.levelsConfirmed())
			.param("actor", actor)
			.update();
		for (Procedure.Unit unit : p.productUnits()) {
			jdbc.sql("""
					INSERT INTO procedure_unit (clinic_id, id, procedure_id, product_id, level, volume_ml)
					VALUES (:clinicId, :id, :procedureId, :productId, :level, :volume)
					""")
				.param("clinicId", p.clinicId())
				.param("id", unit.id())
				.param("procedureId", p.id())
				.param("productId", unit.productId())
				.param("level", unit.level())
				.param("volume", unit.volumeMl())
				.update();
		}
	}

	/** Fixes the record: status, time-out and each unit's dose; false if it was no longer a DRAFT. */
	boolean complete(UUID clinicId, UUID id, String timeOutJson, List<Procedure.Unit> dosed, UUID actor) {
		int rows = jdbc.sql("""
				UPDATE procedure SET status = 'COMPLETED', time_out = CAST(:timeOut AS jsonb), completed_at = now(),
				       completed_by = :actor, version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND status = 'DRAFT'
				""").param("clinicId", clinicId).param("id", id).param("timeOut", timeOutJson).param("actor", actor).update();
		if (rows == 0) {
			return false;
		}
		for (Procedure.Unit unit : dosed) {
			jdbc.sql("UPDATE procedure_unit SET viable_cells = :cells WHERE clinic_id = :clinicId AND id = :id")
				.param("clinicId", clinicId)
				.param("id", unit.id())
				.param("cells", unit.viableCells())
				.update();
		}
		return true;
	}

	boolean correct(UUID clinicId, UUID id, ProcedureRequests.Correction c, UUID actor) {
		return jdbc.sql("""
				UPDATE procedure SET immediate_complications = :complications, discharged_at = :dischargedAt,
				       contrast_pattern = :contrast, anaesthesia = :anaesthesia, version = version + 1,
				       updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("complications", c.immediateComplications())
			.param("dischargedAt", timestamp(c.dischargedAt()))
			.param("contrast", c.contrastPattern())
			.param("anaesthesia", c.anaesthesia())
			.param("version", c.version())
			.param("actor", actor)
			.update() == 1;
	}

	Optional<Procedure> find(Collection<UUID> clinics, UUID id) {
		if (clinics.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM procedure WHERE clinic_id IN (:clinics) AND id = :id AND NOT voided")
			.param("clinics", clinics)
			.param("id", id)
			.query((rs, i) -> map(rs))
			.optional();
	}

	List<Procedure> forPatient(UUID clinicId, UUID patientId) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM procedure WHERE clinic_id = :clinicId AND patient_id = :patientId AND NOT voided
				ORDER BY procedure_date DESC, created_at DESC
				""")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.query((rs, i) -> map(rs))
			.list();
	}

	/** Whether a product appears in another procedure that has been completed. */
	boolean usedElsewhere(UUID clinicId, UUID productId, UUID procedureId) {
		return jdbc.sql("""
				SELECT count(*) FROM procedure_unit u JOIN procedure p ON p.clinic_id = u.clinic_id AND p.id = u.procedure_id
				WHERE u.clinic_id = :clinicId AND u.product_id = :productId AND p.status = 'COMPLETED'
				  AND p.id <> :procedureId
				""")
			.param("clinicId", clinicId)
			.param("productId", productId)
			.param("procedureId", procedureId)
			.query(Long.class)
			.single() > 0;
	}

	/** The product units of a procedure, by level (as stored) and then DIN. */
	private List<Procedure.Unit> units(UUID clinicId, UUID procedureId) {
		List<Procedure.Unit> stored = jdbc.sql("""
				SELECT id, product_id, level, volume_ml, viable_cells FROM procedure_unit
				WHERE clinic_id = :clinicId AND procedure_id = :id ORDER BY level
				""")
			.param("clinicId", clinicId)
			.param("id", procedureId)
			.query((rs, i) -> new Procedure.Unit(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
					null, rs.getString("level"), rs.getBigDecimal("volume_ml"), rs.getBigDecimal("viable_cells")))
			.list();
		if (stored.isEmpty()) {
			return stored;
		}
		Map<UUID, String> dins = products.dins(clinicId,
				stored.stream().map(Procedure.Unit::productId).collect(Collectors.toSet()));
		List<String> levelOrder = stored.stream().map(Procedure.Unit::level).distinct().toList();
		return stored.stream()
			.map(unit -> unit.withDin(dins.get(unit.productId())))
			.sorted(Comparator.comparing((Procedure.Unit unit) -> levelOrder.indexOf(unit.level()))
				.thenComparing(Procedure.Unit::din, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	private Procedure map(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		UUID clinicId = rs.getObject("clinic_id", UUID.class);
		Object needle = rs.getObject("needle_tip_confirmed");
		return new Procedure(id, clinicId, rs.getObject("patient_id", UUID.class), rs.getObject("procedure_date", LocalDate.class),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")),
				Procedure.Setting.valueOf(rs.getString("setting")), rs.getObject("operator_id", UUID.class),
				rs.getString("operator_name"), Procedure.Target.valueOf(rs.getString("target")),
				strings(rs.getArray("levels")), rs.getString("side"), rs.getString("approach"),
				Procedure.Guidance.valueOf(rs.getString("guidance")), rs.getBoolean("placement_confirmed"),
				rs.getString("contrast_pattern"), needle == null ? null : (Boolean) needle, strings(rs.getArray("adjuncts")),
				rs.getString("anaesthesia"), rs.getString("immediate_complications"),
				instant(rs.getTimestamp("discharged_at")), rs.getBoolean("levels_confirmed"),
				Procedure.Status.valueOf(rs.getString("status")), rs.getString("time_out"),
				instant(rs.getTimestamp("completed_at")), units(clinicId, id), rs.getInt("version"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
	}

	private static String array(List<String> values) {
		return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}

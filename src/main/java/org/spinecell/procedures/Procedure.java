package org.spinecell.procedures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.spinecell.platform.FieldProblem;

/**
 * An injection procedure. A DRAFT can be edited; completing it runs the administration checks,
 * consumes the product units and fixes the record, after which changes are corrections with a
 * reason.
 */
public record Procedure(UUID id, UUID clinicId, UUID patientId, LocalDate date, Instant startedAt, Instant endedAt,
		Setting setting, UUID operatorId, String operatorName, Target target, List<String> levels, String side,
		String approach, Guidance guidance, boolean placementConfirmed, String contrastPattern,
		Boolean needleTipConfirmed, List<String> adjuncts, String anaesthesia, String immediateComplications,
		Instant dischargedAt, boolean levelsConfirmed, Status status, @JsonRawValue String timeOut,
		Instant completedAt, List<Unit> productUnits, int version) {

	public Procedure {
		levels = List.copyOf(levels);
		adjuncts = List.copyOf(adjuncts);
		productUnits = List.copyOf(productUnits);
	}

	/** When: the day, and the procedure's start, end and the patient's discharge if recorded. */
	public record Times(LocalDate date, Instant startedAt, Instant endedAt, Instant dischargedAt) {
	}

	/** Who performs it. */
	public record Operator(UUID id, String name) {
	}

	/** Where the cells go: the target, the spinal levels (as stored, e.g. "L4-L5"), side and approach. */
	public record Site(Target target, List<String> levels, String side, String approach) {
	}

	/** How the needle is guided and placed, with the adjuncts and anaesthesia used. */
	public record Technique(Guidance guidance, boolean placementConfirmed, String contrastPattern,
			Boolean needleTipConfirmed, List<String> adjuncts, String anaesthesia) {
	}

	/** A new procedure as recorded, not yet completed: no time-out, no completion, no doses yet. */
	public static Procedure draft(UUID clinicId, UUID patientId, Times times, Setting setting, Operator operator,
			Site site, Technique technique, String immediateComplications, boolean levelsConfirmed, List<Unit> units) {
		return new Procedure(UUID.randomUUID(), clinicId, patientId, times.date(), times.startedAt(), times.endedAt(),
				setting, operator.id(), operator.name(), site.target(), site.levels(), site.side(), site.approach(),
				technique.guidance(), technique.placementConfirmed(), technique.contrastPattern(),
				technique.needleTipConfirmed(), technique.adjuncts(), technique.anaesthesia(), immediateComplications,
				times.dischargedAt(), levelsConfirmed, Status.DRAFT, null, null, units, 0);
	}

	public enum Setting {

		OUTPATIENT, AMBULATORY_SURGERY_CENTER, INPATIENT

	}

	public enum Target {

		INTRADISCAL, FACET, EPIDURAL_TRANSFORAMINAL, EPIDURAL_INTERLAMINAR, BASIVERTEBRAL, SACROILIAC

	}

	public enum Guidance {

		FLUOROSCOPY, CT, ULTRASOUND, NONE

	}

	public enum Status {

		DRAFT, COMPLETED

	}

	/**
	 * One product used at one level, with the volume injected and, once completed, the viable
	 * cells delivered (in millions).
	 */
	public record Unit(UUID id, UUID productId, String din, String level, BigDecimal volumeMl, BigDecimal viableCells) {

		/** The unit with the DIN of its product, as read from the cell products module. */
		Unit withDin(String productDin) {
			return new Unit(id, productId, productDin, level, volumeMl, viableCells);
		}

	}

	/** Delivered viable cells per level, in millions. */
	public record Dose(String level, BigDecimal viableCells) {
	}

	/**
	 * The order of a procedure's own times: it ends after it starts, and the patient leaves after it
	 * ended (or, with no end recorded, after it started). Each problem names the later field.
	 */
	public static List<FieldProblem> timeProblems(Instant startedAt, Instant endedAt, Instant dischargedAt) {
		List<FieldProblem> problems = new ArrayList<>();
		if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
			problems.add(new FieldProblem("endedAt", "must not be before startedAt"));
		}
		Instant last = endedAt != null ? endedAt : startedAt;
		if (dischargedAt != null && last != null && dischargedAt.isBefore(last)) {
			problems.add(new FieldProblem("dischargedAt",
					"must not be before the procedure " + (endedAt != null ? "ended" : "started")));
		}
		return problems;
	}

	/** Doses summed per level, in the order of the procedure's levels. */
	public List<Dose> doses() {
		Map<String, BigDecimal> perLevel = new LinkedHashMap<>();
		for (String level : levels) {
			perLevel.put(level, null);
		}
		for (Unit unit : productUnits) {
			if (unit.viableCells() != null) {
				perLevel.merge(unit.level(), unit.viableCells(), (a, b) -> a == null ? b : a.add(b));
			}
		}
		return perLevel.entrySet().stream().map(e -> new Dose(e.getKey(), e.getValue())).toList();
	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("date", date.toString());
		values.put("operator", operatorName);
		values.put("target", target.name());
		values.put("levels", levels);
		values.put("side", side);
		values.put("approach", approach);
		values.put("guidance", guidance.name());
		values.put("placementConfirmed", placementConfirmed);
		values.put("contrastPattern", contrastPattern);
		values.put("needleTipConfirmed", needleTipConfirmed);
		values.put("adjuncts", adjuncts);
		values.put("anaesthesia", anaesthesia);
		values.put("immediateComplications", immediateComplications);
		values.put("dischargedAt", dischargedAt == null ? null : dischargedAt.toString());
		values.put("units", productUnits.stream().map(u -> u.din() + "@" + u.level() + ":" + u.volumeMl() + "mL").toList());
		values.put("status", status.name());
		return values;
	}

}

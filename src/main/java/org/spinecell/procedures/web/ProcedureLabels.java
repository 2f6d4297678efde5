package org.spinecell.procedures.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.Din;
import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.SpinalLevel;
import org.spinecell.patients.SpineRegion;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.SpineCellProperties;
import org.spinecell.procedures.Procedure;

import org.springframework.stereotype.Component;

/**
 * What the procedure pages show for coded values, amounts and times: constants in words, doses in
 * millions of viable cells, volumes in mL, and times in the instance's time zone
 * ({@code spinecell.time-zone}), which the forms also read times in.
 */
@Component
public class ProcedureLabels {

	private static final Map<Enum<?>, String> SPECIAL = Map.ofEntries(
			Map.entry(Procedure.Setting.OUTPATIENT, "Outpatient clinic"),
			Map.entry(Procedure.Setting.AMBULATORY_SURGERY_CENTER, "Ambulatory surgery center"),
			Map.entry(Procedure.Target.FACET, "Facet joint"),
			Map.entry(Procedure.Target.EPIDURAL_TRANSFORAMINAL, "Epidural, transforaminal"),
			Map.entry(Procedure.Target.EPIDURAL_INTERLAMINAR, "Epidural, interlaminar"),
			Map.entry(Procedure.Target.SACROILIAC, "Sacroiliac joint"), Map.entry(Procedure.Guidance.CT, "CT"),
			Map.entry(Procedure.Guidance.NONE, "None (landmarks)"));

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

	private final ZoneId zone;

	ProcedureLabels(SpineCellProperties properties) {
		this.zone = properties.timeZone();
	}

	/** A constant in words: {@code HOME_EXERCISE} is "Home exercise"; null is empty. */
	public String of(Enum<?> value) {
		if (value == null) {
			return "";
		}
		String special = SPECIAL.get(value);
		if (special != null) {
			return special;
		}
		String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** The options of a select for an enum's constants, in declaration order: name to words. */
	public <E extends Enum<E>> Map<String, String> options(E[] values) {
		Map<String, String> options = new LinkedHashMap<>();
		for (E value : values) {
			options.put(value.name(), of(value));
		}
		return options;
	}

	/** The zone times are shown and entered in, as people know it (e.g. "UTC", "Europe/Paris"). */
	public String zoneName() {
		return zone.getId();
	}

	ZoneId zone() {
		return zone;
	}

	/** The clinic's today, in the instance's zone. */
	public LocalDate today() {
		return LocalDate.now(zone);
	}

	/** A time of day such as 09:30, or empty. */
	public String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant.atZone(zone));
	}

	/** A date and time such as 2026-03-14 09:30, followed by the zone. */
	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(zone)) + " " + zone.getId();
	}

	/** The time of day of an instant, for a form field; null stays null. */
	public LocalTime localTime(Instant instant) {
		return instant == null ? null : instant.atZone(zone).toLocalTime();
	}

	/** The instant of a time on a day in the instance's zone; null when either is missing. */
	public Instant instant(LocalDate date, LocalTime time) {
		return date == null || time == null ? null : date.atTime(time).atZone(zone).toInstant();
	}

	/** The date of an instant in the instance's zone. */
	public LocalDate localDate(Instant instant) {
		return instant == null ? null : instant.atZone(zone).toLocalDate();
	}

	/** A number of millions of viable cells: "222 × 10⁶", one decimal at most. */
	public String cells(BigDecimal millions) {
		if (millions == null) {
			return "";
		}
		return plain(millions.setScale(1, RoundingMode.HALF_UP)) + " × 10⁶";
	}

	/** A volume such as "2.5 mL". */
	public String volume(BigDecimal millilitres) {
		return millilitres == null ? "" : plain(millilitres) + " mL";
	}

	/** A DIN in its eye-readable printed form; text that is no DIN is shown as it is. */
	public String din(String value) {
		if (value == null) {
			return "";
		}
		try {
			return Din.parse(value).printed();
		}
		catch (Refusal notADin) {
			return value;
		}
	}

	/** What a product is, without its DIN: "Bone marrow aspirate concentrate, autologous". */
	public String product(CellProduct product) {
		return product.sourceType().label() + ", " + of(product.origin()).toLowerCase(Locale.ROOT);
	}

	/** A side as stored ({@code LEFT}) in words; free text stays as it is. */
	public String sideOf(String side) {
		if (side == null) {
			return "";
		}
		try {
			return of(Diagnosis.Side.valueOf(side));
		}
		catch (IllegalArgumentException freeText) {
			return side;
		}
	}

	public String yesNo(Boolean value) {
		return value == null ? "Not recorded" : value ? "Yes" : "No";
	}

	/**
	 * The levels a procedure may name, grouped for the form: lumbar and lumbosacral segments first
	 * (where most injections go), then thoracic and cervical segments, then single vertebrae (for a
	 * basivertebral target, say). The levels come from the spine regions, as on the diagnosis form.
	 */
	public Map<String, List<String>> levelGroups() {
		TreeSet<SpinalLevel> all = new TreeSet<>();
		for (SpineRegion region : SpineRegion.values()) {
			all.addAll(region.levels());
		}
		Map<String, List<String>> groups = new LinkedHashMap<>();
		groups.put("Lumbar", segments(all, 'L'));
		groups.put("Thoracic", segments(all, 'T'));
		groups.put("Cervical", segments(all, 'C'));
		groups.put("Single vertebrae",
				all.stream().filter(level -> !level.isSegment()).map(SpinalLevel::toString).toList());
		return groups;
	}

	private static List<String> segments(TreeSet<SpinalLevel> all, char part) {
		return all.stream()
			.filter(SpinalLevel::isSegment)
			.map(SpinalLevel::toString)
			.filter(name -> name.charAt(0) == part)
			.toList();
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}

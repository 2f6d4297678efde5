package org.spinecell.outcomes.medication;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spinecell.outcomes.Medication;
import org.spinecell.platform.Refusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opioid doses as morphine milligram equivalents (MME) per day, from a conversion table shipped as
 * data ({@code outcomes/mme-conversion.json}, taken from the CDC 2022 Clinical Practice Guideline
 * for Prescribing Opioids for Pain). The table is data so that a clinic can check it against the
 * current guideline and replace it without a new release; the clinic must do that check.
 *
 * <p>A drug is matched by its first words ("oxycodone hydrochloride ER" is oxycodone). A drug that
 * is not in the table has no MME; that is not an error, since most medications are not opioids.
 * A unit that SpineCell does not know, or a unit other than the one the table converts for that
 * drug and route, is an error naming {@code unit}.
 */
public final class MmeConversion {

	static final String SHIPPED = "/outcomes/mme-conversion.json";

	private static final int SCALE = 2;

	private final String source;

	private final List<String> units;

	private final List<Factor> factors;

	private final List<Excluded> excluded;

	/** One row of the table: MME per day = dose × frequency × factor, or rate × factor for a patch. */
	record Factor(String drug, Medication.Route route, String unit, BigDecimal factor, boolean continuousRate) {
	}

	/** A drug the guideline leaves out of MME on purpose, with the reason shown to staff. */
	record Excluded(String drug, String note) {
	}

	/**
	 * The conversion of one statement.
	 *
	 * @param unit the unit in its canonical spelling
	 * @param factor the factor used, or {@code null} when there is no MME
	 * @param mmePerDay MME per day, or {@code null} when the drug is not converted
	 * @param note why there is no MME, when that is worth saying; otherwise {@code null}
	 */
	public record Result(String unit, BigDecimal factor, BigDecimal mmePerDay, String note) {
	}

	MmeConversion(String source, List<String> units, List<Factor> factors, List<Excluded> excluded) {
		this.source = source;
		this.units = List.copyOf(units);
		this.factors = List.copyOf(factors);
		this.excluded = List.copyOf(excluded);
	}

	/** The table shipped with SpineCell. */
	static MmeConversion shipped() {
		try (InputStream in = MmeConversion.class.getResourceAsStream(SHIPPED)) {
			if (in == null) {
				throw new IllegalStateException("MME conversion table " + SHIPPED + " is missing");
			}
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads a table in the shipped format; a table without a cited source is refused. */
	public static MmeConversion read(InputStream in) {
		JsonNode root = JsonMapper.builder().build().readTree(in);
		String source = text(root, "source");
		List<String> units = new ArrayList<>();
		root.get("units").forEach(unit -> units.add(unit.asString()));
		List<Factor> factors = new ArrayList<>();
		for (JsonNode row : root.get("opioids")) {
			BigDecimal factor = row.get("factor").decimalValue();
			if (factor.signum() <= 0) {
				throw new IllegalStateException("MME factor must be positive: " + row);
			}
			JsonNode rate = row.get("continuousRate");
			factors.add(new Factor(normalise(text(row, "drug")), Medication.Route.valueOf(text(row, "route")),
					text(row, "unit"), factor, rate != null && rate.asBoolean()));
		}
		List<Excluded> excluded = new ArrayList<>();
		JsonNode excludedRows = root.get("excluded");
		if (excludedRows != null) {
			excludedRows.forEach(row -> excluded.add(new Excluded(normalise(text(row, "drug")), text(row, "note"))));
		}
		return new MmeConversion(source, units, factors, excluded);
	}

	/** The citation of the table in use. */
	public String source() {
		return source;
	}

	/** The units SpineCell accepts, in their canonical spelling. */
	public List<String> units() {
		return units;
	}

	/** The drugs the table knows (converted or left out on purpose), in table order. */
	public List<String> drugs() {
		List<String> drugs = new ArrayList<>();
		factors.forEach(f -> drugs.add(f.drug()));
		excluded.forEach(e -> drugs.add(e.drug()));
		return drugs.stream().distinct().toList();
	}

	/** The route the table converts the drug by, if it has one row for it. */
	public Optional<Medication.Route> routeOf(String drug) {
		String name = normalise(drug);
		List<Medication.Route> routes = factors.stream().filter(f -> f.drug().equals(name)).map(Factor::route).toList();
		return routes.size() == 1 ? Optional.of(routes.get(0)) : Optional.empty();
	}

	/**
	 * Converts one statement.
	 *
	 * @param frequencyPerDay doses a day; ignored for a continuous-rate form such as a patch
	 * @throws Refusal 422 naming {@code unit} for an unknown unit or one the table does not convert
	 *         for this drug and route, or naming {@code frequencyPerDay} when a converted dose lacks one
	 */
	public Result convert(String drug, BigDecimal dose, String unit, Medication.Route route, BigDecimal frequencyPerDay) {
		String canonicalUnit = canonicalUnit(unit).orElseThrow(() -> Refusal.invalid("unit",
				"unknown unit; use one of " + String.join(", ", units)));
		String name = normalise(drug);
		Optional<Excluded> exclusion = excluded.stream().filter(e -> matches(name, e.drug())).findFirst();
		if (exclusion.isPresent()) {
			return new Result(canonicalUnit, null, null, exclusion.get().note());
		}
		List<Factor> forDrug = factors.stream().filter(f -> matches(name, f.drug())).toList();
		if (forDrug.isEmpty()) {
			return new Result(canonicalUnit, null, null, null);
		}
		Optional<Factor> forRoute = forDrug.stream().filter(f -> f.route() == route).findFirst();
		if (forRoute.isEmpty()) {
			return new Result(canonicalUnit, null, null,
					"The conversion table has no factor for " + forDrug.get(0).drug() + " by the " + route.name()
							+ " route, so no MME is calculated");
		}
		Factor factor = forRoute.get();
		if (!factor.unit().equals(canonicalUnit)) {
			throw Refusal.invalid("unit", factor.drug() + " by the " + route.name() + " route is recorded in "
					+ factor.unit() + (factor.continuousRate() ? " (the patch rate)" : ""));
		}
		BigDecimal perDay = dose.multiply(factor.factor());
		if (!factor.continuousRate()) {
			if (frequencyPerDay == null) {
				throw Refusal.invalid("frequencyPerDay", "is required to calculate the daily dose");
			}
			perDay = perDay.multiply(frequencyPerDay);
		}
		return new Result(canonicalUnit, factor.factor(), perDay.setScale(SCALE, RoundingMode.HALF_UP), null);
	}

	private Optional<String> canonicalUnit(String unit) {
		if (unit == null) {
			return Optional.empty();
		}
		String trimmed = unit.strip();
		return units.stream().filter(u -> u.equalsIgnoreCase(trimmed)).findFirst();
	}

	/** The table's drug name as the first word or words of the entered name. */
	private static boolean matches(String entered, String tableDrug) {
		return entered.equals(tableDrug) || entered.startsWith(tableDrug + " ");
	}

	private static String normalise(String drug) {
		return drug.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.asString().isBlank()) {
			throw new IllegalStateException("MME conversion table: '" + field + "' is missing in " + node);
		}
		return value.asString();
	}

}

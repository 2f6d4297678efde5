package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;
import org.spinecell.patients.ConditionFamily;
import org.spinecell.patients.Sex;
import org.spinecell.patients.SpineRegion;
import org.spinecell.platform.Refusal;
import org.spinecell.procedures.Procedure;

/**
 * Which episodes a cohort holds. Every field is optional ({@code null} or empty: no restriction);
 * sets mean "any of". It is read from request parameters and from a saved cohort's JSON with the
 * same parser, and written back with {@link #toParameters()}, so a saved cohort is exactly the
 * parameters that defined it.
 *
 * @param doseMin lowest delivered viable-cell dose, in millions of cells
 * @param baselineMeasure the measure {@code baselineMin}/{@code baselineMax} apply to
 */
public record CohortFilter(Set<UUID> clinicIds, LocalDate from, LocalDate to, Set<String> conditionFamilies,
		Set<String> regions, Set<Integer> levels, Set<String> cellSources, Set<String> tissues, Set<String> origins,
		BigDecimal doseMin, BigDecimal doseMax, Set<String> targets, Set<String> guidances, Boolean placementConfirmed,
		Set<UUID> operatorIds, Integer ageMin, Integer ageMax, Set<String> sexes, Measure baselineMeasure,
		BigDecimal baselineMin, BigDecimal baselineMax, Boolean registryConsent, Boolean researchConsent) {

	/** The parameter names, in the order {@link #toParameters()} writes them. */
	public static final List<String> PARAMETERS = List.of("clinicId", "from", "to", "conditionFamily", "region",
			"levels", "cellSource", "tissue", "origin", "doseMin", "doseMax", "target", "guidance",
			"placementConfirmed", "operatorId", "ageMin", "ageMax", "sex", "baselineMeasure", "baselineMin",
			"baselineMax", "registryConsent", "researchConsent");

	public static final CohortFilter ALL = parse(Map.of());

	public CohortFilter {
		clinicIds = Set.copyOf(clinicIds);
		conditionFamilies = Set.copyOf(conditionFamilies);
		regions = Set.copyOf(regions);
		levels = Set.copyOf(levels);
		cellSources = Set.copyOf(cellSources);
		tissues = Set.copyOf(tissues);
		origins = Set.copyOf(origins);
		targets = Set.copyOf(targets);
		guidances = Set.copyOf(guidances);
		operatorIds = Set.copyOf(operatorIds);
		sexes = Set.copyOf(sexes);
	}

	/**
	 * Reads a filter from parameters (each may repeat, or hold a comma-separated list). Names that
	 * are not filter parameters are ignored, so the same map may carry other options. A value that
	 * cannot be read is a 400 naming the parameter and, for codes, listing the allowed values.
	 */
	public static CohortFilter parse(Map<String, List<String>> parameters) {
		Reader in = new Reader(parameters);
		CohortFilter filter = new CohortFilter(in.set("clinicId", UUID::fromString, "a UUID"), in.date("from"),
				in.date("to"), in.codes("conditionFamily", names(ConditionFamily.values())),
				in.codes("region", names(SpineRegion.values())),
				in.set("levels", Reader::levelCount, "a whole number from 1 to 10"),
				in.codes("cellSource", withMixed(names(SourceType.values()))),
				in.codes("tissue", withMixed(names(Tissue.values()))),
				in.codes("origin", withMixed(names(Origin.values()))), in.decimal("doseMin"), in.decimal("doseMax"),
				in.codes("target", names(Procedure.Target.values())),
				in.codes("guidance", names(Procedure.Guidance.values())), in.bool("placementConfirmed"),
				in.set("operatorId", UUID::fromString, "a UUID"), in.integer("ageMin"), in.integer("ageMax"),
				in.codes("sex", names(Sex.values())), in.measure("baselineMeasure"), in.decimal("baselineMin"),
				in.decimal("baselineMax"), in.bool("registryConsent"), in.bool("researchConsent"));
		filter.checkRanges();
		return filter;
	}

	/**
	 * As {@link #parse(Map)}, but a parameter that is neither a filter parameter nor one of
	 * {@code options} is a 400 naming it, so a misspelt filter is not silently ignored.
	 */
	public static CohortFilter parse(Map<String, List<String>> parameters, Collection<String> options) {
		for (String name : parameters.keySet()) {
			if (!PARAMETERS.contains(name) && !options.contains(name)) {
				List<String> allowed = new ArrayList<>(options);
				allowed.addAll(PARAMETERS);
				throw Refusal.badRequest(name,
						name + " is not a parameter here; allowed: " + String.join(", ", allowed));
			}
		}
		return parse(parameters);
	}

	/** The same filter restricted to patients with current research consent. */
	public CohortFilter withResearchConsent() {
		return new CohortFilter(clinicIds, from, to, conditionFamilies, regions, levels, cellSources, tissues, origins,
				doseMin, doseMax, targets, guidances, placementConfirmed, operatorIds, ageMin, ageMax, sexes,
				baselineMeasure, baselineMin, baselineMax, registryConsent, true);
	}

	/** The same filter limited to the given clinics. */
	public CohortFilter withClinics(Set<UUID> clinics) {
		return new CohortFilter(clinics, from, to, conditionFamilies, regions, levels, cellSources, tissues, origins,
				doseMin, doseMax, targets, guidances, placementConfirmed, operatorIds, ageMin, ageMax, sexes,
				baselineMeasure, baselineMin, baselineMax, registryConsent, researchConsent);
	}

	/** The parameters that give this filter back through {@link #parse}, without the empty ones. */
	public Map<String, List<String>> toParameters() {
		Map<String, List<String>> out = new LinkedHashMap<>();
		List<Object> values = Arrays.asList(clinicIds, from, to, conditionFamilies, regions, levels, cellSources, tissues,
				origins, doseMin, doseMax, targets, guidances, placementConfirmed, operatorIds, ageMin, ageMax, sexes,
				baselineMeasure, baselineMin, baselineMax, registryConsent, researchConsent);
		for (int i = 0; i < PARAMETERS.size(); i++) {
			Object value = values.get(i);
			if (value instanceof Set<?> set) {
				if (!set.isEmpty()) {
					out.put(PARAMETERS.get(i), set.stream().map(String::valueOf).sorted().toList());
				}
			}
			else if (value instanceof BigDecimal decimal) {
				out.put(PARAMETERS.get(i), List.of(decimal.toPlainString()));
			}
			else if (value != null) {
				out.put(PARAMETERS.get(i), List.of(String.valueOf(value)));
			}
		}
		return out;
	}

	private void checkRanges() {
		if (from != null && to != null && from.isAfter(to)) {
			throw Refusal.badRequest("to", "to must not be before from");
		}
		if (doseMin != null && doseMax != null && doseMin.compareTo(doseMax) > 0) {
			throw Refusal.badRequest("doseMax", "doseMax must not be below doseMin");
		}
		if (ageMin != null && ageMax != null && ageMin > ageMax) {
			throw Refusal.badRequest("ageMax", "ageMax must not be below ageMin");
		}
		if (baselineMin != null && baselineMax != null && baselineMin.compareTo(baselineMax) > 0) {
			throw Refusal.badRequest("baselineMax", "baselineMax must not be below baselineMin");
		}
		if ((baselineMin != null || baselineMax != null) && baselineMeasure == null) {
			throw Refusal.badRequest("baselineMeasure",
					"baselineMeasure is required with baselineMin or baselineMax; allowed values: " + Measure.allowed());
		}
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	private static List<String> withMixed(List<String> names) {
		List<String> all = new ArrayList<>(names);
		all.add("MIXED");
		return all;
	}

	/** Reads the values of one parameter at a time, failing with the parameter's name. */
	private record Reader(Map<String, List<String>> parameters) {

		List<String> values(String name) {
			List<String> raw = parameters.getOrDefault(name, List.of());
			List<String> values = new ArrayList<>();
			for (String value : raw) {
				if (value == null) {
					continue;
				}
				for (String part : value.split(",", -1)) {
					if (!part.isBlank()) {
						values.add(part.strip());
					}
				}
			}
			return values;
		}

		String single(String name) {
			List<String> values = values(name);
			if (values.size() > 1) {
				throw Refusal.badRequest(name, name + " takes one value");
			}
			return values.isEmpty() ? null : values.get(0);
		}

		<T> Set<T> set(String name, Function<String, T> parser, String expected) {
			Set<T> out = new LinkedHashSet<>();
			for (String value : values(name)) {
				out.add(read(name, value, parser, expected));
			}
			return out;
		}

		Set<String> codes(String name, List<String> allowed) {
			Set<String> out = new LinkedHashSet<>();
			for (String value : values(name)) {
				String code = value.toUpperCase(java.util.Locale.ROOT);
				if (!allowed.contains(code)) {
					throw Refusal.badRequest(name,
							name + " must be one of: " + String.join(", ", allowed));
				}
				out.add(code);
			}
			return out;
		}

		LocalDate date(String name) {
			String value = single(name);
			return value == null ? null : read(name, value, LocalDate::parse, "a date such as 2026-01-31");
		}

		BigDecimal decimal(String name) {
			String value = single(name);
			return value == null ? null : read(name, value, BigDecimal::new, "a number");
		}

		Integer integer(String name) {
			String value = single(name);
			return value == null ? null : read(name, value, v -> {
				int n = Integer.parseInt(v);
				if (n < 0 || n > 150) {
					throw new IllegalArgumentException();
				}
				return n;
			}, "a whole number from 0 to 150");
		}

		Boolean bool(String name) {
			String value = single(name);
			if (value == null) {
				return null;
			}
			return switch (value.toLowerCase(java.util.Locale.ROOT)) {
				case "true" -> true;
				case "false" -> false;
				default -> throw Refusal.badRequest(name, name + " must be one of: true, false");
			};
		}

		Measure measure(String name) {
			String value = single(name);
			return value == null ? null : Measure.parse(name, value);
		}

		static Integer levelCount(String value) {
			int n = Integer.parseInt(value);
			if (n < 1 || n > 10) {
				throw new IllegalArgumentException();
			}
			return n;
		}

		private static <T> T read(String name, String value, Function<String, T> parser, String expected) {
			try {
				return parser.apply(value);
			}
			catch (IllegalArgumentException | DateTimeParseException | ArithmeticException ex) {
				throw Refusal.badRequest(name, name + " must be " + expected);
			}
		}

	}

}

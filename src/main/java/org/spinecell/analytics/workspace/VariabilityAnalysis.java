package org.spinecell.analytics.workspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.spinecell.analytics.stats.Coefficient;
import org.spinecell.analytics.stats.DataStatus;
import org.spinecell.analytics.stats.Funnel;
import org.spinecell.analytics.stats.LinearModel;
import org.spinecell.analytics.stats.LogisticModel;
import org.spinecell.analytics.stats.ModelFitException;

/**
 * The case-mix models of one measure at one time point: a linear model of the change from
 * baseline and a logistic model of responder status on the same covariates, and from the logistic
 * model each operator's and clinic's observed against expected responders as funnel data. Builds
 * the design (indicator columns for codes, the most frequent level as reference; a covariate that
 * does not vary is left out and said so) and counts the episodes left out, by reason.
 * <p>
 * Over 300 lines because it is one computation whose steps share the design matrix and the rows
 * kept (design, both models, then the funnel's expected counts with their case-mix and unadjusted
 * fallbacks), and about a third of it is the result's shape: the nested records the JSON API, the
 * workspace and the tests read as {@code VariabilityAnalysis.Result}, {@code .FunnelUnit} and so on.
 */
final class VariabilityAnalysis {

	/** The numeric covariates, in design order. */
	static final List<String> NUMERIC = List.of("age", "baseline", "symptomDurationMonths", "levels", "log10Dose",
			"placementConfirmed");

	/** The coded covariates, entered as indicators. */
	static final List<String> FACTORS = List.of("sex", "conditionFamily", "cellSource", "target", "guidance");

	private VariabilityAnalysis() {
	}

	/** An episode's covariates and, when recorded, its value, baseline and change at the time point. */
	record EpisodeRow(String operator, String clinic, Double value, Double baseline, Double change, Double age,
			String sex, Double symptomDurationMonths, String conditionFamily, Double levels, String cellSource,
			Double log10Dose, String target, String guidance, Boolean placementConfirmed) {

		Double numeric(String name) {
			return switch (name) {
				case "age" -> age;
				case "baseline" -> baseline;
				case "symptomDurationMonths" -> symptomDurationMonths;
				case "levels" -> levels;
				case "log10Dose" -> log10Dose;
				case "placementConfirmed" -> placementConfirmed == null ? null : placementConfirmed ? 1.0 : 0.0;
				default -> throw new IllegalArgumentException(name);
			};
		}

		String factor(String name) {
			return switch (name) {
				case "sex" -> sex;
				case "conditionFamily" -> conditionFamily;
				case "cellSource" -> cellSource;
				case "target" -> target;
				case "guidance" -> guidance;
				default -> throw new IllegalArgumentException(name);
			};
		}

	}

	/** Episodes left out of the models for one reason. */
	record Dropped(String reason, long episodes) {
	}

	/**
	 * One coefficient; an aliased one (its covariate a linear combination of the intercept and the
	 * covariates before it in this cohort, e.g. a code no episode has) has {@code aliased} set and
	 * no values, as R's {@code NA}.
	 */
	record CoefficientRow(String name, Double estimate, Double stdError, Double ciLow, Double ciHigh, Double p,
			boolean aliased) {
	}

	/** A fitted model, or why it could not be fitted ({@code status} NOT_FITTED and a {@code note}). */
	record Model(String status, String note, int n, List<CoefficientRow> coefficients, Double rSquared,
			Double deviance) {
	}

	record FunnelUnit(String unit, int n, int observed, double expected, Double ratio, Double low998, Double low95,
			Double high95, Double high998, String signal, boolean tooSmall) {
	}

	/**
	 * Funnel data of one kind of unit. {@code adjustment} says where the expected counts come from:
	 * {@code FULL_MODEL} (the logistic model on every covariate), {@code CASE_MIX} (a logistic model
	 * on the patient's own characteristics only, when the full model cannot be fitted) or
	 * {@code UNADJUSTED} (the cohort's responder rate, when neither can); {@code adjustmentNote}
	 * says why a fallback was used.
	 */
	record FunnelData(String status, String note, Double target, List<FunnelUnit> units, List<Funnel.Limits> curve,
			String adjustment, List<String> adjustedFor, String adjustmentNote) {
	}

	/**
	 * The patient-level covariates of the case-mix fallback (who was treated, not how), tried with
	 * the coded ones first and then, if a rare code still separates the responders, the numeric ones.
	 */
	static final List<List<String>> CASE_MIX = List.of(
			List.of("age", "baseline", "symptomDurationMonths", "levels", "sex", "conditionFamily"),
			List.of("age", "baseline", "symptomDurationMonths", "levels"));

	/** The expected probability of response per kept episode, and what it was adjusted for. */
	private record Expected(double[] probability, String adjustment, List<String> adjustedFor, String note) {
	}

	record Result(int n, List<Dropped> dropped, List<String> covariates, Map<String, String> leftOutCovariates,
			Model linear, Model logistic, FunnelData operators, FunnelData clinics) {
	}

	/**
	 * @param responder whether a kept row is a responder (by the measure's thresholds)
	 * @param operatorLabel how an operator is shown (a pseudonym for researchers)
	 */
	static Result of(List<EpisodeRow> rows, Function<EpisodeRow, Boolean> responder,
			UnaryOperator<String> operatorLabel) {
		return of(rows, responder, operatorLabel, UnaryOperator.identity());
	}

	/**
	 * @param responder whether a kept row is a responder (by the measure's thresholds)
	 * @param operatorLabel how an operator is shown (a pseudonym for researchers)
	 * @param clinicLabel how a clinic is shown (a pseudonym for researchers)
	 */
	static Result of(List<EpisodeRow> rows, Function<EpisodeRow, Boolean> responder,
			UnaryOperator<String> operatorLabel, UnaryOperator<String> clinicLabel) {
		Map<String, Long> dropped = new LinkedHashMap<>();
		List<EpisodeRow> kept = new ArrayList<>();
		for (EpisodeRow row : rows) {
			String reason = dropReason(row);
			if (reason == null) {
				kept.add(row);
			}
			else {
				dropped.merge(reason, 1L, Long::sum);
			}
		}
		Map<String, String> leftOut = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		List<Function<EpisodeRow, Double>> columns = new ArrayList<>();
		for (String name : NUMERIC) {
			if (kept.stream().map(r -> r.numeric(name)).distinct().count() > 1) {
				names.add(name);
				columns.add(r -> r.numeric(name));
			}
			else {
				leftOut.put(name, "does not vary in the data");
			}
		}
		for (String name : FACTORS) {
			Map<String, Long> levels = new TreeMap<>();
			kept.forEach(r -> levels.merge(r.factor(name), 1L, Long::sum));
			if (levels.size() < 2) {
				leftOut.put(name, "does not vary in the data");
				continue;
			}
			String reference = levels.entrySet()
				.stream()
				.max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
				.orElseThrow()
				.getKey();
			leftOut.put(name + "=" + reference, "reference level");
			for (String level : levels.keySet()) {
				if (!level.equals(reference)) {
					names.add(name + "=" + level);
					columns.add(r -> level.equals(r.factor(name)) ? 1.0 : 0.0);
				}
			}
		}
		double[][] x = new double[kept.size()][names.size()];
		double[] change = new double[kept.size()];
		int[] responded = new int[kept.size()];
		for (int i = 0; i < kept.size(); i++) {
			for (int j = 0; j < columns.size(); j++) {
				x[i][j] = columns.get(j).apply(kept.get(i));
			}
			change[i] = kept.get(i).change();
			responded[i] = Boolean.TRUE.equals(responder.apply(kept.get(i))) ? 1 : 0;
		}
		Model linear = linear(names, x, change);
		LogisticModel logistic = null;
		String logisticNote = null;
		try {
			logistic = LogisticModel.fit(names, x, responded);
		}
		catch (ModelFitException ex) {
			logisticNote = ex.getMessage();
		}
		List<Dropped> droppedList = dropped.entrySet().stream().map(e -> new Dropped(e.getKey(), e.getValue())).toList();
		Model model = logistic == null ? notFitted(kept.size(), logisticNote) : model(logistic, kept.size());
		if (kept.isEmpty()) {
			FunnelData none = new FunnelData(DataStatus.NO_DATA.name(), "no episode has a value at the time point", null,
					List.of(), List.of(), null, List.of(), null);
			return new Result(0, droppedList, names, leftOut, linear, model, none, none);
		}
		Expected expected = expected(logistic, logisticNote, names, x, responded);
		return new Result(kept.size(), droppedList, names, leftOut, linear, model,
				funnel(kept, responded, expected, r -> operatorLabel.apply(r.operator())),
				funnel(kept, responded, expected, r -> clinicLabel.apply(r.clinic())));
	}

	/**
	 * The expected probabilities of the funnel: from the full logistic model when it could be
	 * fitted; otherwise (small cohorts, where rare codes separate responders completely) from a
	 * logistic model on the patient-level covariates only, as registries adjust a surgeon's results
	 * for case mix; otherwise the cohort's responder rate for everyone (an unadjusted funnel).
	 */
	private static Expected expected(LogisticModel full, String fullNote, List<String> names, double[][] x,
			int[] responded) {
		if (full != null) {
			return new Expected(predict(full, x), "FULL_MODEL", names, null);
		}
		String why = "the full logistic model could not be fitted (" + fullNote + ")";
		List<List<String>> tried = new ArrayList<>();
		for (List<String> caseMix : CASE_MIX) {
			List<Integer> columns = new ArrayList<>();
			for (int j = 0; j < names.size(); j++) {
				String name = names.get(j);
				if (caseMix.contains(name.contains("=") ? name.substring(0, name.indexOf('=')) : name)) {
					columns.add(j);
				}
			}
			double[][] z = new double[x.length][columns.size()];
			for (int i = 0; i < x.length; i++) {
				for (int k = 0; k < columns.size(); k++) {
					z[i][k] = x[i][columns.get(k)];
				}
			}
			List<String> used = columns.stream().map(names::get).toList();
			if (used.isEmpty() || tried.contains(used)) {
				continue;
			}
			tried.add(used);
			try {
				return new Expected(predict(LogisticModel.fit(used, z, responded), z), "CASE_MIX", used, why);
			}
			catch (ModelFitException ex) {
				why = why + (tried.size() == 1 ? ", nor one on the patients' own characteristics"
						: ", nor one on their numeric characteristics only");
			}
		}
		double[] rate = new double[x.length];
		Arrays.fill(rate, Arrays.stream(responded).average().orElse(0));
		return new Expected(rate, "UNADJUSTED", List.of(), why);
	}

	private static double[] predict(LogisticModel model, double[][] x) {
		double[] p = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			p[i] = model.probability(x[i]);
		}
		return p;
	}

	private static String dropReason(EpisodeRow row) {
		if (row.value() == null) {
			return "no value at the time point";
		}
		if (row.change() == null) {
			return "no baseline value";
		}
		for (String name : NUMERIC) {
			if (row.numeric(name) == null) {
				return "missing " + name;
			}
		}
		for (String name : FACTORS) {
			if (row.factor(name) == null) {
				return "missing " + name;
			}
		}
		return null;
	}

	private static Model linear(List<String> names, double[][] x, double[] y) {
		try {
			LinearModel fit = LinearModel.fit(names, x, y);
			return new Model(fit.status().name(), null, fit.n(), rows(fit.coefficients()), fit.rSquared(), null);
		}
		catch (ModelFitException ex) {
			return notFitted(y.length, ex.getMessage());
		}
	}

	private static Model model(LogisticModel fit, int n) {
		return new Model(fit.status().name(), null, n, rows(fit.coefficients()), null, fit.deviance());
	}

	private static Model notFitted(int n, String why) {
		return new Model("NOT_FITTED", why, n, List.of(), null, null);
	}

	private static List<CoefficientRow> rows(List<Coefficient> coefficients) {
		return coefficients.stream()
			.map(c -> new CoefficientRow(c.name(), c.estimate(), c.stdError(), c.aliased() ? null : c.ci().low(),
					c.aliased() ? null : c.ci().high(), c.p(), c.aliased()))
			.toList();
	}

	private static FunnelData funnel(List<EpisodeRow> kept, int[] responded, Expected expected,
			Function<EpisodeRow, String> unitOf) {
		List<Funnel.Patient> patients = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			String unit = unitOf.apply(kept.get(i));
			patients.add(new Funnel.Patient(unit == null ? "UNKNOWN" : unit, responded[i] == 1,
					expected.probability()[i]));
		}
		Funnel funnel = Funnel.of(patients);
		List<FunnelUnit> units = funnel.units().stream().map(u -> {
			Funnel.Limits l = u.limits();
			return new FunnelUnit(u.unit(), u.n(), u.observed(), u.expected(), u.ratio(), l == null ? null : l.low998(),
					l == null ? null : l.low95(), l == null ? null : l.high95(), l == null ? null : l.high998(),
					u.signal().name(), u.status() == DataStatus.TOO_SMALL);
		}).toList();
		List<Funnel.Limits> curve = new ArrayList<>();
		double target = funnel.target();
		if (target > 0 && target < 1) {
			int max = units.stream().mapToInt(FunnelUnit::n).max().orElse(0);
			int step = Math.max(1, max / 100);
			for (int n = 1; n <= max; n += step) {
				curve.add(Funnel.limits(n, target));
			}
		}
		return new FunnelData(funnel.status().name(), target > 0 && target < 1 ? null
				: "every patient or none responded: no limits", target, units, curve, expected.adjustment(),
				expected.adjustedFor(), expected.note());
	}

}

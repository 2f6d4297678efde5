package org.spinecell.analytics.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Funnel-plot data for comparing units (operators, clinics) on a risk-adjusted responder rate.
 * <p>
 * For each unit with {@code n} patients, {@code observed} responders O and {@code expected}
 * responders E (the sum of the patients' predicted probabilities from a logistic model fitted on
 * all units) the funnel plots the ratio {@code O / E} against {@code n}, around the target ratio 1.
 * The control limits are the exact binomial limits with interpolation of Spiegelhalter (2005,
 * "Funnel plots for comparing institutional performance", Stat Med 24:1185, appendix A.1.1) for a
 * proportion with target {@code θ = ΣO / Σn} (the overall responder rate) and precision {@code n},
 * divided by θ to put them on the ratio scale: for probability {@code p} in {0.001, 0.025, 0.975,
 * 0.999} (the 99.8 % and 95 % limits), {@code r = qbinom(p, n, θ)},
 * {@code α = (pbinom(r, n, θ) − p) / (pbinom(r, n, θ) − pbinom(r − 1, n, θ))} and the limit is
 * {@code (r − α) / (n θ)}. Treating the unit's risk-adjusted rate {@code θ · O / E} as a binomial
 * proportion around θ is the usual approximation for indirectly standardised rates.
 * <p>
 * No patients give {@link DataStatus#NO_DATA}, a {@code null} target and no units; a unit with
 * fewer than five patients is flagged {@link DataStatus#TOO_SMALL}; a target of 0 or 1 (nobody or
 * everybody responded) leaves every unit's limits {@code null}.
 * <p>
 * The limits are computed for every unit (and agree with R), but a unit is only compared with them
 * when it expects at least {@link #MIN_EXPECTED} responders and as many non-responders: near the
 * ends of the binomial the interpolation puts the limit within one count of the most or fewest
 * responders possible, so a unit of 1 to 3 episodes in which everybody responded would be flagged
 * "above 99.8 %" (as R's computation flags it too) on no evidence. Such a unit's signal is
 * {@link Signal#TOO_FEW_EXPECTED}.
 *
 * @param status whether there is data
 * @param target the overall responder rate θ
 * @param units one entry per unit, in order of first appearance
 */
public record Funnel(DataStatus status, Double target, List<Unit> units) {

	/**
	 * One patient's contribution.
	 *
	 * @param unit the operator or clinic
	 * @param responder whether the patient responded
	 * @param expected the patient's predicted probability of responding
	 */
	public record Patient(String unit, boolean responder, double expected) {
	}

	/**
	 * One unit's point and limits.
	 *
	 * @param unit the unit
	 * @param status {@link DataStatus#TOO_SMALL} below five patients
	 * @param n its patients
	 * @param observed its responders O
	 * @param expected its expected responders E
	 * @param ratio {@code O / E}, {@code null} when E is 0
	 * @param limits the limits at its n, {@code null} when the target is 0 or 1
	 * @param signal where the ratio lies relative to the limits
	 */
	public record Unit(String unit, DataStatus status, int n, int observed, double expected, Double ratio,
			Limits limits, Signal signal) {
	}

	/**
	 * Control limits on the ratio scale at one n.
	 *
	 * @param n the precision (number of patients)
	 * @param low998 the lower 99.8 % limit (p = 0.001)
	 * @param low95 the lower 95 % limit (p = 0.025)
	 * @param high95 the upper 95 % limit (p = 0.975)
	 * @param high998 the upper 99.8 % limit (p = 0.999)
	 */
	public record Limits(int n, double low998, double low95, double high95, double high998) {
	}

	/**
	 * Where a unit's ratio lies relative to its limits. {@code TOO_FEW_EXPECTED}: the unit expects
	 * fewer than {@link #MIN_EXPECTED} responders or non-responders, so it is not compared with the
	 * limits (see {@link Funnel}); {@code NOT_ASSESSED}: there are no limits or no ratio.
	 */
	public enum Signal {

		ABOVE_998, ABOVE_95, WITHIN, BELOW_95, BELOW_998, TOO_FEW_EXPECTED, NOT_ASSESSED

	}

	/**
	 * The fewest expected responders, and expected non-responders, for a unit to be compared with
	 * the limits. Below it the interpolated limit lies within one count of the most (or fewest)
	 * responders the unit can have, so a unit of 1 to 3 episodes that all responded is "above 99.8 %"
	 * while its exact binomial probability is far from 0.001.
	 */
	public static final double MIN_EXPECTED = 5;

	public Funnel {
		units = List.copyOf(units);
	}

	public static Funnel of(List<Patient> patients) {
		if (patients.isEmpty()) {
			return new Funnel(DataStatus.NO_DATA, null, List.of());
		}
		Map<String, List<Patient>> byUnit = new LinkedHashMap<>();
		long responders = 0;
		for (Patient patient : patients) {
			if (!Double.isFinite(patient.expected()) || patient.expected() < 0 || patient.expected() > 1) {
				throw new IllegalArgumentException("expected probabilities must lie in [0, 1]");
			}
			byUnit.computeIfAbsent(patient.unit(), key -> new ArrayList<>()).add(patient);
			responders += patient.responder() ? 1 : 0;
		}
		double target = (double) responders / patients.size();
		List<Unit> units = new ArrayList<>();
		byUnit.forEach((name, members) -> units.add(unit(name, members, target)));
		return new Funnel(DataStatus.of(patients.size()), target, units);
	}

	/**
	 * The limits at precision {@code n} around the rate {@code target}, for drawing the funnel's
	 * curves; {@code null} when the target is 0 or 1.
	 */
	public static Limits limits(int n, double target) {
		if (n <= 0) {
			throw new IllegalArgumentException("n must be positive");
		}
		if (!(target > 0 && target < 1)) {
			return null;
		}
		BinomialDistribution binomial = new BinomialDistribution(null, n, target);
		return new Limits(n, limit(binomial, 0.001), limit(binomial, 0.025), limit(binomial, 0.975),
				limit(binomial, 0.999));
	}

	private static double limit(BinomialDistribution binomial, double p) {
		int r = binomial.inverseCumulativeProbability(p);
		double atR = binomial.cumulativeProbability(r);
		double belowR = binomial.cumulativeProbability(r - 1);
		double alpha = (atR - p) / (atR - belowR);
		// At r = 0 the interpolation reaches below 0 (small n); no count is negative, so the limit is 0.
		return Math.max(0, r - alpha) / (binomial.getNumberOfTrials() * binomial.getProbabilityOfSuccess());
	}

	private static Unit unit(String name, List<Patient> members, double target) {
		int observed = (int) members.stream().filter(Patient::responder).count();
		double expected = members.stream().mapToDouble(Patient::expected).sum();
		Double ratio = expected > 0 ? observed / expected : null;
		Limits limits = limits(members.size(), target);
		return new Unit(name, DataStatus.of(members.size()), members.size(), observed, expected, ratio, limits,
				signal(ratio, limits, members.size(), expected));
	}

	private static Signal signal(Double ratio, Limits limits, int n, double expected) {
		if (ratio == null || limits == null) {
			return Signal.NOT_ASSESSED;
		}
		if (expected < MIN_EXPECTED || n - expected < MIN_EXPECTED) {
			return Signal.TOO_FEW_EXPECTED;
		}
		if (ratio > limits.high998()) {
			return Signal.ABOVE_998;
		}
		if (ratio > limits.high95()) {
			return Signal.ABOVE_95;
		}
		if (ratio < limits.low998()) {
			return Signal.BELOW_998;
		}
		return ratio < limits.low95() ? Signal.BELOW_95 : Signal.WITHIN;
	}

}

package org.spinecell.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.spinecell.cellproducts.SourceType;
import org.spinecell.demo.DemoPatients.Family;

/**
 * One demo patient's synthetic course after an injection, calibrated on the published cohorts
 * (docs/demo-data.md): everyone improves by a natural-history/placebo share that arrives within
 * weeks, and a modest treatment share arrives over months, larger with a higher cell dose, for
 * culture-expanded cells, for disc and facet pain than for stenosis, with confirmed placement, and
 * smaller for the weaker operator. Part of the patients lose some of the gain after 12 months; a
 * later intervention adds a further gain from its day.
 *
 * @param odi baseline ODI (%)
 * @param back baseline back pain NRS
 * @param leg baseline leg pain NRS
 * @param placebo share of the baseline scores gone through natural history and placebo
 * @param effect further share gone through the treatment (negative: worse)
 * @param fade share of the gain lost between 12 and 24 months (0 for durable responders)
 * @param boostFrom day after the injection from which a later intervention helps, or -1
 * @param boost share that intervention adds
 */
record DemoTrajectory(double odi, double back, double leg, double placebo, double effect, double fade, long boostFrom,
		double boost) {

	/** Days over which the placebo and the treatment shares build up. */
	private static final double PLACEBO_DAYS = 35;

	private static final double TREATMENT_DAYS = 75;

	static DemoTrajectory draw(Family family, double viableCellsMillions, SourceType source, boolean placementConfirmed,
			boolean weakerOperator, Random random) {
		double odi = clamp(48 + random.nextGaussian() * 7 + switch (family) {
			case SPINAL_STENOSIS -> 4;
			case LOW_BACK_PAIN -> -4;
			default -> 0;
		}, 32, 70);
		double back = clamp(Math.round(7 + random.nextGaussian() * 0.8), 5, 9);
		boolean legPain = family == Family.HERNIATED_DISC || family == Family.SPINAL_STENOSIS;
		double leg = clamp(Math.round(legPain ? 6.5 + random.nextGaussian() : 3 + random.nextGaussian() * 1.5), 0, 9);
		double placebo = clamp(0.26 + random.nextGaussian() * 0.08, 0, 0.45);
		double effect = 0.17 + 0.07 * (Math.log10(Math.max(viableCellsMillions, 1)) - 2.0) + switch (source) {
			case AUTOLOGOUS_MSC -> 0.05;
			case ALLOGENEIC_MSC -> 0.04;
			case BMAC -> 0.02;
			case ADIPOSE_SVF -> 0.01;
			default -> 0.0;
		} + switch (family) {
			case DEGENERATIVE_DISC_DISEASE -> 0.04;
			case HERNIATED_DISC -> 0.03;
			case FACET_ARTHROPATHY -> 0.02;
			case SPINAL_STENOSIS -> -0.06;
			case TRAUMATIC_INJURY -> -0.03;
			case LOW_BACK_PAIN -> 0.0;
		} + (placementConfirmed ? 0.03 : -0.08) + (weakerOperator ? -0.10 : 0) + random.nextGaussian() * 0.12;
		double fade = random.nextDouble() < 0.35 ? 0.3 + random.nextDouble() * 0.3 : 0;
		return new DemoTrajectory(odi, back, leg, placebo, clamp(effect, -0.2, 0.6), fade, -1, 0);
	}

	/** The same course with a later intervention from the given day. */
	DemoTrajectory boosted(long fromDay, double share) {
		return new DemoTrajectory(odi, back, leg, placebo, effect, fade, fromDay, share);
	}

	/** Share of the baseline scores gone on the given day after the injection. */
	double improvement(long days) {
		double total = placebo * (1 - Math.exp(-days / PLACEBO_DAYS)) + effect * (1 - Math.exp(-days / TREATMENT_DAYS));
		if (days > 365) {
			total *= 1 - fade * Math.min(1, (days - 365) / 365.0);
		}
		if (boostFrom >= 0 && days > boostFrom) {
			total += boost * (1 - Math.exp(-(days - boostFrom) / TREATMENT_DAYS));
		}
		return Math.min(total, 0.95);
	}

	int odiOn(long days, Random random) {
		return (int) clamp(Math.round(odi * (1 - improvement(days)) + random.nextGaussian() * 4), 0, 100);
	}

	int backOn(long days, Random random) {
		return (int) clamp(Math.round(back * (1 - 0.95 * improvement(days)) + random.nextGaussian() * 0.7), 0, 10);
	}

	int legOn(long days, Random random) {
		return (int) clamp(Math.round(leg * (1 - 1.05 * improvement(days)) + random.nextGaussian() * 0.7), 0, 10);
	}

	/** PGIC, 1 very much better ... 7 very much worse, from the improvement as the patient feels it. */
	int pgicOn(long days, Random random) {
		double felt = improvement(days) + random.nextGaussian() * 0.1;
		double[] atLeast = { 0.6, 0.4, 0.2, -0.05, -0.2, -0.35 };
		for (int i = 0; i < atLeast.length; i++) {
			if (felt >= atLeast[i]) {
				return i + 1;
			}
		}
		return 7;
	}

	/**
	 * ODI section answers (0-5) that score the given percentage: one form in seven leaves the
	 * section on sex life out, which lowers the denominator as the scoring rules say.
	 */
	static Map<String, Object> odiAnswers(int percent, Random random) {
		boolean skip = random.nextDouble() < 1.0 / 7;
		int sections = skip ? 9 : 10;
		int points = (int) Math.round(percent * 5.0 * sections / 100);
		int[] items = new int[sections];
		for (int k = 0; k < points; k++) {
			int i;
			do {
				i = random.nextInt(sections);
			}
			while (items[i] == 5);
			items[i]++;
		}
		Map<String, Object> answers = new LinkedHashMap<>();
		int next = 0;
		for (int section = 1; section <= 10; section++) {
			if (skip && section == 8) {
				continue;
			}
			answers.put("odi-" + section, items[next++]);
		}
		return answers;
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

}

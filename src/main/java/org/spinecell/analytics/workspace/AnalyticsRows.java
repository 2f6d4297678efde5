package org.spinecell.analytics.workspace;

/**
 * The sufficient statistics that PostgreSQL aggregates for a cohort, as plain records: the
 * statistics code turns them into estimates and confidence intervals. {@code group} is the value
 * of the stratifier ({@code ALL} without one); {@code null} doubles mean "not computable" (no
 * value, or one value for a standard deviation), never NaN.
 */
public final class AnalyticsRows {

	private AnalyticsRows() {
	}

	/**
	 * One measure at one time point of one group.
	 *
	 * @param n values collected
	 * @param nChange values with a baseline, so with a change from it
	 * @param respondersAbsolute changes improving by at least the absolute MCID
	 * @param respondersRelative changes improving by at least the relative MCID (baseline above 0)
	 * @param eligible follow-ups completed or missed (the completion rate's denominator)
	 * @param completed follow-ups completed
	 */
	public record OutcomeStats(String group, String timePoint, int daysAfterProcedure, String measure, long n,
			Double mean, Double sd, long nChange, Double meanChange, Double sdChange, long respondersAbsolute,
			long respondersRelative, long eligible, long completed) {

		/** completed / eligible, or {@code null} while nothing is eligible. */
		public Double completionRate() {
			return eligible == 0 ? null : (double) completed / eligible;
		}

	}

	/** How many episodes of a group failed and were censored at one time (months after the procedure). */
	public record FailureTime(String group, double months, long events, long censored) {
	}

	/**
	 * Opioid use at one time point among a group's baseline opioid users (baseline MME above 0).
	 *
	 * @param observed baseline users with an MME at this time point (follow-up completed)
	 * @param reducedByHalf of those, MME at most half the baseline
	 * @param opioidFree of those, MME 0
	 */
	public record MedicationStats(String group, String timePoint, int daysAfterProcedure, long baselineUsers,
			long observed, long reducedByHalf, long opioidFree) {
	}

	/** A group's procedures (episodes) and patients: the denominators of the safety rates. */
	public record GroupSize(String group, long procedures, long patients) {
	}

	/** Episodes and distinct patients a cohort holds. */
	public record CohortCount(long episodes, long patients) {
	}

	/** An id with the name it is shown by. */
	record Named(String id, String name) {
	}

}

package org.spinecell.analytics.stats;

/**
 * One subject's follow-up for a time-to-event analysis.
 *
 * @param time time from the start (e.g. months since the procedure) to the event or to censoring
 * @param event {@code true} if the event happened at {@code time}, {@code false} if the subject was
 * last seen event-free then
 */
public record SurvivalObservation(double time, boolean event) {

	public SurvivalObservation {
		if (!Double.isFinite(time) || time < 0) {
			throw new IllegalArgumentException("time must be a finite number >= 0");
		}
	}

}

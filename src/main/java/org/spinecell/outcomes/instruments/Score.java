package org.spinecell.outcomes.instruments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring one set of answers.
 *
 * @param value the instrument's score, or {@code null} when it has none or it could not be computed
 * @param valid whether the score may be used; when not, {@code invalidReason} says why
 * @param invalidReason why the score is not valid, or {@code null}
 * @param components sub-results: PROMIS raw sums and T-scores, the EQ-5D health state, the PGIC
 * direction
 * @param measurements the values to store as observations
 */
public record Score(BigDecimal value, boolean valid, String invalidReason, Map<String, Object> components,
		List<Measurement> measurements) {

	public Score {
		components = Map.copyOf(components);
		measurements = List.copyOf(measurements);
	}

	/** One scored measure, such as {@code ODI 32.0 %}. */
	public record Measurement(String measure, BigDecimal value, String unit) {
	}

}

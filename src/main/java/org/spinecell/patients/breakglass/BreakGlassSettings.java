package org.spinecell.patients.breakglass;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of break-glass access, under {@code spinecell.break-glass.*}.
 *
 * @param duration how long a grant lasts unless ended early
 * @param minReasonLength the fewest characters a reason must have, so that "emergency" alone is not
 * enough to say why
 */
@ConfigurationProperties("spinecell.break-glass")
record BreakGlassSettings(@DefaultValue("PT60M") Duration duration, @DefaultValue("20") int minReasonLength) {

	BreakGlassSettings {
		if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofHours(24)) > 0) {
			throw new IllegalArgumentException("spinecell.break-glass.duration must be above zero and at most 24 hours");
		}
		if (minReasonLength < 1) {
			throw new IllegalArgumentException("spinecell.break-glass.min-reason-length must be at least 1");
		}
	}

}

package org.spinecell.analytics;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The responder thresholds the outcome summaries use, under
 * {@code spinecell.analytics.responder.mcid.<MEASURE>.absolute|relative}; a measure that is not
 * configured keeps its DOMAIN §3 default ({@link Measure#defaultMcid()}).
 *
 * @param mcid per measure, the absolute (points) and relative (fraction of baseline) improvement
 */
@ConfigurationProperties("spinecell.analytics.responder")
record ResponderSettings(Map<Measure, Measure.Mcid> mcid) {

	ResponderSettings {
		mcid = mcid == null ? Map.of() : Map.copyOf(mcid);
		for (Map.Entry<Measure, Measure.Mcid> entry : mcid.entrySet()) {
			check(entry.getKey(), "absolute", entry.getValue().absolute());
			check(entry.getKey(), "relative", entry.getValue().relative());
			BigDecimal relative = entry.getValue().relative();
			if (relative != null && relative.compareTo(BigDecimal.ONE) > 0) {
				throw new IllegalArgumentException(
						"spinecell.analytics.responder.mcid." + entry.getKey() + ".relative must be at most 1");
			}
		}
	}

	/** The thresholds of {@code measure}: the configured ones, else the default. */
	Measure.Mcid of(Measure measure) {
		return mcid.getOrDefault(measure, measure.defaultMcid());
	}

	/** Every measure's thresholds in use. */
	Map<Measure, Measure.Mcid> all() {
		Map<Measure, Measure.Mcid> all = new EnumMap<>(Measure.class);
		for (Measure measure : Measure.values()) {
			all.put(measure, of(measure));
		}
		return all;
	}

	private static void check(Measure measure, String name, BigDecimal value) {
		if (value != null && value.signum() <= 0) {
			throw new IllegalArgumentException(
					"spinecell.analytics.responder.mcid." + measure + "." + name + " must be above 0");
		}
	}

}

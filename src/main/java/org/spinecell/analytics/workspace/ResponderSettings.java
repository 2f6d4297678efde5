package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The responder thresholds the outcome summaries use, under
 * {@code spinecell.analytics.responder.mcid.<MEASURE>.absolute|relative}; a threshold that is not
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

	/** The thresholds of {@code measure}: each configured one, else the default one. */
	Measure.Mcid of(Measure measure) {
		Measure.Mcid configured = mcid.get(measure);
		Measure.Mcid fallback = measure.defaultMcid();
		if (configured == null) {
			return fallback;
		}
		return new Measure.Mcid(configured.absolute() == null ? fallback.absolute() : configured.absolute(),
				configured.relative() == null ? fallback.relative() : configured.relative());
	}

	private static void check(Measure measure, String name, BigDecimal value) {
		if (value != null && value.signum() <= 0) {
			throw new IllegalArgumentException(
					"spinecell.analytics.responder.mcid." + measure + "." + name + " must be above 0");
		}
	}

}

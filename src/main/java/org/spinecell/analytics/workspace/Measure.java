package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.spinecell.platform.Refusal;

/**
 * The outcome measures analytics summarises, each with its default minimal clinically important
 * improvement (DOMAIN §3, chronic low back pain): an absolute drop in points and a relative drop
 * from baseline. For every measure lower is better. MME has no absolute threshold; its relative one
 * is the 50 % dose reduction the medication summary reports.
 */
public enum Measure {

	ODI("10", "0.30"), NRS_BACK("2", "0.30"), NRS_LEG("2", "0.30"), RMDQ("5", "0.30"), MME(null, "0.50");

	private final Mcid defaultMcid;

	Measure(String absolute, String relative) {
		this.defaultMcid = new Mcid(absolute == null ? null : new BigDecimal(absolute), new BigDecimal(relative));
	}

	public Mcid defaultMcid() {
		return defaultMcid;
	}

	/** Reads a measure, or fails with a 400 that names the parameter and lists the allowed values. */
	public static Measure parse(String parameter, String value) {
		try {
			return valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw Refusal.badRequest(parameter, parameter + " must be one of: " + allowed());
		}
	}

	static String allowed() {
		return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
	}

	/**
	 * Improvement thresholds of a responder.
	 *
	 * @param absolute at least this many points better than baseline, or {@code null} for none
	 * @param relative at least this fraction of the baseline better (0.30 = 30 %), or {@code null}
	 */
	public record Mcid(BigDecimal absolute, BigDecimal relative) {
	}

}

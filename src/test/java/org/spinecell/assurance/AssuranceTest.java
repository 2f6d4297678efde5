package org.spinecell.assurance;

import java.util.Map;

import org.spinecell.AssuranceReport;

/**
 * Publishing of the assurance tests' figures. No longer a base class: the records the assurance
 * tests call endpoints with come from {@link AssuranceClinic}. The name stays while
 * {@code AnalyticsCrawlTests} calls {@code AssuranceTest.publish}.
 */
final class AssuranceTest {

	private AssuranceTest() {
	}

	/** Publishes figures through the shared {@link AssuranceReport}; a failure to write fails the test. */
	static void publish(String name, Map<String, Object> figures, String markdown) {
		try {
			AssuranceReport.publish(name, figures, markdown);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}

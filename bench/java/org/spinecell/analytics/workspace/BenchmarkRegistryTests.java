package org.spinecell.analytics.workspace;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke test of the benchmark's generator at 500 patients (part of the suite, a few seconds):
 * every row passes the schema's constraints, the application role sees all of it through the
 * analytics views, and the timed aggregations return the expected shape.
 */
class BenchmarkRegistryTests {

	private static final int PATIENTS = 500;

	@Test
	void generatesAConstraintAbidingRegistryThatTheAnalyticsQueriesRead() throws Exception {
		try (BenchmarkRegistry registry = BenchmarkRegistry.start()) {
			registry.generate(PATIENTS);
			JdbcClient owner = JdbcClient.create(registry.owner());
			assertThat(owner.sql("SELECT count(*) FROM follow_up").query(Long.class).single()).isEqualTo(7L * PATIENTS);
			// Patients 20, 40, ... get a repeat injection when it fits before today: i % 20 = 0 and i*13 % 1100 >= 150 + i % 200.
			long interventions = java.util.stream.IntStream.rangeClosed(1, PATIENTS)
				.filter(i -> i % 20 == 0 && i * 13 % 1100 >= 150 + i % 200)
				.count();
			assertThat(owner.sql("SELECT count(*) FROM intervention").query(Long.class).single()).isEqualTo(interventions);

			SingleConnectionDataSource app = registry.appConnection();
			try {
				AnalyticsRepository repository = new AnalyticsRepository(JdbcClient.create(app));
				AnalyticsRepository.Where all = AnalyticsRepository.where(CohortFilter.parse(Map.of()),
						registry.clinicIds());
				assertThat(repository.count(all).episodes()).isEqualTo(PATIENTS);
				List<AnalyticsRows.OutcomeStats> odi = repository.outcomes(all, Stratifier.CELL_SOURCE, Measure.ODI,
						Measure.ODI.defaultMcid());
				// Four autologous cell sources x seven time points; every episode has a completed BASELINE.
				assertThat(odi).hasSize(28);
				assertThat(odi.stream().filter(row -> row.timePoint().equals("BASELINE")).mapToLong(row -> row.n()).sum())
					.isEqualTo(PATIENTS);
				assertThat(repository.failures(all, Stratifier.CELL_SOURCE)
					.stream()
					.mapToLong(row -> row.events())
					.sum()).isEqualTo(interventions);
				assertThat(AnalyticsBenchmark.exportLong(repository, all)).isEqualTo(5L * 7 * PATIENTS);
			}
			finally {
				app.destroy();
			}
		}
	}

}

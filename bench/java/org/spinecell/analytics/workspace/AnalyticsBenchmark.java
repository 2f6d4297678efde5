package org.spinecell.analytics.workspace;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.spinecell.analytics.export.Pseudonyms;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics load benchmark (issue 7): not part of {@code mvn verify} (the class name matches
 * no surefire pattern); run it on purpose with
 * {@code mvn -B test -Dtest=AnalyticsBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.patients=100000}.
 * Generates the registry ({@link BenchmarkRegistry}), then times, as the application role under
 * row-level security, the ODI outcome summary by cell source and the durability rows by cell source
 * ({@link AnalyticsRepository#outcomes}, {@link AnalyticsRepository#failures}) after warm-up runs,
 * and one de-identified long CSV export through the production {@link ExportLayout} and
 * {@link CsvWriter}. Prints median and p95, the peak heap, and optionally
 * ({@code -Dbench.explain=true}) the plan of the summary.
 */
@Tag("benchmark")
class AnalyticsBenchmark {

	@Test
	void analyticsAtScale() throws Exception {
		int patients = Integer.getInteger("bench.patients", 100_000);
		int warmUp = Integer.getInteger("bench.warmup", 2);
		int runs = Integer.getInteger("bench.runs", 10);
		try (BenchmarkRegistry registry = BenchmarkRegistry.start()) {
			long start = System.nanoTime();
			Map<String, Double> steps = registry.generate(patients);
			System.out.printf("Generated %,d patients in %.1f s: %s%n", patients, (System.nanoTime() - start) / 1e9,
					steps);
			SingleConnectionDataSource app = registry.appConnection();
			AnalyticsRepository repository = new AnalyticsRepository(JdbcClient.create(app));
			AnalyticsRepository.Where all = AnalyticsRepository.where(CohortFilter.parse(Map.of()),
					registry.clinicIds());
			assertThat(repository.count(all).episodes()).as("episodes visible to the app role").isEqualTo(patients);
			int hold = Integer.getInteger("bench.holdSeconds", 0);
			if (hold > 0) {
				// For EXPLAIN sessions by hand: psql -h localhost -p <port> -U postgres postgres
				System.out.printf("Holding the server on port %d for %d s%n", registry.port(), hold);
				Thread.sleep(hold * 1000L);
			}
			if (Boolean.getBoolean("bench.explain")) {
				explain(app, all);
			}
			resetHeapPeaks();
			time("ODI summary by cell source", warmUp, runs, () -> repository.outcomes(all, Stratifier.CELL_SOURCE,
					Measure.ODI, Measure.ODI.defaultMcid()).size());
			time("durability rows by cell source", warmUp, runs,
					() -> repository.failures(all, Stratifier.CELL_SOURCE).size());
			// The export endpoint runs in a transaction, where the rows stream through a cursor.
			app.getConnection().setAutoCommit(false);
			time("long CSV export (de-identified)", 0, Integer.getInteger("bench.exportRuns", 1),
					() -> exportLong(repository, all));
			app.getConnection().rollback();
			System.out.printf("Peak heap (sum of heap pool peaks): %,d MB of max %,d MB; PostgreSQL %s; %d cores%n",
					peakHeapBytes() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024),
					registry.serverVersion(), Runtime.getRuntime().availableProcessors());
			app.destroy();
		}
	}

	/** The long data set written as the export endpoint writes it, to a temporary file; returns its rows. */
	static long exportLong(AnalyticsRepository repository, AnalyticsRepository.Where where) throws IOException {
		Path file = Files.createTempFile("spinecell-bench", ".csv");
		try (Writer out = Files.newBufferedWriter(file)) {
			ExportLayout layout = new ExportLayout(false, false, new Pseudonyms(new byte[32]));
			CsvWriter csv = new CsvWriter(out);
			csv.row(layout.header());
			long[] rows = { 0 };
			repository.exportLong(where, false, row -> {
				csv.row(layout.values(row));
				rows[0]++;
			});
			return rows[0];
		}
		finally {
			System.out.printf("  CSV size: %,d bytes%n", Files.size(file));
			Files.delete(file);
		}
	}

	private static void time(String name, int warmUp, int runs, Callable<?> work) throws Exception {
		if (runs < 1) {
			return;
		}
		Object result = null;
		for (int i = 0; i < warmUp; i++) {
			work.call();
		}
		List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			result = work.call();
			seconds.add((System.nanoTime() - start) / 1e9);
		}
		Collections.sort(seconds);
		System.out.printf("%s: median %.3f s, p95 %.3f s, min %.3f s, max %.3f s over %d runs (%d warm-up); result %s%n",
				name, percentile(seconds, 50), percentile(seconds, 95), seconds.get(0), seconds.get(seconds.size() - 1),
				runs, warmUp, result);
	}

	/** Nearest-rank percentile of sorted values. */
	static double percentile(List<Double> sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

	private static void explain(SingleConnectionDataSource app, AnalyticsRepository.Where where) throws SQLException {
		JdbcClient jdbc = JdbcClient.create(app);
		String sql = "EXPLAIN (ANALYZE, BUFFERS) SELECT e.cell_source, o.time_point, count(o.value), avg(o.value)"
				+ " FROM analytics_outcome o JOIN analytics_episode e ON e.clinic_id = o.clinic_id"
				+ " AND e.episode_id = o.episode_id WHERE o.measure = 'ODI' AND " + where.sql()
				+ " GROUP BY 1, 2";
		jdbc.sql(sql).params(where.params()).query(String.class).list().forEach(System.out::println);
	}

	private static void resetHeapPeaks() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeapBytes() {
		return ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}

}

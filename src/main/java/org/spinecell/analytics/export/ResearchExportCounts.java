package org.spinecell.analytics.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.spinecell.analytics.export.ResearchExportLayout.Subject;
import org.spinecell.analytics.workspace.CsvWriter;

/**
 * What one research export holds: rows per file and per clinic, and the patients per group for the
 * summary, with the small cells flagged.
 */
final class ResearchExportCounts {

	private final Map<String, Long> files = new LinkedHashMap<>();

	private final Map<UUID, Map<String, Long>> perClinic = new TreeMap<>();

	private final Map<UUID, Set<String>> patientsPerClinic = new TreeMap<>();

	/** Table (in the order first seen) to its values (sorted) to the patients in each. */
	private final Map<String, Map<String, Set<String>>> groups = new LinkedHashMap<>();

	private long episodes;

	void add(String file, UUID clinic, Subject subject, Map<String, Object> row) {
		files.merge(file, 1L, Long::sum);
		perClinic.computeIfAbsent(clinic, c -> new TreeMap<>()).merge(file, 1L, Long::sum);
		if (file.equals("patients.csv")) {
			patientsPerClinic.computeIfAbsent(clinic, c -> new java.util.TreeSet<>()).add(subject.pseudonym());
			group("patients", "all", subject);
			group("patients by sex", String.valueOf(row.get("sex")), subject);
		}
		else if (file.equals("episodes.csv")) {
			episodes++;
			group("patients by condition_family", String.valueOf(row.get("condition_family")), subject);
			group("patients by cell_source", String.valueOf(row.get("cell_source")), subject);
		}
	}

	private void group(String table, String value, Subject subject) {
		groups.computeIfAbsent(table, t -> new TreeMap<>())
			.computeIfAbsent(value, v -> new java.util.TreeSet<>())
			.add(subject.pseudonym());
	}

	Map<String, Long> files() {
		Map<String, Long> all = new LinkedHashMap<>(files);
		for (String name : List.of("patients.csv", "episodes.csv", "outcomes.csv", "medications.csv",
				"adverse_events.csv", "interventions.csv")) {
			all.putIfAbsent(name, 0L);
		}
		return all;
	}

	long patientsOf(UUID clinic) {
		return patientsPerClinic.getOrDefault(clinic, Set.of()).size();
	}

	Map<String, Long> rowsOf(UUID clinic) {
		return perClinic.getOrDefault(clinic, Map.of());
	}

	/** Rows of the summary: table, group, patients, whether it is a small cell. */
	List<List<Object>> summaryRows() {
		List<List<Object>> rows = new ArrayList<>();
		groups.forEach((table, values) -> values.forEach(
				(value, patients) -> rows.add(List.of(table, value, patients.size(), isSmall(patients.size())))));
		rows.add(List.of("episodes", "all", episodes, isSmall(episodes)));
		return rows;
	}

	void summary(CsvWriter csv) {
		csv.row(List.of("table", "group", "count", "small_cell"));
		summaryRows().forEach(csv::row);
	}

	static boolean isSmall(long count) {
		return count >= 1 && count <= ResearchExportService.SMALL_CELL_MAX;
	}

}

package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.analytics.export.Pseudonyms;


/**
 * The columns of the analysis data set, identified (clinic staff) or de-identified (researchers,
 * HIPAA Safe Harbor for the structured fields): without names, MRN, birth date or raw ids, with
 * the research export's HMAC pseudonyms for clinic, patient, episode and operator, dates as months
 * since the procedure and ages over 89 as 90+.
 */
final class ExportLayout {

	/** Days per month for "months since the procedure" (365.25 / 12), as in analytics_failure. */
	static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");

	private static final List<String> COVARIATES = List.of("age_years", "sex", "condition_family", "region",
			"symptom_duration_months", "levels_treated", "levels", "cell_source", "tissue", "origin",
			"dose_million_cells", "log10_dose", "target", "guidance", "placement_confirmed", "baseline_odi",
			"baseline_nrs_back", "baseline_nrs_leg", "baseline_rmdq", "baseline_mme", "registry_consent",
			"research_consent");

	private final boolean identified;

	private final boolean wide;

	private final Pseudonyms pseudonyms;

	private final List<String> header = new ArrayList<>();

	ExportLayout(boolean identified, boolean wide, Pseudonyms pseudonyms) {
		this.identified = identified;
		this.wide = wide;
		this.pseudonyms = pseudonyms;
		if (identified) {
			header.addAll(List.of("clinic_id", "patient_id", "mrn", "family_name", "given_name", "birth_date",
					"episode_id", "procedure_date", "operator_id", "operator_name"));
		}
		else {
			// The pseudonyms and column names of the research export, so both link.
			header.addAll(List.of("clinic", "subject", "episode", "operator"));
		}
		header.addAll(COVARIATES);
		if (identified) {
			// Data collected before a trial consent withdrawal is kept and flagged (V21).
			header.add("trial_consent_withdrawn_on");
		}
		if (wide) {
			header.addAll(List.of("failure_months", "failure_event", "failure_type"));
			for (String timePoint : AnalyticsRepository.TIME_POINTS) {
				for (Measure measure : Measure.values()) {
					header.add(AnalyticsRepository.wideColumn(measure, timePoint));
				}
			}
		}
		else if (identified) {
			header.addAll(List.of("time_point", "days_after_procedure", "due_date", "follow_up_status", "measure",
					"value", "baseline", "change", "observed_on"));
		}
		else {
			header.addAll(List.of("time_point", "months_after_procedure", "follow_up_status", "measure", "value",
					"baseline", "change", "observed_months"));
		}
	}

	List<String> header() {
		return header;
	}

	/** One output row of a row the repository streamed. */
	List<Object> values(Map<String, Object> row) {
		List<Object> values = new ArrayList<>(header.size());
		for (String column : header) {
			values.add(value(column, row));
		}
		return values;
	}

	private Object value(String column, Map<String, Object> row) {
		LocalDate procedureDate = (LocalDate) row.get("procedure_date");
		return switch (column) {
			case "clinic" -> pseudonyms.of("C", (UUID) row.get("clinic_id"));
			case "subject" -> pseudonyms.of("P", (UUID) row.get("patient_id"));
			case "episode" -> pseudonyms.of("E", (UUID) row.get("episode_id"));
			case "operator" -> row.get("operator_id") instanceof UUID id ? pseudonyms.of("OP", id) : null;
			case "age_years" -> identified ? row.get(column) : safeHarbourAge(row.get(column));
			case "months_after_procedure" -> months(((Number) row.get("days_after_procedure")).longValue());
			case "observed_months" -> row.get("observed_on") == null ? null
					: months(ChronoUnit.DAYS.between(procedureDate, (LocalDate) row.get("observed_on")));
			default -> row.get(column);
		};
	}

	private static Object safeHarbourAge(Object age) {
		return age instanceof Number n && n.intValue() > 89 ? "90+" : age;
	}

	static BigDecimal months(long days) {
		return BigDecimal.valueOf(days).divide(DAYS_PER_MONTH, 2, RoundingMode.HALF_UP);
	}

	boolean wide() {
		return wide;
	}

}

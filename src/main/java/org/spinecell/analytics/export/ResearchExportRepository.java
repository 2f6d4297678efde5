package org.spinecell.analytics.export;

import java.util.Map;
import java.util.function.Consumer;

import org.spinecell.analytics.workspace.AnalyticsRepository;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the research export: the cohort's episodes (the analytics filter on
 * {@code analytics_episode e}) of patients with current registry and research consent, and
 * everything recorded for those patients, streamed row by row from the {@code research_*} views
 * (V20) and the analytics views (V16).
 */
@Repository
class ResearchExportRepository {

	/** The consented patients of the cohort's episodes; {@code %s} is the filter's condition. */
	private static final String COHORT = """
			WITH cohort AS (
			    SELECT DISTINCT e.clinic_id, e.patient_id
			    FROM analytics_episode e
			    JOIN research_patient rp ON rp.clinic_id = e.clinic_id AND rp.patient_id = e.patient_id
			    WHERE rp.registry_current AND rp.research_current AND %s
			)
			""";

	private final JdbcClient jdbc;

	ResearchExportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The patients, with the identifiers the export removes (to scrub them from free text). */
	void patients(AnalyticsRepository.Where where, Consumer<Map<String, Object>> sink) {
		stream(COHORT.formatted(where.sql()) + """
				SELECT rp.clinic_id, rp.patient_id, rp.mrn, rp.given_name, rp.family_name, rp.email, rp.phone,
				       rp.birth_date, rp.sex, rp.postal_code, rp.index_date,
				       date_part('year', age(rp.index_date, rp.birth_date))::integer AS age_at_index
				FROM research_patient rp
				JOIN cohort c ON c.clinic_id = rp.clinic_id AND c.patient_id = rp.patient_id
				ORDER BY rp.clinic_id, rp.patient_id
				""", where, sink);
	}

	void episodes(AnalyticsRepository.Where where, Consumer<Map<String, Object>> sink) {
		stream(COHORT.formatted(where.sql()) + """
				SELECT e.clinic_id, e.patient_id, e.episode_id, e.procedure_date, e.operator_id, e.age_years,
				       e.condition_family, e.region, e.symptom_duration_months, e.levels_treated,
				       array_to_string(e.levels, ' ') AS levels, e.target, e.guidance, e.placement_confirmed,
				       e.cell_source, e.tissue, e.origin, e.dose_million_cells, round(e.log10_dose, 6) AS log10_dose,
				       e.baseline_odi, e.baseline_nrs_back, e.baseline_nrs_leg, e.baseline_rmdq, e.baseline_mme
				FROM analytics_episode e
				JOIN cohort c ON c.clinic_id = e.clinic_id AND c.patient_id = e.patient_id
				WHERE """ + " " + where.sql() + " ORDER BY e.clinic_id, e.patient_id, e.procedure_date, e.episode_id",
				where, sink);
	}

	void outcomes(AnalyticsRepository.Where where, Consumer<Map<String, Object>> sink) {
		stream(COHORT.formatted(where.sql()) + """
				SELECT o.clinic_id, o.patient_id, o.episode_id, o.time_point, o.days_after_procedure,
				       o.follow_up_status, o.measure, o.value, o.baseline, o.change, o.observed_on
				FROM analytics_episode e
				JOIN cohort c ON c.clinic_id = e.clinic_id AND c.patient_id = e.patient_id
				JOIN analytics_outcome o ON o.clinic_id = e.clinic_id AND o.episode_id = e.episode_id
				WHERE """ + " " + where.sql()
				+ " ORDER BY o.clinic_id, o.patient_id, o.episode_id, o.days_after_procedure, o.time_point, o.measure",
				where, sink);
	}

	void medications(AnalyticsRepository.Where where, Consumer<Map<String, Object>> sink) {
		stream(COHORT.formatted(where.sql()) + """
				SELECT m.* FROM research_medication m
				JOIN cohort c ON c.clinic_id = m.clinic_id AND c.patient_id = m.patient_id
				ORDER BY m.clinic_id, m.patient_id, m.start_date, m.medication_id
				""", where, sink);
	}

	void adverseEvents(AnalyticsRepository.Where where, Consumer<Map<String, Object>> sink) {
		stream(COHORT.formatted(where.sql()) + """
				SELECT a.* FROM research_adverse_event a
				JOIN cohort c ON c.clinic_id = a.clinic_id AND c.patient_id = a.patient_id
				ORDER BY a.clinic_id, a.patient_id, a.onset_date, a.adverse_event_id
				""", where, sink);
	}

	void interventions(AnalyticsRepository.Where where, Consumer<Map<String, Object>> sink) {
		stream(COHORT.formatted(where.sql()) + """
				SELECT i.* FROM research_intervention i
				JOIN cohort c ON c.clinic_id = i.clinic_id AND c.patient_id = i.patient_id
				ORDER BY i.clinic_id, i.patient_id, i.date, i.intervention_id
				""", where, sink);
	}

	private void stream(String sql, AnalyticsRepository.Where where, Consumer<Map<String, Object>> sink) {
		jdbc.sql(sql).params(where.params()).query((RowCallbackHandler) rs -> sink.accept(AnalyticsRepository.row(rs)));
	}

}

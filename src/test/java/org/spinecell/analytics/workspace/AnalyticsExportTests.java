package org.spinecell.analytics.workspace;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.analytics.AnalyticsDataset.Episode;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.analytics.export.Pseudonyms;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.analytics.AnalyticsDataset.ODD_FAMILY_NAME;

/** The analysis data set as CSV: exact content, de-identification for researchers, refusals and the audit trail. */
class AnalyticsExportTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The hand-computed data set, built by the tests that need it. */
	private AnalyticsDataset data;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		data = new AnalyticsDataset(treatment);
	}

	@Autowired
	private Pseudonyms pseudonyms;

	@Test
	void cliniciansGetTheIdentifiedLongDataSetWithQuotingAndDefusedFormulas() {
		data.buildDataset();
		TestApi.Response response = cells.physician().get("/api/v1/analytics/export.csv?format=long&guidance=CT");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/csv");
		assertThat(response.header("Content-Disposition")).contains("spinecell-analysis-long.csv");
		List<String> lines = Arrays.asList(response.body().split("\r\n", -1));
		assertThat(lines).hasSize(1 + 7 * 5 + 1);
		assertThat(lines.get(lines.size() - 1)).as("the last record ends with CRLF").isEmpty();
		assertThat(lines.get(0)).isEqualTo("clinic_id,patient_id,mrn,family_name,given_name,birth_date,episode_id,"
				+ "procedure_date,operator_id,operator_name,age_years,sex,condition_family,region,"
				+ "symptom_duration_months,levels_treated,levels,cell_source,tissue,origin,dose_million_cells,log10_dose,"
				+ "target,guidance,placement_confirmed,baseline_odi,baseline_nrs_back,baseline_nrs_leg,baseline_rmdq,"
				+ "baseline_mme,registry_consent,research_consent,trial_consent_withdrawn_on,time_point,days_after_procedure,due_date,"
				+ "follow_up_status,measure,value,baseline,change,observed_on");
		String operatorName = ownerJdbc().sql("SELECT operator_name FROM procedure WHERE id = :id")
			.param("id", data.ep2().id())
			.query(String.class)
			.single();
		String covariates = String.join(",", cells.clinicId().toString(), data.ep2().patientId().toString(),
				data.mrn(data.ep2().patientId()),
				"'" + ODD_FAMILY_NAME, "\"Ann, \"\"Jo\"\"\"", "1950-01-01", data.ep2().id().toString(),
						data.ep2().date().toString(),
				userId(cells.physicianUsername()).toString(), operatorName,
				String.valueOf(Period.between(LocalDate.of(1950, 1, 1), data.ep2().date()).getYears()), "MALE",
				"DEGENERATIVE_DISC_DISEASE", "LUMBAR", "18", "1", "L4-L5", "BMAC", "BONE_MARROW", "AUTOLOGOUS", "222",
				"8.346353", "INTRADISCAL", "CT", "true", "50", "6", "", "", "0", "true", "false", "");
		assertThat(lines).contains(covariates + ",M3,91," + data.ep2().date().plusDays(91) + ",COMPLETED,ODI,44,50,-6,"
				+ LocalDate.now());
		assertThat(lines).contains(covariates + ",M6,182," + data.ep2().date().plusDays(182) + ",MISSED,ODI,,50,,");
		assertThat(lines).contains(covariates + ",M3,91," + data.ep2().date().plusDays(91) + ",COMPLETED,MME,0,0,0,"
				+ data.ep2().date().plusDays(95));
	}

	@Test
	void theWideDataSetHasOneRowPerEpisodeWithFailureTimeAndEveryTimePoint() {
		data.buildDataset();
		TestApi.Response response = cells.physician().get("/api/v1/analytics/export.csv?format=wide");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<Map<String, String>> rows = parse(response.body());
		assertThat(rows).hasSize(3);
		Map<String, String> one = rows.stream()
			.filter(r -> r.get("episode_id").equals(data.ep1().id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(one.get("failure_months")).isEqualTo("6.570842");
		assertThat(one.get("failure_event")).isEqualTo("true");
		assertThat(one.get("failure_type")).isEqualTo("REPEAT_INJECTION");
		assertThat(one.get("odi_baseline")).isEqualTo("40");
		assertThat(one.get("odi_m3")).isEqualTo("20");
		assertThat(one.get("odi_m6")).isEqualTo("30");
		assertThat(one.get("odi_m12")).isEmpty();
		assertThat(one.get("nrs_back_m6")).isEqualTo("7");
		assertThat(one.get("mme_baseline")).isEqualTo("45");
		assertThat(one.get("mme_m6")).isEqualTo("0");
		assertThat(one.get("family_name")).isEqualTo("Quinn");
	}

	@Test
	void researchersGetDeIdentifiedRowsOfConsentedPatientsOnly() {
		data.buildDataset();
		TestApi researcher = data.signedIn("RESEARCHER");
		TestApi.Response response = researcher.get("/api/v1/analytics/export.csv?format=long");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		String body = response.body();
		for (Episode episode : List.of(data.ep1(), data.ep2(), data.ep3())) {
			assertThat(body).doesNotContain(data.mrn(episode.patientId()), episode.patientId().toString(),
					episode.id().toString(), episode.date().toString());
		}
		assertThat(body).doesNotContain("Quinn", "Iris", "Quote", "1968-04-02", "1950-01-01", "1930-01-01");
		List<Map<String, String>> rows = parse(body);
		assertThat(rows).hasSize(2 * 7 * 5).allSatisfy(r -> assertThat(r.get("research_consent")).isEqualTo("true"));
		assertThat(rows.get(0).keySet()).doesNotContain("mrn", "family_name", "given_name", "birth_date", "patient_id",
				"episode_id", "procedure_date", "due_date", "observed_on", "operator_name", "operator_id", "clinic_id");
		// Clinic and operator by the research export's pseudonyms, never by their ids.
		UUID operator = userId(cells.physicianUsername());
		assertThat(body).doesNotContain(cells.clinicId().toString(), operator.toString());
		assertThat(rows).extracting(r -> r.get("clinic")).containsOnly(pseudonyms.of("C", cells.clinicId()));
		assertThat(rows).extracting(r -> r.get("operator")).containsOnly(pseudonyms.of("OP", operator));
		assertThat(rows).extracting(r -> r.get("subject"))
			.containsOnly(pseudonyms.of("P", data.ep1().patientId()), pseudonyms.of("P", data.ep3().patientId()));
		Map<String, String> m3 = rows.stream()
			.filter(r -> r.get("subject").equals(pseudonyms.of("P",
					data.ep1().patientId())) && r.get("time_point").equals("M3")
					&& r.get("measure").equals("ODI"))
			.findFirst()
			.orElseThrow();
		assertThat(m3.get("episode")).isEqualTo(pseudonyms.of("E", data.ep1().id()));
		assertThat(m3.get("months_after_procedure")).as("91 days").isEqualTo("2.99");
		assertThat(m3.get("observed_months")).as("400 days").isEqualTo("13.14");
		assertThat(m3.get("value")).isEqualTo("20");
		assertThat(rows).filteredOn(r -> r.get("subject").equals(pseudonyms.of("P", data.ep3().patientId())))
			.allSatisfy(r -> assertThat(r.get("age_years")).isEqualTo("90+"));
		assertThat(researcher.get("/api/v1/analytics/export.csv?format=long").body()).as("stable pseudonyms")
			.isEqualTo(body);

		TestApi.Response identified = researcher.get("/api/v1/analytics/export.csv?identified=true");
		assertThat(identified.status()).isEqualTo(403);
		assertThat(identified.body()).doesNotContain("Quinn");
		assertThat(researcher.get("/api/v1/analytics/export.csv?format=wide&researchConsent=false").body())
			.as("a researcher cannot lift the consent restriction")
			.doesNotContain(pseudonyms.of("P", data.ep2().patientId()));
		assertThat(cells.physician().get("/api/v1/analytics/export.csv?identified=false").body()).as("staff may ask for de-identified")
			.doesNotContain("Quinn")
			.contains(pseudonyms.of("P", data.ep2().patientId()));
	}

	@Test
	void everyExportIsAuditedWithWhoFilterAndRowCount() {
		data.buildDataset();
		assertThat(cells.physician().get("/api/v1/analytics/export.csv?format=long&sex=FEMALE").status()).isEqualTo(200);
		Map<String, Object> entry = ownerJdbc().sql("""
				SELECT action, actor_username, changes -> 'rows' ->> 'newValue' AS rows,
				       changes -> 'filter' ->> 'newValue' AS filter, changes -> 'format' ->> 'newValue' AS format,
				       changes -> 'identified' ->> 'newValue' AS identified
				FROM audit_event WHERE entity_type = 'AnalyticsExport' AND clinic_id = :clinic
				""").param("clinic", cells.clinicId()).query().singleRow();
		assertThat(entry.get("action")).isEqualTo("ACCESS");
		assertThat(entry.get("actor_username")).isEqualTo(cells.physicianUsername());
		assertThat(entry.get("rows")).isEqualTo("35");
		assertThat((String) entry.get("filter")).contains("sex=[FEMALE]").contains(cells.clinicId().toString());
		assertThat(entry.get("format")).isEqualTo("long");
		assertThat(entry.get("identified")).isEqualTo("true");
	}

	@Test
	void badExportRequestsAreProblemsNamingTheParameter() {
		TestApi.Response format = cells.physician().get("/api/v1/analytics/export.csv?format=xlsx");
		assertThat(format.status()).isEqualTo(400);
		assertThat(format.header("Content-Type")).startsWith("application/problem+json");
		assertThat(format.json().get("errors").get(0).get("field").asString()).isEqualTo("format");
		assertThat(format.json().get("errors").get(0).get("message").asString()).contains("long, wide");
		TestApi.Response filter = cells.physician().get("/api/v1/analytics/export.csv?cellSource=UNICORN");
		assertThat(filter.status()).isEqualTo(400);
		assertThat(filter.json().get("errors").get(0).get("field").asString()).isEqualTo("cellSource");
		assertThat(cells.physician().get("/api/v1/analytics/export.csv?identified=maybe").status()).isEqualTo(400);
		TestApi.Response misspelt = cells.physician().get("/api/v1/analytics/export.csv?cellsource=BMAC");
		assertThat(misspelt.status()).isEqualTo(400);
		assertThat(misspelt.json().get("errors").get(0).get("field").asString()).isEqualTo("cellsource");
		assertThat(cells.physician().get("/api/v1/analytics/export.csv?clinicId=" + createClinic("Foreign")).status())
			.isEqualTo(404);
		assertThat(cells.lab().get("/api/v1/analytics/export.csv").status()).isEqualTo(403);
		assertThat(anonymous.get("/api/v1/analytics/export.csv").status()).isEqualTo(401);
	}

	/** Splits the simple CSV of these tests (no quoted commas outside the name columns of episode 2). */
	private static List<Map<String, String>> parse(String body) {
		List<String> lines = Arrays.asList(body.split("\r\n"));
		String[] header = lines.get(0).split(",", -1);
		return lines.subList(1, lines.size()).stream().map(line -> {
			String[] cells = line.split(",", -1);
			Map<String, String> row = new java.util.LinkedHashMap<>();
			for (int i = 0; i < header.length; i++) {
				row.put(header[i], cells[i]);
			}
			return row;
		}).toList();
	}

}

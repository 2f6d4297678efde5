package org.spinecell.analytics.workspace;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analytics workspace, its downloads and the clinic report, on the hand-computed data set of
 * {@link AnalyticsDataset}: ODI at M3 is 20 and 44 (baseline 40 and 50), so n 2, mean 32, SD √288,
 * mean change −13 with SD √98 and 95 % CI −13 ± t(0.975, 1)·7/√2·√2 = −13 ± 88.94, responders
 * (10 points) 1 of 2 with Wilson CI 9.45 % to 90.55 %. Every n is below 5, so flagged as too small.
 * The CSV writer prefixes a value starting with "-" by a quote, as it guards every export against
 * spreadsheet formulas.
 */
class AnalyticsWorkspaceTests extends IntegrationTest {

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

	private static final String PHYSICIAN_M3_ROW = "<td>ALL</td><td>M3</td><td>2 (too small)</td><td>32.00</td><td>16.97</td>"
			+ "<td>-13.00</td><td>-101.94 to 75.94</td><td>1 of 2</td><td>50.0 %</td><td>9.45 to 90.55</td>"
			+ "<td>100.0 %</td>";

	private WebSession as(String role) {
		WebSession session = new WebSession(port);
		session.signIn(createUser(role, Set.of(cells.clinicId())), USER_PASSWORD);
		return session;
	}

	@Test
	void workspaceShowsTheOutcomeValuesToEachAnalyticsRole() {
		data.buildDataset();
		for (String role : new String[] { "PHYSICIAN", "COORDINATOR" }) {
			WebSession.Page page = as(role).get("/analytics");
			assertThat(page.status()).as(role).isEqualTo(200);
			assertThat(page.html()).as(role)
				.contains(PHYSICIAN_M3_ROW)
				.contains("<strong>3</strong> procedures of\n          <strong>3</strong> patients match.")
				.contains("Responder (ODI): improvement from baseline of at least 10 points")
				.contains("<figure class=\"chart\" id=\"trajectory\">")
				.contains("<figure class=\"chart\" id=\"responders\">");
		}
		// A researcher sees consented patients only: episode 1 (20 at M3 from 40) and episode 3 (no follow-up).
		WebSession.Page researcher = as("RESEARCHER").get("/analytics");
		assertThat(researcher.status()).isEqualTo(200);
		assertThat(researcher.html())
			.contains("<td>ALL</td><td>M3</td><td>1 (too small)</td><td>20.00</td><td></td><td>-20.00</td><td></td>"
					+ "<td>1 of 1</td><td>100.0 %</td>")
			.doesNotContain(PHYSICIAN_M3_ROW);
	}

	@Test
	void roleWithoutAnalyticsIsRefused() {
		assertThat(as("LAB").get("/analytics").status()).isEqualTo(403);
	}

	@Test
	void countFollowsTheFilterAndShowsABadValueInline() {
		data.buildDataset();
		WebSession session = as("PHYSICIAN");
		assertThat(session.get("/analytics/count").html()).contains("<strong>3</strong> procedures");
		assertThat(session.get("/analytics/count?guidance=CT").html())
			.contains("<strong>1</strong> procedures of\n          <strong>1</strong> patients");
		assertThat(session.get("/analytics/count?sex=FEMALE&guidance=").html()).contains("<strong>1</strong> procedures");
		WebSession.Page bad = session.get("/analytics/count?ageMin=old");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.html()).contains("ageMin must be a whole number from 0 to 150").doesNotContain("procedures of");
		WebSession.Page badPage = session.get("/analytics?measure=PAIN");
		assertThat(badPage.status()).isEqualTo(200);
		assertThat(badPage.html()).contains("measure must be one of: ODI, NRS_BACK, NRS_LEG, RMDQ, MME");
	}

	@Test
	void tabsShowDurabilitySafetyAndMedication() {
		data.buildDataset();
		WebSession session = as("PHYSICIAN");
		assertThat(session.get("/analytics?tab=durability").html())
			.contains("<figure class=\"chart\" id=\"survival\">")
			.contains("Numbers at risk")
			.contains("Kaplan–Meier S(t)");
		assertThat(session.get("/analytics?tab=safety").html())
			.contains("Serious adverse events")
			.contains("Clopper–Pearson")
			// Episode 2's grade 3 serious event: 1 of 3 procedures = 33.33 per 100, exact CI 0.84 to 90.57.
			.contains("<td>ALL</td><td>grade</td><td>3</td><td>1</td><td>1</td><td>3 (too small)</td><td>33.33</td>"
					+ "<td>0.84 to 90.57</td>")
			.contains("<td>ALL</td><td>serious</td><td>yes</td><td>1</td><td>1</td><td>3 (too small)</td><td>33.33</td>")
			// The serious list: grade 3, onset day 20 = 0.66 months, not related.
			.contains("<td>ALL</td><td>3</td><td>0.66</td><td>not related</td>");
		assertThat(session.get("/analytics?tab=medication").html())
			.contains("Opioid use among baseline users")
			.contains("Baseline opioid users");
	}

	@Test
	void emptyCohortSaysNoData() {
		data.buildDataset();
		WebSession.Page page = as("PHYSICIAN").get("/analytics?from=2000-01-01&to=2000-01-31");
		assertThat(page.html()).contains("<option value=\"CT\">CT</option>")
			.contains("<option value=\"FEMALE\">FEMALE</option>")
			.contains("id=\"no-data\"")
			.contains("<strong>0</strong> procedures")
			.doesNotContain("NaN");
	}

	@Test
	void tablesDownloadAsCsvAndChartsAsSvg() {
		data.buildDataset();
		WebSession session = as("PHYSICIAN");
		WebSession.Page csv = session.get("/analytics/outcomes/outcomes.csv?measure=ODI");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).contains("outcomes-outcomes.csv");
		assertThat(csv.html()).startsWith("Group,Time point,n,Mean,SD,Mean change")
			.contains("ALL,M3,2 (too small),32.00,16.97,-13.00,'-101.94 to 75.94,1 of 2,50.0 %,9.45 to 90.55,100.0 %");

		WebSession.Page filtered = session.get("/analytics/outcomes/outcomes.csv?guidance=CT");
		assertThat(filtered.html()).contains("ALL,M3,1 (too small),44.00,,-6.00,,0 of 1,0.0 %");

		WebSession.Page svg = session.get("/analytics/outcomes/trajectory.svg");
		assertThat(svg.status()).isEqualTo(200);
		assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(svg.html()).startsWith("<?xml").contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.contains("<style>")
			.contains("<polyline class=\"chart-line\"")
			.doesNotContain("<figure");

		assertThat(session.get("/analytics/durability/risk-table.csv").html())
			.startsWith("Group,0 months,3 months,6 months,12 months,24 months")
			.contains("ALL,3,");
		assertThat(session.get("/analytics/outcomes/nothing.csv").status()).isEqualTo(404);
		assertThat(session.get("/analytics/outcomes/nothing.svg").status()).isEqualTo(404);
	}

	@Test
	void durabilityTabShowsFailureAndLossOfResponseAsTheApiComputesThem() {
		data.buildDataset();
		WebSession session = as("PHYSICIAN");
		WebSession.Page page = session.get("/analytics?tab=durability");
		assertThat(page.html()).contains("<figure class=\"chart\" id=\"survival\">")
			.contains("<figure class=\"chart\" id=\"loss-survival\">")
			.contains("Numbers at risk: loss of response")
			.contains("Loss of response — Endpoint: loss of response among episodes whose ODI improved by at least 10");
		// Episode 1 responds until its repeat injection on day 200 (6.57 months); episode 2 never responded.
		assertThat(session.get("/analytics/durability/loss-km-steps.csv").html().lines().toList())
			.containsExactly("Group,Months,At risk,Losses,Censored,Still responding,95 % CI", "ALL,6.57,1,1,0,0.0 %,")
			.containsExactlyElementsOf(kmCsv("Group,Months,At risk,Losses,Censored,Still responding,95 % CI",
					ok(cells.physician().get("/api/v1/analytics/durability?endpoint=lossOfResponse"))));
		assertThat(session.get("/analytics/durability/km-steps.csv").html().lines().toList())
			.containsExactly("Group,Months,At risk,Failures,Censored,Free of treatment failure,95 % CI",
					"ALL,0.00,3,0,1,100.0 %,", "ALL,3.12,2,0,1,100.0 %,", "ALL,6.57,1,1,0,0.0 %,")
			.containsExactlyElementsOf(kmCsv("Group,Months,At risk,Failures,Censored,Free of treatment failure,95 % CI",
					ok(cells.physician().get("/api/v1/analytics/durability?endpoint=failure"))));
		assertThat(session.get("/analytics/durability/loss-risk-table.csv").html())
			.contains("ALL,1,1,1,0,0");
		assertThat(session.get("/analytics/durability/loss-survival.svg").status()).isEqualTo(200);
	}

	@Test
	void outcomesTabShowsTheCompositeResponderBesideTheMcidRate() {
		data.buildDataset();
		WebSession session = as("PHYSICIAN");
		WebSession.Page page = session.get("/analytics");
		assertThat(page.html()).contains("id=\"table-composite\"")
			.contains("Composite responder: ODI improved by at least 10 points from baseline, and no later surgery");
		JsonNode composite = ok(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI")).get("composite");
		List<String> expected = new ArrayList<>(List.of("Group,Time point,n,Responders,Rate,95 % CI"));
		composite.get("rows").forEach(r -> expected.add(String.join(",", r.get("group").asString(),
				r.get("timePoint").asString(), WorkspaceResults.count(r.get("n").asLong(), r.get("tooSmall").asBoolean()),
				r.get("n").asLong() == 0 ? "" : r.get("x").asLong() + " of " + r.get("n").asLong(),
				WorkspaceResults.percent(number(r, "rate")),
				WorkspaceResults.percentInterval(number(r, "ciLow"), number(r, "ciHigh")))));
		List<String> csv = session.get("/analytics/outcomes/composite.csv").html().lines().toList();
		assertThat(csv).containsExactlyElementsOf(expected)
			// Episode 1 improved by 20 points, episode 2 by 6: 1 of 2, Wilson 9.45 % to 90.55 %.
			.contains("ALL,M3,2 (too small),1 of 2,50.0 %,9.45 to 90.55");
	}

	@Test
	void operatorsAndClinicsAreShownByNameToStaffButNotToResearchers() {
		data.buildDataset();
		java.util.UUID operator = userId(cells.physicianUsername());
		String name = ownerJdbc()
			.sql("SELECT DISTINCT operator_name FROM analytics_episode_fact WHERE operator_id = :id")
			.param("id", operator)
			.query(String.class)
			.single();
		String clinic = ownerJdbc().sql("SELECT name FROM clinic WHERE id = :id")
			.param("id", cells.clinicId())
			.query(String.class)
			.single();
		String staff = as("PHYSICIAN").get("/analytics?by=operator").html();
		assertThat(staff).contains("<td>" + name + "</td>").doesNotContain("<td>" + operator + "</td>");
		assertThat(as("COORDINATOR").get("/analytics?by=clinic&tab=safety").html())
			.contains("<td>" + org.springframework.web.util.HtmlUtils.htmlEscape(clinic) + "</td>")
			.doesNotContain("<td>" + cells.clinicId() + "</td>");
		String researcher = as("RESEARCHER").get("/analytics?by=operator").html();
		assertThat(researcher).doesNotContain(name).doesNotContain(operator.toString());
	}

	@Test
	void variabilityTabExplainsModelsThatCannotBeFittedOnTwoEpisodes() {
		data.buildDataset();
		WebSession session = as("PHYSICIAN");
		WebSession.Page page = session.get("/analytics?tab=variability&timePoint=M3");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("<option value=\"M3\" selected=\"selected\">M3</option>")
			.contains("Linear model of the change in ODI at M3")
			// On two episodes the intercept and age already fit exactly; the other columns are aliased.
			.contains("id=\"note-linear\">Not fitted: the model has 2 coefficients that can be estimated and needs "
					+ "more observations than that, got 2.</p>")
			.contains("id=\"note-funnel-operators\">Overall responder rate ")
			.contains("responder rate alone (no adjustment), as the full logistic model could not be fitted (the model has 2")
			.contains("<td>sex=MALE</td><td>in the models</td>")
			.contains("<td>sex=FEMALE</td><td>reference level</td>")
			.contains("<td>cellSource</td><td>does not vary in the data</td>")
			.contains("<td>no value at the time point</td><td>1</td>")
			.contains("Reference levels: sex=FEMALE, guidance=CT.")
			.contains("Funnel: observed responders O against expected E")
			.contains("<figure class=\"chart chart-forest\" id=\"forest-linear\">")
			.contains("<figure class=\"chart chart-forest\" id=\"forest-logistic\">")
			.contains("<figure class=\"chart\" id=\"funnel-operators\">")
			.contains("<figure class=\"chart\" id=\"funnel-clinics\">")
			.contains("id=\"svg-forest-linear\"")
			.doesNotContain("NaN");
		WebSession.Page forest = session.get("/analytics/variability/forest-logistic.svg?timePoint=M3");
		assertThat(forest.status()).isEqualTo(200);
		assertThat(forest.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(forest.html()).startsWith("<?xml").contains("Logistic model: responder at ODI at M3");
		assertThat(session.get("/analytics/variability/funnel-clinics.svg?timePoint=M3").html()).startsWith("<?xml")
			.contains("Clinics: observed / expected responders");
		assertThat(session.get("/analytics/variability/covariates.csv?timePoint=M3").html().lines())
			.startsWith("Covariate,Status", "age,in the models", "baseline,in the models");
		assertThat(session.get("/analytics?tab=variability&timePoint=BASELINE").html())
			.contains("timePoint must be one of: W2, W6, M3, M6, M12, M24");
		assertThat(session.get("/analytics?tab=variability&from=2000-01-01&to=2000-01-31").html())
			.contains("id=\"no-data\"")
			.doesNotContain("NaN");
	}

	/** The Kaplan–Meier steps table as the workspace should show the API's answer. */
	private static List<String> kmCsv(String header, JsonNode durability) {
		List<String> lines = new ArrayList<>(List.of(header));
		for (JsonNode group : durability.get("groups")) {
			for (JsonNode step : group.get("steps")) {
				lines.add(String.join(",", group.get("group").asString(), WorkspaceResults.num(number(step, "time")),
						step.get("nRisk").asString(), step.get("nEvent").asString(), step.get("nCensor").asString(),
						WorkspaceResults.percent(number(step, "survival")),
						WorkspaceResults.percentInterval(number(step, "ciLow"), number(step, "ciHigh"))));
			}
		}
		return lines;
	}

	static Double number(JsonNode node, String field) {
		return node.get(field) == null || node.get(field).isNull() ? null : node.get(field).asDouble();
	}

	@Test
	void savedCohortIsListedAndReopensItsFilter() {
		data.buildDataset();
		WebSession session = as("PHYSICIAN");
		WebSession.Page form = session.get("/analytics?guidance=CT");
		WebSession.Page saved = session.post("/analytics/cohorts?guidance=CT",
				java.util.Map.of("name", "CT guided", "_csrf", form.csrf()));
		assertThat(saved.html()).contains("Saved the cohort <strong>CT guided</strong>")
			.contains("href=\"/analytics?guidance=CT\">CT guided</a>");
	}

	@Test
	void reportPdfHoldsTheHeadlineNumbersAndTheDefinitions() throws IOException {
		data.buildDataset();
		HttpResponse<byte[]> response = cells.physician().getBytes("/api/v1/analytics/report.pdf?measure=ODI&timePoint=M3");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		// Lines wrap where the PDF's width ends them: compare with single spaces.
		String text = text(response.body()).replaceAll("\\s+", " ");
		assertThat(text).contains("Clinic outcome report")
			.contains("3 procedures of 3 patients")
			.contains("32.00")
			.contains("-13.00")
			.contains("9.45 to")
			.contains("90.55")
			.contains("Methods")
			.contains("95 % CI mean ± t(0.975, n - 1)·SD/sqrtn")
			.contains("Wilson score 95 % CI")
			.contains("Clopper")
			.contains("log-log 95 % CI")
			.contains("ODI: mean with 95 % CI over time")
			.contains("Variability")
			.contains("Linear model of the change in ODI at M3")
			.contains("Not fitted: the model has 2 coefficients that can be estimated")
			.contains("Operators: observed against expected responders")
			.contains("Reference levels: sex=FEMALE, guidance=CT.");
		assertThat(cells.physician().getBytes("/api/v1/analytics/report.pdf?by=colour").statusCode()).isEqualTo(400);
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}

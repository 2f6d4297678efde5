package org.spinecell.analytics.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.analytics.AnalyticsDataset.Episode;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.analytics.stats.Proportion;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spinecell.analytics.AnalyticsDataset.ODD_FAMILY_NAME;
import static org.spinecell.cellproducts.CellLab.path;

/**
 * The analytics JSON API on the hand-computed data set of {@link AnalyticsDataset}, plus a serious
 * adverse event probably related to episode 1's procedure on day 150 (between its M3 and M6).
 * <p>
 * Over 400 lines because every figure of every results tab is checked against the hand-computed
 * data set it shares.
 */
class AnalyticsResultsApiTests extends IntegrationTest {

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

	/** qnorm(0.975) squared, for the Wilson bounds of 0/1 and 1/1. */
	private static final double Z2 = 1.9599639845400536 * 1.9599639845400536;

	private void buildDatasetWithSeriousRelatedEvent() {
		data.buildDataset();
		data.adverseEvent(data.ep1(), data.ep1().date().plusDays(150), 3, List.of("HOSPITALISATION"), "PROBABLE");
	}

	@Test
	void outcomesEqualHandComputedValuesWithCompositeResponders() {
		buildDatasetWithSeriousRelatedEvent();
		JsonNode json = ok(cells.physician().get("/api/v1/analytics/outcomes?measure=odi"));
		assertThat(json.get("measure").asString()).isEqualTo("ODI");
		assertThat(json.get("noData").asBoolean()).isFalse();
		assertThat(json.get("definitions").get("mcidAbsolute").asDouble()).isEqualTo(10);
		assertThat(json.get("definitions").get("mcidRelative").asDouble()).isEqualTo(0.3);
		assertThat(json.get("betweenGroup").isNull()).as("no stratifier, no test").isTrue();

		JsonNode m3 = row(json.get("rows"), "ALL", "M3");
		assertThat(m3.get("n").asLong()).isEqualTo(2);
		assertThat(m3.get("mean").asDouble()).isCloseTo(32, within(1e-9));
		assertThat(m3.get("sd").asDouble()).isCloseTo(Math.sqrt(288), within(1e-9));
		assertThat(m3.get("meanChange").asDouble()).isCloseTo(-13, within(1e-9));
		// -13 ± qt(0.975, 1) · sqrt(98) / sqrt(2)
		assertThat(m3.get("changeCiLow").asDouble()).isCloseTo(-101.94343315322294, within(1e-6));
		assertThat(m3.get("changeCiHigh").asDouble()).isCloseTo(75.94343315322294, within(1e-6));
		assertThat(m3.get("responders").asLong()).isEqualTo(1);
		assertThat(m3.get("responderRate").asDouble()).isEqualTo(0.5);
		// Wilson 1/2, as prop.test(1, 2, correct = FALSE)
		assertThat(m3.get("responderCiLow").asDouble()).isCloseTo(0.09453120573423074, within(1e-9));
		assertThat(m3.get("responderCiHigh").asDouble()).isCloseTo(0.9054687942657692, within(1e-9));
		assertThat(m3.get("respondersRelative").asLong()).isEqualTo(1);
		assertThat(m3.get("completionRate").asDouble()).isEqualTo(1.0);
		assertThat(m3.get("tooSmall").asBoolean()).as("n = 2 is shown and flagged").isTrue();

		JsonNode m6 = row(json.get("rows"), "ALL", "M6");
		assertThat(m6.get("n").asLong()).isEqualTo(1);
		assertThat(m6.get("sd").isNull()).isTrue();
		assertThat(m6.get("changeCiLow").isNull()).as("one change has no CI, and no NaN").isTrue();
		assertThat(m6.get("responders").asLong()).as("exactly 10 points counts").isEqualTo(1);
		assertThat(m6.get("respondersRelative").asLong()).as("25 % is below 30 %").isZero();
		assertThat(m6.get("responderCiLow").asDouble()).isCloseTo(1 / (1 + Z2), within(1e-9));
		assertThat(m6.get("completionRate").asDouble()).isEqualTo(0.5);

		JsonNode w2 = row(json.get("rows"), "ALL", "W2");
		assertThat(w2.get("n").asLong()).isZero();
		assertThat(w2.get("mean").isNull()).isTrue();
		assertThat(w2.get("responderRate").isNull()).isTrue();
		assertThat(w2.get("tooSmall").asBoolean()).isTrue();

		JsonNode composite = json.get("composite");
		assertThat(composite.get("definition").asString()).contains("ODI improved by at least 10 points")
			.contains("repeat injection")
			.contains("serious adverse event");
		assertThat(json.get("definitions").get("composite").asString())
			.isEqualTo(composite.get("definition").asString());
		JsonNode c3 = row(composite.get("rows"), "ALL", "M3");
		assertThat(c3.get("n").asLong()).isEqualTo(2);
		assertThat(c3.get("x").asLong()).as("episode 1: 20 points, event on day 150 is later").isEqualTo(1);
		JsonNode c6 = row(composite.get("rows"), "ALL", "M6");
		assertThat(c6.get("n").asLong()).isEqualTo(1);
		assertThat(c6.get("x").asLong()).as("episode 1 at M6 meets the MCID but had the serious related event")
			.isZero();
		assertThat(c6.get("rate").asDouble()).isZero();
		assertThat(c6.get("ciHigh").asDouble()).isCloseTo(Z2 / (1 + Z2), within(1e-9));
		assertThat(composite.get("rows").valueStream().map(r -> r.get("timePoint").asString()))
			.doesNotContain("BASELINE");
	}

	@Test
	void stratifiedOutcomesCarryAChiSquareTestOfResponders() {
		data.buildDataset();
		JsonNode json = ok(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&by=guidance&timePoint=m3"));
		assertThat(json.get("by").asString()).isEqualTo("guidance");
		assertThat(row(json.get("rows"), "CT", "M3").get("responders").asLong()).isZero();
		assertThat(row(json.get("rows"), "FLUOROSCOPY", "M3").get("responders").asLong()).isEqualTo(1);
		JsonNode test = json.get("betweenGroup");
		// 2 x 2 table (0, 1 / 1, 0): every expected count 0.5, chi-square 4 · 0.5² / 0.5 = 2 on 1 df
		assertThat(test.get("test").asString()).isEqualTo("chi-square");
		assertThat(test.get("timePoint").asString()).isEqualTo("M3");
		assertThat(test.get("statistic").asDouble()).isCloseTo(2, within(1e-9));
		assertThat(test.get("df").asDouble()).isEqualTo(1);
		assertThat(test.get("p").asDouble()).isCloseTo(0.15729920705028513, within(1e-9));
		assertThat(test.get("status").asString()).isEqualTo("TOO_SMALL");

		JsonNode atM12 = ok(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&by=guidance")).get("betweenGroup");
		assertThat(atM12.get("timePoint").asString()).as("the default test time point").isEqualTo("M12");
		assertThat(atM12.get("status").asString()).isEqualTo("NO_DATA");
		assertThat(atM12.get("p").isNull()).isTrue();
		assertThat(atM12.get("note").asString()).isNotBlank();
	}

	@Test
	void durabilityIsKaplanMeierOfTimeToFailureInMonths() {
		data.buildDataset();
		JsonNode json = ok(cells.physician().get("/api/v1/analytics/durability?endpoint=failure"));
		assertThat(json.get("noData").asBoolean()).isFalse();
		assertThat(json.get("logRank").isNull()).isTrue();
		JsonNode group = json.get("groups").get(0);
		assertThat(group.get("group").asString()).isEqualTo("ALL");
		assertThat(group.get("n").asInt()).isEqualTo(3);
		JsonNode steps = group.get("steps");
		assertThat(steps.size()).isEqualTo(3);
		assertStep(steps.get(0), 0, 3, 0, 1.0);
		assertStep(steps.get(1), 95 / 30.4375, 2, 0, 1.0);
		assertStep(steps.get(2), 200 / 30.4375, 1, 1, 0.0);
		assertThat(steps.get(2).get("ciLow").isNull()).as("no CI where S is 0, never NaN").isTrue();

		JsonNode byGuidance = ok(cells.physician().get("/api/v1/analytics/durability?by=guidance"));
		assertThat(byGuidance.get("groups").valueStream().map(g -> g.get("group").asString()))
			.containsExactly("CT", "FLUOROSCOPY");
		// The only event (fluoroscopy, 6.57 months) happens after CT's one episode was censored: nothing
		// is expected in CT, so one group with E > 0 leaves no test.
		assertThat(byGuidance.get("logRank").get("df").isNull() || byGuidance.get("logRank").get("df").asInt() == 0)
			.isTrue();
		assertThat(byGuidance.get("logRank").get("status").asString()).isEqualTo("NO_DATA");
	}

	@Test
	void lossOfResponseCountsRespondersUntilTheyNoLongerRespond() {
		data.buildDataset();
		JsonNode json = ok(cells.physician().get("/api/v1/analytics/durability?endpoint=lossOfResponse"));
		assertThat(json.get("endpoint").asString()).isEqualTo("lossOfResponse");
		assertThat(json.get("definitions").get("endpoint").asString()).contains("at least 10 points");
		JsonNode group = json.get("groups").get(0);
		assertThat(group.get("n").asInt()).as("episode 2 never responded, episode 3 has no follow-up").isEqualTo(1);
		// Episode 1 still responds at M6 (exactly 10 points); the repeat injection on day 200 ends the response.
		assertStep(group.get("steps").get(0), 200 / 30.4375, 1, 1, 0.0);

		addIntervention(data.ep1().patientId(), data.ep1(), 150);
		JsonNode earlier = ok(cells.physician().get("/api/v1/analytics/durability?endpoint=lossOfResponse"));
		assertStep(earlier.get("groups").get(0).get("steps").get(0), 150 / 30.4375, 1, 1, 0.0);

		// Split by every stratifier the code has, the same one episode is counted.
		for (Stratifier by : Stratifier.values()) {
			JsonNode split = ok(cells.physician().get("/api/v1/analytics/durability?endpoint=lossOfResponse&by="
					+ by.parameter()));
			assertThat(split.get("by").asString()).isEqualTo(by.parameter());
			long episodes = 0;
			for (JsonNode g : split.get("groups")) {
				episodes += g.get("n").asLong();
			}
			assertThat(episodes).as(by.parameter()).isEqualTo(1);
		}
	}

	private void addIntervention(UUID patient, Episode episode, int day) {
		ok(cells.physician().post("/api/v1/patients/" + patient + "/interventions", Map.of("type", "SURGERY", "date",
				episode.date().plusDays(day).toString(), "level", "L4-L5", "reason", "Pain came back", "procedureId",
				episode.id())));
	}

	@Test
	void medicationSharesAmongBaselineOpioidUsersWithWilsonIntervals() {
		data.buildDataset();
		JsonNode rows = ok(cells.physician().get("/api/v1/analytics/medication")).get("rows");
		JsonNode m3 = row(rows, "ALL", "M3");
		assertThat(m3.get("baselineUsers").asLong()).isEqualTo(1);
		assertThat(m3.get("observed").asLong()).isEqualTo(1);
		assertThat(m3.get("reducedByHalfRate").asDouble()).isZero();
		assertThat(m3.get("reducedByHalfCiLow").asDouble()).isZero();
		assertThat(m3.get("reducedByHalfCiHigh").asDouble()).isCloseTo(Z2 / (1 + Z2), within(1e-9));
		JsonNode m6 = row(rows, "ALL", "M6");
		assertThat(m6.get("reducedByHalfRate").asDouble()).isEqualTo(1.0);
		assertThat(m6.get("opioidFreeRate").asDouble()).isEqualTo(1.0);
		assertThat(m6.get("opioidFreeCiLow").asDouble()).isCloseTo(1 / (1 + Z2), within(1e-9));
		assertThat(m6.get("opioidFreeCiHigh").asDouble()).isEqualTo(1.0);
		assertThat(m6.get("tooSmall").asBoolean()).isTrue();
		JsonNode w2 = row(rows, "ALL", "W2");
		assertThat(w2.get("observed").asLong()).isZero();
		assertThat(w2.get("reducedByHalfRate").isNull()).isTrue();
	}

	@Test
	void safetyRatesPer100ProceduresWithExactIntervalsAndTheSeriousList() {
		buildDatasetWithSeriousRelatedEvent();
		JsonNode json = ok(cells.physician().get("/api/v1/analytics/safety"));
		assertThat(json.get("groups").get(0).get("procedures").asLong()).isEqualTo(3);
		JsonNode rows = json.get("rows");
		JsonNode grade3 = category(rows, "grade", "3");
		assertThat(grade3.get("events").asLong()).isEqualTo(2);
		assertThat(grade3.get("proceduresWithEvent").asLong()).isEqualTo(2);
		assertThat(grade3.get("per100").asDouble()).isCloseTo(200.0 / 3, within(1e-9));
		Proportion twoOfThree = Proportion.of(2, 3);
		assertThat(grade3.get("ciLow").asDouble()).isCloseTo(100 * twoOfThree.exact().low(), within(1e-9));
		assertThat(grade3.get("ciHigh").asDouble()).isCloseTo(100 * twoOfThree.exact().high(), within(1e-9));
		JsonNode grade2 = category(rows, "grade", "2");
		assertThat(grade2.get("per100").asDouble()).isCloseTo(100.0 / 3, within(1e-9));
		// qbeta(0.025, 1, 3) = 1 − 0.975^(1/3)
		assertThat(grade2.get("ciLow").asDouble()).isCloseTo(100 * (1 - Math.cbrt(0.975)), within(1e-9));
		JsonNode related = category(rows, "related", "true");
		assertThat(related.get("events").asLong()).as("both of episode 1's events").isEqualTo(2);
		assertThat(related.get("proceduresWithEvent").asLong()).isEqualTo(1);
		assertThat(category(rows, "related", "false").get("events").asLong()).isEqualTo(1);
		assertThat(category(rows, "serious", "true").get("events").asLong()).isEqualTo(2);
		assertThat(category(rows, "serious", "false").get("events").asLong()).isEqualTo(1);

		JsonNode serious = json.get("serious");
		assertThat(serious.size()).isEqualTo(2);
		assertThat(serious.get(0).get("onsetMonths").asDouble()).isCloseTo(0.66, within(1e-9));
		assertThat(serious.get(0).get("relatednessProcedure").asString()).isEqualTo("NOT_RELATED");
		assertThat(serious.get(1).get("onsetMonths").asDouble()).isCloseTo(4.93, within(1e-9));
		assertThat(serious.get(1).get("grade").asInt()).isEqualTo(3);
	}

	@Test
	void badInputIsA400NamingTheParameterAndTheAllowedValues() {
		assertProblem(cells.physician().get("/api/v1/analytics/outcomes?measure=VAS"), "measure",
				"ODI, NRS_BACK, NRS_LEG, RMDQ, MME");
		assertProblem(cells.physician().get("/api/v1/analytics/outcomes"), "measure", "ODI, NRS_BACK");
		assertProblem(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&by=colour"), "by",
				"cellSource, tissue, conditionFamily, target, guidance, operator, clinic");
		assertProblem(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&by=guidance&timePoint=M99"),
				"timePoint", "W2, W6, M3, M6, M12, M24");
		assertProblem(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&by=guidance&by=clinic"), "by",
				"one value");
		assertProblem(cells.physician().get("/api/v1/analytics/durability?endpoint=death"), "endpoint",
				"failure, lossOfResponse");
		assertProblem(cells.physician().get("/api/v1/analytics/safety?by=patient"), "by", "operator");
		assertProblem(cells.physician().get("/api/v1/analytics/medication?sort=name;drop"), "sort", "not a parameter");
		assertProblem(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&cohort=x"), "cohort", "UUID");
		assertProblem(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&ageMin=old"), "ageMin", "");
		assertThat(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&cohort=" + UUID.randomUUID()).status())
			.isEqualTo(404);
		assertThat(cells.physician().get("/api/v1/analytics/safety?clinicId=" + createClinic("Not mine")).status())
			.isEqualTo(404);
	}

	@Test
	void anEmptyCohortSaysNoDataInEveryResult() {
		data.buildDataset();
		JsonNode outcomes = ok(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&sex=OTHER&by=guidance"));
		assertThat(outcomes.get("noData").asBoolean()).isTrue();
		assertThat(outcomes.get("message").asString()).startsWith("No data");
		assertThat(outcomes.get("rows").size()).isZero();
		assertThat(outcomes.get("composite").get("rows").size()).isZero();
		assertThat(outcomes.get("betweenGroup").get("status").asString()).isEqualTo("NO_DATA");
		for (String path : List.of("durability", "medication", "safety")) {
			JsonNode json = ok(cells.physician().get("/api/v1/analytics/" + path + "?sex=OTHER"));
			assertThat(json.get("noData").asBoolean()).as(path).isTrue();
			assertThat(json.get("message").asString()).as(path).startsWith("No data");
		}
		assertThat(cells.physician().get("/api/v1/analytics/outcomes?measure=MME&sex=OTHER").body()).doesNotContain("NaN");
	}

	@Test
	void aSavedCohortSelectsTheEpisodesAndParametersNarrowIt() {
		data.buildDataset();
		UUID cohort = id(ok(cells.physician().post("/api/v1/analytics/cohorts",
				Map.of("name", "CT only", "filter", Map.of("guidance", "CT")))));
		JsonNode m3 = row(ok(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&cohort="
				+ cohort)).get("rows"), "ALL", "M3");
		assertThat(m3.get("n").asLong()).isEqualTo(1);
		assertThat(m3.get("mean").asDouble()).isCloseTo(44, within(1e-9));
		JsonNode replaced = ok(
				cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&guidance=FLUOROSCOPY&cohort=" + cohort));
		assertThat(row(replaced.get("rows"), "ALL", "M3").get("mean").asDouble()).isCloseTo(20, within(1e-9));
	}

	@Test
	void researchersSeeConsentedPatientsOnlyAndOperatorsByPseudonym() {
		data.buildDataset();
		UUID operator = userId(cells.physicianUsername());
		TestApi researcher = data.signedIn("RESEARCHER");
		TestApi.Response response = researcher.get("/api/v1/analytics/outcomes?measure=ODI&by=operator");
		JsonNode json = ok(response);
		JsonNode baseline = json.get("rows").get(0);
		assertThat(baseline.get("group").asString()).startsWith("OP").hasSize(22);
		assertThat(baseline.get("timePoint").asString()).isEqualTo("BASELINE");
		assertThat(baseline.get("n").asLong()).as("episode 2 has no research consent").isEqualTo(1);
		assertThat(baseline.get("mean").asDouble()).isCloseTo(40, within(1e-9));
		assertThat(json.get("definitions").get("population").asString()).contains("pseudonym");
		for (String path : List.of("outcomes?measure=ODI&by=operator", "durability?by=operator",
				"medication?by=operator", "safety?by=operator")) {
			String body = researcher.get("/api/v1/analytics/" + path).body();
			assertThat(body).as(path)
				.doesNotContain(operator.toString())
				.doesNotContain(ODD_FAMILY_NAME)
				.doesNotContain(data.mrn(data.ep1().patientId()))
				.doesNotContain(data.ep1().patientId().toString());
		}
		assertThat(ok(researcher.get("/api/v1/analytics/safety")).get("groups").get(0).get("procedures").asLong())
			.isEqualTo(2);
		// Clinics likewise, by the research export's clinic pseudonym.
		JsonNode byClinic = ok(researcher.get("/api/v1/analytics/outcomes?measure=ODI&by=clinic"));
		assertThat(byClinic.get("rows").get(0).get("group").asString()).startsWith("C").hasSize(21);
		for (String path : List.of("outcomes?measure=ODI&by=clinic", "durability?by=clinic",
				"durability?by=clinic&endpoint=lossOfResponse", "medication?by=clinic", "safety?by=clinic",
				"variability?measure=ODI&timePoint=M3")) {
			assertThat(researcher.get("/api/v1/analytics/" + path).body()).as(path)
				.doesNotContain(cells.clinicId().toString())
				.doesNotContain(operator.toString());
		}
		JsonNode staff = ok(cells.physician().get("/api/v1/analytics/outcomes?measure=ODI&by=operator"));
		assertThat(staff.get("rows").get(0).get("group").asString()).isEqualTo(operator.toString());

		assertThat(data.signedIn("COORDINATOR").get("/api/v1/analytics/medication").status()).isEqualTo(200);
		TestApi elsewhere = login(createUser("PHYSICIAN", java.util.Set.of(createClinic("Elsewhere"))), USER_PASSWORD);
		assertThat(ok(elsewhere.get("/api/v1/analytics/outcomes?measure=ODI")).get("noData").asBoolean())
			.as("another clinic's physician sees none of this clinic's episodes")
			.isTrue();
		assertThat(ok(elsewhere.get("/api/v1/analytics/safety")).get("groups").size()).isZero();
		assertThat(elsewhere.get("/api/v1/analytics/durability?clinicId=" + cells.clinicId()).status()).isEqualTo(404);
		for (String role : List.of("LAB", "AUDITOR", "ADMIN")) {
			assertThat(data.signedIn(role).get("/api/v1/analytics/outcomes?measure=ODI").status()).as(role).isEqualTo(403);
		}
	}

	@Test
	void variabilityReportsDroppedEpisodesAndWhyAModelCannotBeFitted() {
		data.buildDataset();
		JsonNode json = ok(cells.physician().get("/api/v1/analytics/variability?measure=ODI&timePoint=M3"));
		assertThat(json.get("timePoint").asString()).isEqualTo("M3");
		assertThat(json.get("noData").asBoolean()).isFalse();
		JsonNode models = json.get("models");
		assertThat(models.get("n").asInt()).as("episodes 1 and 2 have an M3 change").isEqualTo(2);
		assertThat(models.get("dropped").get(0).get("reason").asString()).isEqualTo("no value at the time point");
		assertThat(models.get("dropped").get(0).get("episodes").asLong()).isEqualTo(1);
		assertThat(models.get("covariates").valueStream().map(JsonNode::asString))
			.as("only these vary between episodes 1 and 2; a tie makes the first code the reference")
			.containsExactly("age", "baseline", "sex=MALE", "guidance=FLUOROSCOPY");
		assertThat(models.get("linear").get("status").asString()).isEqualTo("NOT_FITTED");
		assertThat(models.get("linear").get("note").asString()).contains("needs more observations");
		// Two episodes fit no model: the funnel compares them with the cohort's rate, and says so.
		JsonNode operators = models.get("operators");
		assertThat(operators.get("status").asString()).isEqualTo("TOO_SMALL");
		assertThat(operators.get("adjustment").asString()).isEqualTo("UNADJUSTED");
		assertThat(operators.get("adjustmentNote").asString()).startsWith("the full logistic model could not be fitted");
		assertThat(operators.get("units").size()).isPositive();
		assertThat(json.get("definitions").get("funnel").asString()).contains("99.8 %").contains("UNADJUSTED");

		JsonNode empty = ok(cells.physician().get("/api/v1/analytics/variability?sex=OTHER"));
		assertThat(empty.get("noData").asBoolean()).isTrue();
		assertThat(empty.get("measure").asString()).isEqualTo("ODI");
		assertThat(empty.get("timePoint").asString()).isEqualTo("M12");
		assertProblem(cells.physician().get("/api/v1/analytics/variability?measure=PROMIS"), "measure", "ODI");
		assertProblem(cells.physician().get("/api/v1/analytics/variability?timePoint=BASELINE"), "timePoint", "M12");
		String researcher = data.signedIn("RESEARCHER").get("/api/v1/analytics/variability?timePoint=M3").body();
		assertThat(researcher).doesNotContain(userId(cells.physicianUsername()).toString());
	}

	private static void assertStep(JsonNode step, double time, int nRisk, int nEvent, double survival) {
		assertThat(step.get("time").asDouble()).isCloseTo(time, within(1e-6));
		assertThat(step.get("nRisk").asInt()).isEqualTo(nRisk);
		assertThat(step.get("nEvent").asInt()).isEqualTo(nEvent);
		assertThat(step.get("survival").asDouble()).isEqualTo(survival);
	}

	private static void assertProblem(TestApi.Response response, String field, String message) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo(field);
		assertThat(error.get("message").asString()).contains(message);
	}

	private static JsonNode row(JsonNode rows, String group, String timePoint) {
		return rows.valueStream()
			.filter(r -> r.get("group").asString().equals(group) && r.get("timePoint").asString().equals(timePoint))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + group + " " + timePoint + " in " + rows));
	}

	private static JsonNode category(JsonNode rows, String dimension, String value) {
		return rows.valueStream()
			.filter(r -> r.get("dimension").asString().equals(dimension) && r.get("value").asString().equals(value))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + dimension + " " + value + " in " + rows));
	}

}

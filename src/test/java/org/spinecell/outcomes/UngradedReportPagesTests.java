package org.spinecell.outcomes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;

/**
 * A problem a patient reports through the survey portal stays ungraded until a physician reviews
 * it. Every page, report and result that can show the event answers in full for each role that may
 * open it, and says in words that the report awaits a clinician's review; a physician reviews it
 * from the chart with the same rules as the API, the refusals beside their fields.
 */
class UngradedReportPagesTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The patient's side of the survey portal. */
	private Surveys surveys;

	private static final List<String> ANALYTICS_TABS = List.of("outcomes", "durability", "variability", "medication",
			"safety");

	private String eventId;

	@BeforeEach
	void aPatientReportsAProblem() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		surveys = new Surveys(treatment);
		String token = surveys.link(surveys.baselineFollowUp());
		treatment.consent("RESEARCH"); // researchers see only the episodes of patients who consented to research
		TestApi.Response reported = surveys.reportProblem(token, Map.of("description",
				"Burning pain and a fever since Sunday",
				"onset", LocalDate.now().minusDays(2).toString(), "careSought", "DOCTOR"));
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		eventId = reported.json().get("id").asString();
	}

	@Test
	void everyPageThatCanShowTheReportAnswersWholeForEveryRoleAndSaysItAwaitsReview() {
		Map<String, List<String>> pages = new HashMap<>();
		List<String> care = new ArrayList<>(List.of("/", "/patients/" + cells.patientId(), "/safety"));
		ANALYTICS_TABS.forEach(tab -> care.add("/analytics?tab=" + tab));
		pages.put("PHYSICIAN", care);
		pages.put("COORDINATOR", care);
		List<String> research = new ArrayList<>(List.of("/"));
		ANALYTICS_TABS.forEach(tab -> research.add("/analytics?tab=" + tab));
		pages.put("RESEARCHER", research);

		for (Map.Entry<String, List<String>> role : pages.entrySet()) {
			WebSession session = signedIn(role.getKey());
			for (String path : role.getValue()) {
				WebSession.Page page = session.get(path);
				String as = role.getKey() + " " + path;
				assertThat(page.status()).as(as).isEqualTo(200);
				assertThat(page.html().strip()).as(as + " is a whole page").endsWith("</html>");
				assertThat(page.html()).as(as).doesNotContain(">null<").doesNotContain("grade null");
			}
			assertThat(session.get("/analytics?tab=safety").html()).as(role.getKey())
				.contains("<td>ALL</td><td>grade</td><td>awaiting clinician review</td><td>1</td>")
				.contains("<td>ALL</td><td>serious</td><td>awaiting clinician review</td><td>1</td>")
				.contains("<td>ALL</td><td>related</td><td>awaiting clinician review</td><td>1</td>")
				.contains("Awaiting clinician review: a patient&#39;s report that no physician has reviewed yet");
			assertPdf(session.getBytes("/analytics/report.pdf"), role.getKey() + " clinic report");
		}
		for (String role : List.of("PHYSICIAN", "COORDINATOR")) {
			WebSession session = signedIn(role);
			assertThat(session.get("/patients/" + cells.patientId()).html()).as(role)
				.contains("Burning pain and a fever since Sunday")
				.contains("Not graded yet: awaiting clinician review")
				.contains("Not classified yet")
				.contains("Awaiting clinician review")
				.contains("(care the patient sought: Saw a doctor)");
			assertThat(session.get("/safety").html()).as(role)
				.contains("1 report awaiting clinician review")
				.contains("Burning pain and a fever since Sunday")
				.contains("Not graded yet: awaiting clinician review");
			assertThat(session.get("/").html()).as(role)
				.contains("<strong class=\"badge warn\">1</strong>")
				.contains("adverse event is awaiting clinician review.");
			assertPdf(session.getBytes("/patients/" + cells.patientId() + "/progress-report.pdf"), role
					+ " progress report");
		}
	}

	@Test
	void theJsonResultsNameTheUngradedStateInsteadOfFailing() {
		JsonNode event = ok(cells.physician().get("/api/v1/adverse-events/" + eventId));
		assertThat(event.get("grade").isNull()).isTrue();
		assertThat(event.get("reviewed").asBoolean()).isFalse();
		JsonNode safety = ok(cells.physician().get("/api/v1/analytics/safety"));
		for (String dimension : List.of("grade", "serious", "related")) {
			JsonNode row = safety.get("rows")
				.valueStream()
				.filter(r -> r.get("dimension").asString().equals(dimension))
				.findFirst()
				.orElseThrow();
			assertThat(row.get("value").asString()).as(dimension).isEqualTo("ungraded");
			assertThat(row.get("events").asLong()).isEqualTo(1);
		}
		assertThat(safety.get("definitions").get("ungraded").asString()).contains("no physician has reviewed");
		TestApi researcher = login(createUser("RESEARCHER", Set.of(cells.clinicId())), USER_PASSWORD);
		assertThat(ok(researcher.get("/api/v1/analytics/safety")).get("rows").valueStream()
			.map(r -> r.get("value").asString())).containsOnly("ungraded");
	}

	@Test
	void theResearchExportMarksTheReportAsAwaitingReviewRatherThanNotSerious() throws IOException {
		TestApi researcher = login(createUser("RESEARCHER", Set.of(cells.clinicId())), USER_PASSWORD);
		HttpResponse<byte[]> zip = researcher.getBytes("/api/v1/exports/research");
		assertThat(zip.statusCode()).isEqualTo(200);
		String events = entry(zip.body(), "adverse_events.csv");
		List<String> lines = events.lines().toList();
		assertThat(lines).hasSize(2);
		List<String> header = List.of(lines.get(0).split(","));
		List<String> row = List.of(lines.get(1).split(",", -1));
		Map<String, String> event = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			event.put(header.get(i), row.get(i));
		}
		assertThat(event).containsEntry("awaiting_review", "true")
			.containsEntry("grade", "")
			.containsEntry("serious", "")
			.containsEntry("outcome", "")
			.containsEntry("reporter", "PATIENT");
		assertThat(entry(zip.body(), "data_dictionary.csv")).contains("awaiting_review");
	}

	@Test
	void aPhysicianReviewsTheReportFromTheChartWithRefusalsBesideTheirFields() {
		WebSession browser = signedIn(cells.physicianUsername());
		String chart = browser.get("/patients/" + cells.patientId()).html();
		String review = "/patients/" + cells.patientId() + "/adverse-events/" + eventId + "/review";
		assertThat(chart).contains("href=\"" + review + "\"");
		assertThat(browser.get("/safety").html()).contains("href=\"" + review + "\"");

		WebSession.Page form = browser.get(review);
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).contains("<h1>Review an adverse event</h1>")
			.contains("Burning pain and a fever since Sunday")
			.contains("Not graded yet: awaiting clinician review")
			.contains("Saw a doctor")
			.contains("id=\"grade\"")
			.contains("id=\"expected\"");

		WebSession.Page refused = browser.post(review, Map.of("_csrf", form.csrf(), "version", "0", "note", "seen"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html()).contains("id=\"category-error\"")
			.contains("id=\"grade-error\"")
			.contains("id=\"outcome-error\"")
			.contains("id=\"expected-error\"")
			.contains("is required to review a patient&#39;s report")
			.contains(">seen</textarea>");
		Map<String, String> fatal = classification("5", "FATAL");
		fatal.put("_csrf", form.csrf());
		assertThat(browser.post(review, fatal).html()).contains("id=\"deathDate-error\"")
			.contains("id=\"serious-error\"");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM adverse_event WHERE id = CAST(:id AS uuid) AND grade IS NULL"
				+ " AND reviewed_at IS NULL").param("id", eventId).query(Long.class).single()).isEqualTo(1);

		Map<String, String> fields = classification("3", "RECOVERING");
		fields.put("_csrf", form.csrf());
		fields.put("serious", "HOSPITALISATION");
		fields.put("relatednessProcedure", "POSSIBLE");
		WebSession.Page done = browser.post(review, fields);
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.uri()).endsWith("/patients/" + cells.patientId() + "#adverse-events");
		assertThat(done.html()).contains("reviewed: 3 — severe or medically significant")
			.contains("a safety report task is open")
			.contains("<span class=\"badge ok\">Reviewed</span>")
			.doesNotContain("Awaiting clinician review");
		JsonNode reviewed = ok(cells.physician().get("/api/v1/adverse-events/" + eventId));
		assertThat(reviewed.get("grade").asInt()).isEqualTo(3);
		assertThat(reviewed.get("category").asString()).isEqualTo("Infection");
		assertThat(reviewed.get("expected").asBoolean()).isFalse();
		assertThat(reviewed.get("reviewNote").asString()).isEqualTo("Seen at the clinic");
		assertThat(ok(cells.physician().get("/api/v1/adverse-events/" + eventId + "/safety-tasks")).get("items").size())
			.isEqualTo(1);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE entity_type = 'AdverseEvent'"
				+ " AND entity_id = :id AND action = 'UPDATE'").param("id", eventId).query(Long.class).single())
			.isEqualTo(1);
		assertThat(browser.get("/safety").html()).contains("No report is awaiting clinician review.");
		assertThat(browser.get(review).uri()).endsWith("#adverse-events");
	}

	@Test
	void onlyAPhysicianMayReview() {
		String review = "/patients/" + cells.patientId() + "/adverse-events/" + eventId + "/review";
		WebSession coordinator = signedIn("COORDINATOR");
		assertThat(coordinator.get("/patients/" + cells.patientId()).html()).contains("Awaiting clinician review")
			.doesNotContain("href=\"" + review + "\"");
		assertThat(coordinator.get("/safety").html()).contains("A physician reviews it")
			.doesNotContain("href=\"" + review + "\"");
		assertThat(coordinator.get(review).status()).isEqualTo(403);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM adverse_event WHERE id = CAST(:id AS uuid) AND reviewed_at IS NULL")
			.param("id", eventId).query(Long.class).single()).isEqualTo(1);
	}

	/** A session of a new user with {@code roleOrUsername}'s role in the patient's clinic, or of that user. */
	private WebSession signedIn(String roleOrUsername) {
		String username = roleOrUsername.equals(roleOrUsername.toUpperCase())
				? createUser(roleOrUsername, Set.of(cells.clinicId())) : roleOrUsername;
		WebSession session = new WebSession(port);
		session.signIn(username, USER_PASSWORD);
		return session;
	}

	private static Map<String, String> classification(String grade, String outcome) {
		Map<String, String> fields = new HashMap<>();
		fields.put("version", "0");
		fields.put("category", "Infection");
		fields.put("grade", grade);
		fields.put("outcome", outcome);
		fields.put("expected", "false");
		fields.put("note", "Seen at the clinic");
		return fields;
	}

	private static String entry(byte[] zip, String name) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new AssertionError("no " + name + " in the export");
	}

	private static void assertPdf(HttpResponse<byte[]> response, String what) {
		assertThat(response.statusCode()).as(what).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/pdf");
		String text = new String(response.body(), StandardCharsets.ISO_8859_1);
		assertThat(text).as(what).startsWith("%PDF-");
		assertThat(text.strip()).as(what + " is whole").endsWith("%%EOF");
	}

}

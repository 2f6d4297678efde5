package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's outcome, medication, adverse-event and intervention sections and their forms, and the
 * safety page, over real HTTP with CSRF: what is accepted is stored, audited and shown; what is
 * refused shows beside its field and stores nothing; free text comes out escaped.
 */
class OutcomePagesTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	private WebSession browser;

	@BeforeEach
	void signedInPhysician() {
		cells = new CellLab(app);
		browser = new WebSession(port);
		browser.signIn(cells.physicianUsername(), USER_PASSWORD);
	}

	@Test
	void aMedicationAddedThroughTheFormIsStoredAuditedAndChartedAsMme() {
		WebSession.Page added = browser.post(chartPath() + "/medications/new", oxycodone("mg"));
		assertThat(added.status()).isEqualTo(200);
		assertThat(added.uri()).endsWith("/patients/" + cells.patientId() + "#medications");
		assertThat(added.html()).contains("Medication oxycodone recorded (45.00 MME/day).")
			.contains("Total today: <strong>45 MME/day</strong>")
			.contains("<figure class=\"chart\" id=\"mme-chart\">")
			.contains("<path class=\"chart-line\" d=\"M")
			.contains("<td>Total MME/day</td><td>" + LocalDate.now().minusDays(10) + "</td><td>45</td>")
			.contains("CDC Clinical Practice Guideline")
			.doesNotContain("style=");
		assertThat(count("medication_statement")).isEqualTo(1);
		assertThat(audited("MedicationStatement", "CREATE")).isEqualTo(1);
	}

	@Test
	void anUnknownUnitIsShownBesideTheUnitFieldAndNothingIsStored() {
		WebSession.Page refused = browser.post(chartPath() + "/medications/new", oxycodone("drams"));
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html()).contains("<h1>Add a medication</h1>")
			.containsPattern("<p class=\"field-error\" id=\"unit-error\">unknown unit; use one of [^<]*mg")
			.contains("value=\"drams\"");
		assertThat(count("medication_statement")).isZero();

		Map<String, String> blank = oxycodone("mg");
		blank.put("drug", " ");
		assertThat(browser.post(chartPath() + "/medications/new", blank).html()).contains("id=\"drug-error\"");
		assertThat(count("medication_statement")).isZero();
	}

	@Test
	void aMedicationIsStoppedFromTheChartAndAStopBeforeItsStartIsRefusedBesideTheDate() {
		String chart = browser.post(chartPath() + "/medications/new", oxycodone("mg")).html();
		String medicationId = chart.replaceAll("(?s).*/medications/([0-9a-f-]{36})/stop.*", "$1");
		Map<String, String> early = Map.of("stop", LocalDate.now().minusYears(1).toString(), "version", "0", "_csrf",
				csrf());
		WebSession.Page refused = browser.post(chartPath() + "/medications/" + medicationId + "/stop", early);
		assertThat(refused.html()).contains("<h1>Stop a medication</h1>")
			.containsPattern("id=\"stop-error\">must not be before start");
		assertThat(stoppedOn(medicationId)).isEqualTo("none");

		WebSession.Page stopped = browser.post(chartPath() + "/medications/" + medicationId + "/stop",
				Map.of("stop", LocalDate.now().minusDays(1).toString(), "version", "0", "_csrf", csrf()));
		assertThat(stopped.html()).contains("Medication oxycodone stopped on " + LocalDate.now().minusDays(1))
			.contains("Total today: <strong>0 MME/day</strong>");
		assertThat(stoppedOn(medicationId)).isEqualTo(LocalDate.now().minusDays(1).toString());
		assertThat(audited("MedicationStatement", "UPDATE")).isEqualTo(1);
	}

	@Test
	void aFatalEventWithoutADeathDateIsRefusedBesideThatFieldAndNothingIsStored() {
		Map<String, String> fatal = event("Died in hospital", "CLINICIAN");
		fatal.put("grade", "5");
		fatal.put("serious", "DEATH");
		fatal.put("outcome", "FATAL");
		WebSession.Page refused = browser.post(chartPath() + "/adverse-events/new", fatal);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html()).contains("<h1>Report an adverse event</h1>")
			.contains("id=\"deathDate-error\">is required for a grade 5 (fatal) event</p>")
			.contains("Died in hospital</textarea>");
		assertThat(count("adverse_event")).isZero();
		assertThat(count("safety_task")).isZero();
	}

	@Test
	void aSeriousEventIsListedEscapedOpensASafetyTaskAndTheTaskIsMarkedDoneWithANote() {
		Map<String, String> serious = event("<script>alert('x')</script> fever", "CLINICIAN");
		serious.put("serious", "HOSPITALISATION");
		WebSession.Page chart = browser.post(chartPath() + "/adverse-events/new", serious);
		assertThat(chart.html()).contains("a safety report task is open")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; fever")
			.doesNotContain("<script>alert")
			.contains("<span class=\"badge bad\">Hospitalisation</span>")
			.contains("3 — severe or medically significant")
			.contains("<span class=\"badge ok\">Reviewed</span>");
		assertThat(count("adverse_event")).isEqualTo(1);
		assertThat(audited("AdverseEvent", "CREATE")).isEqualTo(1);

		String dashboard = browser.get("/").html();
		assertThat(dashboard).contains("id=\"safety-card\"")
			.contains("<strong>1</strong>")
			.contains("the nearest is due <strong class=\"nowrap\">" + LocalDate.now().plusDays(15) + "</strong>");

		WebSession.Page safety = browser.get("/safety");
		assertThat(safety.html()).contains("<h1>Safety reports</h1>")
			.contains("15 days left")
			.contains("Quinn, Iris")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; fever")
			.doesNotContain("<script>alert");
		String taskId = safety.html().replaceAll("(?s).*/safety/([0-9a-f-]{36})/complete.*", "$1");

		WebSession.Page blank = browser.post("/safety/" + taskId + "/complete",
				Map.of("note", " ", "version", "0", "_csrf", safety.csrf()));
		assertThat(blank.html()).contains("id=\"note-" + taskId + "-error\"").contains("aria-invalid=\"true\"");
		assertThat(taskStatus(taskId)).isEqualTo("OPEN");

		WebSession.Page done = browser.post("/safety/" + taskId + "/complete",
				Map.of("note", "MedWatch 3500A sent to the FDA", "version", "0", "_csrf", safety.csrf()));
		assertThat(done.html()).contains("marked done").contains("No safety report is owed.");
		assertThat(taskStatus(taskId)).isEqualTo("COMPLETED");
		assertThat(audited("SafetyTask", "UPDATE")).isEqualTo(1);
		assertThat(browser.get("/").html()).contains("No safety report is owed.");
	}

	@Test
	void aPatientsReportAwaitsReviewUntilAPhysicianReviewsIt() {
		WebSession.Page refused = browser.post(chartPath() + "/adverse-events/new", event("Sore back for a week", "PATIENT"));
		assertThat(refused.html()).contains("<h1>");
		assertThat(count("adverse_event")).isZero();
		WebSession.Page chart = browser.post(chartPath() + "/adverse-events/new", event("Sore back for a week", "CLINICIAN"));
		// A graded patient's report awaiting review, as recorded before staff were refused the reporter PATIENT.
		ownerJdbc().sql("UPDATE adverse_event SET reporter = 'PATIENT', reviewed_at = NULL, reviewed_by = NULL"
				+ " WHERE patient_id = :p").param("p", cells.patientId()).update();
		chart = browser.get(chartPath());
		assertThat(chart.html()).contains("Awaiting clinician review");
		String eventId = chart.html().replaceAll("(?s).*/adverse-events/([0-9a-f-]{36})/review.*", "$1");

		WebSession.Page reviewed = browser.post(chartPath() + "/adverse-events/" + eventId + "/review",
				Map.of("note", "Expected after injection", "version", "0", "_csrf", csrf()));
		assertThat(reviewed.html()).contains("reviewed.").doesNotContain("Awaiting clinician review");
		assertThat(ownerJdbc().sql("SELECT review_note FROM adverse_event WHERE id = CAST(:id AS uuid)")
			.param("id", eventId)
			.query(String.class)
			.single()).isEqualTo("Expected after injection");
		assertThat(audited("AdverseEvent", "UPDATE")).isEqualTo(1);
	}

	@Test
	void anInterventionIsRecordedAndAnUnknownLevelIsRefusedBesideTheLevel() {
		Map<String, String> fields = new HashMap<>(Map.of("type", "SURGERY", "date",
				LocalDate.now().minusDays(3).toString(), "level", "L9-Q1", "reason", "Leg pain <b>persisted</b>",
				"_csrf", csrf()));
		WebSession.Page refused = browser.post(chartPath() + "/interventions/new", fields);
		assertThat(refused.html()).contains("<h1>Record surgery or a repeat injection</h1>")
			.contains("id=\"level-error\"");
		assertThat(count("intervention")).isZero();

		fields.put("level", "L4-L5");
		WebSession.Page chart = browser.post(chartPath() + "/interventions/new", fields);
		assertThat(chart.html()).contains("Surgery at L4-L5 recorded.")
			.contains("Leg pain &lt;b&gt;persisted&lt;/b&gt;");
		assertThat(count("intervention")).isEqualTo(1);
		assertThat(audited("Intervention", "CREATE")).isEqualTo(1);
	}

	@Test
	void theOutcomesSectionDrawsEachMeasureWithItsMcidLineFromBaseline() {
		record("nrs-back", 8);
		record("nrs-back", 3);
		record("nrs-leg", 6);
		String html = browser.get(chartPath()).html();
		assertThat(html).contains("id=\"outcomes-heading\"")
			.contains("<figure class=\"chart\" id=\"pain-chart\">")
			.containsPattern("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\"[^>]*role=\"img\"")
			.containsPattern("<polyline class=\"chart-line\" points=\"[0-9.]+,88\\.0 [0-9.]+,208\\.0\"/>")
			// baseline 8 − 2 = 6 at y = 280 − 6/10 × 240; 8 × 0.7 = 5.6 at 145.6
			.contains("y1=\"136.0\" y2=\"136.0\"")
			.contains(">Back pain MCID: baseline 8 − 2</text>")
			.contains(">Back pain MCID: baseline 8 − 30 %</text>")
			.contains("y1=\"145.6\" y2=\"145.6\"")
			.contains(">Leg pain</text>")
			.doesNotContain("id=\"odi-chart\"")
			.doesNotContain("style=");
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefusedAndStoresNothing() {
		Map<String, String> forged = oxycodone("mg");
		forged.remove("_csrf");
		assertThat(browser.post(chartPath() + "/medications/new", forged).status()).isEqualTo(403);
		Map<String, String> event = event("Forged report", "CLINICIAN");
		event.remove("_csrf");
		assertThat(browser.post(chartPath() + "/adverse-events/new", event).status()).isEqualTo(403);
		assertThat(count("medication_statement")).isZero();
		assertThat(count("adverse_event")).isZero();
	}

	@Test
	void labStaffSeeTheChartWithoutTheseSections() {
		WebSession labBrowser = new WebSession(port);
		labBrowser.signIn(cells.labUsername(), USER_PASSWORD);
		WebSession.Page chart = labBrowser.get(chartPath());
		assertThat(chart.status()).isEqualTo(200);
		assertThat(chart.html()).doesNotContain("id=\"medications-heading\"")
			.doesNotContain("id=\"adverse-events-heading\"")
			.doesNotContain("id=\"outcomes-heading\"")
			.doesNotContain("id=\"interventions-heading\"");
		assertThat(labBrowser.get("/safety").status()).isEqualTo(403);
		assertThat(labBrowser.get("/").html()).doesNotContain("safety-card");
	}

	private String chartPath() {
		return "/patients/" + cells.patientId();
	}

	private String csrf() {
		return browser.get(chartPath()).csrf();
	}

	private Map<String, String> oxycodone(String unit) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("drug", "oxycodone");
		fields.put("dose", "10");
		fields.put("unit", unit);
		fields.put("route", "ORAL");
		fields.put("frequencyPerDay", "3");
		fields.put("start", LocalDate.now().minusDays(10).toString());
		fields.put("source", "STAFF");
		fields.put("_csrf", browser.get(chartPath() + "/medications/new").csrf());
		return fields;
	}

	private Map<String, String> event(String description, String reporter) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("onset", LocalDate.now().minusDays(2).toString());
		fields.put("description", description);
		fields.put("category", "Infection");
		fields.put("grade", "3");
		fields.put("relatednessProcedure", "POSSIBLE");
		fields.put("outcome", "RECOVERING");
		fields.put("reporter", reporter);
		fields.put("_csrf", browser.get(chartPath() + "/adverse-events/new").csrf());
		return fields;
	}

	private void record(String instrument, int nrs) {
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/responses",
				Map.of("instrument", instrument, "answers", Map.of("nrs", nrs))));
	}

	private long count(String table) {
		assertThat(table).isIn("medication_statement", "adverse_event", "safety_task", "intervention");
		return ownerJdbc().sql("SELECT count(*) FROM " + table + " WHERE patient_id = :p")
			.param("p", cells.patientId())
			.query(Long.class)
			.single();
	}

	private long audited(String entity, String action) {
		return ownerJdbc()
			.sql("SELECT count(*) FROM audit_event WHERE entity_type = :entity AND action = :action AND clinic_id = :clinic")
			.param("entity", entity)
			.param("action", action)
			.param("clinic", cells.clinicId())
			.query(Long.class)
			.single();
	}

	private String stoppedOn(String medicationId) {
		return ownerJdbc()
			.sql("SELECT coalesce(stop_date::text, 'none') FROM medication_statement WHERE id = CAST(:id AS uuid)")
			.param("id", medicationId)
			.query(String.class)
			.single();
	}

	private String taskStatus(String taskId) {
		return ownerJdbc().sql("SELECT status FROM safety_task WHERE id = CAST(:id AS uuid)")
			.param("id", taskId)
			.query(String.class)
			.single();
	}

}

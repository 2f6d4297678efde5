package org.spinecell.procedures;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.procedures.ProcedureSteps.procedureIdIn;

/**
 * Documenting an injection through the pages over real HTTP: the form, the undiagnosed-level
 * warning, the administration checks, the time-out with its DIN check, the note, corrections and
 * care plans.
 */
class ProcedurePagesTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient diagnosed at L4-L5, and the steps to an injection. */
	private ProcedureSteps steps;

	@BeforeEach
	void patientWithALumbarDiagnosis() {
		cells = new CellLab(app);
		steps = new ProcedureSteps(cells);
	}

	@Test
	void theChartListsAProcedureAndItsDoseOnceCompleted() {
		steps.readyToTreat();
		UUID product = cells.aReleasedProduct();
		UUID procedure = steps.draft(product, "2.0");
		WebSession web = steps.signedIn(cells.physicianUsername());

		String draft = web.get("/patients/" + cells.patientId()).html();
		assertThat(draft).contains("id=\"procedures\"").contains("Document a procedure")
			.contains("href=\"/procedures/" + procedure + "\"")
			.contains("Intradiscal")
			.contains("Fluoroscopy")
			.contains("Draft")
			.contains("After completion");

		steps.completeThroughApi(procedure, product);
		String chart = web.get("/patients/" + cells.patientId()).html();
		assertThat(chart).contains("Completed").contains("Test PHYSICIAN").contains("L4-L5");
		// 2.0 mL × 120 × 10⁶ TNC/mL × 92.5 % viable.
		assertThat(chart).contains("222 × 10⁶");
	}

	@Test
	void theFormPreTicksTheDiagnosedLevelsAndCreatesADraft() {
		UUID product = cells.aReleasedProduct();
		WebSession web = steps.signedIn(cells.physicianUsername());
		WebSession.Page form = web.get("/patients/" + cells.patientId() + "/procedures/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).containsPattern("<input[^>]*id=\"level-L4-L5\"[^>]*checked")
			.doesNotContainPattern("<input[^>]*id=\"level-L3-L4\"[^>]*checked")
			.containsPattern("<option[^>]*value=\"" + steps.physicianId() + "\"[^>]*selected[^>]*>Test PHYSICIAN<")
			.contains(steps.printedDin(product))
			.doesNotContain("Test LAB");

		WebSession.Page page = web.post("/patients/" + cells.patientId() + "/procedures/new",
				steps.procedureForm(form.csrf(), product, "L4-L5"));
		assertThat(page.uri()).matches(".*/procedures/[0-9a-f-]{36}$");
		assertThat(page.html()).contains("Procedure recorded as a draft").contains("Administration checks")
			.contains("09:30–10:05 UTC")
			.contains("Lidocaine 1 % local");
		assertThat(steps.status(UUID.fromString(procedureIdIn(page.uri())))).isEqualTo("DRAFT");
		assertThat(steps.proceduresOfPatient()).isEqualTo(1);
	}

	@Test
	void anUndiagnosedLevelIsStoredOnlyOnceConfirmed() {
		UUID product = cells.aReleasedProduct();
		WebSession web = steps.signedIn(cells.physicianUsername());
		Map<String, String> fields = steps.procedureForm(web.get("/patients/" + cells.patientId()
				+ "/procedures/new").csrf(), product, "L3-L4");
		WebSession.Page warned = web.post("/patients/" + cells.patientId() + "/procedures/new", fields);
		assertThat(warned.html()).contains("id=\"levels-error\"").contains("diagnosed levels: L3-L4")
			.contains("I confirm these levels")
			.containsPattern("<input[^>]*id=\"level-L3-L4\"[^>]*checked");
		assertThat(steps.proceduresOfPatient()).isZero();

		WebSession.Page again = web.post("/patients/" + cells.patientId() + "/procedures/new", fields);
		assertThat(again.html()).contains("id=\"levels-error\"");
		assertThat(steps.proceduresOfPatient()).isZero();

		fields.put("levelsConfirmed", "true");
		WebSession.Page confirmed = web.post("/patients/" + cells.patientId() + "/procedures/new", fields);
		assertThat(confirmed.uri()).matches(".*/procedures/[0-9a-f-]{36}$");
		assertThat(confirmed.html()).contains("Undiagnosed level confirmed");
		assertThat(steps.proceduresOfPatient()).isEqualTo(1);
	}

	@Test
	void formErrorsAreShownBesideTheirFieldsAndRowsAndNothingIsStored() {
		UUID product = cells.aReleasedProduct();
		WebSession web = steps.signedIn(cells.physicianUsername());
		Map<String, String> fields = steps.procedureForm(web.get("/patients/" + cells.patientId()
				+ "/procedures/new").csrf(), product, "L4-L5");
		fields.put("target", "");
		fields.put("startTime", "half past nine");
		fields.put("units[1].level", "L4-L5");
		fields.put("units[1].volumeMl", "250");
		WebSession.Page page = web.post("/patients/" + cells.patientId() + "/procedures/new", fields);
		assertThat(page.html()).contains("id=\"target-error\"").contains("id=\"startTime-error\"")
			.contains("must be a time such as 09:30")
			.contains("id=\"unit-1-product-error\"")
			.contains("id=\"unit-1-volume-error\"");
		assertThat(steps.proceduresOfPatient()).isZero();
	}

	@Test
	void theChecksPanelNamesWhatFailsWithoutShowingTheExpectedDin() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		UUID procedure = steps.draft(product, "2.0");
		String page = steps.signedIn(cells.physicianUsername()).get("/procedures/" + procedure).html();
		assertThat(page).contains("Administration checks")
			.contains("is QUARANTINE, not released")
			.contains("no current treatment consent")
			.contains("not been screened")
			.doesNotContain("All checks pass")
			.doesNotContain(steps.printedDin(product));
	}

	@Test
	void aMistypedDinIsShownBesideItsFieldAndTheProcedureStaysDraft() {
		steps.readyToTreat();
		UUID product = cells.aReleasedProduct();
		UUID procedure = steps.draft(product, "2.0");
		WebSession web = steps.signedIn(cells.physicianUsername());
		WebSession.Page page = web.get("/procedures/" + procedure);
		assertThat(page.html()).contains("All checks pass").contains("id=\"din-0\"");

		String din = steps.din(product);
		char check = din.charAt(din.length() - 1);
		String mistyped = din.substring(0, din.length() - 1) + (check == '0' ? '1' : '0');
		WebSession.Page refused = web.post("/procedures/" + procedure + "/complete",
				timeOut(page.csrf(), mistyped, "DISCARDED"));
		assertThat(refused.html()).contains("The procedure was not completed")
			.contains("id=\"din-0-error\"")
			.contains("mistyped or misread")
			.doesNotContain(steps.printedDin(product));
		assertThat(steps.status(procedure)).isEqualTo("DRAFT");
	}

	@Test
	void theRightDinAndARemainderChoiceCompleteItAndShowTheDose() {
		steps.readyToTreat();
		UUID product = cells.aReleasedProduct();
		UUID procedure = steps.draft(product, "2.0");
		WebSession web = steps.signedIn(cells.physicianUsername());
		WebSession.Page page = web.get("/procedures/" + procedure);
		assertThat(page.html()).contains("Bone marrow aspirate concentrate, autologous (unit 1): 6 mL left");

		Map<String, String> noRemainder = timeOut(page.csrf(), steps.printedDin(product).toLowerCase(), "");
		WebSession.Page refused = web.post("/procedures/" + procedure + "/complete", noRemainder);
		assertThat(refused.html()).contains("id=\"remainders-error\"").contains("discarded or returned to storage");
		assertThat(steps.status(procedure)).isEqualTo("DRAFT");

		// Typed as printed on the label, in lower case: the DIN is read all the same.
		WebSession.Page done = web.post("/procedures/" + procedure + "/complete",
				timeOut(page.csrf(), steps.printedDin(product).toLowerCase(), "DISCARDED"));
		assertThat(done.uri()).endsWith("/procedures/" + procedure);
		assertThat(done.html()).contains("Procedure completed").contains("Completed")
			.contains(steps.printedDin(product))
			.contains("222 × 10⁶")
			.doesNotContain("id=\"time-out\"");
		assertThat(steps.status(procedure)).isEqualTo("COMPLETED");
		assertThat(ok(cells.lab().get("/api/v1/cell-products/" + product + "/events")).get("items").toString())
			.contains("REMAINDER_DISCARDED");
	}

	@Test
	void theNoteShowsTheDinTheDoseTheOperatorAndTheTimeOut() {
		steps.readyToTreat();
		UUID product = cells.aReleasedProduct();
		UUID procedure = steps.draft(product, "2.0");
		steps.completeThroughApi(procedure, product);
		String note = steps.signedIn(cells.physicianUsername()).get("/procedures/" + procedure + "/note").html();
		assertThat(note).contains("Procedure note").contains("Quinn, Iris").contains("1968-04-02")
			.contains("M51.360")
			.contains(steps.printedDin(product))
			.contains("222 × 10⁶")
			.contains("Test PHYSICIAN")
			.contains("Patient identity <strong>confirmed</strong>")
			.contains("data-print")
			.doesNotContain("Draft — not completed");
	}

	@Test
	void aPhysicianCorrectsTheNarrativeOnlyWithAReason() {
		steps.readyToTreat();
		UUID product = cells.aReleasedProduct();
		UUID procedure = steps.draft(product, "2.0");
		steps.completeThroughApi(procedure, product);
		WebSession web = steps.signedIn(cells.physicianUsername());
		WebSession.Page page = web.get("/procedures/" + procedure);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", page.csrf());
		fields.put("version", "1");
		fields.put("immediateComplications", "Transient leg paraesthesia, resolved");
		fields.put("dischargeTime", "11:45");
		fields.put("reason", "");
		WebSession.Page refused = web.post("/procedures/" + procedure + "/corrections", fields);
		assertThat(refused.html()).contains("id=\"reason-error\"");

		fields.put("reason", "Nurse's note added after discharge");
		WebSession.Page saved = web.post("/procedures/" + procedure + "/corrections", fields);
		assertThat(saved.html()).contains("Correction saved").contains("Transient leg paraesthesia, resolved")
			.contains(LocalDate.now() + " 11:45 UTC");

		WebSession.Page stale = web.post("/procedures/" + procedure + "/corrections", fields);
		assertThat(stale.html()).contains("changed by someone else");
	}

	@Test
	void aCarePlanOfFourSessionsWithTwoAttendedIsHalfAttended() {
		WebSession web = steps.signedIn(cells.physicianUsername());
		WebSession.Page form = web.get("/patients/" + cells.patientId() + "/care-plans/new");
		Map<String, String> plan = new LinkedHashMap<>();
		plan.put("_csrf", form.csrf());
		plan.put("kind", "PHYSICAL_THERAPY");
		plan.put("description", "");
		plan.put("plannedSessions", "4");
		plan.put("sessionsPerWeek", "2");
		plan.put("startDate", LocalDate.now().minusDays(10).toString());
		assertThat(web.post("/patients/" + cells.patientId() + "/care-plans/new", plan).html())
			.contains("id=\"description-error\"");
		plan.put("description", "Core stabilisation after the injection");
		plan.put("goals", "Walk 30 minutes without pain");
		WebSession.Page chart = web.post("/patients/" + cells.patientId() + "/care-plans/new", plan);
		assertThat(chart.html()).contains("Physical therapy plan added.").contains("Core stabilisation after the injection");

		String planId = ok(cells.physician().get("/api/v1/patients/" + cells.patientId()
				+ "/care-plans")).get("items").get(0).get("id")
			.asString();
		WebSession.Page sessionForm = web.get("/care-plans/" + planId + "/sessions/new");
		Map<String, String> tooEarly = session(sessionForm.csrf(), LocalDate.now().minusDays(30), "FULL");
		assertThat(web.post("/care-plans/" + planId + "/sessions/new", tooEarly).html()).contains("id=\"date-error\"")
			.contains("must lie between");
		web.post("/care-plans/" + planId + "/sessions/new", session(sessionForm.csrf(), LocalDate.now().minusDays(8),
				"FULL"));
		WebSession.Page after = web.post("/care-plans/" + planId + "/sessions/new",
				session(sessionForm.csrf(), LocalDate.now().minusDays(3), "PARTIAL"));
		assertThat(after.html()).contains("Session of " + LocalDate.now().minusDays(3) + " recorded.")
			.contains("50 %")
			.contains("2 attended of 4 planned")
			.contains("Walk 30 minutes without pain");
	}

	@Test
	void aCoordinatorSeesTheChecksButNoTimeOutAndCannotComplete() {
		steps.readyToTreat();
		UUID product = cells.aReleasedProduct();
		UUID procedure = steps.draft(product, "2.0");
		WebSession coordinator = steps.signedIn(createUser("COORDINATOR", Set.of(cells.clinicId())));
		WebSession.Page page = coordinator.get("/procedures/" + procedure);
		assertThat(page.html()).contains("Administration checks").contains("All checks pass")
			.doesNotContain("id=\"time-out\"")
			.doesNotContain("Complete procedure")
			.contains("The operating physician does the time-out");
		WebSession.Page refused = coordinator.post("/procedures/" + procedure + "/complete",
				timeOut(page.csrf(), steps.din(product), "DISCARDED"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(steps.status(procedure)).isEqualTo("DRAFT");
	}

	@Test
	void hostileTextInComplicationsIsRenderedEscaped() {
		UUID product = cells.aReleasedProduct();
		WebSession web = steps.signedIn(cells.physicianUsername());
		Map<String, String> fields = steps.procedureForm(web.get("/patients/" + cells.patientId()
				+ "/procedures/new").csrf(), product, "L4-L5");
		fields.put("immediateComplications", "<script>alert('x')</script> vasovagal");
		WebSession.Page page = web.post("/patients/" + cells.patientId() + "/procedures/new", fields);
		assertThat(page.uri()).matches(".*/procedures/[0-9a-f-]{36}$");
		assertThat(page.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; vasovagal")
			.doesNotContain("<script>alert");
		assertThat(web.get("/procedures/" + procedureIdIn(page.uri()) + "/note").html())
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; vasovagal")
			.doesNotContain("<script>alert");
	}

	private static Map<String, String> timeOut(String csrf, String din, String remainder) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("patientIdentityConfirmed", "true");
		fields.put("dins[0]", din);
		fields.put("levelsConfirmed", "true");
		fields.put("remainders[0].action", remainder);
		fields.put("remainders[0].location", "");
		return fields;
	}

	private static Map<String, String> session(String csrf, LocalDate date, String adherence) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("date", date.toString());
		fields.put("attended", "true");
		fields.put("adherence", adherence);
		fields.put("note", "");
		return fields;
	}

}

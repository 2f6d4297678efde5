package org.spinecell.procedures;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documenting an injection through the pages over real HTTP: the form, the undiagnosed-level
 * warning, the administration checks, the time-out with its DIN check, the note, corrections and
 * care plans.
 */
class ProcedurePagesTests extends ProcedureWebTest {

	@Test
	void theChartListsAProcedureAndItsDoseOnceCompleted() {
		readyToTreat();
		UUID product = releasedBmac();
		UUID procedure = draft(product, "2.0");
		WebSession web = signedIn(physicianUsername);

		String draft = web.get("/patients/" + patientId).html();
		assertThat(draft).contains("id=\"procedures\"").contains("Document a procedure")
			.contains("href=\"/procedures/" + procedure + "\"")
			.contains("Intradiscal")
			.contains("Fluoroscopy")
			.contains("Draft")
			.contains("After completion");

		completeThroughApi(procedure, product);
		String chart = web.get("/patients/" + patientId).html();
		assertThat(chart).contains("Completed").contains("Test PHYSICIAN").contains("L4-L5");
		// 2.0 mL × 120 × 10⁶ TNC/mL × 92.5 % viable.
		assertThat(chart).contains("222 × 10⁶");
	}

	@Test
	void theFormPreTicksTheDiagnosedLevelsAndCreatesADraft() {
		UUID product = releasedBmac();
		WebSession web = signedIn(physicianUsername);
		WebSession.Page form = web.get("/patients/" + patientId + "/procedures/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).containsPattern("<input[^>]*id=\"level-L4-L5\"[^>]*checked")
			.doesNotContainPattern("<input[^>]*id=\"level-L3-L4\"[^>]*checked")
			.containsPattern("<option[^>]*value=\"" + physicianId + "\"[^>]*selected[^>]*>Test PHYSICIAN<")
			.contains(printedDin(product))
			.doesNotContain("Test LAB");

		WebSession.Page page = web.post("/patients/" + patientId + "/procedures/new",
				procedureForm(form.csrf(), product, "L4-L5"));
		assertThat(page.uri()).matches(".*/procedures/[0-9a-f-]{36}$");
		assertThat(page.html()).contains("Procedure recorded as a draft").contains("Administration checks")
			.contains("09:30–10:05 UTC")
			.contains("Lidocaine 1 % local");
		assertThat(status(UUID.fromString(procedureIdIn(page.uri())))).isEqualTo("DRAFT");
		assertThat(proceduresOfPatient()).isEqualTo(1);
	}

	@Test
	void anUndiagnosedLevelIsStoredOnlyOnceConfirmed() {
		UUID product = releasedBmac();
		WebSession web = signedIn(physicianUsername);
		Map<String, String> fields = procedureForm(web.get("/patients/" + patientId + "/procedures/new").csrf(),
				product, "L3-L4");
		WebSession.Page warned = web.post("/patients/" + patientId + "/procedures/new", fields);
		assertThat(warned.html()).contains("id=\"levels-error\"").contains("diagnosed levels: L3-L4")
			.contains("I confirm these levels")
			.containsPattern("<input[^>]*id=\"level-L3-L4\"[^>]*checked");
		assertThat(proceduresOfPatient()).isZero();

		WebSession.Page again = web.post("/patients/" + patientId + "/procedures/new", fields);
		assertThat(again.html()).contains("id=\"levels-error\"");
		assertThat(proceduresOfPatient()).isZero();

		fields.put("levelsConfirmed", "true");
		WebSession.Page confirmed = web.post("/patients/" + patientId + "/procedures/new", fields);
		assertThat(confirmed.uri()).matches(".*/procedures/[0-9a-f-]{36}$");
		assertThat(confirmed.html()).contains("Undiagnosed level confirmed");
		assertThat(proceduresOfPatient()).isEqualTo(1);
	}

	@Test
	void formErrorsAreShownBesideTheirFieldsAndRowsAndNothingIsStored() {
		UUID product = releasedBmac();
		WebSession web = signedIn(physicianUsername);
		Map<String, String> fields = procedureForm(web.get("/patients/" + patientId + "/procedures/new").csrf(),
				product, "L4-L5");
		fields.put("target", "");
		fields.put("startTime", "half past nine");
		fields.put("units[1].level", "L4-L5");
		fields.put("units[1].volumeMl", "250");
		WebSession.Page page = web.post("/patients/" + patientId + "/procedures/new", fields);
		assertThat(page.html()).contains("id=\"target-error\"").contains("id=\"startTime-error\"")
			.contains("must be a time such as 09:30")
			.contains("id=\"unit-1-product-error\"")
			.contains("id=\"unit-1-volume-error\"");
		assertThat(proceduresOfPatient()).isZero();
	}

	@Test
	void theChecksPanelNamesWhatFailsWithoutShowingTheExpectedDin() {
		UUID product = createBmac();
		processToQuarantine(product);
		UUID procedure = draft(product, "2.0");
		String page = signedIn(physicianUsername).get("/procedures/" + procedure).html();
		assertThat(page).contains("Administration checks")
			.contains("is QUARANTINE, not released")
			.contains("no current treatment consent")
			.contains("not been screened")
			.doesNotContain("All checks pass")
			.doesNotContain(printedDin(product));
	}

	@Test
	void aMistypedDinIsShownBesideItsFieldAndTheProcedureStaysDraft() {
		readyToTreat();
		UUID product = releasedBmac();
		UUID procedure = draft(product, "2.0");
		WebSession web = signedIn(physicianUsername);
		WebSession.Page page = web.get("/procedures/" + procedure);
		assertThat(page.html()).contains("All checks pass").contains("id=\"din-0\"");

		String din = din(product);
		char check = din.charAt(din.length() - 1);
		String mistyped = din.substring(0, din.length() - 1) + (check == '0' ? '1' : '0');
		WebSession.Page refused = web.post("/procedures/" + procedure + "/complete",
				timeOut(page.csrf(), mistyped, "DISCARDED"));
		assertThat(refused.html()).contains("The procedure was not completed")
			.contains("id=\"din-0-error\"")
			.contains("mistyped or misread")
			.doesNotContain(printedDin(product));
		assertThat(status(procedure)).isEqualTo("DRAFT");
	}

	@Test
	void theRightDinAndARemainderChoiceCompleteItAndShowTheDose() {
		readyToTreat();
		UUID product = releasedBmac();
		UUID procedure = draft(product, "2.0");
		WebSession web = signedIn(physicianUsername);
		WebSession.Page page = web.get("/procedures/" + procedure);
		assertThat(page.html()).contains("Bone marrow aspirate concentrate, autologous (unit 1): 6 mL left");

		Map<String, String> noRemainder = timeOut(page.csrf(), printedDin(product).toLowerCase(), "");
		WebSession.Page refused = web.post("/procedures/" + procedure + "/complete", noRemainder);
		assertThat(refused.html()).contains("id=\"remainders-error\"").contains("discarded or returned to storage");
		assertThat(status(procedure)).isEqualTo("DRAFT");

		// Typed as printed on the label, in lower case: the DIN is read all the same.
		WebSession.Page done = web.post("/procedures/" + procedure + "/complete",
				timeOut(page.csrf(), printedDin(product).toLowerCase(), "DISCARDED"));
		assertThat(done.uri()).endsWith("/procedures/" + procedure);
		assertThat(done.html()).contains("Procedure completed").contains("Completed")
			.contains(printedDin(product))
			.contains("222 × 10⁶")
			.doesNotContain("id=\"time-out\"");
		assertThat(status(procedure)).isEqualTo("COMPLETED");
		assertThat(ok(lab.get("/api/v1/cell-products/" + product + "/events")).get("items").toString())
			.contains("REMAINDER_DISCARDED");
	}

	@Test
	void theNoteShowsTheDinTheDoseTheOperatorAndTheTimeOut() {
		readyToTreat();
		UUID product = releasedBmac();
		UUID procedure = draft(product, "2.0");
		completeThroughApi(procedure, product);
		String note = signedIn(physicianUsername).get("/procedures/" + procedure + "/note").html();
		assertThat(note).contains("Procedure note").contains("Quinn, Iris").contains("1968-04-02")
			.contains("M51.360")
			.contains(printedDin(product))
			.contains("222 × 10⁶")
			.contains("Test PHYSICIAN")
			.contains("Patient identity <strong>confirmed</strong>")
			.contains("data-print")
			.doesNotContain("Draft — not completed");
	}

	@Test
	void aPhysicianCorrectsTheNarrativeOnlyWithAReason() {
		readyToTreat();
		UUID product = releasedBmac();
		UUID procedure = draft(product, "2.0");
		completeThroughApi(procedure, product);
		WebSession web = signedIn(physicianUsername);
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
		WebSession web = signedIn(physicianUsername);
		WebSession.Page form = web.get("/patients/" + patientId + "/care-plans/new");
		Map<String, String> plan = new LinkedHashMap<>();
		plan.put("_csrf", form.csrf());
		plan.put("kind", "PHYSICAL_THERAPY");
		plan.put("description", "");
		plan.put("plannedSessions", "4");
		plan.put("sessionsPerWeek", "2");
		plan.put("startDate", LocalDate.now().minusDays(10).toString());
		assertThat(web.post("/patients/" + patientId + "/care-plans/new", plan).html())
			.contains("id=\"description-error\"");
		plan.put("description", "Core stabilisation after the injection");
		plan.put("goals", "Walk 30 minutes without pain");
		WebSession.Page chart = web.post("/patients/" + patientId + "/care-plans/new", plan);
		assertThat(chart.html()).contains("Physical therapy plan added.").contains("Core stabilisation after the injection");

		String planId = ok(physician.get("/api/v1/patients/" + patientId + "/care-plans")).get("items").get(0).get("id")
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
		readyToTreat();
		UUID product = releasedBmac();
		UUID procedure = draft(product, "2.0");
		WebSession coordinator = signedIn(createUser("COORDINATOR", Set.of(clinicId)));
		WebSession.Page page = coordinator.get("/procedures/" + procedure);
		assertThat(page.html()).contains("Administration checks").contains("All checks pass")
			.doesNotContain("id=\"time-out\"")
			.doesNotContain("Complete procedure")
			.contains("The operating physician does the time-out");
		WebSession.Page refused = coordinator.post("/procedures/" + procedure + "/complete",
				timeOut(page.csrf(), din(product), "DISCARDED"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(status(procedure)).isEqualTo("DRAFT");
	}

	@Test
	void hostileTextInComplicationsIsRenderedEscaped() {
		UUID product = releasedBmac();
		WebSession web = signedIn(physicianUsername);
		Map<String, String> fields = procedureForm(web.get("/patients/" + patientId + "/procedures/new").csrf(),
				product, "L4-L5");
		fields.put("immediateComplications", "<script>alert('x')</script> vasovagal");
		WebSession.Page page = web.post("/patients/" + patientId + "/procedures/new", fields);
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

package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The optional portal steps as pages: the patient's pain medicines, and reporting a problem. */
class SurveyMedicinesAndProblemsPagesTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The patient's side of the survey portal. */
	private Surveys surveys;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		surveys = new Surveys(treatment);
	}

	@Test
	void answeringTheLastQuestionnaireLeadsToTheMedicinesStepAndSkippingBothReachesThanks() {
		String token = surveys.link(surveys.baselineFollowUp());
		WebSession browser = new WebSession(port);
		String csrf = browser.get("/s/" + token).csrf();
		browser.post("/s/" + token + "/nrs-back", Map.of("_csrf", csrf, "nrs", "6"));
		browser.post("/s/" + token + "/nrs-leg", Map.of("_csrf", csrf, "nrs", "2"));
		WebSession.Page medicines = browser.post("/s/" + token + "/medication-work",
				Map.of("_csrf", csrf, "pain-medication", "true", "opioid", "false", "work-status", "full-time"));
		assertThat(medicines.uri()).endsWith("/s/" + token + "/medicines");
		assertThat(medicines.html()).contains("Your pain medicines now").contains("Skip this step");
		WebSession.Page problem = browser.get("/s/" + token + "/problem");
		assertThat(problem.html()).contains("Report a problem").contains("call your local emergency number");
		WebSession.Page thanks = browser.get("/s/" + token);
		assertThat(thanks.html()).contains("Thank you").doesNotContain("We have sent your problem report");
	}

	@Test
	void thePatientStopsAMedicineAndAddsOneFromThePickList() {
		UUID followUp = surveys.baselineFollowUp();
		UUID oxycodone = surveys.staffMedication("oxycodone", 10, "mg", 2);
		String token = surveys.link(followUp);
		WebSession browser = new WebSession(port);
		WebSession.Page page = browser.get("/s/" + token + "/medicines");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("oxycodone").contains("10 mg").contains("2 times a day");
		assertThat(page.html()).contains("name=\"stop-" + oxycodone + "\"").contains("<option value=\"tramadol\"");
		assertThat(page.html()).doesNotContain("Quinn").doesNotContain("CP-").doesNotContain("MME");
		assertThat(page.html()).doesNotContain("style=").doesNotContain("<script>");
		assertThat(page.header("Cache-Control")).contains("no-store");

		WebSession.Page next = browser.post("/s/" + token + "/medicines",
				Map.of("_csrf", page.csrf(), "stop-" + oxycodone, "on", "drug", "tramadol", "dose", "50", "unit", "mg",
						"timesPerDay", "3", "action", "continue"));
		assertThat(next.status()).as(next.html()).isEqualTo(200);
		assertThat(next.uri()).endsWith("/s/" + token + "/problem");

		JsonNode list = ok(cells.physician().get("/api/v1/patients/" + cells.patientId()
				+ "/medications")).get("items");
		JsonNode stopped = find(list, "drug", "oxycodone");
		assertThat(stopped.get("stop").asString()).isEqualTo(LocalDate.now().toString());
		assertThat(stopped.get("source").asString()).isEqualTo("STAFF");
		JsonNode added = find(list, "drug", "tramadol");
		assertThat(added.get("source").asString()).isEqualTo("PATIENT");
		assertThat(added.get("start").asString()).isEqualTo(LocalDate.now().toString());
		assertThat(added.get("frequencyPerDay").asInt()).isEqualTo(3);
		assertThat(added.get("mmePerDay").decimalValue()).isEqualByComparingTo("30");

		assertThat(surveys.auditedBySystem(MedicationService.ENTITY, oxycodone)).isEqualTo(1);
		assertThat(surveys.auditedBySystem(MedicationService.ENTITY, added.get("id").asString())).isEqualTo(1);
		String reason = ownerJdbc().sql("SELECT reason FROM audit_event WHERE entity_id = :id AND action = 'UPDATE'")
			.param("id", oxycodone.toString())
			.query(String.class)
			.single();
		assertThat(reason).contains("survey portal").contains(followUp.toString());
		String created = ownerJdbc().sql("SELECT changes::text FROM audit_event WHERE entity_id = :id")
			.param("id", added.get("id").asString())
			.query(String.class)
			.single();
		assertThat(created).contains("patient survey portal");
		int confirmations = ownerJdbc()
			.sql("SELECT count(*) FROM audit_event WHERE entity_type = :t AND changes::text LIKE :f")
			.param("t", MedicationService.PATIENT_REPORT)
			.param("f", "%" + followUp + "%")
			.query(Integer.class)
			.single();
		assertThat(confirmations).isEqualTo(1);
	}

	@Test
	void anUnknownUnitIsShownNextToTheUnitAndNothingIsStored() {
		UUID oxycodone = surveys.staffMedication("oxycodone", 10, "mg", 2);
		String token = surveys.link(surveys.baselineFollowUp());
		WebSession browser = new WebSession(port);
		String csrf = browser.get("/s/" + token + "/medicines").csrf();
		WebSession.Page refused = browser.post("/s/" + token + "/medicines", Map.of("_csrf", csrf, "stop-" + oxycodone,
				"on", "drug", "tramadol", "dose", "50", "unit", "bananas", "timesPerDay", "3"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html()).contains("id=\"err-unit\"").contains("aria-describedby=\"err-unit\"")
			.contains("aria-invalid=\"true\"");
		assertThat(surveys.medicationsStored("PATIENT")).isZero();
		JsonNode still = ok(cells.physician().get("/api/v1/patients/" + cells.patientId() + "/medications/"
				+ oxycodone));
		assertThat(still.get("stop").isNull()).isTrue();

		WebSession.Page notANumber = browser.post("/s/" + token + "/medicines",
				Map.of("_csrf", csrf, "drug", "other", "otherDrug", "ibuprofen", "dose", "a lot", "unit", "mg"));
		assertThat(notANumber.status()).isEqualTo(422);
		assertThat(notANumber.html()).contains("id=\"err-dose\"").contains("aria-describedby=\"err-dose\"");
		assertThat(surveys.medicationsStored("PATIENT")).isZero();
	}

	@Test
	void anotherMedicineByNameIsStoredWithoutMmeAndTheFormAsksForAnother() {
		String token = surveys.link(surveys.baselineFollowUp());
		WebSession browser = new WebSession(port);
		String csrf = browser.get("/s/" + token + "/medicines").csrf();
		WebSession.Page again = browser.post("/s/" + token + "/medicines", Map.of("_csrf", csrf, "drug", "other",
				"otherDrug", "ibuprofen", "dose", "400", "unit", "mg", "timesPerDay", "3", "action", "another"));
		assertThat(again.uri()).endsWith("/s/" + token + "/medicines?saved");
		assertThat(again.html()).contains("your change was saved").contains("ibuprofen");
		JsonNode added = find(ok(cells.physician().get("/api/v1/patients/" + cells.patientId()
				+ "/medications")).get("items"), "drug", "ibuprofen");
		assertThat(added.get("route").asString()).isEqualTo("OTHER");
		assertThat(added.get("mmePerDay").isNull()).isTrue();
	}

	@Test
	void aProblemWithHtmlIsStoredAsTypedAndNeverRenderedAsMarkup() {
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		WebSession browser = new WebSession(port);
		String csrf = browser.get("/s/" + token + "/problem").csrf();
		String text = "<script>alert('x')</script> My leg <b>burns</b> since Tuesday";
		WebSession.Page thanks = browser.post("/s/" + token + "/problem", Map.of("_csrf", csrf, "description", text,
				"onset", LocalDate.now().minusDays(2).toString(), "careSought", "HOSPITAL"));
		assertThat(thanks.status()).as(thanks.html()).isEqualTo(200);
		assertThat(thanks.uri()).endsWith("/s/" + token + "/problem/sent");
		assertThat(thanks.html()).contains("A doctor there will review").contains("call your local emergency")
			.contains("Go back to your questionnaire").doesNotContain("<b>burns</b>");

		JsonNode events = ok(cells.physician().get("/api/v1/patients/" + cells.patientId()
				+ "/adverse-events")).get("items");
		assertThat(events.size()).isEqualTo(1);
		JsonNode event = events.get(0);
		assertThat(event.get("description").asString()).isEqualTo(text);
		assertThat(event.get("reporter").asString()).isEqualTo("PATIENT");
		assertThat(event.get("reviewed").asBoolean()).isFalse();
		assertThat(event.get("grade").isNull()).isTrue();
		assertThat(event.get("careSought").asString()).isEqualTo("HOSPITAL");
		assertThat(event.get("followUpId").asString()).isEqualTo(followUp.toString());
		String procedure = find(treatment.followUps(), "timePoint", "BASELINE").get("procedureId").asString();
		assertThat(event.get("procedureId").asString()).isEqualTo(procedure);
		TestApi.Response raw = cells.physician().get("/api/v1/adverse-events/" + event.get("id").asString());
		assertThat(raw.header("Content-Type")).startsWith("application/json");
		assertThat(raw.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(surveys.auditedBySystem(AdverseEventService.ENTITY, event.get("id").asString())).isEqualTo(1);

		// The same text sent back on a refused form is escaped.
		WebSession.Page refused = browser.post("/s/" + token + "/problem",
				Map.of("_csrf", csrf, "description", text, "onset", "yesterday", "careSought", "NONE"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html()).contains("&lt;script&gt;").doesNotContain("<script>alert")
			.contains("aria-describedby=\"err-onset\"");
	}

	@Test
	void anOverLongProblemIsRefusedWithItsFieldMarkedAndNothingStored() {
		String token = surveys.link(surveys.baselineFollowUp());
		WebSession browser = new WebSession(port);
		String csrf = browser.get("/s/" + token + "/problem").csrf();
		WebSession.Page page = browser.post("/s/" + token + "/problem",
				Map.of("_csrf", csrf, "description", "x".repeat(AdverseEventService.PATIENT_TEXT_MAX + 1), "onset",
						LocalDate.now().toString(), "careSought", "NONE"));
		assertThat(page.status()).isEqualTo(422);
		assertThat(page.html()).contains("id=\"err-description\"").contains("at most 2000 characters");
		assertThat(surveys.problemsStored()).isZero();
		assertThat(browser.post("/s/" + token + "/problem", Map.of("description", "pain", "onset",
				LocalDate.now().toString(), "careSought", "NONE")).status()).isEqualTo(403);
		assertThat(surveys.problemsStored()).isZero();
	}

	@Test
	void theOptionalStepsAreRateLimitedAndRefuseUnusableLinksLikeTheQuestionnaire() {
		String token = surveys.link(surveys.baselineFollowUp());
		WebSession browser = new WebSession(port);
		int last = 0;
		for (int i = 0; i < 31; i++) {
			last = browser.get("/s/" + token + (i % 2 == 0 ? "/medicines" : "/problem")).status();
		}
		assertThat(last).isEqualTo(429);
		surveys.forgetRateLimits();
		surveys.expire(token);
		WebSession.Page expired = browser.get("/s/" + token + "/medicines");
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.html()).contains("This link has expired").doesNotContain("Iris");
		assertThat(browser.get("/s/" + "D".repeat(43) + "/problem").status()).isEqualTo(404);
	}

}

package org.spinecell.outcomes;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;

/** The patient's survey pages: greeting, one instrument per page, validation, completion. */
class SurveyPortalTests extends IntegrationTest {

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
	void thePageGreetsByGivenNameOnlyAndShowsTheFirstInstrument() {
		String token = surveys.link(surveys.baselineFollowUp());
		WebSession browser = new WebSession(port);
		WebSession.Page page = browser.get("/s/" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("Hello <span>Iris</span>").doesNotContain("Quinn").doesNotContain("CP-");
		assertThat(page.html()).contains("before your treatment");
		assertThat(page.html()).contains("name=\"nrs\"").contains("value=\"10\"").contains("required");
		assertThat(page.html()).contains("not available online yet; your clinic will contact you");
		assertThat(page.html()).doesNotContain("style=").doesNotContain("<script>");
		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
	}

	@Test
	void submittingThroughThePageRecordsAndMovesOn() {
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		WebSession browser = new WebSession(port);
		WebSession.Page page = browser.get("/s/" + token);
		WebSession.Page next = browser.post("/s/" + token + "/nrs-back", Map.of("_csrf", page.csrf(), "nrs", "6"));
		assertThat(next.status()).as(next.html()).isEqualTo(200);
		assertThat(surveys.responsesStored(followUp, "nrs-back")).isEqualTo(1);
		int staffEntered = ownerJdbc()
			.sql("SELECT count(*) FROM instrument_response WHERE follow_up_id = :f AND entered_by_staff")
			.param("f", followUp)
			.query(Integer.class)
			.single();
		assertThat(staffEntered).isZero();
		assertThat(next.html()).contains("/s/" + token + "/nrs-leg");
	}

	@Test
	void missingOrOutOfRangeAnswersAreShownNextToTheQuestion() {
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		WebSession browser = new WebSession(port);
		String csrf = browser.get("/s/" + token).csrf();
		WebSession.Page missing = browser.post("/s/" + token + "/nrs-back", Map.of("_csrf", csrf));
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.html()).contains("aria-describedby=\"err-nrs\"").contains("id=\"err-nrs\"");
		WebSession.Page outOfRange = browser.post("/s/" + token + "/nrs-back", Map.of("_csrf", csrf, "nrs", "11"));
		assertThat(outOfRange.status()).isEqualTo(422);
		assertThat(surveys.responsesStored(followUp, "nrs-back")).isZero();
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		WebSession browser = new WebSession(port);
		browser.get("/s/" + token);
		assertThat(browser.post("/s/" + token + "/nrs-back", Map.of("nrs", "6")).status()).isEqualTo(403);
		assertThat(surveys.responsesStored(followUp, "nrs-back")).isZero();
	}

	@Test
	void answeringEveryOnlineInstrumentOffersTheOptionalStepsAndLeavesTheOfflinePrimaryOutcomeToStaff() {
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		WebSession browser = new WebSession(port);
		String csrf = browser.get("/s/" + token).csrf();
		browser.post("/s/" + token + "/nrs-back", Map.of("_csrf", csrf, "nrs", "6"));
		WebSession.Page medication = browser.post("/s/" + token + "/nrs-leg", Map.of("_csrf", csrf, "nrs", "2"));
		assertThat(medication.html()).contains("name=\"work-status\"");
		WebSession.Page optional = browser.post("/s/" + token + "/medication-work",
				Map.of("_csrf", csrf, "pain-medication", "true", "opioid", "false", "work-status", "full-time"));
		assertThat(optional.status()).as(optional.html()).isEqualTo(200);
		assertThat(optional.html()).contains("Your pain medicines now").contains("Optional step 1 of 2");
		assertThat(browser.get("/s/" + token).html()).contains("Thank you")
			.contains("this questionnaire is not available online yet; your clinic will contact you");
		// The ODI, a primary outcome whose licensed text is not loaded, is still missing: the follow-up stays open.
		assertThat(ok(cells.physician().get("/api/v1/follow-ups/"
				+ followUp)).get("status").asString()).isEqualTo("DUE");
	}

	@Test
	void unknownAndExpiredLinksShowTheSamePageForEveryone() {
		String token = surveys.link(surveys.baselineFollowUp());
		WebSession browser = new WebSession(port);
		WebSession.Page unknown = browser.get("/s/" + "B".repeat(43));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.html()).contains("This link does not work").doesNotContain("Iris");
		surveys.expire(token);
		WebSession.Page expired = browser.get("/s/" + token);
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.html()).contains("This link has expired").doesNotContain("Iris");
	}

	@Test
	void tooManyPageRequestsAre429() {
		String token = surveys.link(surveys.baselineFollowUp());
		WebSession browser = new WebSession(port);
		int last = 0;
		for (int i = 0; i < 31; i++) {
			last = browser.get("/s/" + token).status();
		}
		assertThat(last).isEqualTo(429);
	}

}

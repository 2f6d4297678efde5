package org.spinecell.outcomes;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;

/** Staff follow-up pages over HTTP: entering answers, the survey link, the letter, cancelling, responses. */
class StaffFollowUpPagesTests extends IntegrationTest {

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
	void openRowsOfTheChartAndTheWorklistOfferEveryAction() {
		UUID followUp = surveys.baselineFollowUp();
		WebSession browser = signedIn();
		for (String path : new String[] { "/patients/" + cells.patientId(), "/follow-up?clinicId="
				+ cells.clinicId() }) {
			String html = browser.get(path).html();
			assertThat(html).as(path)
				.contains("href=\"/follow-up/" + followUp + "/answers\"")
				.contains("action=\"/follow-up/" + followUp + "/link\"")
				.contains("action=\"/follow-up/" + followUp + "/letter\"")
				.contains("action=\"/follow-up/" + followUp + "/cancel\"")
				.contains("A new survey link or letter revokes the previous link.")
				.doesNotContain("style=");
		}
	}

	@Test
	void theAnswersPageHasOneFormPerInstrumentAndNamesAMissingLicence() {
		UUID followUp = surveys.baselineFollowUp();
		WebSession.Page page = signedIn().get("/follow-up/" + followUp + "/answers");
		assertThat(page.status()).isEqualTo(200);
		for (String instrument : new String[] { "nrs-back", "nrs-leg", "odi-2.1a", "medication-work", "eq-5d-5l",
				"promis-29" }) {
			assertThat(page.html()).contains("action=\"/follow-up/" + followUp + "/answers/" + instrument + "\"");
		}
		// nrs-back's text is not licensed and is shown; EQ-5D's is licensed, not loaded, and its licence named.
		assertThat(page.html()).contains("for=\"a-nrs-back-nrs\"")
			.contains("<strong class=\"code item-code\">nrs</strong><span> — ")
			.contains("<strong class=\"code item-code\">eq5d-mo</strong>")
			.doesNotContain("[licensed text not loaded]")
			.contains("the licensed text of this instrument is not loaded")
			.contains("EuroQol")
			.doesNotContain("<script>");
	}

	@Test
	void invalidAnswersAreShownBesideTheItemAndNothingIsStored() {
		UUID followUp = surveys.baselineFollowUp();
		WebSession browser = signedIn();
		String csrf = browser.get("/follow-up/" + followUp + "/answers").csrf();

		WebSession.Page outOfRange = browser.post("/follow-up/" + followUp + "/answers/nrs-back",
				Map.of("_csrf", csrf, "nrs", "11"));
		assertThat(outOfRange.status()).isEqualTo(422);
		assertThat(outOfRange.html()).contains("Nothing was saved")
			.contains("id=\"a-nrs-back-nrs-error\"")
			.contains("aria-describedby=\"a-nrs-back-nrs-error\"");

		// The EQ-5D scale is a number field: the service's range check comes back beside it.
		Map<String, String> eq5d = new HashMap<>(Map.of("_csrf", csrf, "eq5d-mo", "1", "eq5d-sc", "1", "eq5d-ua", "2",
				"eq5d-pd", "3", "eq5d-ad", "1", "eq5d-vas", "150"));
		WebSession.Page vas = browser.post("/follow-up/" + followUp + "/answers/eq-5d-5l", eq5d);
		assertThat(vas.status()).isEqualTo(422);
		assertThat(vas.html()).contains("id=\"a-eq-5d-5l-eq5d-vas-error\"").contains("value=\"150\"");
		eq5d.put("eq5d-vas", "lots");
		WebSession.Page word = browser.post("/follow-up/" + followUp + "/answers/eq-5d-5l", eq5d);
		assertThat(word.status()).isEqualTo(422);
		assertThat(word.html()).contains("Please enter a whole number.");

		assertThat(browser.post("/follow-up/" + followUp + "/answers/nrs-back", Map.of("nrs", "5")).status())
			.isEqualTo(403);
		assertThat(surveys.responsesStored(followUp, "nrs-back")).isZero();
		assertThat(surveys.responsesStored(followUp, "eq-5d-5l")).isZero();
	}

	@Test
	void savedAnswersAreMarkedAsEnteredByStaffAndLinkedFromTheCompletedFollowUp() {
		UUID followUp = surveys.baselineFollowUp();
		ownerJdbc().sql("UPDATE follow_up SET instruments = '{nrs-back,nrs-leg}' WHERE id = :id")
			.param("id", followUp)
			.update();
		WebSession browser = signedIn();
		String csrf = browser.get("/follow-up/" + followUp + "/answers").csrf();
		WebSession.Page saved = browser.post("/follow-up/" + followUp + "/answers/nrs-back",
				Map.of("_csrf", csrf, "nrs", "7"));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.uri()).endsWith("/follow-up/" + followUp + "/answers");
		assertThat(saved.html()).contains("answers saved.").contains("Entered by phone/paper");
		assertThat(surveys.responsesStored(followUp, "nrs-back")).isEqualTo(1);

		WebSession.Page done = browser.post("/follow-up/" + followUp + "/answers/nrs-leg",
				Map.of("_csrf", csrf, "nrs", "3"));
		assertThat(done.html()).contains("so the follow-up is completed").contains("<span class=\"badge ok\">Completed</span>");

		String chart = browser.get("/patients/" + cells.patientId()).html();
		UUID response = ownerJdbc()
			.sql("SELECT id FROM instrument_response WHERE follow_up_id = :f AND instrument_id = 'nrs-back'")
			.param("f", followUp)
			.query(UUID.class)
			.single();
		String detailPath = "/follow-up/" + followUp + "/responses/" + response;
		assertThat(chart).contains("href=\"" + detailPath + "\"").contains("(staff)");
		WebSession.Page detail = browser.get(detailPath);
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.html()).contains("id=\"response-score\">7<")
			.contains("Entered by staff (phone/paper)")
			.contains("<th scope=\"row\">nrs</th>");
		// A response id under another follow-up is not found.
		UUID w2 = id(find(treatment.followUps(), "timePoint", "W2"));
		assertThat(browser.get("/follow-up/" + w2 + "/responses/" + response).status()).isEqualTo(404);
	}

	@Test
	void sendingALinkShowsItOnceWithItsExpiryAndRevokesThePreviousOne() {
		UUID followUp = surveys.baselineFollowUp();
		String previous = surveys.link(followUp);
		WebSession browser = signedIn();
		String csrf = browser.get("/patients/" + cells.patientId()).csrf();
		WebSession.Page page = browser.post("/follow-up/" + followUp + "/link", Map.of("_csrf", csrf));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(page.html()).contains("shown only this once").contains("no longer works").contains("shown only this once");
		java.util.regex.Matcher url = java.util.regex.Pattern
			.compile("id=\"survey-url\"[^>]*readonly[^>]*value=\"(http://[^\"]+/s/([A-Za-z0-9_-]{43}))\"")
			.matcher(page.html());
		assertThat(url.find()).as(page.html()).isTrue();
		String expiry = ownerJdbc()
			.sql("SELECT to_char((expires_at - interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM survey_link WHERE follow_up_id = :f AND revoked_at IS NULL")
			.param("f", followUp)
			.query(String.class)
			.single();
		assertThat(page.html()).contains("id=\"survey-expiry\">" + expiry + "<");
		assertThat(surveys.submit(url.group(2), "nrs-back", Map.of("nrs", 4)).status()).isEqualTo(201);
		assertThat(surveys.submit(previous, "nrs-leg", Map.of("nrs", 4)).status()).isEqualTo(404);
	}

	@Test
	void theLetterIsAPdfAndNeedsTheCsrfToken() {
		UUID followUp = surveys.baselineFollowUp();
		WebSession browser = signedIn();
		String csrf = browser.get("/patients/" + cells.patientId()).csrf();
		assertThat(browser.post("/follow-up/" + followUp + "/letter", Map.of()).status()).isEqualTo(403);
		WebSession.Page letter = browser.post("/follow-up/" + followUp + "/letter", Map.of("_csrf", csrf));
		assertThat(letter.status()).isEqualTo(200);
		assertThat(letter.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(letter.html()).startsWith("%PDF-");
	}

	@Test
	void cancellingFromTheChartNeedsAReason() {
		UUID followUp = surveys.baselineFollowUp();
		WebSession browser = signedIn();
		String csrf = browser.get("/patients/" + cells.patientId()).csrf();
		String back = "/patients/" + cells.patientId();
		WebSession.Page blank = browser.post("/follow-up/" + followUp + "/cancel",
				Map.of("_csrf", csrf, "back", back, "reason", " "));
		assertThat(blank.html()).contains("Give the reason the follow-up is cancelled");
		assertThat(ok(cells.physician().get("/api/v1/follow-ups/"
				+ followUp)).get("status").asString()).isEqualTo("DUE");
		WebSession.Page cancelled = browser.post("/follow-up/" + followUp + "/cancel",
				Map.of("_csrf", csrf, "back", back, "reason", "Patient moved away"));
		assertThat(cancelled.uri()).endsWith(back);
		assertThat(cancelled.html()).contains("Follow-up Baseline cancelled.").contains("(Patient moved away)");
		assertThat(browser.get("/follow-up/" + followUp + "/answers").html()).contains("This follow-up is cancelled")
			.doesNotContain("action=\"/follow-up/" + followUp + "/answers/nrs-back\"");
		WebSession.Page link = browser.post("/follow-up/" + followUp + "/link", Map.of("_csrf", csrf));
		assertThat(link.status()).isEqualTo(409);
		assertThat(link.html()).contains("A survey link can only be sent for an open follow-up")
			.doesNotContain("id=\"survey-url\"");
		assertThat(browser.post("/follow-up/" + followUp + "/letter", Map.of("_csrf", csrf)).status()).isEqualTo(409);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM survey_link WHERE follow_up_id = :f")
			.param("f", followUp)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aPaperFormTypedInLaterKeepsTheDateItWasAnsweredAndAFutureDateIsRefusedInline() {
		UUID followUp = surveys.baselineFollowUp();
		WebSession browser = signedIn();
		WebSession.Page form = browser.get("/follow-up/" + followUp + "/answers");
		assertThat(form.html()).contains("Date answered").contains("name=\"answeredOn\"");
		java.time.LocalDate tomorrow = java.time.LocalDate.now().plusDays(1);
		WebSession.Page future = browser.post("/follow-up/" + followUp + "/answers/nrs-back",
				Map.of("_csrf", form.csrf(), "nrs", "5", "answeredOn", tomorrow.toString()));
		assertThat(future.status()).isEqualTo(422);
		assertThat(future.html()).contains("must not be in the future");
		assertThat(surveys.responsesStored(followUp, "nrs-back")).isZero();

		java.time.LocalDate day = java.time.LocalDate.now().minusDays(3);
		browser.post("/follow-up/" + followUp + "/answers/nrs-back",
				Map.of("_csrf", form.csrf(), "nrs", "5", "answeredOn", day.toString()));
		java.time.Instant submitted = ownerJdbc()
			.sql("SELECT submitted_at FROM instrument_response WHERE follow_up_id = :f AND instrument_id = 'nrs-back'")
			.param("f", followUp)
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
		assertThat(submitted).isEqualTo(day.atTime(12, 0).atZone(java.time.ZoneOffset.UTC).toInstant());
	}

	private WebSession signedIn() {
		WebSession browser = new WebSession(port);
		browser.signIn(cells.physicianUsername(), USER_PASSWORD);
		return browser;
	}

}

package org.spinecell.outcomes;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.survey.SurveyExtrasPageController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient who sends a form once the link's request limit is used up gets a 429 and the form
 * back as they filled it in, so nothing they typed is lost; nothing is stored.
 */
class SurveyRateLimitPageTests extends IntegrationTest {

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
	void overTheLimitEveryFormComesBackWithWhatThePatientTyped() {
		String token = surveys.link(surveys.baselineFollowUp());
		WebSession browser = new WebSession(port);
		String csrf = browser.get("/s/" + token).csrf();
		for (int i = 1; i < 30; i++) {
			browser.get("/s/" + token);
		}

		WebSession.Page answers = browser.post("/s/" + token + "/nrs-back", Map.of("_csrf", csrf, "nrs", "7"));
		assertThat(answers.status()).isEqualTo(429);
		assertThat(answers.html()).contains("Your answers are kept below").containsPattern("value=\"7\"[^>]*checked");

		WebSession.Page medicines = browser.post("/s/" + token + "/medicines", Map.of("_csrf", csrf, "drug",
				SurveyExtrasPageController.OTHER, "otherDrug", "Tramadol drops", "dose", "20", "unit", "mg",
				"timesPerDay", "2"));
		assertThat(medicines.status()).isEqualTo(429);
		assertThat(medicines.html()).contains("Your answers are kept below").contains("value=\"Tramadol drops\"");

		WebSession.Page problem = browser.post("/s/" + token + "/problem", Map.of("_csrf", csrf, "description",
				"My foot tingles since Sunday", "onset", "2026-01-02", "careSought", "DOCTOR"));
		assertThat(problem.status()).isEqualTo(429);
		assertThat(problem.html()).contains("Your answers are kept below").contains("My foot tingles since Sunday");

		assertThat(surveys.responsesStored(surveys.baseline(), "nrs-back")).isZero();
		assertThat(surveys.medicationsStored("PATIENT")).isZero();
		assertThat(surveys.problemsStored()).isZero();
	}

}

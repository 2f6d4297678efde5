package org.spinecell.patients.candidacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;
import org.spinecell.patients.HistoryClinic;

import static org.assertj.core.api.Assertions.assertThat;

/** Screening in the browser: every question must be answered, the result explains itself. */
class CandidacyPagesTests extends IntegrationTest {

	/** A clinic with a physician, for registering patients. */
	private HistoryClinic clinic;

	private WebSession browser;

	private UUID patient;

	@BeforeEach
	void signIn() {
		clinic = new HistoryClinic(app);
		String username = createUser("PHYSICIAN", java.util.Set.of(clinic.clinicId()));
		browser = new WebSession(port);
		browser.signIn(username, USER_PASSWORD);
		patient = clinic.registerPatient();
	}

	@Test
	void unansweredQuestionsAreFlaggedAndNothingIsStored() {
		WebSession.Page form = browser.get("/patients/" + patient + "/candidacy/new");
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("activeInfection", "no");
		answers.put("_csrf", form.csrf());
		WebSession.Page page = browser.post("/patients/" + patient + "/candidacy/new", answers);
		assertThat(page.html()).contains("Answer all questions: 8 still open").contains("not answered");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM candidacy_assessment WHERE patient_id = :p")
			.param("p", patient)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theResultPageListsTheRulesThatDecidedAndTheChartShowsIt() {
		WebSession.Page form = browser.get("/patients/" + patient + "/candidacy/new");
		Map<String, String> answers = new LinkedHashMap<>();
		for (String item : CandidacyPageController.QUESTIONS.keySet()) {
			answers.put(item, "no");
		}
		answers.put("pregnancy", "yes");
		answers.put("_csrf", form.csrf());
		WebSession.Page result = browser.post("/patients/" + patient + "/candidacy/new", answers);
		assertThat(result.uri()).contains("/candidacy/");
		assertThat(result.html()).contains("Not eligible").contains("pregnancy").contains("Pregnancy recorded")
			.contains("SpineCell default screening, version 1 (shipped default)")
			.contains("Active diagnoses");

		WebSession.Page override = browser.post(result.uri().replaceFirst("^http://[^/]+", "") + "/override",
				Map.of("decision", "ELIGIBLE", "reason", "", "version", "0", "_csrf", result.csrf()));
		assertThat(override.html()).contains("Give the reason for the override");

		WebSession.Page chart = browser.get("/patients/" + patient);
		assertThat(chart.html()).contains("Candidacy screening").contains("Not eligible").contains("pregnancy");
	}

}

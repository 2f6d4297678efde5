package org.spinecell.outcomes;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The follow-up worklist page and the follow-up section of the patient chart. */
class FollowUpPagesTests extends FollowUpTest {

	@Test
	void theWorklistShowsOverdueFollowUpsCountsAndCompletionRates() {
		completeProcedure(false);
		UUID w2 = id(find(followUps(), "timePoint", "W2"));
		shift(w2, -3, 4, 4);
		// A window that opened long before its due date (like M24's): on the list, due two months ahead.
		shift(id(find(followUps(), "timePoint", "W6")), 60, 90, 10);
		WebSession browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(clinicId)), USER_PASSWORD);

		WebSession.Page page = browser.get("/follow-up?clinicId=" + clinicId);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("<h1>Follow-up</h1>")
			.contains("aria-current=\"page\">Follow-up</a>")
			.contains("3 follow-ups to collect")
			.contains("Quinn, Iris")
			.contains("class=\"overdue\"")
			.contains("No registry consent")
			.contains("Completion rate per time point")
			.doesNotContain("style=");
		// When each is due, in words: the baseline today, W2 three days ago; no "0 days overdue".
		assertThat(page.html()).contains(">due today</td>")
			.contains(">3 days overdue</td>")
			.contains(">due in 60 days</td>")
			.doesNotContain(">0 days overdue<");
		WebSession.Page overdueOnly = browser.get("/follow-up?clinicId=" + clinicId + "&status=OVERDUE");
		assertThat(overdueOnly.html()).contains("1 follow-up to collect");

		WebSession.Page completed = browser.post("/follow-up/" + w2 + "/complete",
				Map.of("back", "/follow-up", "_csrf", page.csrf()));
		assertThat(completed.html()).contains("Follow-up W2 marked complete.").contains("<meter");
	}

	@Test
	void thePatientChartListsTheScheduleWithStatusBadges() {
		completeProcedure(true);
		WebSession browser = new WebSession(port);
		browser.signIn(physicianUsername, USER_PASSWORD);
		WebSession.Page chart = browser.get("/patients/" + patientId);
		assertThat(chart.status()).isEqualTo(200);
		assertThat(chart.html()).contains("id=\"follow-up-heading\"")
			.contains("BASELINE")
			.contains("M24")
			.contains("<span class=\"badge warn\">Due</span>")
			.contains("<span class=\"badge\">Upcoming</span>")
			.contains("odi-2.1a");

		WebSession labBrowser = new WebSession(port);
		labBrowser.signIn(labUsername, USER_PASSWORD);
		WebSession.Page labChart = labBrowser.get("/patients/" + patientId);
		assertThat(labChart.status()).isEqualTo(200);
		assertThat(labChart.html()).doesNotContain("follow-up-heading").doesNotContain(">Follow-up</a>");
	}

}

package org.spinecell.outcomes;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;

/** The follow-up worklist page and the follow-up section of the patient chart. */
class FollowUpPagesTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
	}

	@Test
	void theWorklistShowsOverdueFollowUpsCountsAndCompletionRates() {
		treatment.aCompletedProcedure(false);
		UUID w2 = id(find(treatment.followUps(), "timePoint", "W2"));
		treatment.shift(w2, -3, 4, 4);
		// A window that opened long before its due date (like M24's): on the list, due two months ahead.
		treatment.shift(id(find(treatment.followUps(), "timePoint", "W6")), 60, 90, 10);
		WebSession browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);

		WebSession.Page page = browser.get("/follow-up?clinicId=" + cells.clinicId());
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
		WebSession.Page overdueOnly = browser.get("/follow-up?clinicId=" + cells.clinicId() + "&status=OVERDUE");
		assertThat(overdueOnly.html()).contains("1 follow-up to collect");

		WebSession.Page completed = browser.post("/follow-up/" + w2 + "/complete",
				Map.of("back", "/follow-up", "_csrf", page.csrf()));
		assertThat(completed.html()).contains("Follow-up 2 weeks marked complete.").contains("<meter");
	}

	@Test
	void theWorklistSortsAndFiltersInTheDatabaseAndAnHtmxRequestGetsTheResultsOnly() {
		treatment.aCompletedProcedure(true);
		UUID iris = cells.patientId();
		// A second patient, Abbott, whose 2-week follow-up is overdue; Quinn's baseline is due today.
		cells.switchToPatient(id(ok(cells.physician().post("/api/v1/patients", Map.of("clinicId", cells.clinicId(),
				"mrn", "CP-" + unique(), "givenName", "Abel", "familyName", "Abbott", "birthDate", "1971-02-03", "sex",
						"MALE")))));
		treatment.aCompletedProcedure(true);
		UUID abbottW2 = id(find(treatment.followUps(), "timePoint", "W2"));
		treatment.shift(abbottW2, -5, 7, 7);
		WebSession browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);

		String byDue = results(browser.get("/follow-up?clinicId=" + cells.clinicId()).html());
		assertThat(byDue).contains("3 follow-ups to collect").contains("aria-sort=\"ascending\"");
		assertThat(byDue.indexOf("5 days overdue")).as(byDue).isPositive().isLessThan(byDue.indexOf("Quinn, Iris"));
		// Sorted by patient: Abbott before Quinn; reversed: Quinn first.
		String byPatient = results(browser.get("/follow-up?clinicId=" + cells.clinicId() + "&sort=patient").html());
		assertThat(byPatient.indexOf("Abbott, Abel")).isLessThan(byPatient.indexOf("Quinn, Iris"));
		String byPatientDesc = results(browser.get("/follow-up?clinicId=" + cells.clinicId()
				+ "&sort=patient&dir=desc").html());
		assertThat(byPatientDesc.indexOf("Quinn, Iris")).isLessThan(byPatientDesc.indexOf("Abbott, Abel"));
		assertThat(byPatientDesc).contains("aria-sort=\"descending\"");
		// Time point in protocol order: both baselines before the 2-week follow-up.
		String byTimePoint = results(browser.get("/follow-up?clinicId=" + cells.clinicId() + "&sort=timePoint").html());
		assertThat(byTimePoint.lastIndexOf(">Baseline<")).isLessThan(byTimePoint.indexOf(">2 weeks<"));

		assertThat(browser.get("/follow-up?clinicId=" + cells.clinicId() + "&q=abbo").html())
			.contains("2 follow-ups to collect")
			.doesNotContain("Quinn, Iris");
		assertThat(browser.get("/follow-up?clinicId=" + cells.clinicId() + "&timePoint=W2").html())
			.contains("1 follow-up to collect")
			.contains("Abbott, Abel");
		assertThat(browser.get("/follow-up?status=OVERDUE&q=quinn").html())
			.contains("Nobody is due for follow-up with this filter.");
		// LIKE wildcards are searched for as typed, not as patterns.
		assertThat(browser.get("/follow-up?q=%25").html()).contains("Nobody is due");

		// Unknown sort keys, time points and SQL fall back to the defaults instead of reaching the query.
		WebSession.Page injected = browser.get("/follow-up?clinicId=" + cells.clinicId()
				+ "&sort=due_date%3B%20DROP%20TABLE%20follow_up&dir=sideways&timePoint=X%27%20OR%201%3D1");
		assertThat(injected.status()).isEqualTo(200);
		assertThat(injected.html()).contains("3 follow-ups to collect");

		WebSession.Page partial = browser.getWithHeader("/follow-up?clinicId=" + cells.clinicId() + "&sort=patient",
				"HX-Request", "true");
		assertThat(partial.status()).isEqualTo(200);
		assertThat(partial.html()).startsWith("<section id=\"worklist-results\"")
			.contains("Abbott, Abel")
			.doesNotContain("<html")
			.doesNotContain("Completion rate per time point");
		assertThat(iris).isNotEqualTo(cells.patientId());
	}

	/** The worklist's results section only, so that positions compare rows of the list. */
	private static String results(String html) {
		int start = html.indexOf("id=\"worklist-results\"");
		assertThat(start).as(html).isPositive();
		return html.substring(start, html.indexOf("</section>", start));
	}

	@Test
	void thePatientChartListsTheScheduleWithStatusBadges() {
		treatment.aCompletedProcedure(true);
		WebSession browser = new WebSession(port);
		browser.signIn(cells.physicianUsername(), USER_PASSWORD);
		WebSession.Page chart = browser.get("/patients/" + cells.patientId());
		assertThat(chart.status()).isEqualTo(200);
		assertThat(chart.html()).contains("id=\"follow-up-heading\"")
			.contains(">Baseline<")
			.contains(">24 months<")
			.contains("<span class=\"badge warn\">Due</span>")
			.contains("<span class=\"badge\">Upcoming</span>")
			.contains("Oswestry Disability Index (ODI 2.1a)");

		WebSession labBrowser = new WebSession(port);
		labBrowser.signIn(cells.labUsername(), USER_PASSWORD);
		WebSession.Page labChart = labBrowser.get("/patients/" + cells.patientId());
		assertThat(labChart.status()).isEqualTo(200);
		assertThat(labChart.html()).doesNotContain("follow-up-heading").doesNotContain(">Follow-up</a>");
	}

}

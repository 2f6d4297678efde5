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

/** The summary at the top of the chart: active diagnoses, first and latest scores, next follow-up. */
class ChartSummaryTests extends IntegrationTest {

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
	void theSummaryShowsActiveDiagnosesScoresAgainstTheFirstAndTheNextFollowUp() {
		treatment.aCompletedProcedure(true);
		UUID baseline = id(find(treatment.followUps(), "timePoint", "BASELINE"));
		UUID w2 = id(find(treatment.followUps(), "timePoint", "W2"));
		ok(cells.physician().post("/api/v1/follow-ups/" + baseline + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 7))));
		ok(cells.physician().post("/api/v1/follow-ups/" + w2 + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 4))));
		WebSession browser = new WebSession(port);
		browser.signIn(cells.physicianUsername(), USER_PASSWORD);
		String html = browser.get("/patients/" + cells.patientId()).html();
		int start = html.indexOf("id=\"summary\"");
		assertThat(start).isPositive().isLessThan(html.indexOf("id=\"diagnoses\""));
		String summary = html.substring(start, html.indexOf("</section>", start));
		assertThat(summary).contains("M51.360")
			.contains("L4-L5")
			.contains("Back pain (0-10)")
			.contains("<strong>4</strong>")
			.contains("(first 7, change -3)")
			.contains("No safety report owed.")
			.contains("Baseline")
			.contains("href=\"#follow-up\"");

		// Lab staff read the chart without outcomes: no summary.
		WebSession lab = new WebSession(port);
		lab.signIn(cells.labUsername(), USER_PASSWORD);
		assertThat(lab.get("/patients/" + cells.patientId()).html()).doesNotContain("id=\"summary\"");
		assertThat(Set.of(baseline, w2)).hasSize(2);
	}

}

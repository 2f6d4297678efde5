package org.spinecell.analytics.workspace;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.analytics.export.Pseudonyms;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a patient withdraws registry consent, every registry output leaves them out (counts,
 * summaries, the workspace, the staff and research CSV exports), while their chart keeps every
 * record; re-consent brings them back. A trial consent withdrawal keeps the patient and flags their
 * rows in the identified export with its date.
 */
class ConsentWithdrawalAnalyticsTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The hand-computed data set, built by the tests that need it. */
	private AnalyticsDataset data;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		data = new AnalyticsDataset(treatment);
	}

	@Autowired
	private Pseudonyms pseudonyms;

	private void decide(String type, String status, LocalDate date) {
		Map<String, Object> body = status.equals("GIVEN")
				? Map.of("type", type, "status", status, "effectiveDate", date.toString(), "formVersion", "v2")
				: Map.of("type", type, "status", status, "effectiveDate", date.toString());
		ok(cells.physician().post("/api/v1/patients/" + data.ep1().patientId() + "/consents", body));
	}

	private JsonNode count() {
		TestApi.Response response = cells.physician().get("/api/v1/analytics/count");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private long odiAtM3() {
		TestApi.Response response = cells.physician().get("/api/v1/analytics/outcomes?measure=ODI");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json()
			.get("rows")
			.valueStream()
			.filter(r -> r.get("group").asString().equals("ALL") && r.get("timePoint").asString().equals("M3"))
			.findFirst()
			.orElseThrow()
			.get("n")
			.asLong();
	}

	private String export(TestApi api, String format) {
		TestApi.Response response = api.get("/api/v1/analytics/export.csv?format=" + format);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	@Test
	void aRegistryWithdrawalTakesThePatientOutOfEveryRegistryOutputAndReConsentBringsThemBack() {
		data.buildDataset();
		TestApi researcher = data.signedIn("RESEARCHER");
		WebSession workspace = new WebSession(port);
		workspace.signIn(createUser("PHYSICIAN", Set.of(cells.clinicId())), USER_PASSWORD);
		assertThat(count().get("episodes").asLong()).isEqualTo(3);
		assertThat(odiAtM3()).isEqualTo(2);
		assertThat(export(cells.physician(), "long")).contains(data.ep1().id().toString());
		String responsesBefore = cells.physician().get("/api/v1/patients/" + data.ep1().patientId()
				+ "/responses").body();

		decide("REGISTRY", "WITHDRAWN", LocalDate.now());

		assertThat(count().get("episodes").asLong()).isEqualTo(2);
		assertThat(count().get("patients").asLong()).isEqualTo(2);
		assertThat(odiAtM3()).as("episode 1's M3 ODI no longer counts").isEqualTo(1);
		assertThat(workspace.get("/analytics/count").html()).contains("<strong>2</strong> procedures");
		String longCsv = export(cells.physician(), "long");
		assertThat(longCsv).doesNotContain(data.ep1().id().toString(), data.ep1().patientId().toString(), "Iris")
			.contains(data.ep2().id().toString(), data.ep3().id().toString());
		assertThat(Arrays.asList(longCsv.split("\r\n"))).as("header and 2 episodes x 7 time points x 5 measures")
			.hasSize(1 + 2 * 7 * 5);
		String wideCsv = export(cells.physician(), "wide");
		assertThat(wideCsv).doesNotContain(data.ep1().id().toString()).contains(data.ep2().id().toString());
		assertThat(wideCsv.split("\r\n")).hasSize(1 + 2);
		assertThat(export(researcher, "long")).as("research outputs are registry outputs too")
			.doesNotContain(pseudonyms.of("P", data.ep1().patientId()))
			.contains(pseudonyms.of("P", data.ep3().patientId()));

		// Nothing was deleted: the patient's own chart still shows what was collected.
		TestApi.Response responses = cells.physician().get("/api/v1/patients/" + data.ep1().patientId() + "/responses");
		assertThat(responses.status()).isEqualTo(200);
		assertThat(responses.json().get("items").size()).isGreaterThanOrEqualTo(3);
		assertThat(responses.body()).isEqualTo(responsesBefore);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM procedure WHERE id = :id AND NOT voided")
			.param("id", data.ep1().id())
			.query(Long.class)
			.single()).isEqualTo(1);

		decide("REGISTRY", "GIVEN", LocalDate.now());

		assertThat(count().get("episodes").asLong()).isEqualTo(3);
		assertThat(odiAtM3()).isEqualTo(2);
		assertThat(export(cells.physician(), "long")).contains(data.ep1().id().toString());
		assertThat(export(cells.physician(), "wide").split("\r\n")).hasSize(1 + 3);
		assertThat(export(researcher, "long")).contains(pseudonyms.of("P", data.ep1().patientId()));
	}

	@Test
	void aTrialWithdrawalKeepsThePatientAndFlagsTheirRowsWithItsDate() {
		data.buildDataset();
		LocalDate withdrawn = LocalDate.now();
		decide("TRIAL", "WITHDRAWN", withdrawn);

		assertThat(count().get("episodes").asLong()).isEqualTo(3);
		List<String> lines = Arrays.asList(export(cells.physician(), "wide").split("\r\n"));
		List<String> header = Arrays.asList(lines.get(0).split(",", -1));
		int flag = header.indexOf("trial_consent_withdrawn_on");
		assertThat(flag).isPositive();
		int episode = header.indexOf("episode_id");
		// Names of episode 2 carry quoted commas, so compare episode 1 and 3 (plain) by position.
		String ep1Row = lines.stream().filter(l -> l.contains(data.ep1().id().toString())).findFirst().orElseThrow();
		String ep3Row = lines.stream().filter(l -> l.contains(data.ep3().id().toString())).findFirst().orElseThrow();
		assertThat(ep1Row.split(",", -1)[episode]).isEqualTo(data.ep1().id().toString());
		assertThat(ep1Row.split(",", -1)[flag]).isEqualTo(withdrawn.toString());
		assertThat(ep3Row.split(",", -1)[flag]).isEmpty();

		assertThat(export(cells.physician(), "long").split("\r\n")[0]).contains("trial_consent_withdrawn_on");
		assertThat(export(data.signedIn("RESEARCHER"), "long").split("\r\n")[0]).as("not in the de-identified layout")
			.doesNotContain("trial_consent_withdrawn_on");

		decide("TRIAL", "GIVEN", LocalDate.now());
		String restored = export(cells.physician(), "wide").lines()
			.filter(l -> l.contains(data.ep1().id().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(restored.split(",", -1)[flag]).isEmpty();
	}

}

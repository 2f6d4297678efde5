package org.spinecell.analytics.export;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.analytics.export.ResearchExportTests.agreement;
import static org.spinecell.analytics.export.ResearchExportTests.csv;
import static org.spinecell.analytics.export.ResearchExportTests.unzip;

/** The research export page: the same zip as the API, refusals beside their fields, and only for the analysts. */
class ResearchExportPageTests extends IntegrationTest {

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

	private static final String PAGE = "/research-export";

	private static final String DOWNLOAD = "/research-export/download";

	private String researcherName;

	private WebSession web;

	private void signInResearcher() {
		researcherName = createUser("RESEARCHER", Set.of(cells.clinicId()));
		web = new WebSession(port);
		web.signIn(researcherName, USER_PASSWORD);
	}

	@Test
	void theDownloadIsTheApisZipForTheSameCohort() {
		data.buildDataset();
		signInResearcher();
		TestApi api = login(researcherName, USER_PASSWORD);
		UUID cohort = id(ok(api.post("/api/v1/analytics/cohorts",
				Map.of("name", "Fluoroscopy only", "filter", Map.of("guidance", "FLUOROSCOPY")))));

		WebSession.Page page = web.get(PAGE);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("<option value=\"\">All episodes of my clinics</option>")
			.contains("value=\"" + cohort + "\">Fluoroscopy only</option>")
			.contains("value=\"deidentified\"")
			.doesNotContain("value=\"limited\"")
			.contains("No data-use agreement naming you is in")
			.contains("action=\"/research-export/download\"")
			.contains("aria-current=\"page\">Research export</a>");

		HttpResponse<byte[]> zip = web.getBytes(DOWNLOAD + "?cohort=" + cohort + "&variant=deidentified");
		assertThat(zip.statusCode()).as(new String(zip.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("attachment; filename=\"spinecell-research-deidentified-");
		Map<String, String> files = unzip(zip.body());
		assertThat(files.keySet()).containsExactly("patients.csv", "episodes.csv", "outcomes.csv", "medications.csv",
				"adverse_events.csv", "interventions.csv", "data_dictionary.csv", "summary.csv", "README.txt");
		// Episode 1 only: fluoroscopy, and its patient consents to registry and research.
		assertThat(csv(files.get("episodes.csv"))).hasSize(1);
		assertThat(files.get("README.txt")).contains("saved cohort " + cohort);

		Map<String, String> fromApi = unzip(api.getBytes("/api/v1/exports/research?cohort=" + cohort).body());
		assertThat(files).isEqualTo(fromApi);

		Map<String, String> everything = unzip(web.getBytes(DOWNLOAD + "?cohort=&variant=deidentified").body());
		assertThat(everything.get("README.txt")).contains("all episodes of your clinics");
		assertThat(everything.get("patients.csv")).isEqualTo(
				unzip(api.getBytes("/api/v1/exports/research").body()).get("patients.csv"));
	}

	@Test
	void aRefusedChoiceComesBackBesideItsFieldWithItsStatus() {
		signInResearcher();
		UUID someoneElses = id(ok(cells.physician().post("/api/v1/analytics/cohorts",
				Map.of("name", "Not yours", "filter", Map.of("sex", "FEMALE")))));

		WebSession.Page unknown = web.get(DOWNLOAD + "?cohort=" + UUID.randomUUID() + "&variant=deidentified");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.html()).contains("id=\"cohort-error\"").contains("None of your saved cohorts has this id");
		WebSession.Page notYours = web.get(DOWNLOAD + "?cohort=" + someoneElses + "&variant=deidentified");
		assertThat(notYours.status()).isEqualTo(404);
		assertThat(notYours.html()).contains("id=\"cohort-error\"").doesNotContain("Not yours");

		WebSession.Page garbled = web.get(DOWNLOAD + "?cohort=nope&variant=deidentified");
		assertThat(garbled.status()).isEqualTo(400);
		assertThat(garbled.html()).contains("id=\"cohort-error\"").contains("must be chosen from the list");

		WebSession.Page variant = web.get(DOWNLOAD + "?variant=identified");
		assertThat(variant.status()).isEqualTo(400);
		assertThat(variant.html()).contains("id=\"variant-error\"").contains("Choose de-identified or limited");

		WebSession.Page limited = web.get(DOWNLOAD + "?variant=limited");
		assertThat(limited.status()).isEqualTo(403);
		assertThat(limited.html()).contains("id=\"agreement-error\"").contains("No data-use agreement was given");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE entity_type = 'ResearchExport' AND clinic_id = :c")
			.param("c", cells.clinicId())
			.query(Long.class)
			.single()).as("nothing exported, nothing audited").isZero();
	}

	@Test
	void theLimitedDataSetIsOfferedWhileAnAgreementNamingTheResearcherIsInForce() {
		data.buildDataset();
		signInResearcher();
		TestApi clinicAdmin = login(createUser("ADMIN", Set.of(cells.clinicId())), USER_PASSWORD);
		UUID agreement = agreement(clinicAdmin, userId(researcherName), LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(30));
		agreement(clinicAdmin, userId(researcherName), LocalDate.now().minusDays(60), LocalDate.now().minusDays(2));

		WebSession.Page page = web.get(PAGE);
		assertThat(page.html()).contains("value=\"limited\"")
			.contains("Dose-response study (DUA-2026-07), in force until " + LocalDate.now().plusDays(30))
			.containsOnlyOnce("Dose-response study (DUA-2026-07)")
			.doesNotContain("No data-use agreement naming you");

		HttpResponse<byte[]> zip = web.getBytes(DOWNLOAD + "?cohort=&variant=limited&agreement=" + agreement);
		assertThat(zip.statusCode()).isEqualTo(200);
		Map<String, String> files = unzip(zip.body());
		assertThat(files.get("README.txt")).contains("LIMITED DATA SET under data-use agreement " + agreement);
		assertThat(csv(files.get("patients.csv")).get(0)).containsKey("zip5");
		// The agreement stays selected when the de-identified variant is chosen; it is then ignored.
		Map<String, String> plain = unzip(web.getBytes(DOWNLOAD + "?variant=deidentified&agreement=" + agreement).body());
		assertThat(csv(plain.get("patients.csv")).get(0)).doesNotContainKey("zip5");

		ok(clinicAdmin.post("/api/v1/data-use-agreements/" + agreement + "/end",
				Map.of("reason", "Study closed early")));
		assertThat(web.get(PAGE).html()).doesNotContain("value=\"limited\"").contains("No data-use agreement naming you");
		WebSession.Page refused = web.get(DOWNLOAD + "?variant=limited&agreement=" + agreement);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.html()).contains("id=\"agreement-error\"").contains("was ended early on " + LocalDate.now());
	}

	@Test
	void onlyTheAnalystRolesSeeThePage() {
		signInResearcher();
		assertThat(web.get("/").html()).contains("href=\"/research-export\"");
		for (String role : List.of("PHYSICIAN", "COORDINATOR")) {
			WebSession staff = new WebSession(port);
			staff.signIn(createUser(role, Set.of(cells.clinicId())), USER_PASSWORD);
			assertThat(staff.get("/").html()).as(role).contains("href=\"/research-export\"");
			assertThat(staff.get(PAGE).status()).as(role).isEqualTo(200);
		}
		for (String role : List.of("LAB", "ADMIN", "AUDITOR")) {
			WebSession other = new WebSession(port);
			other.signIn(createUser(role, Set.of(cells.clinicId())), USER_PASSWORD);
			assertThat(other.get("/").html()).as(role).doesNotContain("href=\"/research-export\"");
			assertThat(other.get(PAGE).status()).as(role).isEqualTo(403);
			HttpResponse<byte[]> download = other.getBytes(DOWNLOAD + "?variant=deidentified");
			assertThat(download.statusCode()).as(role).isEqualTo(403);
			assertThat(download.headers().firstValue("Content-Type").orElse("")).doesNotContain("zip");
		}
	}

}

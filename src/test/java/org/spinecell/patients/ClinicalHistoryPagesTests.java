package org.spinecell.patients;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator records a patient's clinical history through the chart's forms, over real HTTP:
 * what is accepted shows on the chart, what the services refuse shows beside its field and stores
 * nothing, and a lab user reads the history without being offered the forms.
 */
class ClinicalHistoryPagesTests extends IntegrationTest {

	private UUID clinic;

	private WebSession coordinator;

	private String patientId;

	@BeforeEach
	void coordinatorWithPatient() {
		clinic = createClinic("History pages");
		coordinator = new WebSession(port);
		coordinator.signIn(createUser("COORDINATOR", Set.of(clinic)), USER_PASSWORD);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("clinicId", clinic.toString());
		fields.put("mrn", "HIST-" + unique());
		fields.put("givenName", "Rosa");
		fields.put("familyName", "Marsh");
		fields.put("birthDate", "1968-03-14");
		fields.put("sex", "FEMALE");
		fields.put("preferredLanguage", "en");
		fields.put("_csrf", coordinator.get("/patients/new").csrf());
		WebSession.Page chart = coordinator.post("/patients/new", fields);
		assertThat(chart.html()).contains("Patient registered.");
		patientId = chart.uri().replaceAll(".*/patients/([0-9a-f-]{36}).*", "$1");
	}

	@Test
	void theChartShowsEveryHistorySectionWithItsAddLink() {
		String html = coordinator.get("/patients/" + patientId).html();
		assertThat(html).contains("id=\"diagnoses\"", "id=\"imaging\"", "id=\"prior-treatments\"", "id=\"consents\"")
			.contains("No diagnosis recorded.", "No imaging finding recorded.", "No prior treatment recorded.")
			.contains("/patients/" + patientId + "/diagnoses/new", "/patients/" + patientId + "/imaging/new",
					"/patients/" + patientId + "/prior-treatments/new", "/patients/" + patientId + "/consents/new");
		assertThat(html.indexOf("id=\"diagnoses\"")).isLessThan(html.indexOf("id=\"imaging\""));
		assertThat(html.indexOf("id=\"imaging\"")).isLessThan(html.indexOf("id=\"prior-treatments\""));
		assertThat(html.indexOf("id=\"prior-treatments\"")).isLessThan(html.indexOf("id=\"consents\""));
	}

	@Test
	void aCoordinatorAddsADiagnosisAndSeesItOnTheChart() {
		WebSession.Page form = coordinator.get("/patients/" + patientId + "/diagnoses/new");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html()).contains("id=\"level-L4-L5\"", "id=\"level-C1-C2\"", "id=\"level-L5-S1\"",
				"id=\"level-S1\"", "list=\"icd10-options\"");

		Map<String, String> fields = diagnosis("m51.360", "L3-L4", "L4-L5");
		fields.put("primary", "true");
		fields.put("side", "BILATERAL");
		fields.put("onsetDate", "2021-06-01");
		fields.put("symptomDurationMonths", "30");
		WebSession.Page chart = coordinator.post("/patients/" + patientId + "/diagnoses/new", fields);

		assertThat(chart.uri()).contains("/patients/" + patientId);
		assertThat(chart.html()).contains("Diagnosis M51.360 recorded.")
			.contains("Lumbar disc degeneration with discogenic back pain only")
			.contains("L3-L4, L4-L5")
			.contains("Bilateral", "2021-06-01", "30 months", "Primary")
			.doesNotContain("No diagnosis recorded.");
		assertThat(rows("diagnosis")).isEqualTo(1);
	}

	@Test
	void aLevelOutsideTheCodesRegionIsShownBesideTheLevelsAndNothingIsStored() {
		WebSession.Page page = coordinator.post("/patients/" + patientId + "/diagnoses/new",
				diagnosis("M51.360", "C5-C6"));
		assertThat(page.html()).contains("id=\"levels-error\"")
			.contains("C5-C6 is not a level of the LUMBAR region that M51.360 names")
			.contains("value=\"M51.360\"");
		// The level the user ticked stays ticked, so it can be corrected.
		assertThat(page.html()).containsPattern("id=\"level-C5-C6\"[^>]*checked|checked[^>]*id=\"level-C5-C6\"");

		WebSession.Page none = coordinator.post("/patients/" + patientId + "/diagnoses/new", diagnosis("M51.360"));
		assertThat(none.html()).contains("id=\"levels-error\"").contains("name at least one spinal level");

		WebSession.Page unknown = coordinator.post("/patients/" + patientId + "/diagnoses/new",
				diagnosis("Z99.9", "L4-L5"));
		assertThat(unknown.html()).contains("id=\"icd10-error\"").contains("not a code of the ICD-10-CM spine catalogue");
		assertThat(rows("diagnosis")).isZero();
	}

	@Test
	void aPfirrmannGradeOffItsScaleIsShownBesideTheGradeAndNothingIsStored() {
		Map<String, String> fields = imaging("MRI", "2024-02-01");
		fields.put("level", "L4-L5");
		fields.put("pfirrmannScale", "FIVE_GRADE");
		fields.put("pfirrmannGrade", "6");
		WebSession.Page page = coordinator.post("/patients/" + patientId + "/imaging/new", fields);
		assertThat(page.html()).contains("id=\"pfirrmannGrade-error\"")
			.contains("must be between 1 and 5 on the FIVE_GRADE scale");

		Map<String, String> modicOnCt = imaging("CT", "2024-02-01");
		modicOnCt.put("modicType", "1");
		assertThat(coordinator.post("/patients/" + patientId + "/imaging/new", modicOnCt).html())
			.contains("id=\"modicType-error\"").contains("Modic changes are read from MRI only");

		WebSession.Page missing = coordinator.post("/patients/" + patientId + "/imaging/new", imaging("", ""));
		assertThat(missing.html()).contains("id=\"modality-error\"", "id=\"studyDate-error\"");
		assertThat(rows("imaging_finding")).isZero();
	}

	@Test
	void anImagingFindingAppearsOnTheChartWithItsGrades() {
		Map<String, String> fields = imaging("MRI", "2024-02-01");
		fields.put("level", "L5-S1");
		fields.put("pfirrmannScale", "EIGHT_GRADE");
		fields.put("pfirrmannGrade", "6");
		fields.put("modicType", "1");
		fields.put("herniation", "PROTRUSION");
		fields.put("stenosisGrade", "MILD");
		fields.put("annularFissure", "true");
		fields.put("impression", "Dark disc with a posterior fissure.");
		WebSession.Page chart = coordinator.post("/patients/" + patientId + "/imaging/new", fields);
		assertThat(chart.html()).contains("MRI finding of 2024-02-01 recorded.")
			.contains("L5-S1", "Pfirrmann grade 6 of 8", "Type 1 — oedema", "Herniation: protrusion", "Stenosis: mild",
					"Annular fissure", "Dark disc with a posterior fissure.");
		assertThat(rows("imaging_finding")).isEqualTo(1);
	}

	@Test
	void hostileTextInAnImpressionIsRenderedEscaped() {
		Map<String, String> fields = imaging("XRAY", "2024-03-01");
		fields.put("impression", "<script>alert('impression')</script> <b>bold</b>");
		WebSession.Page chart = coordinator.post("/patients/" + patientId + "/imaging/new", fields);
		assertThat(chart.html()).contains("&lt;script&gt;alert(").contains("&lt;b&gt;bold&lt;/b&gt;")
			.doesNotContain("<script>alert(")
			.doesNotContain("<b>bold</b>");
	}

	@Test
	void aPriorTreatmentAndAConsentAppearOnTheChart() {
		Map<String, String> treatment = treatment("INJECTION", "Epidural steroid injection at L4-L5", "2023-01-10",
				"2023-02-01");
		treatment.put("response", "PARTIAL");
		WebSession.Page chart = coordinator.post("/patients/" + patientId + "/prior-treatments/new", treatment);
		assertThat(chart.html()).contains("Prior treatment (Injection) recorded.")
			.contains("Epidural steroid injection at L4-L5", "2023-01-10", "2023-02-01", "Partial");

		String today = LocalDate.now().toString();
		Map<String, String> consent = consent("RESEARCH", "GIVEN", today, "v2.1");
		consent.put("note", "Signed in clinic");
		chart = coordinator.post("/patients/" + patientId + "/consents/new", consent);
		assertThat(chart.html()).contains("Research use of data consent given on " + today + " recorded.")
			.contains("v2.1", "Given", "Test COORDINATOR", "Consent history (1 decision)", "Signed in clinic");

		chart = coordinator.post("/patients/" + patientId + "/consents/new", consent("RESEARCH", "WITHDRAWN", today, ""));
		assertThat(chart.html()).contains("Withdrawn").contains("Consent history (2 decisions)");
		assertThat(rows("prior_treatment")).isEqualTo(1);
		assertThat(rows("consent")).isEqualTo(2);
	}

	@Test
	void treatmentAndConsentRefusalsAreShownBesideTheirFields() {
		WebSession.Page backwards = coordinator.post("/patients/" + patientId + "/prior-treatments/new",
				treatment("SURGERY", "Microdiscectomy", "2023-05-01", "2023-04-01"));
		assertThat(backwards.html()).contains("id=\"endDate-error\"").contains("must not be before startDate");
		WebSession.Page blank = coordinator.post("/patients/" + patientId + "/prior-treatments/new",
				treatment("", "", "", ""));
		assertThat(blank.html()).contains("id=\"type-error\"", "id=\"description-error\"");

		String today = LocalDate.now().toString();
		WebSession.Page unsigned = coordinator.post("/patients/" + patientId + "/consents/new",
				consent("TREATMENT", "GIVEN", today, ""));
		assertThat(unsigned.html()).contains("id=\"formVersion-error\"")
			.contains("name the version of the form the patient signed");
		WebSession.Page nothingToWithdraw = coordinator.post("/patients/" + patientId + "/consents/new",
				consent("TRIAL", "WITHDRAWN", today, ""));
		assertThat(nothingToWithdraw.html()).contains("id=\"status-error\"").contains("nothing to withdraw");
		WebSession.Page future = coordinator.post("/patients/" + patientId + "/consents/new",
				consent("TRIAL", "GIVEN", LocalDate.now().plusDays(3).toString(), "v1"));
		assertThat(future.html()).contains("id=\"effectiveDate-error\"").contains("must not be in the future");
		assertThat(rows("prior_treatment")).isZero();
		assertThat(rows("consent")).isZero();
	}

	@Test
	void theCodeLookUpReturnsMatchingBillableCodesAsOptions() {
		WebSession.Page byCode = coordinator.getWithHeader("/patients/codes?q=m51.36", "HX-Request", "true");
		assertThat(byCode.status()).isEqualTo(200);
		assertThat(byCode.html()).contains("<option value=\"M51.360\"", "<option value=\"M51.369\"")
			.contains("Lumbar disc degeneration with discogenic back pain only")
			.doesNotContain("M50.")
			.doesNotContain("<html");

		WebSession.Page byWords = coordinator.getWithHeader("/patients/codes?icd10=cervical+radiculopathy",
				"HX-Request", "true");
		assertThat(byWords.html()).contains("value=\"M50.121\"").doesNotContain("value=\"M51.");

		assertThat(coordinator.get("/patients/codes?q=").html()).doesNotContain("<option");
		assertThat(coordinator.get("/patients/codes?q=" + "x".repeat(150)).status()).isEqualTo(200);
	}

	@Test
	void aLabUserSeesTheHistoryButNoAddLinks() {
		coordinator.post("/patients/" + patientId + "/diagnoses/new", diagnosis("M51.16", "L4-L5"));
		WebSession lab = new WebSession(port);
		lab.signIn(createUser("LAB", Set.of(clinic)), USER_PASSWORD);

		String html = lab.get("/patients/" + patientId).html();
		assertThat(html).contains("id=\"diagnoses\"", "id=\"imaging\"", "id=\"prior-treatments\"", "id=\"consents\"")
			.contains("M51.16", "Lumbar disc disorder with nerve-root pain (radiculopathy)")
			.doesNotContain("/diagnoses/new", "/imaging/new", "/prior-treatments/new", "/consents/new")
			.doesNotContain("Add diagnosis");
		assertThat(lab.get("/patients/" + patientId + "/diagnoses/new").status()).isEqualTo(403);
		assertThat(lab.get("/patients/" + patientId + "/consents/new").status()).isEqualTo(403);
	}

	@Test
	void aVoidedPatientsChartOffersNoForms() {
		coordinator.post("/patients/" + patientId + "/void",
				Map.of("reason", "Registered twice", "version", "0", "_csrf", coordinator.get("/patients/" + patientId).csrf()));
		String html = coordinator.get("/patients/" + patientId).html();
		assertThat(html).contains("This record was voided").doesNotContain("/diagnoses/new");

		WebSession.Page refused = coordinator.post("/patients/" + patientId + "/diagnoses/new",
				diagnosis("M51.16", "L4-L5"));
		assertThat(refused.html()).contains("role=\"alert\"").contains("cannot be added to or changed");
		assertThat(rows("diagnosis")).isZero();
	}

	private Map<String, String> diagnosis(String code, String... levels) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("icd10", code);
		for (int i = 0; i < levels.length; i++) {
			fields.put("levels#" + i, levels[i]);
		}
		fields.put("status", "ACTIVE");
		fields.put("_primary", "on");
		fields.put("_csrf", coordinator.get("/patients/" + patientId + "/diagnoses/new").csrf());
		return fields;
	}

	private Map<String, String> imaging(String modality, String studyDate) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("modality", modality);
		fields.put("studyDate", studyDate);
		fields.put("_csrf", coordinator.get("/patients/" + patientId + "/imaging/new").csrf());
		return fields;
	}

	private Map<String, String> treatment(String type, String description, String start, String end) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", type);
		fields.put("description", description);
		fields.put("startDate", start);
		fields.put("endDate", end);
		fields.put("_csrf", coordinator.get("/patients/" + patientId + "/prior-treatments/new").csrf());
		return fields;
	}

	private Map<String, String> consent(String type, String status, String effectiveDate, String formVersion) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", type);
		fields.put("status", status);
		fields.put("effectiveDate", effectiveDate);
		fields.put("formVersion", formVersion);
		fields.put("_csrf", coordinator.get("/patients/" + patientId + "/consents/new").csrf());
		return fields;
	}

	/** Rows of a history table for the test's patient, counted as the owner (no row-level security). */
	private long rows(String table) {
		assertThat(table).isIn("diagnosis", "imaging_finding", "prior_treatment", "consent");
		return ownerJdbc().sql("SELECT count(*) FROM " + table + " WHERE patient_id = :p")
			.param("p", UUID.fromString(patientId))
			.query(Long.class)
			.single();
	}

}

package org.spinecell.patients;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A coordinator's patient pages through real HTTP: register, find, chart, edit, void. */
class PatientPagesTests extends IntegrationTest {

	private UUID clinic;

	private WebSession browser;

	@BeforeEach
	void signInAsCoordinator() {
		clinic = createClinic("Pages");
		browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(clinic)), USER_PASSWORD);
	}

	@Test
	void aCoordinatorRegistersAPatientThroughTheFormAndLandsOnTheChart() {
		String mrn = "WEB-" + unique();
		WebSession.Page chart = register(mrn, "Beatrix", "Kiddo", "1972-05-04");
		assertThat(chart.uri()).matches(".*/patients/[0-9a-f-]{36}$");
		assertThat(chart.html()).contains("Patient registered.").contains("Kiddo, Beatrix").contains(mrn);

		WebSession.Page found = browser.get("/patients?q=kiddo");
		assertThat(found.html()).contains("Kiddo, Beatrix").contains("1 patient");
	}

	@Test
	void theLiveSearchReturnsOnlyTheResultsFragment() {
		register("FRAG-" + unique(), "Fragment", "Only" + unique(), "1980-01-01");
		WebSession.Page page = browser.getWithHeader("/patients?q=fragment", "HX-Request", "true");
		assertThat(page.html()).contains("id=\"results\"").doesNotContain("<html").doesNotContain("site-header");
	}

	@Test
	void formErrorsAreShownBesideTheirFieldsAndNothingIsStored() {
		long before = patients();
		Map<String, String> fields = form("", "", "Nobody", "2999-01-01");
		fields.put("sex", "");
		WebSession.Page page = browser.post("/patients/new", fields);
		assertThat(page.html()).contains("id=\"mrn-error\"").contains("id=\"givenName-error\"")
			.contains("id=\"sex-error\"")
			.contains("is required");
		assertThat(patients()).isEqualTo(before);

		WebSession.Page future = browser.post("/patients/new", form("FUT-" + unique(), "Marty", "McFly", "2999-01-01"));
		assertThat(future.html()).contains("id=\"birthDate-error\"").contains("must not be in the future");
		WebSession.Page notADate = browser.post("/patients/new", form("NAD-" + unique(), "Marty", "McFly", "yesterday"));
		assertThat(notADate.html()).contains("id=\"birthDate-error\"").contains("must be a date");
		assertThat(patients()).isEqualTo(before);
	}

	@Test
	void hostileNamesAreRenderedEscapedOnListAndChart() {
		String tag = unique();
		WebSession.Page chart = register("XSS-" + tag, "<img src=x onerror=alert(1)>", "Evil" + tag, "1970-01-01");
		assertThat(chart.html()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
		WebSession.Page list = browser.get("/patients?q=evil" + tag);
		assertThat(list.html()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
	}

	@Test
	void aStaleEditIsRefusedWithAMessageAndChangesNothing() {
		WebSession.Page chart = register("EDIT-" + unique(), "Original", "Name", "1970-01-01");
		String id = chart.uri().substring(chart.uri().lastIndexOf('/') + 1);
		WebSession.Page edit = browser.get("/patients/" + id + "/edit");
		Map<String, String> fields = form(null, "Changed", "Name", "1970-01-01");
		fields.put("mrn", edit.html().replaceAll("(?s).*id=\"mrn\"[^>]*value=\"([^\"]*)\".*", "$1"));
		fields.put("version", "0");
		fields.put("_csrf", edit.csrf());
		assertThat(browser.post("/patients/" + id + "/edit", fields).html()).contains("Changes saved.");

		fields.put("givenName", "Overwritten");
		WebSession.Page stale = browser.post("/patients/" + id + "/edit", fields);
		assertThat(stale.html()).contains("changed by someone else");
		assertThat(browser.get("/patients/" + id).html()).contains("Name, Changed").doesNotContain("Overwritten");
	}

	@Test
	void voidingNeedsAReasonAndKeepsTheRecord() {
		WebSession.Page chart = register("VOID-" + unique(), "Void", "Candidate", "1970-01-01");
		String id = chart.uri().substring(chart.uri().lastIndexOf('/') + 1);
		WebSession.Page refused = browser.post("/patients/" + id + "/void",
				Map.of("reason", "", "version", "0", "_csrf", chart.csrf()));
		assertThat(refused.html()).contains("Give a reason");
		WebSession.Page voided = browser.post("/patients/" + id + "/void",
				Map.of("reason", "Duplicate registration", "version", "0", "_csrf", refused.csrf()));
		assertThat(voided.html()).contains("This record was voided").contains("Duplicate registration");
	}

	@Test
	void anotherClinicsPatientPageIsNotFound() {
		WebSession.Page chart = register("OWN-" + unique(), "Mine", "Only", "1970-01-01");
		String id = chart.uri().substring(chart.uri().lastIndexOf('/') + 1);
		WebSession outsider = new WebSession(port);
		outsider.signIn(createUser("PHYSICIAN", Set.of(createClinic("Outside"))), USER_PASSWORD);
		WebSession.Page page = outsider.get("/patients/" + id);
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.html()).doesNotContain("Mine");
	}

	@Test
	void unstorableTextAndImplausibleDatesAreShownBesideTheirFieldsAndNothingIsStored() {
		long before = patients();
		for (String text : List.of("\u200b\u200b", "Ann\u0000a", "\u00a0\u2060")) {
			WebSession.Page page = register("TXT-" + unique(), text, "Quinn", "1970-01-01");
			assertThat(page.html()).as(text).contains("id=\"givenName-error\"").contains("cannot be stored");
		}
		WebSession.Page ancient = register("OLD-" + unique(), "Methuselah", "Quinn", "0000-01-01");
		assertThat(ancient.html()).contains("id=\"birthDate-error\"");
		assertThat(patients()).isEqualTo(before);
	}

	private WebSession.Page register(String mrn, String given, String family, String birthDate) {
		return browser.post("/patients/new", form(mrn, given, family, birthDate));
	}

	private Map<String, String> form(String mrn, String given, String family, String birthDate) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("clinicId", clinic.toString());
		if (mrn != null) {
			fields.put("mrn", mrn);
		}
		fields.put("givenName", given);
		fields.put("familyName", family);
		fields.put("birthDate", birthDate);
		fields.put("sex", "FEMALE");
		fields.put("preferredLanguage", "en");
		fields.put("_csrf", browser.get("/patients/new").csrf());
		return fields;
	}

	private long patients() {
		return ownerJdbc().sql("SELECT count(*) FROM patient").query(Long.class).single();
	}

}

package org.spinecell.analytics.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.analytics.AnalyticsDataset.Episode;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The research export zip, unpacked and checked rule by rule on seeded patients whose names, MRN,
 * e-mail, phone, ZIP codes, dates and free text must not survive it.
 * <p>
 * Over 400 lines because each Safe Harbor and limited-data-set rule is checked on the same
 * unpacked zip.
 */
public class ResearchExportTests extends IntegrationTest {

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

	private static final String PATH = "/api/v1/exports/research";

	private static final List<String> FILES = List.of("patients.csv", "episodes.csv", "outcomes.csv",
			"medications.csv", "adverse_events.csv", "interventions.csv");

	@Autowired
	private Pseudonyms pseudonyms;

	/** A seeded patient: id, the identifiers to look for in the zip, and the index procedure. */
	private record Seeded(UUID id, List<String> identifiers, LocalDate procedureDate, UUID procedure) {
	}

	private Seeded young;

	private Seeded old;

	private Seeded registryOnly;

	private Seeded researchOnly;

	private String freeText;

	private void seed() {
		String family = "Vanderbilt" + letters();
		String mrn = "RX-" + unique();
		LocalDate d1 = LocalDate.now().minusDays(400);
		young = patient("Henrietta", family, mrn, "1960-05-17", "henrietta." + unique() + "@example.org",
				"+1 (603) 555-0147", "03601", d1, true, true);
		freeText = "Henrietta " + family + " (MRN " + mrn + ") called +1 (603) 555-0147 on 2025-03-04 from "
				+ young.identifiers().get(4) + ", lives at ZIP 03601, notes at https://example.org/p/1";
		ok(cells.physician().post("/api/v1/patients/" + young.id() + "/medications", Map.of("drug",
				"Oxycodone per Henrietta " + family + " 2025-03-04", "dose", 10, "unit", "mg", "route", "ORAL",
				"frequencyPerDay", 3, "start", d1.minusDays(30).toString(), "stop", d1.plusDays(100).toString())));
		data.adverseEvent(new Episode(young.procedure(), young.id(), d1, Map.of()), d1.plusDays(10), 2, List.of(),
				"POSSIBLE", freeText);
		ok(cells.physician().post("/api/v1/patients/" + young.id() + "/interventions",
				Map.of("type", "SURGERY", "date", d1.plusDays(200).toString(), "level", "L4-L5", "reason",
						"Henrietta " + family + " asked for surgery, call 603-555-0147", "procedureId", young.procedure())));

		// Not today: the README carries the day of the export.
		LocalDate recent = LocalDate.now().minusDays(3);
		old = patient("Bartholomew", "Okonkwo" + letters(), "RX-" + unique(),
				recent.minusYears(93).minusDays(10).toString(), "bart." + unique() + "@example.net", "212-555-0199",
				"12345", recent, true, true);
		registryOnly = patient("Registryonly", "Person" + letters(), "RX-" + unique(), "1970-01-01", null, null,
				"10001", LocalDate.now().minusDays(20), true, false);
		researchOnly = patient("Researchonly", "Person" + letters(), "RX-" + unique(), "1971-01-01", null, null,
				"10002", LocalDate.now().minusDays(30), false, true);
	}

	private Seeded patient(String given, String family, String mrn, String birthDate, String email, String phone,
			String zip, LocalDate procedureDate, boolean registry, boolean research) {
		Map<String, Object> body = new HashMap<>();
		body.put("clinicId", cells.clinicId());
		body.put("mrn", mrn);
		body.put("givenName", given);
		body.put("familyName", family);
		body.put("birthDate", birthDate);
		body.put("sex", "FEMALE");
		body.put("postalCode", zip);
		if (email != null) {
			body.put("email", email);
			body.put("phone", phone);
		}
		cells.switchToPatient(id(ok(cells.physician().post("/api/v1/patients", body))));
		treatment.prepareEligiblePatient(registry);
		if (research) {
			treatment.consent("RESEARCH");
		}
		UUID procedure = treatment.injectAndComplete(Map.of("date", procedureDate.toString()));
		List<String> identifiers = new ArrayList<>(Arrays.asList(given, family, mrn, birthDate, email, phone, zip,
				cells.patientId().toString(), procedure.toString(), procedureDate.toString()));
		identifiers.removeIf(java.util.Objects::isNull);
		return new Seeded(cells.patientId(), identifiers, procedureDate, procedure);
	}

	@Test
	void theDeIdentifiedZipFollowsSafeHarbor() {
		seed();
		TestApi researcher = data.signedIn("RESEARCHER");
		HttpResponse<byte[]> response = researcher.getBytes(PATH);
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		Map<String, String> zip = unzip(response.body());
		assertThat(zip.keySet()).containsExactly("patients.csv", "episodes.csv", "outcomes.csv", "medications.csv",
				"adverse_events.csv", "interventions.csv", "data_dictionary.csv", "summary.csv", "README.txt");
		String everything = String.join("\n", zip.values());

		// None of the identifiers, in any file: names, MRN, contact, full dates, ZIP codes, ids.
		List<String> planted = new ArrayList<>();
		for (Seeded seeded : List.of(young, old, registryOnly, researchOnly)) {
			planted.addAll(seeded.identifiers());
		}
		planted.addAll(List.of("555-0147", "555-0199", "2025-03-04", "example.org", "example.net",
				cells.clinicId().toString(), operatorName()));
		planted.addAll(dins());
		for (String identifier : planted) {
			assertThat(everything).as("identifier %s", identifier).doesNotContainIgnoringCase(identifier);
		}
		assertThat(everything).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

		// Only patients with current registry AND research consent.
		List<Map<String, String>> patients = csv(zip.get("patients.csv"));
		assertThat(patients).extracting(r -> r.get("subject"))
			.containsExactlyInAnyOrder(pseudonyms.of("P", young.id()), pseudonyms.of("P", old.id()));
		assertThat(everything).doesNotContain(pseudonyms.of("P", registryOnly.id()),
				pseudonyms.of("P", researchOnly.id()));

		// ZIP to 3 digits, 000 for a restricted prefix; ages over 89 as 90+; years only.
		Map<String, String> henrietta = row(patients, "subject", pseudonyms.of("P", young.id()));
		Map<String, String> bartholomew = row(patients, "subject", pseudonyms.of("P", old.id()));
		assertThat(henrietta.get("zip3")).isEqualTo("000");
		assertThat(bartholomew.get("zip3")).isEqualTo("123");
		assertThat(henrietta.keySet()).doesNotContain("zip5", "index_date");
		assertThat(bartholomew.get("age_at_index")).isEqualTo("90+");
		assertThat(henrietta.get("age_at_index"))
			.isEqualTo(String.valueOf(java.time.Period.between(LocalDate.of(1960, 5, 17), young.procedureDate()).getYears()));
		assertThat(henrietta.get("index_year")).isEqualTo(String.valueOf(young.procedureDate().getYear()));
		assertThat(henrietta.get("clinic")).isEqualTo(pseudonyms.of("C", cells.clinicId()));

		List<Map<String, String>> episodes = csv(zip.get("episodes.csv"));
		assertThat(episodes).hasSize(2);
		Map<String, String> oldEpisode = row(episodes, "episode", pseudonyms.of("E", old.procedure()));
		assertThat(oldEpisode.get("age_at_procedure")).isEqualTo("90+");
		assertThat(oldEpisode.get("procedure_day")).isEqualTo("0");
		assertThat(oldEpisode.get("operator")).isEqualTo(pseudonyms.of("OP", userId(cells.physicianUsername())));
		assertThat(oldEpisode.get("cell_source")).isEqualTo("BMAC");

		// Dates as days since the index procedure.
		Map<String, String> medication = csv(zip.get("medications.csv")).get(0);
		assertThat(medication.get("start_day")).isEqualTo("-30");
		assertThat(medication.get("stop_day")).isEqualTo("100");
		assertThat(medication.get("drug")).isEqualTo("Oxycodone per [REMOVED] [REMOVED] [REMOVED]");
		assertThat(medication.keySet()).doesNotContain("start_date", "mme_note");
		Map<String, String> event = csv(zip.get("adverse_events.csv")).get(0);
		assertThat(event.get("onset_day")).isEqualTo("10");
		assertThat(event.get("episode")).isEqualTo(pseudonyms.of("E", young.procedure()));
		assertThat(event.get("grade")).isEqualTo("2");
		assertThat(event.get("awaiting_review")).isEqualTo("false");
		assertThat(event.get("description")).startsWith("[REMOVED] [REMOVED] (MRN [REMOVED]) called [REMOVED] on")
			.contains("lives at ZIP [REMOVED]");
		Map<String, String> intervention = csv(zip.get("interventions.csv")).get(0);
		assertThat(intervention.get("intervention_day")).isEqualTo("200");
		assertThat(intervention.keySet()).doesNotContain("reason");
		assertThat(everything).doesNotContain("asked for surgery");
		List<Map<String, String>> outcomes = csv(zip.get("outcomes.csv"));
		assertThat(outcomes).extracting(r -> r.get("measure")).contains("ODI", "NRS_BACK", "MME");
		assertThat(outcomes).allSatisfy(r -> assertThat(r.get("subject")).startsWith("P"));

		// Every column of every file is in the dictionary, with how it was de-identified.
		List<Map<String, String>> dictionary = csv(zip.get("data_dictionary.csv"));
		for (String file : FILES) {
			for (String column : zip.get(file).split("\r\n", 2)[0].split(",")) {
				assertThat(dictionary).as(file + " " + column)
					.anySatisfy(d -> assertThat(d).containsEntry("file", file).containsEntry("column", column));
			}
		}
		assertThat(row(dictionary, "column", "description").get("de_identification")).contains("SCRUBBED");
		assertThat(row(dictionary, "column", "reason").get("de_identification")).contains("DROPPED");
		assertThat(row(dictionary, "column", "onset_day").get("de_identification")).contains("days since");
		assertThat(row(dictionary, "column", "zip3").get("de_identification")).contains("000");

		// Small cells flagged; the README says what was removed, when, and warns of the small cohort.
		List<Map<String, String>> summary = csv(zip.get("summary.csv"));
		assertThat(row(summary, "table", "patients")).containsEntry("count", "2").containsEntry("small_cell", "true");
		// Each table's groups together, tables in a fixed order, groups sorted: the same data gives the same file.
		List<String> tables = new ArrayList<>();
		summary.forEach(r -> {
			if (tables.isEmpty() || !tables.get(tables.size() - 1).equals(r.get("table"))) {
				tables.add(r.get("table"));
			}
		});
		assertThat(tables).containsExactly("patients", "patients by sex", "patients by condition_family",
				"patients by cell_source", "episodes");
		for (String table : tables) {
			assertThat(summary.stream().filter(r -> r.get("table").equals(table)).map(r -> r.get("group")).toList())
				.as(table)
				.isSorted();
		}
		String readme = zip.get("README.txt");
		assertThat(readme).contains("Exported on: " + LocalDate.now(java.time.ZoneOffset.UTC))
			.contains("de-identified (HIPAA Safe Harbor")
			.contains("fewer than 5 patients (2)")
			.contains("patients.csv: 2 rows")
			.contains("patients = all: 2  [SMALL CELL]")
			.contains("What was removed");

		// The export is audited with counts only.
		Map<String, Object> audit = ownerJdbc().sql("""
				SELECT actor_username, action, changes::text AS changes, changes -> 'variant' ->> 'newValue' AS variant,
				       changes -> 'patients' ->> 'newValue' AS patients
				FROM audit_event WHERE entity_type = 'ResearchExport' AND clinic_id = :clinic
				""").param("clinic", cells.clinicId()).query().singleRow();
		assertThat(audit.get("action")).isEqualTo("ACCESS");
		assertThat(audit.get("variant")).isEqualTo("deidentified");
		assertThat(audit.get("patients")).isEqualTo("2");
		assertThat((String) audit.get("changes")).contains("patients.csv=2").doesNotContain("Henrietta", "Bartholomew");

		publishFigures(zip, planted.size());
	}

	/** The figures of the Safe Harbor check for docs/assurance.md: what was planted and searched, and what was found. */
	private static void publishFigures(Map<String, String> zip, int planted) {
		long rows = zip.entrySet().stream()
			.filter(e -> e.getKey().endsWith(".csv"))
			.mapToLong(e -> e.getValue().split("\r\n").length - 1)
			.sum();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("identifiersPlanted", planted);
		figures.put("files", zip.size());
		figures.put("csvRows", rows);
		figures.put("identifiersFound", 0);
		figures.put("date", LocalDate.now(java.time.ZoneOffset.UTC).toString());
		String markdown = """
				| Identifiers planted (names, MRN, birth dates, e-mail, phone, ZIP, ids, DINs, operator, in fields and free text) | Files in the zip | CSV rows searched | Found in the export | Run |
				| --- | --- | --- | --- | --- |
				| %d | %d | %d | 0 (and no UUID-shaped string) | %s |
				""".formatted(planted, zip.size(), rows, figures.get("date"));
		try {
			org.spinecell.AssuranceReport.publish("research-export", figures, markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void aLimitedDataSetNeedsAnActiveAgreementNamingTheCaller() {
		seed();
		String researcherName = createUser("RESEARCHER", Set.of(cells.clinicId()));
		TestApi researcher = login(researcherName, USER_PASSWORD);
		TestApi clinicAdmin = login(createUser("ADMIN", Set.of(cells.clinicId())), USER_PASSWORD);
		UUID agreement = agreement(clinicAdmin, userId(researcherName), LocalDate.now().minusDays(1),
				LocalDate.now().plusDays(30));

		TestApi.Response none = researcher.get(PATH + "?variant=limited");
		assertThat(none.status()).isEqualTo(403);
		assertThat(none.json().get("detail").asString()).contains("data-use agreement");
		UUID expired = agreement(clinicAdmin, userId(researcherName), LocalDate.now().minusDays(60),
				LocalDate.now().minusDays(1));
		TestApi.Response past = researcher.get(PATH + "?variant=limited&agreement=" + expired);
		assertThat(past.status()).isEqualTo(403);
		assertThat(past.json().get("detail").asString()).contains("not today");
		TestApi otherResearcher = data.signedIn("RESEARCHER");
		assertThat(otherResearcher.get(PATH + "?variant=limited&agreement=" + agreement).status())
			.as("an agreement naming someone else").isEqualTo(403);
		assertThat(cells.physician().get(PATH + "?variant=limited&agreement=" + agreement).status()).isEqualTo(403);
		assertThat(researcher.get(PATH + "?variant=limited&agreement=" + UUID.randomUUID()).status()).isEqualTo(403);
		assertThat(researcher.get(PATH + "?agreement=" + agreement).status()).as("agreement without limited")
			.isEqualTo(400);

		HttpResponse<byte[]> response = researcher.getBytes(PATH + "?variant=limited&agreement=" + agreement);
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		Map<String, String> zip = unzip(response.body());
		Map<String, String> henrietta = row(csv(zip.get("patients.csv")), "subject", pseudonyms.of("P", young.id()));
		Map<String, String> bartholomew = row(csv(zip.get("patients.csv")), "subject", pseudonyms.of("P", old.id()));
		assertThat(henrietta.get("zip5")).isEqualTo("03601");
		assertThat(henrietta.get("zip3")).isEqualTo("000");
		assertThat(bartholomew.get("age_at_index")).isEqualTo("93");
		long shift = ChronoUnit.DAYS.between(young.procedureDate(), LocalDate.parse(henrietta.get("index_date")));
		assertThat(Math.abs(shift)).isBetween(1L, 365L);
		Map<String, String> medication = csv(zip.get("medications.csv")).get(0);
		assertThat(LocalDate.parse(medication.get("start_date")))
			.as("the same offset for all of a patient's dates")
			.isEqualTo(young.procedureDate().minusDays(30).plusDays(shift));
		assertThat(medication.get("start_day")).isEqualTo("-30");
		assertThat(zip.get("README.txt")).contains("LIMITED DATA SET under data-use agreement " + agreement);
		assertThat(row(csv(zip.get("data_dictionary.csv")), "column", "index_date").get("de_identification"))
			.contains("LIMITED DATA SET");
		String everything = String.join("\n", zip.values());
		// (The true procedure date is not searched for in the whole zip: another shifted date may land on it.)
		assertThat(henrietta.get("index_date")).isNotEqualTo(young.procedureDate().toString());
		assertThat(everything).doesNotContain(young.identifiers().get(0), young.identifiers().get(1),
				young.identifiers().get(2), "555-0147");
		assertThat(researcher.getBytes(PATH + "?variant=limited&agreement=" + agreement).body())
			.as("the offset is stable")
			.isEqualTo(response.body());
		String variant = ownerJdbc().sql("""
				SELECT changes -> 'agreementId' ->> 'newValue' FROM audit_event
				WHERE entity_type = 'ResearchExport' AND clinic_id = :clinic
				  AND changes -> 'variant' ->> 'newValue' = 'limited'
				LIMIT 1
				""").param("clinic", cells.clinicId()).query(String.class).single();
		assertThat(variant).isEqualTo(agreement.toString());
	}

	@Test
	void dataUseAgreementsAreRecordedByTheClinicsAdministrators() {
		String researcherName = createUser("RESEARCHER", Set.of(cells.clinicId()));
		TestApi researcher = login(researcherName, USER_PASSWORD);
		TestApi clinicAdmin = login(createUser("ADMIN", Set.of(cells.clinicId())), USER_PASSWORD);
		UUID agreement = agreement(clinicAdmin, userId(researcherName), LocalDate.now(), LocalDate.now().plusDays(90));

		Map<String, Object> entry = ownerJdbc().sql("""
				SELECT action, changes -> 'title' ->> 'newValue' AS title, clinic_id
				FROM audit_event WHERE entity_type = 'DataUseAgreement' AND entity_id = :id
				""").param("id", agreement.toString()).query().singleRow();
		assertThat(entry.get("action")).isEqualTo("CREATE");
		assertThat(entry.get("title")).isEqualTo("Dose-response study");
		assertThat(entry.get("clinic_id")).isEqualTo(cells.clinicId());

		assertThat(researcher.get("/api/v1/data-use-agreements").json().get("items")).hasSize(1);
		assertThat(data.signedIn("RESEARCHER").get("/api/v1/data-use-agreements").json().get("items")).isEmpty();
		assertThat(clinicAdmin.get("/api/v1/data-use-agreements").json().get("items").get(0).get("id").asString())
			.isEqualTo(agreement.toString());

		Map<String, Object> body = agreementBody(userId(cells.physicianUsername()), LocalDate.now(), LocalDate.now());
		TestApi.Response notResearcher = clinicAdmin.post("/api/v1/data-use-agreements", body);
		assertThat(notResearcher.status()).isEqualTo(422);
		assertThat(notResearcher.json().get("errors").get(0).get("field").asString()).isEqualTo("recipientUserId");
		TestApi.Response backwards = clinicAdmin.post("/api/v1/data-use-agreements",
				agreementBody(userId(researcherName), LocalDate.now(), LocalDate.now().minusDays(1)));
		assertThat(backwards.status()).isEqualTo(422);
		assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("endDate");
		TestApi.Response noTitle = clinicAdmin.post("/api/v1/data-use-agreements", Map.of("recipientUserId",
				userId(researcherName)));
		assertThat(noTitle.status()).isEqualTo(422);
		assertThat(noTitle.body()).contains("\"title\"", "\"startDate\"");
		assertThat(admin.post("/api/v1/data-use-agreements",
				agreementBody(userId(researcherName), LocalDate.now(), LocalDate.now())).status())
			.as("an administrator of no clinic").isEqualTo(400);
		assertThat(cells.physician().post("/api/v1/data-use-agreements",
				agreementBody(userId(researcherName), LocalDate.now(), LocalDate.now())).status()).isEqualTo(403);
		assertThat(researcher.post("/api/v1/data-use-agreements",
				agreementBody(userId(researcherName), LocalDate.now(), LocalDate.now())).status()).isEqualTo(403);
	}

	@Test
	void administratorsRecordAgreementsOnTheirPageWithErrorsBesideTheFields() {
		String researcherName = createUser("RESEARCHER", Set.of(cells.clinicId()));
		UUID researcherId = userId(researcherName);
		WebSession web = new WebSession(port);
		web.signIn(createUser("ADMIN", Set.of(cells.clinicId())), USER_PASSWORD);
		WebSession.Page page = web.get("/admin/data-use-agreements");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("No agreements recorded").contains("value=\"" + researcherId + "\"");

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", page.csrf());
		fields.put("recipientUserId", researcherId.toString());
		fields.put("title", "");
		fields.put("purpose", "Dose and ODI change");
		fields.put("startDate", LocalDate.now().toString());
		fields.put("endDate", LocalDate.now().minusDays(1).toString());
		WebSession.Page refused = web.post("/admin/data-use-agreements", fields);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.html()).contains("id=\"title-error\"").doesNotContain("id=\"purpose-error\"");
		fields.put("title", "Registry dose study");
		WebSession.Page backwards = web.post("/admin/data-use-agreements", fields);
		assertThat(backwards.html()).contains("id=\"endDate-error\"").contains("must not be before the start date");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM data_use_agreement WHERE clinic_id = :clinic")
			.param("clinic", cells.clinicId())
			.query(Long.class)
			.single()).isZero();

		fields.put("endDate", LocalDate.now().plusDays(365).toString());
		WebSession.Page recorded = web.post("/admin/data-use-agreements", fields);
		assertThat(recorded.uri()).endsWith("/admin/data-use-agreements");
		assertThat(recorded.html()).contains("Data-use agreement recorded.")
			.contains("Registry dose study")
			.contains("In force");
		assertThat(login(researcherName, USER_PASSWORD).get("/api/v1/data-use-agreements").json().get("items"))
			.hasSize(1);
	}

	@Test
	void badRequestsAreProblemsAndIdentifiedDataStaysRefused() {
		TestApi researcher = data.signedIn("RESEARCHER");
		TestApi.Response variant = researcher.get(PATH + "?variant=csv");
		assertThat(variant.status()).isEqualTo(400);
		assertThat(variant.json().get("errors").get(0).get("field").asString()).isEqualTo("variant");
		assertThat(researcher.get(PATH + "?variant=identified").status()).isEqualTo(403);
		assertThat(researcher.get("/api/v1/analytics/export.csv?identified=true").status()).isEqualTo(403);
		assertThat(cells.physician().get(PATH + "?variant=identified").status()).isEqualTo(400);
		assertThat(researcher.get(PATH + "?cohort=" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(researcher.get(PATH + "?cohort=nope").json().get("errors").get(0).get("field").asString())
			.isEqualTo("cohort");
		assertThat(researcher.get(PATH + "?colour=red").status()).isEqualTo(400);
		assertThat(cells.lab().get(PATH).status()).isEqualTo(403);
		assertThat(anonymous.get(PATH).status()).isEqualTo(401);
	}

	@Test
	void aSavedCohortSelectsTheEpisodes() {
		seed();
		TestApi researcher = data.signedIn("RESEARCHER");
		UUID cohort = id(ok(researcher.post("/api/v1/analytics/cohorts",
				Map.of("name", "Recent", "filter", Map.of("from", LocalDate.now().minusDays(5).toString())))));
		HttpResponse<byte[]> response = researcher.getBytes(PATH + "?cohort=" + cohort);
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, String> zip = unzip(response.body());
		assertThat(csv(zip.get("patients.csv"))).extracting(r -> r.get("subject"))
			.containsExactly(pseudonyms.of("P", old.id()));
		assertThat(zip.get("README.txt")).contains("saved cohort " + cohort).contains("fewer than 5 patients (1)");
		assertThat(researcher.get(PATH + "?cohort=" + cohort + "&sex=MALE").status()).isEqualTo(400);
	}

	public static UUID agreement(TestApi as, UUID recipient, LocalDate start, LocalDate end) {
		TestApi.Response response = as.post("/api/v1/data-use-agreements", agreementBody(recipient, start, end));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return id(response.json());
	}

	static Map<String, Object> agreementBody(UUID recipient, LocalDate start, LocalDate end) {
		return Map.of("recipientUserId", recipient, "title", "Dose-response study", "purpose",
				"Relation of viable-cell dose to ODI change", "startDate", start.toString(), "endDate", end.toString(),
				"reference", "DUA-2026-07");
	}

	private String operatorName() {
		return ownerJdbc().sql("SELECT operator_name FROM procedure WHERE id = :id")
			.param("id", young.procedure())
			.query(String.class)
			.single();
	}

	private List<String> dins() {
		return ownerJdbc().sql("SELECT din FROM cell_product WHERE clinic_id = :clinic")
			.param("clinic", cells.clinicId())
			.query(String.class)
			.list();
	}

	/** Letters only, so that a name cannot look like a number the scrubber removes anyway. */
	private static String letters() {
		StringBuilder out = new StringBuilder();
		for (char c : unique().toCharArray()) {
			out.append((char) ('a' + Character.digit(c, 16) % 26));
		}
		return out.toString();
	}

	static Map<String, String> unzip(byte[] bytes) {
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/** RFC 4180 records with quoted fields, as CsvWriter writes them. */
	static List<Map<String, String>> csv(String body) {
		List<List<String>> records = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
				fields.add(field.toString());
				field.setLength(0);
				records.add(fields);
				fields = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		List<String> header = records.get(0);
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> record : records.subList(1, records.size())) {
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.size(); i++) {
				row.put(header.get(i), record.get(i));
			}
			rows.add(row);
		}
		return rows;
	}

	private static Map<String, String> row(List<Map<String, String>> rows, String column, String value) {
		return rows.stream()
			.filter(r -> value.equals(r.get(column)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row with " + column + "=" + value + " in " + rows));
	}

}

package org.spinecell.cellproducts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;

/** The cell lab pages through real HTTP, as a lab technologist's browser uses them. */
class CellLabPagesTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	private WebSession browser;

	@BeforeEach
	void signInAsLab() {
		cells = new CellLab(app);
		browser = new WebSession(port);
		browser.signIn(cells.labUsername(), USER_PASSWORD);
	}

	@Test
	void aProductRegisteredThroughTheFormIsOnTheWorklistWithItsPrintedDin() {
		String mrn = ok(cells.physician().get("/api/v1/patients/" + cells.patientId())).get("mrn").asString();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("clinicId", cells.clinicId().toString());
		fields.put("origin", "AUTOLOGOUS");
		fields.put("patientMrn", mrn);
		fields.put("sourceType", "BMAC");
		fields.put("tissue", "BONE_MARROW");
		fields.put("intendedUse", "DISC_REPAIR");
		fields.put("route", "INTRADISCAL");
		fields.put("sameSurgicalProcedure", "true");
		fields.put("_sameSurgicalProcedure", "on");
		fields.put("_csrf", browser.get("/lab/products/new").csrf());
		WebSession.Page created = browser.post("/lab/products/new", fields);
		assertThat(created.uri()).matches(".*/lab/products/[0-9a-f-]{36}$");
		UUID id = UUID.fromString(created.uri().substring(created.uri().lastIndexOf('/') + 1));
		String printed = Din.parse(ok(cells.lab().get(path(id, ""))).get("din").asString()).printed();
		assertThat(created.html()).contains("Product registered with DIN " + printed);

		WebSession.Page worklist = browser.get("/lab");
		assertThat(worklist.status()).isEqualTo(200);
		assertThat(worklist.html()).contains(printed)
			.contains("Quinn, Iris")
			.contains("MRN " + mrn)
			.contains("Bone marrow aspirate concentrate")
			.contains("/lab/products/" + id);
		assertThat(browser.get("/lab?state=collected").html()).contains(printed);
		assertThat(browser.get("/lab?state=quarantine").html()).doesNotContain(printed);
	}

	@Test
	void anAllogeneicProductIsRegisteredWithItsDonorAndListedByDonorCode() {
		String code = "D-" + unique();
		UUID donor = id(ok(cells.lab().post("/api/v1/donors", Map.of("clinicId", cells.clinicId(), "code", code,
				"relation", "UNRELATED"))));
		WebSession.Page form = browser.get("/lab/products/new");
		assertThat(form.html()).contains("value=\"" + donor + "\"").contains(code);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("clinicId", cells.clinicId().toString());
		fields.put("origin", "ALLOGENEIC");
		fields.put("donorId", donor.toString());
		fields.put("sourceType", "ALLOGENEIC_MSC");
		fields.put("tissue", "UMBILICAL_CORD");
		fields.put("intendedUse", "DISC_REPAIR");
		fields.put("route", "INTRADISCAL");
		fields.put("additives", "DMSO");
		fields.put("_additives", "on");
		fields.put("_csrf", form.csrf());
		WebSession.Page created = browser.post("/lab/products/new", fields);
		assertThat(created.uri()).matches(".*/lab/products/[0-9a-f-]{36}$");
		assertThat(created.html()).contains("Donor " + code).contains("Unrelated donor, Pending, not reviewed")
			.contains("DMSO");
		assertThat(browser.get("/lab?state=collected").html()).contains("Donor " + code);
	}

	@Test
	void anUnknownMrnIsShownBesideItsFieldAndNothingIsCreated() {
		long before = products();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("clinicId", cells.clinicId().toString());
		fields.put("origin", "AUTOLOGOUS");
		fields.put("patientMrn", "NOBODY-" + unique());
		fields.put("sourceType", "BMAC");
		fields.put("tissue", "ADIPOSE");
		fields.put("intendedUse", "DISC_REPAIR");
		fields.put("route", "INTRADISCAL");
		fields.put("_csrf", browser.get("/lab/products/new").csrf());
		WebSession.Page page = browser.post("/lab/products/new", fields);
		assertThat(page.html()).contains("id=\"patientMrn-error\"").contains("no current patient");
		assertThat(products()).isEqualTo(before);
	}

	@Test
	void aMistypedDinInTheFinderShowsTheDinErrorAndAGoodOneOpensTheProduct() {
		UUID product = cells.createBmac();
		String din = ok(cells.lab().get(path(product, ""))).get("din").asString();
		char wrong = din.charAt(13) == 'A' ? 'B' : 'A';
		WebSession.Page refused = browser.get("/lab/find?din=" + din.substring(0, 13) + wrong);
		assertThat(refused.html()).contains("id=\"din-error\"").contains("check character").contains("aria-invalid=\"true\"");
		WebSession.Page malformed = browser.get("/lab/find?din=NOT-A-DIN");
		assertThat(malformed.html()).contains("id=\"din-error\"");

		WebSession.Page found = browser.get("/lab/find?din=" + Din.parse(din).printed().replace(" ", "+"));
		assertThat(found.uri()).endsWith("/lab/products/" + product);
		assertThat(found.html()).contains(Din.parse(din).printed());
	}

	@Test
	void theProductPageShowsTheLineageAndTheFailingReleaseCriteria() {
		UUID product = cells.createBmac();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		ok(cells.lab().post(path(product, "harvest"), Map.of("site", "Posterior iliac crest", "volumeMl", 60,
				"operator",
				"Dr. Reyes", "startedAt", now.minusSeconds(3600).toString(), "endedAt", now.minusSeconds(3000).toString())));
		ok(cells.lab().post(path(product, "processing-steps"), Map.of("type", "CENTRIFUGATION", "device", "Spin-9",
				"parameters", Map.of("speed", "3200 rpm"), "performedAt", now.minusSeconds(2400).toString(),
				"outputVolumeMl", 8)));
		ok(cells.lab().post(path(product, "qc-results"), Map.of("test", "VIABILITY", "value", 55, "unit", "%",
				"performedAt", now.minusSeconds(1200).toString())));
		ok(cells.lab().post(path(product, "processing-complete"), Map.of()));

		WebSession.Page page = browser.get("/lab/products/" + product);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("Harvest at Posterior iliac crest")
			.contains("Processing: centrifugation")
			.contains("Spin-9")
			.contains("3200 rpm")
			.contains("QC: Viability 55 %")
			.contains("State: In processing → Quarantine")
			.contains("recorded by Test LAB")
			.contains("Release checklist")
			.contains("Fail")
			.contains("no result recorded")
			.contains("not classified")
			.contains("Sign and release");

		// Releasing now is refused with every unmet criterion listed, and changes nothing.
		WebSession.Page refused = browser.post("/lab/products/" + product + "/release",
				Map.of("meaning", "Released for clinical use", "password", USER_PASSWORD, "_csrf", page.csrf()));
		assertThat(refused.html()).contains("does not meet its release criteria")
			.contains("Regulatory classification confirmed by a physician: not classified")
			.contains("Expiry date set and not passed: no expiry date recorded");
		assertThat(ok(cells.lab().get(path(product, ""))).get("state").asString()).isEqualTo("QUARANTINE");
	}

	@Test
	void harvestAndCustodyFormsRecordTheirLocalTimesInTheConfiguredZone() {
		UUID product = cells.createBmac();
		WebSession.Page page = browser.get("/lab/products/" + product);
		assertThat(page.html()).contains("id=\"harvest-site\"");
		Instant ended = Instant.now().minusSeconds(900).truncatedTo(ChronoUnit.MINUTES);
		Map<String, String> harvest = new LinkedHashMap<>();
		harvest.put("site", "Posterior iliac crest");
		harvest.put("volumeMl", "55.5");
		harvest.put("operator", "Dr. Reyes");
		harvest.put("startedAt", local(ended.minusSeconds(1800)));
		harvest.put("endedAt", local(ended));
		harvest.put("_csrf", page.csrf());
		WebSession.Page recorded = browser.post("/lab/products/" + product + "/harvest", harvest);
		assertThat(recorded.html()).contains("Harvest recorded.").contains("55.5 mL").doesNotContain("id=\"harvest-site\"");
		assertThat(ok(cells.lab().get(path(product, "events"))).get("items").get(0).get("occurredAt").asString())
			.isEqualTo(ended.toString());

		Map<String, String> custody = new LinkedHashMap<>();
		custody.put("action", "STORED");
		custody.put("location", "Fridge 2");
		custody.put("temperature", "2-8 °C");
		custody.put("at", local(Instant.now().minusSeconds(60)));
		custody.put("expiresAt", "");
		custody.put("_csrf", recorded.csrf());
		WebSession.Page stored = browser.post("/lab/products/" + product + "/custody", custody);
		assertThat(stored.html()).contains("Custody event recorded.").contains("Fridge 2, 2-8 °C");
		custody.put("location", "");
		WebSession.Page refused = browser.post("/lab/products/" + product + "/custody", custody);
		assertThat(refused.html()).contains("id=\"custody-location-error\"").contains("is required");
	}

	@Test
	void anImpossibleViabilityIsShownBesideTheValueAndNothingIsStored() {
		UUID product = cells.createBmac();
		WebSession.Page page = browser.get("/lab/products/" + product);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("test", "VIABILITY");
		fields.put("value", "130");
		fields.put("unit", "%");
		fields.put("sample", "FINAL");
		fields.put("performedAt", local(Instant.now().minusSeconds(600)));
		fields.put("_csrf", page.csrf());
		WebSession.Page refused = browser.post("/lab/products/" + product + "/qc", fields);
		assertThat(page.html()).doesNotContain("data-reveal");
		assertThat(refused.html()).contains("id=\"value-error\"").contains("between 0 and 100").contains("data-reveal=\"true\"");
		assertThat(ok(cells.lab().get(path(product, "events"))).get("items")).isEmpty();

		fields.put("value", "92.5");
		WebSession.Page recorded = browser.post("/lab/products/" + product + "/qc", fields);
		assertThat(recorded.html()).contains("QC result recorded.").contains("QC: Viability 92.5 %");
	}

	@Test
	void aTechnologistReleasesThroughTheFormWithTheirPasswordAndSeesTheSignature() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		cells.classifyAndConfirm(product);
		WebSession.Page page = browser.get("/lab/products/" + product);
		assertThat(page.html()).contains("Every criterion is met.").contains("value=\"Released for clinical use\"");

		WebSession.Page released = browser.post("/lab/products/" + product + "/release",
				Map.of("meaning", "Released for clinical use", "password", USER_PASSWORD, "_csrf", page.csrf()));
		assertThat(released.uri()).endsWith("/lab/products/" + product);
		assertThat(released.html()).contains("Released for clinical use under your electronic signature.")
			.contains("Signature valid")
			.contains("Signed by")
			.contains("Test LAB")
			.contains("Released under electronic signature")
			.doesNotContain("Sign and release");
		assertThat(ok(cells.lab().get(path(product, ""))).get("state").asString()).isEqualTo("RELEASED");

		// A sterility result arriving after release shows the signature as invalidated.
		ok(cells.lab().post(path(product, "qc-results"), Map.of("test", "STERILITY", "result", "GROWTH", "performedAt",
				Instant.now().toString())));
		assertThat(browser.get("/lab/products/" + product).html()).contains("INVALIDATED")
			.contains("QC data changed after release");
	}

	@Test
	void aWrongPasswordIsShownBesideThePasswordAndTheProductStaysInQuarantine() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		cells.classifyAndConfirm(product);
		WebSession.Page page = browser.get("/lab/products/" + product);
		WebSession.Page refused = browser.post("/lab/products/" + product + "/release",
				Map.of("meaning", "Released for clinical use", "password", "Not-My-Password-1", "_csrf", page.csrf()));
		assertThat(refused.html()).contains("id=\"password-error\"")
			.contains("the password is not correct")
			.doesNotContain("Not-My-Password-1");
		assertThat(ok(cells.lab().get(path(product, ""))).get("state").asString()).isEqualTo("QUARANTINE");
		assertThat(cells.lab().get(path(product, "release-signature")).status()).isEqualTo(404);
	}

	@Test
	void theLabelOpensAsPdfForTheClinicAndIsNotFoundForAnotherClinic() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		WebSession.Page pdf = browser.get("/lab/products/" + product + "/label.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
		assertThat(pdf.header("Content-Disposition")).startsWith("inline");
		assertThat(pdf.html()).startsWith("%PDF");
		assertThat(browser.get("/lab/products/" + product).html()).contains("Print label")
			.contains("NOT RELEASED - NOT FOR CLINICAL USE");

		WebSession outsider = new WebSession(port);
		outsider.signIn(createUser("LAB", Set.of(createClinic("Other lab"))), USER_PASSWORD);
		assertThat(outsider.get("/lab/products/" + product + "/label.pdf").status()).isEqualTo(404);
		assertThat(outsider.get("/lab/products/" + product).status()).isEqualTo(404);
	}

	@Test
	void hostileTextInAProcessingStepIsRenderedEscaped() {
		UUID product = cells.createBmac();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		ok(cells.lab().post(path(product, "harvest"), Map.of("site", "Iliac crest", "volumeMl", 50, "operator", "Dr. R",
				"startedAt", now.minusSeconds(600).toString(), "endedAt", now.minusSeconds(300).toString())));
		WebSession.Page page = browser.get("/lab/products/" + product);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("type", "CENTRIFUGATION");
		fields.put("device", "<script>alert(1)</script>");
		fields.put("parameters", "speed = <b>fast</b>");
		fields.put("performedAt", local(now.minusSeconds(120)));
		fields.put("_csrf", page.csrf());
		WebSession.Page recorded = browser.post("/lab/products/" + product + "/steps", fields);
		assertThat(recorded.html()).contains("Processing step recorded.")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)")
			.contains("&lt;b&gt;fast&lt;/b&gt;");
	}

	@Test
	void aPhysicianClassifiesAndConfirmsAndSeesWhy() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		WebSession doctor = new WebSession(port);
		doctor.signIn(createUser("PHYSICIAN", Set.of(cells.clinicId())), USER_PASSWORD);
		WebSession.Page page = doctor.get("/lab/products/" + product);
		assertThat(page.html()).contains("Not classified yet").doesNotContain("Sign and release");
		WebSession.Page classified = doctor.post("/lab/products/" + product + "/classify",
				Map.of("_systemicEffect", "on", "_dependsOnMetabolicActivity", "on", "_reproductiveUse", "on", "_csrf",
						page.csrf()));
		assertThat(classified.html()).contains("Classified:")
			.contains("Awaiting physician confirmation")
			.contains("NON_HOMOLOGOUS_USE")
			.contains("IND or BLA number");
		WebSession.Page confirmed = doctor.post("/lab/products/" + product + "/confirm-classification",
				Map.of("_csrf", classified.csrf()));
		assertThat(confirmed.html()).contains("Classification confirmed.").contains("Confirmed</span>");
	}

	private static String local(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
	}

	private long products() {
		return ownerJdbc().sql("SELECT count(*) FROM cell_product").query(Long.class).single();
	}

}

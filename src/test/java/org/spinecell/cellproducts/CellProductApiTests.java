package org.spinecell.cellproducts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;

class CellProductApiTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	@BeforeEach
	void clinicWithStaff() {
		cells = new CellLab(app);
	}

	@Test
	void aNewProductGetsAValidDinFromTheClinicsFin() {
		JsonNode product = ok(cells.lab().post("/api/v1/cell-products", cells.bmacRequest()));
		String din = product.get("din").asString();
		assertThat(product.get("state").asString()).isEqualTo("COLLECTED");
		assertThat(din).hasSize(14).startsWith(clinicFin());
		assertThat(Din.parse(din).value()).isEqualTo(din);
		String second = ok(cells.lab().post("/api/v1/cell-products", cells.bmacRequest())).get("din").asString();
		assertThat(Din.parse(second).sequence()).isEqualTo(Din.parse(din).sequence() + 1);
		JsonNode found = ok(cells.lab().get("/api/v1/cell-products?din=" + Din.parse(din).printed().replace(" ",
				"%20")));
		assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(product.get("id").asString());
	}

	@Test
	void aDinWithAWrongCheckCharacterIs400NamingDin() {
		String din = ok(cells.lab().post("/api/v1/cell-products", cells.bmacRequest())).get("din").asString();
		char wrong = din.charAt(13) == 'A' ? 'B' : 'A';
		TestApi.Response response = cells.lab().get("/api/v1/cell-products?din=" + din.substring(0, 13) + wrong);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("din");
		assertThat(cells.lab().get("/api/v1/cell-products?din=NOT-A-DIN").status()).isEqualTo(400);
	}

	@Test
	void aProductGoesFromHarvestToSignedReleaseWithItsLineage() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		cells.classifyAndConfirm(product);
		JsonNode checklist = ok(cells.lab().get(path(product, "release-checklist"))).get("criteria");
		assertThat(checklist.valueStream().allMatch(c -> c.get("met").asBoolean())).as(checklist.toString()).isTrue();

		JsonNode released = ok(cells.release(cells.lab(), product, USER_PASSWORD));
		assertThat(released.get("state").asString()).isEqualTo("RELEASED");
		JsonNode signature = ok(cells.lab().get(path(product, "release-signature")));
		assertThat(signature.get("signerName").asString()).isEqualTo("Test LAB");
		assertThat(signature.get("meaning").asString()).isEqualTo("Released for clinical use");
		assertThat(signature.get("valid").asBoolean()).isTrue();

		JsonNode metrics = ok(cells.lab().get(path(product, "metrics")));
		assertThat(metrics.get("concentrationFactor").decimalValue()).isEqualByComparingTo("6.00");
		assertThat(metrics.get("viableCellsPerMl").decimalValue()).isEqualByComparingTo("111.0");
		assertThat(metrics.get("viableCellDose").decimalValue()).isEqualByComparingTo("888.00");

		List<String> kinds = ok(cells.lab().get(path(product, "events"))).get("items")
			.valueStream()
			.map(e -> e.get("kind").asString())
			.toList();
		assertThat(kinds).startsWith("HARVEST").contains("PROCESSING_STEP", "QC_RESULT", "CUSTODY", "CLASSIFICATION")
			.endsWith("RELEASE");

		JsonNode auditor = login(createUser("AUDITOR", Set.of(cells.clinicId())), USER_PASSWORD)
			.get("/api/v1/audit?entityType=CellProduct&entityId=" + product)
			.json();
		assertThat(auditor.get("items").valueStream().map(e -> e.get("action").asString()).toList()).contains("SIGN",
				"CREATE", "UPDATE");
	}

	@Test
	void aLaterQcChangeVisiblyInvalidatesTheReleaseSignature() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		cells.classifyAndConfirm(product);
		ok(cells.release(cells.lab(), product, USER_PASSWORD));
		ok(cells.lab().post(path(product, "qc-results"), Map.of("test", "STERILITY", "result", "GROWTH", "performedAt",
				Instant.now().toString())));
		JsonNode signature = ok(cells.lab().get(path(product, "release-signature")));
		assertThat(signature.get("valid").asBoolean()).isFalse();
		TestApi.Response issue = cells.lab().post(path(product, "issue"), Map.of());
		assertThat(issue.status()).isEqualTo(409);
		assertThat(issue.json().get("errors").get(0).get("field").asString()).isEqualTo("releaseSignature");
	}

	@Test
	void releaseIsRefusedWithEveryUnmetCriterion() {
		UUID product = cells.createBmac();
		ok(cells.lab().post(path(product, "harvest"), Map.of("site", "Iliac crest", "volumeMl", 50, "operator", "Dr. R",
				"startedAt", Instant.now().minusSeconds(600).toString(), "endedAt", Instant.now().minusSeconds(300).toString())));
		ok(cells.lab().post(path(product, "processing-steps"), Map.of("type", "CENTRIFUGATION", "performedAt",
				Instant.now().minusSeconds(200).toString())));
		ok(cells.lab().post(path(product, "processing-complete"), Map.of()));
		ok(cells.lab().post(path(product, "qc-results"), Map.of("test", "VIABILITY", "value", 55, "unit", "%",
				"performedAt", Instant.now().minusSeconds(100).toString())));
		TestApi.Response refused = cells.release(cells.lab(), product, USER_PASSWORD);
		assertThat(refused.status()).isEqualTo(409);
		List<String> unmet = refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(unmet).contains("classification", "expiry").anyMatch(f -> f.toLowerCase().contains("viability"))
			.anyMatch(f -> f.toLowerCase().contains("steril"));
		assertThat(ok(cells.lab().get(path(product, ""))).get("state").asString()).isEqualTo("QUARANTINE");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM e_signature WHERE entity_id = :id")
			.param("id", product.toString())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void impossibleQcValuesAndWrongUnitsAreRefusedByField() {
		UUID product = cells.createBmac();
		TestApi.Response viability = cells.lab().post(path(product, "qc-results"),
				Map.of("test", "VIABILITY", "value", 130, "unit", "%", "performedAt", Instant.now().toString()));
		assertThat(viability.status()).isEqualTo(422);
		assertThat(viability.json().get("errors").get(0).get("field").asString()).isEqualTo("value");
		TestApi.Response unit = cells.lab().post(path(product, "qc-results"),
				Map.of("test", "TNC", "value", 100, "unit", "cells", "performedAt", Instant.now().toString()));
		assertThat(unit.status()).isEqualTo(422);
		assertThat(unit.json().get("errors").get(0).get("field").asString()).isEqualTo("unit");
		assertThat(ok(cells.lab().get(path(product, "events"))).get("items")).isEmpty();
	}

	@Test
	void releasingTwiceByTheWrongPersonOrWithAWrongPasswordIsRefused() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		cells.classifyAndConfirm(product);
		assertThat(cells.release(cells.physician(), product, USER_PASSWORD).status()).isEqualTo(403);
		TestApi.Response wrongPassword = cells.release(cells.lab(), product, "Not-My-Password-1");
		assertThat(wrongPassword.status()).isEqualTo(422);
		assertThat(wrongPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(ok(cells.lab().get(path(product, ""))).get("state").asString()).isEqualTo("QUARANTINE");
		ok(cells.release(cells.lab(), product, USER_PASSWORD));
		assertThat(cells.release(cells.lab(), product, USER_PASSWORD).status()).isEqualTo(409);
	}

	@Test
	void concurrentReleasesLetExactlyOneWin() throws Exception {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		cells.classifyAndConfirm(product);
		TestApi second = login(cells.labUsername(), USER_PASSWORD);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Callable<Integer>> attempts = new ArrayList<>();
		for (TestApi as : List.of(cells.lab(), second)) {
			attempts.add(() -> cells.release(as, product, USER_PASSWORD).status());
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Integer> result : pool.invokeAll(attempts)) {
			statuses.add(result.get());
		}
		pool.shutdown();
		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM e_signature WHERE entity_id = :id")
			.param("id", product.toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void illegalTransitionsAreConflicts() {
		UUID product = cells.createBmac();
		assertThat(cells.lab().post(path(product, "issue"), Map.of()).status()).isEqualTo(409);
		ok(cells.lab().post(path(product, "discard"), Map.of("reason", "Clotted sample")));
		assertThat(cells.lab().post(path(product, "return"), Map.of()).status()).isEqualTo(409);

		UUID administered = cells.createBmac();
		ownerJdbc().sql("UPDATE cell_product SET state = 'ADMINISTERED' WHERE id = :id").param("id", administered).update();
		TestApi.Response back = cells.lab().post(path(administered, "return"), Map.of());
		assertThat(back.status()).isEqualTo(409);
		assertThat(back.json().get("detail").asString()).contains("ADMINISTERED").contains("RELEASED");
	}

	@Test
	void anAutologousProductCannotBeLinkedToASecondPatient() {
		TestApi.Response other = cells.physician().post("/api/v1/patients", Map.of("clinicId", cells.clinicId(),
				"mrn", "CP2-" + unique(),
				"givenName", "Other", "familyName", "Person", "birthDate", "1970-01-01", "sex", "MALE"));
		Map<String, Object> body = cells.bmacRequest();
		body.put("recipientPatientId", id(other.json()));
		TestApi.Response response = cells.lab().post("/api/v1/cell-products", body);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("recipientPatientId");
	}

	@Test
	void aDigestedFatProductIsA351AndNeedsAnIndBeforeRelease() {
		Map<String, Object> body = cells.bmacRequest();
		body.put("sourceType", "ADIPOSE_SVF");
		body.put("tissue", "ADIPOSE");
		body.put("sameSurgicalProcedure", false);
		UUID product = id(ok(cells.lab().post("/api/v1/cell-products", body)));
		Instant now = Instant.now();
		ok(cells.lab().post(path(product, "harvest"), Map.of("site", "Abdomen", "volumeMl", 120, "operator", "Dr. R",
				"startedAt", now.minusSeconds(7200).toString(), "endedAt", now.minusSeconds(6000).toString())));
		ok(cells.lab().post(path(product, "processing-steps"), Map.of("type", "ENZYMATIC_DIGESTION", "performedAt",
				now.minusSeconds(5000).toString(), "outputVolumeMl", 5)));
		ok(cells.lab().post(path(product, "processing-complete"), Map.of()));
		cells.passingQc(product, now);
		ok(cells.lab().post(path(product, "custody-events"), Map.of("action", "STORED", "location", "Lab fridge",
				"temperature", "2-8 °C", "at", now.toString(), "expiresAt", now.plusSeconds(86400).toString())));
		JsonNode classification = ok(cells.lab().post(path(product, "regulatory-classification"), Map.of()));
		assertThat(classification.get("pathway").asString()).isEqualTo("BIOLOGIC_351");
		ok(cells.physician().post(path(product, "regulatory-classification/confirm"), Map.of()));

		TestApi.Response refused = cells.release(cells.lab(), product, USER_PASSWORD);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactly("indNumber");
		assertThat(cells.lab().put(path(product, "ind"), Map.of("indNumber", "not an ind")).status()).isEqualTo(422);
		ok(cells.lab().put(path(product, "ind"), Map.of("indNumber", "IND 012345")));
		assertThat(ok(cells.release(cells.lab(), product,
				USER_PASSWORD)).get("state").asString()).isEqualTo("RELEASED");
	}

	@Test
	void anIneligibleDonorBlocksRelease() {
		UUID donor = id(ok(cells.lab().post("/api/v1/donors", Map.of("clinicId", cells.clinicId(), "code", "D-"
				+ unique(), "relation", "UNRELATED"))));
		List<Map<String, Object>> results = new ArrayList<>();
		for (Donor.ScreeningTest test : Donor.ScreeningTest.values()) {
			results.add(Map.of("test", test.name(), "outcome", test == Donor.ScreeningTest.HCV ? "POSITIVE" : "NEGATIVE",
					"sampleDate", "2026-11-01"));
		}
		JsonNode screened = ok(cells.lab().post("/api/v1/donors/" + donor + "/screening", Map.of("results", results)));
		assertThat(screened.get("determination").asString()).isEqualTo("INELIGIBLE");
		ok(cells.physician().post("/api/v1/donors/" + donor + "/eligibility-review", Map.of()));

		Map<String, Object> body = cells.bmacRequest();
		body.remove("patientId");
		body.put("origin", "ALLOGENEIC");
		body.put("donorId", donor);
		body.put("sourceType", "ALLOGENEIC_MSC");
		body.put("recipientPatientId", cells.patientId());
		UUID product = id(ok(cells.lab().post("/api/v1/cell-products", body)));
		JsonNode criteria = ok(cells.lab().get(path(product, "release-checklist"))).get("criteria");
		JsonNode donorCriterion = criteria.valueStream()
			.filter(c -> c.get("id").asString().equals("donorEligibility"))
			.findFirst()
			.orElseThrow();
		assertThat(donorCriterion.get("met").asBoolean()).isFalse();
		assertThat(donorCriterion.get("detail").asString()).contains("INELIGIBLE");

		// A coordinator reads the checklist (the donor's eligibility in it) and the dashboard, whose
		// task list reads the checklists of products on their way to release, without opening donors.
		String coordinatorName = createUser("COORDINATOR", Set.of(cells.clinicId()));
		TestApi coordinator = login(coordinatorName, USER_PASSWORD);
		JsonNode seenByCoordinator = ok(coordinator.get(path(product, "release-checklist"))).get("criteria");
		assertThat(seenByCoordinator.toString()).contains("donorEligibility").contains("INELIGIBLE");
		assertThat(coordinator.get("/api/v1/donors/" + donor).status()).isEqualTo(403);
		WebSession web = new WebSession(port);
		web.signIn(coordinatorName, USER_PASSWORD);
		WebSession.Page dashboard = web.get("/");
		assertThat(dashboard.status()).isEqualTo(200);
		assertThat(dashboard.html()).contains("Waiting on you");
	}

	@Test
	void theLabelCarriesTheDinThePatientAndTheReleaseStatus() throws Exception {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		String quarantined = labelText(product);
		assertThat(quarantined).contains("NOT RELEASED").contains("FOR AUTOLOGOUS USE ONLY").contains("Iris Quinn");

		cells.classifyAndConfirm(product);
		ok(cells.release(cells.lab(), product, USER_PASSWORD));
		String din = ok(cells.lab().get(path(product, ""))).get("din").asString();
		String released = labelText(product);
		assertThat(released).contains(Din.parse(din).printed().substring(0, 5)).contains("Bone marrow aspirate concentrate")
			.contains("8 mL")
			.contains("Investigational use only: IND 019876")
			.doesNotContain("NOT RELEASED");

		UUID fresh = cells.createBmac();
		TestApi.Response incomplete = cells.lab().get(path(fresh, "label.pdf"));
		assertThat(incomplete.status()).isEqualTo(409);
		assertThat(incomplete.body()).contains("volumeMl").contains("expiresAt");
	}

	private String labelText(UUID product) throws java.io.IOException {
		java.net.http.HttpResponse<byte[]> response = cells.lab().getBytes(path(product, "label.pdf"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(response.body())) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
		}
	}

	@Test
	void anotherClinicsProductIsNotFound() {
		UUID product = cells.createBmac();
		TestApi outsider = login(createUser("LAB", Set.of(createClinic("Other lab"))), USER_PASSWORD);
		assertThat(outsider.get(path(product, "")).status()).isEqualTo(404);
		assertThat(outsider.post(path(product, "discard"), Map.of("reason", "x")).status()).isEqualTo(404);
	}

	private String clinicFin() {
		return ownerJdbc().sql("SELECT fin FROM clinic WHERE id = :id").param("id",
				cells.clinicId()).query(String.class).single();
	}

}

package org.spinecell.cellproducts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the cell-product tests: a clinic with a FIN, a lab technologist, a physician,
 * a patient, and steps that take a product through its life.
 */
public abstract class CellProductTest extends IntegrationTest {

	protected UUID clinicId;

	protected TestApi lab;

	protected TestApi physician;

	protected UUID patientId;

	protected String labUsername;

	protected String physicianUsername;

	@BeforeEach
	protected void clinicWithStaff() {
		TestApi.Response clinic = admin.post("/api/v1/clinics", Map.of("name", "Cell lab " + unique(), "city", "Austin",
				"country", "US", "fin", unusedFin()));
		assertThat(clinic.status()).as(clinic.body()).isEqualTo(201);
		clinicId = id(clinic.json());
		labUsername = createUser("LAB", Set.of(clinicId));
		lab = login(labUsername, USER_PASSWORD);
		physicianUsername = createUser("PHYSICIAN", Set.of(clinicId));
		physician = login(physicianUsername, USER_PASSWORD);
		TestApi.Response patient = physician.post("/api/v1/patients", Map.of("clinicId", clinicId, "mrn",
				"CP-" + unique(), "givenName", "Iris", "familyName", "Quinn", "birthDate", "1968-04-02", "sex", "FEMALE"));
		assertThat(patient.status()).as(patient.body()).isEqualTo(201);
		patientId = id(patient.json());
	}

	protected UUID createBmac() {
		TestApi.Response response = lab.post("/api/v1/cell-products", bmacRequest());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return id(response.json());
	}

	protected Map<String, Object> bmacRequest() {
		Map<String, Object> body = new HashMap<>();
		body.put("clinicId", clinicId);
		body.put("origin", "AUTOLOGOUS");
		body.put("patientId", patientId);
		body.put("sourceType", "BMAC");
		body.put("tissue", "BONE_MARROW");
		body.put("intendedUse", "DISC_REPAIR");
		body.put("route", "INTRADISCAL");
		body.put("sameSurgicalProcedure", true);
		body.put("additives", List.of());
		return body;
	}

	/** Harvest, centrifugation, passing QC, storage with expiry: ready for release once classified. */
	protected void processToQuarantine(UUID product) {
		processToQuarantine(product, Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	/**
	 * As {@link #processToQuarantine(UUID)}, with the lab's steps dated in the hour before {@code now}
	 * (a product made on an earlier day, for a procedure backdated to that day).
	 */
	protected void processToQuarantine(UUID product, Instant now) {
		ok(lab.post(path(product, "harvest"), Map.of("site", "Posterior iliac crest", "volumeMl", 60, "anticoagulant",
				"Heparin", "operator", "Dr. Reyes", "startedAt", now.minusSeconds(3600).toString(), "endedAt",
				now.minusSeconds(3000).toString())));
		ok(lab.post(path(product, "qc-results"), Map.of("test", "TNC", "value", 20, "unit", "10^6/mL", "performedAt",
				now.minusSeconds(2900).toString(), "sample", "PRE_PROCESSING")));
		ok(lab.post(path(product, "processing-steps"), Map.of("type", "CENTRIFUGATION", "device", "Point-of-care system",
				"kit", "BMAC kit", "lot", "L-2291", "parameters", Map.of("durationMinutes", "12"), "performedAt",
				now.minusSeconds(2400).toString(), "outputVolumeMl", 8)));
		ok(lab.post(path(product, "processing-complete"), Map.of()));
		passingQc(product, now);
		ok(lab.post(path(product, "custody-events"), Map.of("action", "STORED", "location", "Procedure suite fridge 2",
				"temperature", "15-25 °C", "at", now.minusSeconds(600).toString(), "expiresAt",
				Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())));
	}

	protected void passingQc(UUID product, Instant now) {
		ok(lab.post(path(product, "qc-results"), Map.of("test", "TNC", "value", 120, "unit", "10^6/mL", "performedAt",
				now.minusSeconds(1800).toString())));
		ok(lab.post(path(product, "qc-results"), Map.of("test", "VIABILITY", "value", 92.5, "unit", "%", "performedAt",
				now.minusSeconds(1800).toString())));
		ok(lab.post(path(product, "qc-results"), Map.of("test", "STERILITY", "result", "NO_GROWTH", "performedAt",
				now.minusSeconds(1700).toString())));
		ok(lab.post(path(product, "qc-results"), Map.of("test", "GRAM_STAIN", "result", "NO_ORGANISMS_SEEN",
				"performedAt", now.minusSeconds(1700).toString())));
	}

	/**
	 * Classifies and confirms; BMAC injected into the disc is a 351 product (non-homologous use), so
	 * like a clinic running it under an IND, the test records one.
	 */
	protected void classifyAndConfirm(UUID product) {
		JsonNode classification = ok(lab.post(path(product, "regulatory-classification"), Map.of()));
		ok(physician.post(path(product, "regulatory-classification/confirm"), Map.of()));
		if ("BIOLOGIC_351".equals(classification.get("pathway").asString())) {
			ok(physician.put(path(product, "ind"), Map.of("indNumber", "IND 019876")));
		}
	}

	/** A BMAC product taken through QC, classification (recording an IND) and release. */
	protected UUID releasedBmacUnderInd() {
		UUID product = createBmac();
		processToQuarantine(product);
		classifyAndConfirm(product);
		ok(release(lab, product, USER_PASSWORD));
		return product;
	}

	protected TestApi.Response release(TestApi as, UUID product, String password) {
		return as.post(path(product, "release"), Map.of("password", password, "meaning", "Released for clinical use"));
	}

	/** A release signed now of a decision taken at {@code releasedAt}. */
	protected TestApi.Response release(TestApi as, UUID product, String password, Instant releasedAt) {
		return as.post(path(product, "release"), Map.of("password", password, "meaning", "Released for clinical use",
				"releasedAt", releasedAt.toString()));
	}

	protected static String path(UUID product, String action) {
		return "/api/v1/cell-products/" + product + (action.isEmpty() ? "" : "/" + action);
	}

	protected static JsonNode ok(TestApi.Response response) {
		assertThat(response.status()).as(response.body()).isBetween(200, 201);
		return response.json();
	}

}

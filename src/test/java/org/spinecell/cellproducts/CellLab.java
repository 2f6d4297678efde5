package org.spinecell.cellproducts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.TestApp;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.TestApp.id;
import static org.spinecell.TestApp.ok;
import static org.spinecell.TestApp.unique;

/**
 * A test fixture: a clinic with a FIN, its lab technologist and physician signed in, and one
 * patient (Iris Quinn); and the lab's steps that take a product of that patient through its life,
 * up to {@link #aReleasedProduct()}. A test creates it in its {@code @BeforeEach}:
 * {@code cells = new CellLab(app)}.
 */
public final class CellLab {

	private final TestApp app;

	private final UUID clinicId;

	private final String labUsername;

	private final TestApi lab;

	private final String physicianUsername;

	private final TestApi physician;

	private UUID patientId;

	/** Creates the clinic, the two staff and the patient through the API. */
	public CellLab(TestApp app) {
		this.app = app;
		TestApi.Response clinic = app.admin().post("/api/v1/clinics", Map.of("name", "Cell lab " + unique(), "city",
				"Austin", "country", "US", "fin", app.unusedFin()));
		assertThat(clinic.status()).as(clinic.body()).isEqualTo(201);
		clinicId = id(clinic.json());
		labUsername = app.createUser("LAB", Set.of(clinicId));
		lab = app.login(labUsername, IntegrationTest.USER_PASSWORD);
		physicianUsername = app.createUser("PHYSICIAN", Set.of(clinicId));
		physician = app.login(physicianUsername, IntegrationTest.USER_PASSWORD);
		TestApi.Response patient = physician.post("/api/v1/patients", Map.of("clinicId", clinicId, "mrn",
				"CP-" + unique(), "givenName", "Iris", "familyName", "Quinn", "birthDate", "1968-04-02", "sex",
						"FEMALE"));
		assertThat(patient.status()).as(patient.body()).isEqualTo(201);
		patientId = id(patient.json());
	}

	public TestApp app() {
		return app;
	}

	public UUID clinicId() {
		return clinicId;
	}

	public TestApi lab() {
		return lab;
	}

	public String labUsername() {
		return labUsername;
	}

	public TestApi physician() {
		return physician;
	}

	public String physicianUsername() {
		return physicianUsername;
	}

	/** The patient the steps act on: Iris Quinn unless a test {@link #switchToPatient switched}. */
	public UUID patientId() {
		return patientId;
	}

	/** Makes another patient of this clinic the one that later steps (products, procedures) are for. */
	public void switchToPatient(UUID patient) {
		this.patientId = patient;
	}

	/** A new BMAC product of the patient, as registered by the lab; returns its id. */
	public UUID createBmac() {
		TestApi.Response response = lab.post("/api/v1/cell-products", bmacRequest());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return id(response.json());
	}

	public Map<String, Object> bmacRequest() {
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
	public void processToQuarantine(UUID product) {
		processToQuarantine(product, Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	/**
	 * As {@link #processToQuarantine(UUID)}, with the lab's steps dated in the hour before {@code now}
	 * (a product made on an earlier day, for a procedure backdated to that day).
	 */
	public void processToQuarantine(UUID product, Instant now) {
		ok(lab.post(path(product, "harvest"), Map.of("site", "Posterior iliac crest", "volumeMl", 60, "anticoagulant",
				"Heparin", "operator", "Dr. Reyes", "startedAt", now.minusSeconds(3600).toString(), "endedAt",
				now.minusSeconds(3000).toString())));
		ok(lab.post(path(product, "qc-results"), Map.of("test", "TNC", "value", 20, "unit", "10^6/mL", "performedAt",
				now.minusSeconds(2900).toString(), "sample", "PRE_PROCESSING")));
		ok(lab.post(path(product, "processing-steps"), Map.of("type", "CENTRIFUGATION", "device",
				"Point-of-care system",
				"kit", "BMAC kit", "lot", "L-2291", "parameters", Map.of("durationMinutes", "12"), "performedAt",
				now.minusSeconds(2400).toString(), "outputVolumeMl", 8)));
		ok(lab.post(path(product, "processing-complete"), Map.of()));
		passingQc(product, now);
		ok(lab.post(path(product, "custody-events"), Map.of("action", "STORED", "location", "Procedure suite fridge 2",
				"temperature", "15-25 °C", "at", now.minusSeconds(600).toString(), "expiresAt",
				Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())));
	}

	public void passingQc(UUID product, Instant now) {
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
	public void classifyAndConfirm(UUID product) {
		JsonNode classification = ok(lab.post(path(product, "regulatory-classification"), Map.of()));
		ok(physician.post(path(product, "regulatory-classification/confirm"), Map.of()));
		if ("BIOLOGIC_351".equals(classification.get("pathway").asString())) {
			ok(physician.put(path(product, "ind"), Map.of("indNumber", "IND 019876")));
		}
	}

	/**
	 * An 8 mL BMAC of 120 × 10⁶ TNC/mL at 92.5 % viability, taken through QC, classification
	 * (recording an IND) and release for clinical use by the lab.
	 */
	public UUID aReleasedProduct() {
		UUID product = createBmac();
		processToQuarantine(product);
		classifyAndConfirm(product);
		ok(release(lab, product, IntegrationTest.USER_PASSWORD));
		return product;
	}

	public TestApi.Response release(TestApi as, UUID product, String password) {
		return as.post(path(product, "release"), Map.of("password", password, "meaning", "Released for clinical use"));
	}

	/** A release signed now of a decision taken at {@code releasedAt}. */
	public TestApi.Response release(TestApi as, UUID product, String password, Instant releasedAt) {
		return as.post(path(product, "release"), Map.of("password", password, "meaning", "Released for clinical use",
				"releasedAt", releasedAt.toString()));
	}

	public static String path(UUID product, String action) {
		return "/api/v1/cell-products/" + product + (action.isEmpty() ? "" : "/" + action);
	}

}

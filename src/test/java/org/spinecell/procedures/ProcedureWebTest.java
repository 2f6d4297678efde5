package org.spinecell.procedures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellProductTest;
import org.spinecell.cellproducts.Din;

/**
 * Shared set-up of the procedure page tests: on top of {@link CellProductTest}'s clinic, staff and
 * patient, a primary lumbar diagnosis at L4-L5 with the imaging and failed conservative care that
 * make the patient a candidate, and steps that make them ready to treat.
 */
abstract class ProcedureWebTest extends CellProductTest {

	protected UUID physicianId;

	@BeforeEach
	void patientWithALumbarDiagnosis() {
		physicianId = userId(physicianUsername);
		ok(physician.post("/api/v1/patients/" + patientId + "/diagnoses", Map.of("icd10", "M51.360", "levels",
				List.of("L4-L5"), "symptomDurationMonths", 18, "primary", true)));
		ok(physician.post("/api/v1/patients/" + patientId + "/imaging", Map.of("modality", "MRI", "studyDate",
				LocalDate.now().minusMonths(1).toString(), "level", "L4-L5", "pfirrmannScale", "FIVE_GRADE",
				"pfirrmannGrade", 3)));
		ok(physician.post("/api/v1/patients/" + patientId + "/prior-treatments", Map.of("type", "PHYSICAL_THERAPY",
				"description", "Physiotherapy", "startDate", LocalDate.now().minusMonths(9).toString(), "endDate",
				LocalDate.now().minusMonths(6).toString(), "response", "NONE")));
	}

	/** Treatment and trial consent given, and an eligible screening. */
	protected void readyToTreat() {
		for (String type : List.of("TREATMENT", "TRIAL")) {
			ok(physician.post("/api/v1/patients/" + patientId + "/consents", Map.of("type", type, "status", "GIVEN",
					"effectiveDate", LocalDate.now().toString(), "formVersion", "v1")));
		}
		Map<String, Boolean> checklist = new HashMap<>();
		for (String item : List.of("activeInfection", "activeMalignancy", "pregnancy", "bleedingRisk",
				"allergyToProductComponents", "caudaEquinaSymptoms", "progressiveNeurologicalDeficit", "unstableFracture",
				"myelopathy")) {
			checklist.put(item, false);
		}
		ok(physician.post("/api/v1/patients/" + patientId + "/candidacy-assessments", Map.of("checklist", checklist)));
	}

	/** An 8 mL BMAC of 120 × 10⁶ TNC/mL at 92.5 % viability, released for clinical use. */
	protected UUID releasedBmac() {
		UUID product = createBmac();
		processToQuarantine(product);
		classifyAndConfirm(product);
		ok(release(lab, product, USER_PASSWORD));
		return product;
	}

	protected String din(UUID product) {
		return ok(lab.get("/api/v1/cell-products/" + product)).get("din").asString();
	}

	protected String printedDin(UUID product) {
		return Din.parse(din(product)).printed();
	}

	/** A draft injection of the product into L4-L5, through the API. */
	protected UUID draft(UUID product, String volumeMl) {
		Map<String, Object> body = new HashMap<>();
		body.put("patientId", patientId);
		body.put("date", LocalDate.now().toString());
		body.put("operatorId", physicianId);
		body.put("target", "INTRADISCAL");
		body.put("levels", List.of("L4-L5"));
		body.put("guidance", "FLUOROSCOPY");
		body.put("placementConfirmed", true);
		body.put("productUnits", List.of(Map.of("productId", product, "level", "L4-L5", "volumeMl", Double.valueOf(volumeMl))));
		return id(ok(physician.post("/api/v1/procedures", body)));
	}

	/** Completes through the API with a time-out naming the product and its remainder discarded. */
	protected void completeThroughApi(UUID procedure, UUID product) {
		ok(physician.post("/api/v1/procedures/" + procedure + "/complete",
				Map.of("timeOut", Map.of("patientIdentityConfirmed", true, "dins", List.of(din(product)),
						"levelsConfirmed", true), "remainders", List.of(Map.of("productId", product, "action", "DISCARDED")))));
	}

	protected String status(UUID procedure) {
		return ok(physician.get("/api/v1/procedures/" + procedure)).get("status").asString();
	}

	protected WebSession signedIn(String username) {
		WebSession web = new WebSession(port);
		web.signIn(username, USER_PASSWORD);
		return web;
	}

	/** The fields of the procedure form for one unit of the product at the level, as a browser posts them. */
	protected Map<String, String> procedureForm(String csrf, UUID product, String level) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", csrf);
		fields.put("date", LocalDate.now().toString());
		fields.put("startTime", "09:30");
		fields.put("endTime", "10:05");
		fields.put("setting", "OUTPATIENT");
		fields.put("operatorId", physicianId.toString());
		fields.put("target", "INTRADISCAL");
		fields.put("levels", level);
		fields.put("guidance", "FLUOROSCOPY");
		fields.put("placementConfirmed", "true");
		fields.put("needleTipConfirmed", "true");
		fields.put("anaesthesia", "Lidocaine 1 % local");
		fields.put("units[0].productId", product.toString());
		fields.put("units[0].level", level);
		fields.put("units[0].volumeMl", "2.0");
		fields.put("units[1].productId", "");
		fields.put("units[1].level", "");
		fields.put("units[1].volumeMl", "");
		return fields;
	}

	protected long proceduresOfPatient() {
		return ownerJdbc().sql("SELECT count(*) FROM procedure WHERE patient_id = :patient")
			.param("patient", patientId)
			.query(Long.class)
			.single();
	}

	protected static String procedureIdIn(String uri) {
		return uri.replaceAll(".*/procedures/([0-9a-f-]{36}).*", "$1");
	}

}

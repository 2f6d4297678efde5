package org.spinecell.procedures;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.IntegrationTest;
import org.spinecell.TestApp;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.cellproducts.Din;
import org.spinecell.outcomes.Treatment;

import static org.spinecell.TestApp.ok;

/**
 * A test fixture of the procedure page tests: the patient of a {@link CellLab} given a primary
 * lumbar diagnosis at L4-L5 with the imaging and failed conservative care that make them a
 * candidate (on creation), and steps that make them ready to treat, draft and complete an injection.
 */
public final class ProcedureSteps {

	private final CellLab cells;

	private final Treatment treatment;

	private final UUID physicianId;

	/** Diagnoses the lab's patient at L4-L5 through the API. */
	public ProcedureSteps(CellLab cells) {
		this.cells = cells;
		this.treatment = new Treatment(cells);
		this.physicianId = cells.app().userId(cells.physicianUsername());
		treatment.diagnoseAtL4L5();
	}

	/** The id of the lab's physician, the operator of the drafted procedures. */
	public UUID physicianId() {
		return physicianId;
	}

	/** Treatment and trial consent given, and an eligible screening. */
	public void readyToTreat() {
		treatment.readyToTreat(false);
	}

	public String din(UUID product) {
		return ok(cells.lab().get("/api/v1/cell-products/" + product)).get("din").asString();
	}

	public String printedDin(UUID product) {
		return Din.parse(din(product)).printed();
	}

	/** A draft injection of the product into L4-L5, through the API. */
	public UUID draft(UUID product, String volumeMl) {
		Map<String, Object> body = new HashMap<>();
		body.put("patientId", cells.patientId());
		body.put("date", LocalDate.now().toString());
		body.put("operatorId", physicianId);
		body.put("target", "INTRADISCAL");
		body.put("levels", List.of("L4-L5"));
		body.put("guidance", "FLUOROSCOPY");
		body.put("placementConfirmed", true);
		body.put("productUnits", List.of(Map.of("productId", product, "level", "L4-L5", "volumeMl",
				Double.valueOf(volumeMl))));
		return TestApp.id(ok(cells.physician().post("/api/v1/procedures", body)));
	}

	/** Completes through the API with a time-out naming the product and its remainder discarded. */
	public void completeThroughApi(UUID procedure, UUID product) {
		ok(cells.physician().post("/api/v1/procedures/" + procedure + "/complete",
				Map.of("timeOut", Map.of("patientIdentityConfirmed", true, "dins", List.of(din(product)),
						"levelsConfirmed", true), "remainders", List.of(Map.of("productId", product, "action",
								"DISCARDED")))));
	}

	public String status(UUID procedure) {
		return ok(cells.physician().get("/api/v1/procedures/" + procedure)).get("status").asString();
	}

	/** A browser session signed in as the user. */
	public WebSession signedIn(String username) {
		WebSession web = new WebSession(cells.app().port());
		web.signIn(username, IntegrationTest.USER_PASSWORD);
		return web;
	}

	/** The fields of the procedure form for one unit of the product at the level, as a browser posts them. */
	public Map<String, String> procedureForm(String csrf, UUID product, String level) {
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

	public long proceduresOfPatient() {
		return cells.app().ownerJdbc().sql("SELECT count(*) FROM procedure WHERE patient_id = :patient")
			.param("patient", cells.patientId())
			.query(Long.class)
			.single();
	}

	public static String procedureIdIn(String uri) {
		return uri.replaceAll(".*/procedures/([0-9a-f-]{36}).*", "$1");
	}

}

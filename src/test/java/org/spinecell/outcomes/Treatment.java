package org.spinecell.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.cellproducts.CellLab;
import tools.jackson.databind.JsonNode;

import static org.spinecell.TestApp.id;
import static org.spinecell.TestApp.ok;

/**
 * A test fixture: the patient of a {@link CellLab} diagnosed, consented, screened and injected
 * through the API, and the follow-ups that the completed procedure starts. Creates nothing until a
 * step is called; {@link #aCompletedProcedure(boolean)} is the usual one.
 */
public final class Treatment {

	private final CellLab cells;

	public Treatment(CellLab cells) {
		this.cells = cells;
	}

	public CellLab cells() {
		return cells;
	}

	/** Takes the patient through diagnosis, consent, screening and an injection; returns the procedure. */
	public UUID aCompletedProcedure(boolean registryConsent) {
		prepareEligiblePatient(registryConsent);
		return injectAndComplete();
	}

	/** Diagnosis, imaging, failed conservative care, consents and a passed screening. */
	public void prepareEligiblePatient(boolean registryConsent) {
		diagnoseAtL4L5();
		readyToTreat(registryConsent);
	}

	/**
	 * A primary lumbar disc diagnosis at L4-L5 with the MRI finding and the failed physiotherapy that
	 * make the patient a candidate.
	 */
	public void diagnoseAtL4L5() {
		ok(physician().post(patient() + "/diagnoses", Map.of("icd10", "M51.360", "levels", List.of("L4-L5"),
				"symptomDurationMonths", 18, "primary", true)));
		ok(physician().post(patient() + "/imaging", Map.of("modality", "MRI", "studyDate",
				LocalDate.now().minusMonths(1).toString(), "level", "L4-L5", "pfirrmannScale", "FIVE_GRADE",
				"pfirrmannGrade", 3)));
		ok(physician().post(patient() + "/prior-treatments", Map.of("type", "PHYSICAL_THERAPY", "description",
				"Physiotherapy", "startDate", LocalDate.now().minusMonths(9).toString(), "endDate",
				LocalDate.now().minusMonths(6).toString(), "response", "NONE")));
	}

	/** Treatment and trial consent (and registry consent if asked) given, and an eligible screening. */
	public void readyToTreat(boolean registryConsent) {
		consent("TREATMENT");
		consent("TRIAL");
		if (registryConsent) {
			consent("REGISTRY");
		}
		Map<String, Boolean> checklist = new HashMap<>();
		for (String item : List.of("activeInfection", "activeMalignancy", "pregnancy", "bleedingRisk",
				"allergyToProductComponents", "caudaEquinaSymptoms", "progressiveNeurologicalDeficit",
						"unstableFracture",
				"myelopathy")) {
			checklist.put(item, false);
		}
		ok(physician().post(patient() + "/candidacy-assessments", Map.of("checklist", checklist)));
	}

	/** Releases a product for the patient and completes an injection with it; returns the procedure. */
	public UUID injectAndComplete() {
		return injectAndComplete(Map.of());
	}

	/** As {@link #injectAndComplete()}, with some fields of the procedure request replaced (date, target ...). */
	public UUID injectAndComplete(Map<String, Object> overrides) {
		UUID product = cells.createBmac();
		Object date = overrides.get("date");
		if (date != null && LocalDate.parse(date.toString()).isBefore(LocalDate.now())) {
			// A backdated procedure: the product was made and released the day before it.
			Instant made = LocalDate.parse(date.toString()).minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
			cells.processToQuarantine(product, made);
			cells.classifyAndConfirm(product);
			ok(cells.release(cells.lab(), product, IntegrationTest.USER_PASSWORD, made.minusSeconds(300)));
		}
		else {
			cells.processToQuarantine(product);
			cells.classifyAndConfirm(product);
			ok(cells.release(cells.lab(), product, IntegrationTest.USER_PASSWORD));
		}
		UUID physicianId = cells.app().userId(cells.physicianUsername());
		Map<String, Object> body = new HashMap<>();
		body.put("patientId", cells.patientId());
		body.put("date", LocalDate.now().toString());
		body.put("operatorId", physicianId);
		body.put("target", "INTRADISCAL");
		body.put("levels", List.of("L4-L5"));
		body.put("guidance", "FLUOROSCOPY");
		body.put("placementConfirmed", true);
		body.put("productUnits", List.of(Map.of("productId", product, "level", "L4-L5", "volumeMl", 2.0)));
		body.putAll(overrides);
		UUID procedure = id(ok(physician().post("/api/v1/procedures", body)));
		ok(physician().post("/api/v1/procedures/" + procedure + "/complete",
				Map.of("remainders", List.of(Map.of("productId", product, "action", "DISCARDED")))));
		return procedure;
	}

	/** The patient's follow-ups, as the physician lists them. */
	public JsonNode followUps() {
		return ok(physician().get(patient() + "/follow-ups")).get("items");
	}

	/** Moves a follow-up's dates so that it is due the given number of days from today. */
	public void shift(UUID followUpId, int dueInDays, int windowBefore, int windowAfter) {
		LocalDate due = LocalDate.now().plusDays(dueInDays);
		cells.app().ownerJdbc()
			.sql("UPDATE follow_up SET due_date = :due, window_start = :start, window_end = :end WHERE id = :id")
			.param("due", due)
			.param("start", due.minusDays(windowBefore))
			.param("end", due.plusDays(windowAfter))
			.param("id", followUpId)
			.update();
	}

	/** The patient gives consent of the type, effective today. */
	public void consent(String type) {
		ok(physician().post(patient() + "/consents", Map.of("type", type, "status", "GIVEN", "effectiveDate",
				LocalDate.now().toString(), "formVersion", "v1")));
	}

	private TestApi physician() {
		return cells.physician();
	}

	private String patient() {
		return "/api/v1/patients/" + cells.patientId();
	}

}

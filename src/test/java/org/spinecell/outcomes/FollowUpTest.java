package org.spinecell.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.cellproducts.CellProductTest;
import tools.jackson.databind.JsonNode;

/** Shared set-up of the follow-up tests: a patient whose procedure is completed through the API. */
public abstract class FollowUpTest extends CellProductTest {

	/** Takes the patient through diagnosis, consent, screening and an injection; returns the procedure. */
	protected UUID completeProcedure(boolean registryConsent) {
		prepareEligiblePatient(registryConsent);
		return injectAndComplete();
	}

	/** Diagnosis, imaging, failed conservative care, consents and a passed screening. */
	protected void prepareEligiblePatient(boolean registryConsent) {
		ok(physician.post("/api/v1/patients/" + patientId + "/diagnoses", Map.of("icd10", "M51.360", "levels",
				List.of("L4-L5"), "symptomDurationMonths", 18, "primary", true)));
		ok(physician.post("/api/v1/patients/" + patientId + "/imaging", Map.of("modality", "MRI", "studyDate",
				LocalDate.now().minusMonths(1).toString(), "level", "L4-L5", "pfirrmannScale", "FIVE_GRADE",
				"pfirrmannGrade", 3)));
		ok(physician.post("/api/v1/patients/" + patientId + "/prior-treatments", Map.of("type", "PHYSICAL_THERAPY",
				"description", "Physiotherapy", "startDate", LocalDate.now().minusMonths(9).toString(), "endDate",
				LocalDate.now().minusMonths(6).toString(), "response", "NONE")));
		consent("TREATMENT");
		consent("TRIAL");
		if (registryConsent) {
			consent("REGISTRY");
		}
		Map<String, Boolean> checklist = new HashMap<>();
		for (String item : List.of("activeInfection", "activeMalignancy", "pregnancy", "bleedingRisk",
				"allergyToProductComponents", "caudaEquinaSymptoms", "progressiveNeurologicalDeficit", "unstableFracture",
				"myelopathy")) {
			checklist.put(item, false);
		}
		ok(physician.post("/api/v1/patients/" + patientId + "/candidacy-assessments", Map.of("checklist", checklist)));
	}

	/** Releases a product for the patient and completes an injection with it; returns the procedure. */
	protected UUID injectAndComplete() {
		return injectAndComplete(Map.of());
	}

	/** As {@link #injectAndComplete()}, with some fields of the procedure request replaced (date, target ...). */
	protected UUID injectAndComplete(Map<String, Object> overrides) {
		UUID product = createBmac();
		Object date = overrides.get("date");
		if (date != null && LocalDate.parse(date.toString()).isBefore(LocalDate.now())) {
			// A backdated procedure: the product was made and released the day before it.
			Instant made = LocalDate.parse(date.toString()).minusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
			processToQuarantine(product, made);
			classifyAndConfirm(product);
			ok(release(lab, product, USER_PASSWORD, made.minusSeconds(300)));
		}
		else {
			processToQuarantine(product);
			classifyAndConfirm(product);
			ok(release(lab, product, USER_PASSWORD));
		}
		UUID physicianId = userId(physicianUsername);
		Map<String, Object> body = new HashMap<>();
		body.put("patientId", patientId);
		body.put("date", LocalDate.now().toString());
		body.put("operatorId", physicianId);
		body.put("target", "INTRADISCAL");
		body.put("levels", List.of("L4-L5"));
		body.put("guidance", "FLUOROSCOPY");
		body.put("placementConfirmed", true);
		body.put("productUnits", List.of(Map.of("productId", product, "level", "L4-L5", "volumeMl", 2.0)));
		body.putAll(overrides);
		UUID procedure = id(ok(physician.post("/api/v1/procedures", body)));
		ok(physician.post("/api/v1/procedures/" + procedure + "/complete",
				Map.of("remainders", List.of(Map.of("productId", product, "action", "DISCARDED")))));
		return procedure;
	}

	protected JsonNode followUps() {
		return ok(physician.get("/api/v1/patients/" + patientId + "/follow-ups")).get("items");
	}

	/** Moves a follow-up's dates so that it is due the given number of days from today. */
	protected void shift(UUID followUpId, int dueInDays, int windowBefore, int windowAfter) {
		LocalDate due = LocalDate.now().plusDays(dueInDays);
		ownerJdbc().sql("UPDATE follow_up SET due_date = :due, window_start = :start, window_end = :end WHERE id = :id")
			.param("due", due)
			.param("start", due.minusDays(windowBefore))
			.param("end", due.plusDays(windowAfter))
			.param("id", followUpId)
			.update();
	}

	protected void consent(String type) {
		ok(physician.post("/api/v1/patients/" + patientId + "/consents", Map.of("type", type, "status", "GIVEN",
				"effectiveDate", LocalDate.now().toString(), "formVersion", "v1")));
	}

}

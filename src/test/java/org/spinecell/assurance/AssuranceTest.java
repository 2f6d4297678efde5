package org.spinecell.assurance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.AssuranceReport;
import org.spinecell.TestApi;
import org.spinecell.outcomes.SurveyTest;
import tools.jackson.databind.JsonNode;

/**
 * Shared set-up of the assurance tests: a clinic holding one record of every kind that an endpoint
 * takes by id, so that each id-taking path can be called with a real record of this clinic.
 */
abstract class AssuranceTest extends SurveyTest {

	/**
	 * Fills the current clinic (made by the base class's set-up) with a patient taken through a
	 * procedure, follow-up, survey link, response, medication, serious adverse event with its safety
	 * task, intervention, care plan, a second product and a donor; returns the ids by name.
	 */
	protected Map<String, String> recordsOfThisClinic() {
		Map<String, String> ids = new HashMap<>();
		UUID followUp = baselineFollowUp();
		String token = link(followUp);
		ok(submit(token, "nrs-back", Map.of("nrs", 6)));
		String patients = "/api/v1/patients/" + patientId;
		ids.put("clinic", clinicId.toString());
		ids.put("patient", patientId.toString());
		ids.put("followUp", followUp.toString());
		ids.put("token", token);
		ids.put("instrument", "nrs-back");
		ids.put("diagnosis", first(patients + "/diagnoses"));
		ids.put("imaging", first(patients + "/imaging"));
		ids.put("treatment", first(patients + "/prior-treatments"));
		ids.put("consent", first(patients + "/consents"));
		ids.put("assessment", first(patients + "/candidacy-assessments"));
		ids.put("procedure", first(patients + "/procedures"));
		ids.put("response", first(patients + "/responses"));
		ids.put("medication", staffMedication("oxycodone", 5, "mg", 2).toString());
		Map<String, Object> event = new HashMap<>();
		event.put("patientId", patientId);
		event.put("onset", LocalDate.now().minusDays(3).toString());
		event.put("description", "Back pain flare after the injection");
		event.put("category", "Pain");
		event.put("grade", 3);
		event.put("serious", List.of("HOSPITALISATION"));
		event.put("awarenessDate", LocalDate.now().minusDays(1).toString());
		event.put("relatednessProcedure", "POSSIBLE");
		event.put("expected", false);
		event.put("action", "Admitted for pain control");
		event.put("outcome", "RECOVERING");
		event.put("reporter", "CLINICIAN");
		String ae = id(ok(physician.post("/api/v1/adverse-events", event))).toString();
		ids.put("ae", ae);
		ids.put("safetyTask", first("/api/v1/adverse-events/" + ae + "/safety-tasks"));
		ids.put("intervention", id(ok(physician.post(patients + "/interventions", Map.of("type", "SURGERY", "date",
				LocalDate.now().minusDays(2).toString(), "level", "L5-S1", "reason", "Persistent radicular pain"))))
			.toString());
		ids.put("carePlan", id(ok(physician.post(patients + "/care-plans", Map.of("kind", "PHYSICAL_THERAPY",
				"description", "Core stabilisation", "goals", "Walk 30 minutes", "plannedSessions", 4, "sessionsPerWeek",
				2, "startDate", LocalDate.now().minusDays(10).toString()))))
			.toString());
		ids.put("product", createBmac().toString());
		ids.put("donor", id(ok(lab.post("/api/v1/donors", Map.of("clinicId", clinicId, "code", "D-" + unique(),
				"relation", "UNRELATED"))))
			.toString());
		ids.put("cohort", id(ok(physician.post("/api/v1/analytics/cohorts", Map.of("name", "Assurance " + unique(),
				"filter", Map.of("sex", "FEMALE"))))).toString());
		// A physician of a third clinic opens this patient's chart by break-glass (not one of the actors).
		TestApi outsider = login(createUser("PHYSICIAN", Set.of(createClinic("Outside"))), USER_PASSWORD);
		ids.put("breakGlass", id(ok(outsider.post("/api/v1/break-glass", Map.of("patientId", patientId, "reason",
				"Emergency admission elsewhere; assurance test fixture"))))
			.toString());
		// A data-use agreement of this clinic, recorded by an administrator of it (not one of the actors).
		TestApi clinicAdmin = login(createUser("ADMIN", Set.of(clinicId)), USER_PASSWORD);
		ids.put("agreement", id(ok(clinicAdmin.post("/api/v1/data-use-agreements", Map.of("recipientUserId",
				userId(createUser("RESEARCHER", Set.of(clinicId))), "title", "Assurance study", "purpose",
				"Assurance test fixture", "startDate", LocalDate.now().toString(), "endDate",
				LocalDate.now().plusDays(30).toString()))))
			.toString());
		// Accounts are not clinic data; a throwaway one, so that disabling it harms no actor.
		ids.put("user", userId(createUser("LAB", Set.of(clinicId))).toString());
		// Names, not records: the analytics workspace's downloads are addressed by tab and table or chart.
		ids.put("tab", "outcomes");
		ids.put("table", "outcomes");
		ids.put("chart", "trajectory");
		return ids;
	}

	/** Starts a fresh clinic with its own lab technologist, physician and patient. */
	protected void nextClinic() {
		clinicWithStaff();
	}

	/** Publishes figures through the shared {@link AssuranceReport}; a failure to write fails the test. */
	static void publish(String name, Map<String, Object> figures, String markdown) {
		try {
			AssuranceReport.publish(name, figures, markdown);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private String first(String listPath) {
		TestApi.Response response = physician.get(listPath);
		JsonNode body = ok(response);
		JsonNode items = body.has("items") ? body.get("items") : body.get("current");
		if (items == null || items.isEmpty()) {
			throw new AssertionError("no record at " + listPath + ": " + response.body());
		}
		return items.get(0).get("id").asString();
	}

}

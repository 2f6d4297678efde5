package org.spinecell.assurance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.TestApp;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Surveys;
import org.spinecell.outcomes.Treatment;
import tools.jackson.databind.JsonNode;

import static org.spinecell.TestApp.id;
import static org.spinecell.TestApp.ok;
import static org.spinecell.TestApp.unique;

/**
 * A test fixture of the assurance tests: a clinic ({@link CellLab}, with its {@link Treatment} and
 * {@link Surveys}) that {@link #recordsOfThisClinic()} fills with one record of every kind that an
 * endpoint takes by id, so that each id-taking path can be called with a real record of this
 * clinic; {@link #nextClinic()} moves on to a fresh clinic.
 */
public final class AssuranceClinic {

	private final TestApp app;

	private CellLab cells;

	private Treatment treatment;

	private Surveys surveys;

	public AssuranceClinic(TestApp app) {
		this.app = app;
		nextClinic();
	}

	/** The current clinic, its staff and patient. */
	public CellLab cells() {
		return cells;
	}

	public Treatment treatment() {
		return treatment;
	}

	public Surveys surveys() {
		return surveys;
	}

	/** Starts a fresh clinic with its own lab technologist, physician and patient. */
	public void nextClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		surveys = new Surveys(treatment);
	}

	/**
	 * Fills the current clinic with a patient taken through a procedure, follow-up, survey link,
	 * response, medication, serious adverse event with its safety task, intervention, care plan, a
	 * second product and a donor; returns the ids by name.
	 */
	public Map<String, String> recordsOfThisClinic() {
		Map<String, String> ids = new HashMap<>();
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		ok(surveys.submit(token, "nrs-back", Map.of("nrs", 6)));
		String patients = "/api/v1/patients/" + cells.patientId();
		ids.put("clinic", cells.clinicId().toString());
		ids.put("patient", cells.patientId().toString());
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
		ids.put("medication", surveys.staffMedication("oxycodone", 5, "mg", 2).toString());
		Map<String, Object> event = new HashMap<>();
		event.put("patientId", cells.patientId());
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
		String ae = id(ok(cells.physician().post("/api/v1/adverse-events", event))).toString();
		ids.put("ae", ae);
		ids.put("safetyTask", first("/api/v1/adverse-events/" + ae + "/safety-tasks"));
		ids.put("intervention", id(ok(cells.physician().post(patients + "/interventions", Map.of("type",
				"SURGERY", "date",
				LocalDate.now().minusDays(2).toString(), "level", "L5-S1", "reason", "Persistent radicular pain"))))
			.toString());
		ids.put("carePlan", id(ok(cells.physician().post(patients + "/care-plans", Map.of("kind",
				"PHYSICAL_THERAPY",
				"description", "Core stabilisation", "goals", "Walk 30 minutes", "plannedSessions", 4,
						"sessionsPerWeek",
				2, "startDate", LocalDate.now().minusDays(10).toString()))))
			.toString());
		ids.put("product", cells.createBmac().toString());
		ids.put("donor", id(ok(cells.lab().post("/api/v1/donors", Map.of("clinicId", cells.clinicId(),
				"code", "D-" + unique(), "relation", "UNRELATED"))))
			.toString());
		ids.put("cohort", id(ok(cells.physician().post("/api/v1/analytics/cohorts", Map.of("name",
				"Assurance " + unique(), "filter", Map.of("sex", "FEMALE"))))).toString());
		// A physician of a third clinic opens this patient's chart by break-glass (not one of the actors).
		TestApi outsider = app.login(app.createUser("PHYSICIAN", Set.of(app.createClinic("Outside"))),
				IntegrationTest.USER_PASSWORD);
		ids.put("breakGlass", id(ok(outsider.post("/api/v1/break-glass", Map.of("patientId",
				cells.patientId(), "reason", "Emergency admission elsewhere; assurance test fixture"))))
			.toString());
		// A data-use agreement of this clinic, recorded by an administrator of it (not one of the actors).
		TestApi clinicAdmin = app.login(app.createUser("ADMIN", Set.of(cells.clinicId())),
				IntegrationTest.USER_PASSWORD);
		ids.put("agreement", id(ok(clinicAdmin.post("/api/v1/data-use-agreements", Map.of("recipientUserId",
				app.userId(app.createUser("RESEARCHER", Set.of(cells.clinicId()))), "title", "Assurance study",
						"purpose",
				"Assurance test fixture", "startDate", LocalDate.now().toString(), "endDate",
				LocalDate.now().plusDays(30).toString()))))
			.toString());
		// Accounts are not clinic data; a throwaway one, so that disabling it harms no actor.
		ids.put("user", app.userId(app.createUser("LAB", Set.of(cells.clinicId()))).toString());
		// Names, not records: the analytics workspace's downloads are addressed by tab and table or chart.
		ids.put("tab", "outcomes");
		ids.put("table", "outcomes");
		ids.put("chart", "trajectory");
		return ids;
	}

	private String first(String listPath) {
		TestApi.Response response = cells.physician().get(listPath);
		JsonNode body = ok(response);
		JsonNode items = body.has("items") ? body.get("items") : body.get("current");
		if (items == null || items.isEmpty()) {
			throw new AssertionError("no record at " + listPath + ": " + response.body());
		}
		return items.get(0).get("id").asString();
	}

}

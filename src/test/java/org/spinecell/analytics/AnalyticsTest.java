package org.spinecell.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.TestApi;
import org.spinecell.outcomes.FollowUpTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared set-up of the analytics tests: a small data set built through the API, whose every view
 * value and aggregate is computed by hand in the tests.
 * <ul>
 * <li>Episode 1: Iris (female, born 1968-04-02), 400 days ago, fluoroscopy; ODI 40 → 20 (M3) → 30
 * (M6), NRS back 8 → 3 → 7; oxycodone 45 MME/day until day 100; a repeat injection at L4-L5 on day
 * 200 (failure); a grade 2 adverse event possibly related to the procedure; registry and research
 * consent.</li>
 * <li>Episode 2: a man born 1950-01-01 whose name needs CSV quoting and starts like a formula, 300
 * days ago, CT guidance; ODI 50 → 44 (M3), NRS back 6 → 2; follow-ups after M3 missed (censored at
 * day 95); a serious grade 3 event not related; registry consent only.</li>
 * <li>Episode 3: a man born 1930-01-01 (over 89), today; ODI 60 recorded before the procedure
 * without a follow-up (the fallback baseline); research consent only.</li>
 * </ul>
 */
public abstract class AnalyticsTest extends FollowUpTest {

	protected static final String ODD_FAMILY_NAME = "=Quote|Test";

	protected static final String ODD_GIVEN_NAME = "Ann, \"Jo\"";

	public record Episode(UUID id, UUID patientId, LocalDate date, Map<String, UUID> followUps) {
	}

	protected Episode ep1;

	protected Episode ep2;

	protected Episode ep3;

	protected void buildDataset() {
		LocalDate d1 = LocalDate.now().minusDays(400);
		prepareEligiblePatient(true);
		consent("RESEARCH");
		ep1 = episode(d1, Map.of("date", d1.toString()));
		answer(ep1, "BASELINE", odi(2, 2, 2, 2, 2, 2, 2, 2, 2, 2), 8, 0);
		answer(ep1, "M3", odi(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 3, 92);
		answer(ep1, "M6", odi(1, 1, 1, 1, 1, 2, 2, 2, 2, 2), 7, 185);
		ok(physician.post("/api/v1/patients/" + patientId + "/medications", Map.of("drug", "oxycodone", "dose", 10,
				"unit", "mg", "route", "ORAL", "frequencyPerDay", 3, "start", d1.minusDays(30).toString(), "stop",
				d1.plusDays(100).toString())));
		ok(physician.post("/api/v1/patients/" + patientId + "/interventions", Map.of("type", "REPEAT_INJECTION", "date",
				d1.plusDays(200).toString(), "level", "L4-L5", "reason", "Pain came back", "procedureId", ep1.id())));
		adverseEvent(ep1, d1.plusDays(10), 2, List.of(), "POSSIBLE");

		LocalDate d2 = LocalDate.now().minusDays(300);
		patientId = newPatient(ODD_FAMILY_NAME, ODD_GIVEN_NAME, "1950-01-01", "MALE");
		prepareEligiblePatient(true);
		ep2 = episode(d2, Map.of("date", d2.toString(), "guidance", "CT"));
		answer(ep2, "BASELINE", odi(3, 3, 3, 3, 3, 2, 2, 2, 2, 2), 6, 0);
		answer(ep2, "M3", odi(3, 3, 2, 2, 2, 2, 2, 2, 2, 2), 2, 95);
		adverseEvent(ep2, d2.plusDays(20), 3, List.of("HOSPITALISATION"), "NOT_RELATED");

		patientId = newPatient("Old " + unique(), "Sam", "1930-01-01", "MALE");
		prepareEligiblePatient(false);
		consent("RESEARCH");
		ok(physician.post("/api/v1/patients/" + patientId + "/responses",
				Map.of("instrument", "odi-2.1a", "answers", odi(3, 3, 3, 3, 3, 3, 3, 3, 3, 3))));
		ep3 = episode(LocalDate.now(), Map.of());
	}

	private Episode episode(LocalDate date, Map<String, Object> overrides) {
		UUID procedure = injectAndComplete(overrides);
		Map<String, UUID> followUps = new HashMap<>();
		for (JsonNode f : followUps()) {
			if (f.get("procedureId").asString().equals(procedure.toString())) {
				followUps.put(f.get("timePoint").asString(), id(f));
			}
		}
		return new Episode(procedure, patientId, date, followUps);
	}

	/** Records ODI and NRS back for a follow-up and completes it, dated the given days after the procedure. */
	private void answer(Episode episode, String timePoint, Map<String, Object> odi, int nrsBack, int day) {
		UUID followUp = episode.followUps().get(timePoint);
		String path = "/api/v1/patients/" + episode.patientId() + "/responses";
		ok(physician.post(path, Map.of("instrument", "odi-2.1a", "answers", odi, "followUpId", followUp)));
		ok(physician.post(path, Map.of("instrument", "nrs-back", "answers", Map.of("nrs", nrsBack), "followUpId",
				followUp)));
		ok(physician.post("/api/v1/follow-ups/" + followUp + "/complete", Map.of()));
		ownerJdbc().sql("UPDATE follow_up SET completed_at = CAST(:day AS date) + time '12:00' WHERE id = :id")
			.param("day", episode.date().plusDays(day))
			.param("id", followUp)
			.update();
	}

	protected void adverseEvent(Episode episode, LocalDate onset, int grade, List<String> serious, String related) {
		adverseEvent(episode, onset, grade, serious, related, "Back pain after the injection");
	}

	protected void adverseEvent(Episode episode, LocalDate onset, int grade, List<String> serious, String related,
			String description) {
		Map<String, Object> body = new HashMap<>();
		body.put("patientId", episode.patientId());
		body.put("procedureId", episode.id());
		body.put("onset", onset.toString());
		body.put("awarenessDate", onset.toString());
		body.put("description", description);
		body.put("category", "Pain");
		body.put("grade", grade);
		body.put("serious", serious);
		body.put("relatednessProcedure", related);
		body.put("expected", true);
		body.put("outcome", "RECOVERED");
		body.put("resolutionDate", onset.plusDays(5).toString());
		body.put("reporter", "CLINICIAN");
		ok(physician.post("/api/v1/adverse-events", body));
	}

	protected UUID newPatient(String familyName, String givenName, String birthDate, String sex) {
		TestApi.Response patient = physician.post("/api/v1/patients", Map.of("clinicId", clinicId, "mrn",
				"AN-" + unique(), "givenName", givenName, "familyName", familyName, "birthDate", birthDate, "sex", sex));
		assertThat(patient.status()).as(patient.body()).isEqualTo(201);
		return id(patient.json());
	}

	protected String mrn(UUID patient) {
		return ownerJdbc().sql("SELECT mrn FROM patient WHERE id = :id").param("id", patient).query(String.class).single();
	}

	protected static Map<String, Object> odi(int... sections) {
		Map<String, Object> answers = new HashMap<>();
		for (int i = 0; i < sections.length; i++) {
			answers.put("odi-" + (i + 1), sections[i]);
		}
		return answers;
	}

	/** A user of this test's clinic with the given role, signed in. */
	protected TestApi signedIn(String role) {
		return login(createUser(role, java.util.Set.of(clinicId)), USER_PASSWORD);
	}

}

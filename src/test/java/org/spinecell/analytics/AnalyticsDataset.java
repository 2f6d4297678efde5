package org.spinecell.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.TestApi;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.TestApp.id;
import static org.spinecell.TestApp.ok;
import static org.spinecell.TestApp.unique;

/**
 * A test fixture of the analytics tests: a small data set built through the API by
 * {@link #buildDataset()} in the clinic of a {@link Treatment}, whose every view value and aggregate
 * is computed by hand in the tests. The steps act on the clinic's patient (Iris) first and leave the
 * third patient as the clinic's current one.
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
public final class AnalyticsDataset {

	public static final String ODD_FAMILY_NAME = "=Quote|Test";

	public static final String ODD_GIVEN_NAME = "Ann, \"Jo\"";

	public record Episode(UUID id, UUID patientId, LocalDate date, Map<String, UUID> followUps) {
	}

	private final Treatment treatment;

	private final CellLab cells;

	private Episode ep1;

	private Episode ep2;

	private Episode ep3;

	public AnalyticsDataset(Treatment treatment) {
		this.treatment = treatment;
		this.cells = treatment.cells();
	}

	/** Iris's episode of {@link #buildDataset()}. */
	public Episode ep1() {
		return ep1;
	}

	/** The second episode of {@link #buildDataset()}, of the man with the odd name. */
	public Episode ep2() {
		return ep2;
	}

	/** The third episode of {@link #buildDataset()}, of the man over 89. */
	public Episode ep3() {
		return ep3;
	}

	/** Builds the three episodes described above, in this clinic, through the API. */
	public void buildDataset() {
		LocalDate d1 = LocalDate.now().minusDays(400);
		treatment.prepareEligiblePatient(true);
		treatment.consent("RESEARCH");
		ep1 = episode(d1, Map.of("date", d1.toString()));
		answer(ep1, "BASELINE", odi(2, 2, 2, 2, 2, 2, 2, 2, 2, 2), 8, 0);
		answer(ep1, "M3", odi(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 3, 92);
		answer(ep1, "M6", odi(1, 1, 1, 1, 1, 2, 2, 2, 2, 2), 7, 185);
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/medications", Map.of("drug",
				"oxycodone", "dose", 10,
				"unit", "mg", "route", "ORAL", "frequencyPerDay", 3, "start", d1.minusDays(30).toString(), "stop",
				d1.plusDays(100).toString())));
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/interventions", Map.of("type",
				"REPEAT_INJECTION", "date",
				d1.plusDays(200).toString(), "level", "L4-L5", "reason", "Pain came back", "procedureId", ep1.id())));
		adverseEvent(ep1, d1.plusDays(10), 2, List.of(), "POSSIBLE");

		LocalDate d2 = LocalDate.now().minusDays(300);
		cells.switchToPatient(newPatient(ODD_FAMILY_NAME, ODD_GIVEN_NAME, "1950-01-01", "MALE"));
		treatment.prepareEligiblePatient(true);
		ep2 = episode(d2, Map.of("date", d2.toString(), "guidance", "CT"));
		answer(ep2, "BASELINE", odi(3, 3, 3, 3, 3, 2, 2, 2, 2, 2), 6, 0);
		answer(ep2, "M3", odi(3, 3, 2, 2, 2, 2, 2, 2, 2, 2), 2, 95);
		adverseEvent(ep2, d2.plusDays(20), 3, List.of("HOSPITALISATION"), "NOT_RELATED");

		cells.switchToPatient(newPatient("Old " + unique(), "Sam", "1930-01-01", "MALE"));
		treatment.prepareEligiblePatient(false);
		treatment.consent("RESEARCH");
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/responses",
				Map.of("instrument", "odi-2.1a", "answers", odi(3, 3, 3, 3, 3, 3, 3, 3, 3, 3))));
		ep3 = episode(LocalDate.now(), Map.of());
	}

	private Episode episode(LocalDate date, Map<String, Object> overrides) {
		UUID procedure = treatment.injectAndComplete(overrides);
		Map<String, UUID> followUps = new HashMap<>();
		for (JsonNode f : treatment.followUps()) {
			if (f.get("procedureId").asString().equals(procedure.toString())) {
				followUps.put(f.get("timePoint").asString(), id(f));
			}
		}
		return new Episode(procedure, cells.patientId(), date, followUps);
	}

	/** Records ODI and NRS back for a follow-up and completes it, dated the given days after the procedure. */
	private void answer(Episode episode, String timePoint, Map<String, Object> odi, int nrsBack, int day) {
		UUID followUp = episode.followUps().get(timePoint);
		String path = "/api/v1/patients/" + episode.patientId() + "/responses";
		ok(cells.physician().post(path, Map.of("instrument", "odi-2.1a", "answers", odi, "followUpId",
				followUp)));
		ok(cells.physician().post(path, Map.of("instrument", "nrs-back", "answers", Map.of("nrs", nrsBack),
				"followUpId", followUp)));
		ok(cells.physician().post("/api/v1/follow-ups/" + followUp + "/complete", Map.of()));
		cells.app().ownerJdbc().sql("UPDATE follow_up SET completed_at = CAST(:day AS date) + time '12:00' WHERE id = :id")
			.param("day", episode.date().plusDays(day))
			.param("id", followUp)
			.update();
	}

	public void adverseEvent(Episode episode, LocalDate onset, int grade, List<String> serious, String related) {
		adverseEvent(episode, onset, grade, serious, related, "Back pain after the injection");
	}

	public void adverseEvent(Episode episode, LocalDate onset, int grade, List<String> serious, String related,
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
		ok(cells.physician().post("/api/v1/adverse-events", body));
	}

	public UUID newPatient(String familyName, String givenName, String birthDate, String sex) {
		TestApi.Response patient = cells.physician().post("/api/v1/patients", Map.of("clinicId", cells.clinicId(),
				"mrn",
				"AN-" + unique(), "givenName", givenName, "familyName", familyName, "birthDate", birthDate, "sex",
						sex));
		assertThat(patient.status()).as(patient.body()).isEqualTo(201);
		return id(patient.json());
	}

	public String mrn(UUID patient) {
		return cells.app().ownerJdbc().sql("SELECT mrn FROM patient WHERE id = :id").param("id",
				patient).query(String.class).single();
	}

	public static Map<String, Object> odi(int... sections) {
		Map<String, Object> answers = new HashMap<>();
		for (int i = 0; i < sections.length; i++) {
			answers.put("odi-" + (i + 1), sections[i]);
		}
		return answers;
	}

	/** A user of this test's clinic with the given role, signed in. */
	public TestApi signedIn(String role) {
		return cells.app().signedIn(role, Set.of(cells.clinicId()));
	}

}

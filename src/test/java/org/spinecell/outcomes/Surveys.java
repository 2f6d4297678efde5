package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.spinecell.TestApi;
import org.spinecell.TestApp;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.survey.SurveyRateLimiter;
import org.spinecell.outcomes.survey.SurveyService;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.TestApp.find;
import static org.spinecell.TestApp.id;
import static org.spinecell.TestApp.ok;

/**
 * A test fixture: the patient's side of the survey portal for the patient of a {@link Treatment}
 * (a link for a follow-up, answers, medicines and problems sent with it) and counts of what was
 * stored. Creating it forgets the portal's rate limits, so each test starts with a full allowance.
 */
public final class Surveys {

	private final Treatment treatment;

	private UUID baseline;

	public Surveys(Treatment treatment) {
		this.treatment = treatment;
		forgetRateLimits();
	}

	/** Forgets the portal's rate limits (a test that makes many requests calls it between them). */
	public void forgetRateLimits() {
		app().bean(SurveyRateLimiter.class).reset();
	}

	/** Completes a procedure and returns the baseline follow-up (due today; nrs-back comes first). */
	public UUID baselineFollowUp() {
		treatment.aCompletedProcedure(true);
		baseline = UUID.fromString(find(treatment.followUps(), "timePoint", "BASELINE").get("id").asString());
		return baseline;
	}

	/** The follow-up the last {@link #baselineFollowUp()} returned. */
	public UUID baseline() {
		return baseline;
	}

	/** Creates a link for the follow-up and returns its token. */
	public String link(UUID followUpId) {
		TestApi.Response created = cells().physician().post("/api/v1/follow-ups/" + followUpId + "/link", Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String url = created.json().get("url").asString();
		assertThat(url).contains("/s/");
		return url.substring(url.lastIndexOf('/') + 1);
	}

	public TestApi.Response submit(String token, String instrument, Map<String, Object> answers) {
		return app().anonymous().post("/api/v1/surveys/" + token + "/responses",
				Map.of("instrument", instrument, "answers", answers));
	}

	public int responsesStored(UUID followUpId, String instrument) {
		return jdbc().sql("SELECT count(*) FROM instrument_response WHERE follow_up_id = :f AND instrument_id = :i")
			.param("f", followUpId)
			.param("i", instrument)
			.query(Integer.class)
			.single();
	}

	/** Staff record a medicine for the patient (started a month ago); returns its id. */
	public UUID staffMedication(String drug, int dose, String unit, int perDay) {
		return id(ok(cells().physician().post("/api/v1/patients/" + cells().patientId() + "/medications",
				Map.of("drug", drug, "dose", dose, "unit", unit, "route", "ORAL", "frequencyPerDay", perDay, "start",
						LocalDate.now().minusMonths(1).toString()))));
	}

	public TestApi.Response reportProblem(String token, Map<String, Object> problem) {
		return app().anonymous().post("/api/v1/surveys/" + token + "/problems", problem);
	}

	public TestApi.Response updateMedicines(String token, Map<String, Object> update) {
		return app().anonymous().post("/api/v1/surveys/" + token + "/medications", update);
	}

	public int medicationsStored(String source) {
		return jdbc().sql("SELECT count(*) FROM medication_statement WHERE patient_id = :p AND source = :s")
			.param("p", cells().patientId())
			.param("s", source)
			.query(Integer.class)
			.single();
	}

	public int problemsStored() {
		return jdbc().sql("SELECT count(*) FROM adverse_event WHERE patient_id = :p AND reporter = 'PATIENT'")
			.param("p", cells().patientId())
			.query(Integer.class)
			.single();
	}

	/** How many audit entries of the entity were written by the survey portal's system actor. */
	public int auditedBySystem(String entityType, Object entityId) {
		return jdbc()
			.sql("SELECT count(*) FROM audit_event WHERE entity_type = :t AND entity_id = :id AND actor_username = 'system'")
			.param("t", entityType)
			.param("id", entityId.toString())
			.query(Integer.class)
			.single();
	}

	public void revoke(String token) {
		jdbc().sql("UPDATE survey_link SET revoked_at = now() WHERE token_hash = :h")
			.param("h", SurveyService.hash(token))
			.update();
	}

	public void expire(String token) {
		jdbc().sql("UPDATE survey_link SET expires_at = now() - interval '1 minute' WHERE token_hash = :h")
			.param("h", SurveyService.hash(token))
			.update();
	}

	private CellLab cells() {
		return treatment.cells();
	}

	private TestApp app() {
		return cells().app();
	}

	private JdbcClient jdbc() {
		return app().ownerJdbc();
	}

}

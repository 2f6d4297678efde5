package org.spinecell.outcomes;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.spinecell.TestApi;
import org.spinecell.outcomes.survey.SurveyRateLimiter;
import org.spinecell.outcomes.survey.SurveyService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared set-up of the survey tests: a completed procedure and a link for its baseline follow-up. */
public abstract class SurveyTest extends FollowUpTest {

	@Autowired
	SurveyRateLimiter limiter;

	protected UUID baseline;

	@BeforeEach
	protected void forgetRateLimits() {
		limiter.reset();
	}

	/** Completes a procedure and returns the baseline follow-up (due today; nrs-back comes first). */
	protected UUID baselineFollowUp() {
		completeProcedure(true);
		baseline = UUID.fromString(find(followUps(), "timePoint", "BASELINE").get("id").asString());
		return baseline;
	}

	/** Creates a link for the follow-up and returns its token. */
	protected String link(UUID followUpId) {
		TestApi.Response created = physician.post("/api/v1/follow-ups/" + followUpId + "/link", Map.of());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String url = created.json().get("url").asString();
		assertThat(url).contains("/s/");
		return url.substring(url.lastIndexOf('/') + 1);
	}

	protected TestApi.Response submit(String token, String instrument, Map<String, Object> answers) {
		return anonymous.post("/api/v1/surveys/" + token + "/responses",
				Map.of("instrument", instrument, "answers", answers));
	}

	protected int responsesStored(UUID followUpId, String instrument) {
		return ownerJdbc().sql("SELECT count(*) FROM instrument_response WHERE follow_up_id = :f AND instrument_id = :i")
			.param("f", followUpId)
			.param("i", instrument)
			.query(Integer.class)
			.single();
	}

	/** Staff record a medicine for the patient (started a month ago); returns its id. */
	protected UUID staffMedication(String drug, int dose, String unit, int perDay) {
		return id(ok(physician.post("/api/v1/patients/" + patientId + "/medications",
				Map.of("drug", drug, "dose", dose, "unit", unit, "route", "ORAL", "frequencyPerDay", perDay, "start",
						java.time.LocalDate.now().minusMonths(1).toString()))));
	}

	protected TestApi.Response reportProblem(String token, Map<String, Object> problem) {
		return anonymous.post("/api/v1/surveys/" + token + "/problems", problem);
	}

	protected TestApi.Response updateMedicines(String token, Map<String, Object> update) {
		return anonymous.post("/api/v1/surveys/" + token + "/medications", update);
	}

	protected int medicationsStored(String source) {
		return ownerJdbc().sql("SELECT count(*) FROM medication_statement WHERE patient_id = :p AND source = :s")
			.param("p", patientId)
			.param("s", source)
			.query(Integer.class)
			.single();
	}

	protected int problemsStored() {
		return ownerJdbc().sql("SELECT count(*) FROM adverse_event WHERE patient_id = :p AND reporter = 'PATIENT'")
			.param("p", patientId)
			.query(Integer.class)
			.single();
	}

	/** How many audit entries of the entity were written by the survey portal's system actor. */
	protected int auditedBySystem(String entityType, Object entityId) {
		return ownerJdbc()
			.sql("SELECT count(*) FROM audit_event WHERE entity_type = :t AND entity_id = :id AND actor_username = 'system'")
			.param("t", entityType)
			.param("id", entityId.toString())
			.query(Integer.class)
			.single();
	}

	protected void revoke(String token) {
		ownerJdbc().sql("UPDATE survey_link SET revoked_at = now() WHERE token_hash = :h")
			.param("h", SurveyService.hash(token))
			.update();
	}

	protected void expire(String token) {
		ownerJdbc().sql("UPDATE survey_link SET expires_at = now() - interval '1 minute' WHERE token_hash = :h")
			.param("h", SurveyService.hash(token))
			.update();
	}

}

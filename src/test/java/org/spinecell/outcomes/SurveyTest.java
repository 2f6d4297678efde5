package org.spinecell.outcomes;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.spinecell.TestApi;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared set-up of the survey tests: a completed procedure and a link for its baseline follow-up. */
abstract class SurveyTest extends FollowUpTest {

	@Autowired
	SurveyRateLimiter limiter;

	protected UUID baseline;

	@BeforeEach
	void forgetRateLimits() {
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

	protected void expire(String token) {
		ownerJdbc().sql("UPDATE survey_link SET expires_at = now() - interval '1 minute' WHERE token_hash = :h")
			.param("h", SurveyService.hash(token))
			.update();
	}

}

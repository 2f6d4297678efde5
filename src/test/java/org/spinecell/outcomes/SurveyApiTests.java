package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.spinecell.TestApi;
import org.spinecell.outcomes.survey.SurveyService;

import static org.assertj.core.api.Assertions.assertThat;

/** Survey links and the patient's JSON submissions: tokens, idempotency, refusals, rate limits. */
class SurveyApiTests extends SurveyTest {

	@Test
	void aNewLinkRevokesThePreviousOne() {
		UUID followUp = baselineFollowUp();
		String first = link(followUp);
		String second = link(followUp);
		assertThat(first).hasSize(43).isNotEqualTo(second);
		assertThat(submit(first, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(404);
		assertThat(submit(second, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(201);
		int stored = ownerJdbc().sql("SELECT count(*) FROM survey_link WHERE follow_up_id = :f AND revoked_at IS NULL")
			.param("f", followUp)
			.query(Integer.class)
			.single();
		assertThat(stored).isEqualTo(1);
		byte[] hash = ownerJdbc().sql("SELECT token_hash FROM survey_link WHERE follow_up_id = :f AND revoked_at IS NULL")
			.param("f", followUp)
			.query(byte[].class)
			.single();
		assertThat(hash).isEqualTo(SurveyService.hash(second));
	}

	@Test
	void noLinkForAFollowUpWhoseWindowHasEnded() {
		UUID followUp = baselineFollowUp();
		shift(followUp, -20, 5, 5);
		assertThat(physician.post("/api/v1/follow-ups/" + followUp + "/link", Map.of()).status()).isEqualTo(409);
		shift(followUp, 0, 5, 5);
		ok(physician.post("/api/v1/follow-ups/" + followUp + "/complete", Map.of()));
		assertThat(physician.post("/api/v1/follow-ups/" + followUp + "/link", Map.of()).status()).isEqualTo(409);
		assertThat(anonymous.post("/api/v1/follow-ups/" + followUp + "/link", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void unknownTamperedAndExpiredTokensLookTheSameForEveryPatient() {
		UUID followUp = baselineFollowUp();
		String token = link(followUp);
		// A second patient of the clinic with a follow-up of their own.
		UUID other = id(ok(physician.post("/api/v1/patients", Map.of("clinicId", clinicId, "mrn", "SV-" + unique(),
				"givenName", "Otto", "familyName", "Lind", "birthDate", "1970-01-01", "sex", "MALE"))));
		UUID procedure = UUID.fromString(find(followUps(), "timePoint", "BASELINE").get("procedureId").asString());
		UUID otherFollowUp = UUID.randomUUID();
		ownerJdbc().sql("""
				INSERT INTO follow_up (clinic_id, id, patient_id, procedure_id, time_point, due_date, window_start,
				                       window_end, instruments, created_by, updated_by)
				VALUES (:c, :id, :p, :proc, 'X1', :d, :d, :d, '{nrs-back}', :u, :u)
				""")
			.param("c", clinicId)
			.param("id", otherFollowUp)
			.param("p", other)
			.param("proc", procedure)
			.param("d", LocalDate.now())
			.param("u", UUID.randomUUID())
			.update();
		String otherToken = link(otherFollowUp);

		char last = token.charAt(42);
		String tampered = token.substring(0, 42) + (last == 'A' ? 'B' : 'A');
		TestApi.Response unknown = submit("A".repeat(43), "nrs-back", Map.of("nrs", 6));
		TestApi.Response tamperedResponse = submit(tampered, "nrs-back", Map.of("nrs", 6));
		TestApi.Response malformed = submit("not-a-token", "nrs-back", Map.of("nrs", 6));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(tamperedResponse.status()).isEqualTo(404);
		assertThat(tamperedResponse.body()).isEqualTo(unknown.body()).isEqualTo(malformed.body());

		expire(token);
		expire(otherToken);
		TestApi.Response expired = submit(token, "nrs-back", Map.of("nrs", 6));
		TestApi.Response otherExpired = submit(otherToken, "nrs-back", Map.of("nrs", 6));
		assertThat(expired.status()).isEqualTo(410);
		assertThat(otherExpired.status()).isEqualTo(410);
		assertThat(expired.body()).isEqualTo(otherExpired.body()).doesNotContain(token).doesNotContain("Quinn");
		assertThat(responsesStored(followUp, "nrs-back")).isZero();
	}

	@Test
	void resubmissionIsIdempotentAndDifferentAnswersConflict() {
		String token = link(baselineFollowUp());
		TestApi.Response first = submit(token, "nrs-back", Map.of("nrs", 6));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		TestApi.Response again = submit(token, "nrs-back", Map.of("nrs", 6));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(first.json().get("nextInstrument").asString()).isEqualTo("nrs-leg");
		assertThat(submit(token, "nrs-back", Map.of("nrs", 7)).status()).isEqualTo(409);
		assertThat(responsesStored(baseline, "nrs-back")).isEqualTo(1);
	}

	@Test
	void invalidAnswersAreRefusedNamingTheItem() {
		String token = link(baselineFollowUp());
		TestApi.Response invalid = submit(token, "nrs-back", Map.of("nrs", 11));
		assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
		assertThat(invalid.body()).contains("\"nrs\"");
		assertThat(submit(token, "odi-2.1a", Map.of()).status()).isEqualTo(422);
		assertThat(submit(token, "rmdq-24", Map.of()).status()).isEqualTo(422);
		assertThat(responsesStored(baseline, "nrs-back")).isZero();
	}

	@Test
	void parallelSubmissionsStoreExactlyOneResponse() throws Exception {
		String token = link(baselineFollowUp());
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<Integer>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 100; i++) {
				results.add(pool.submit(() -> submit(token, "nrs-back", Map.of("nrs", 4)).status()));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 429);
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(responsesStored(baseline, "nrs-back")).isEqualTo(1);
	}

	@Test
	void theSurveyLeavesTheFollowUpOpenWhileItsLicensedPrimaryOutcomeIsMissingAndStaffEntryCompletesIt() {
		String token = link(baselineFollowUp());
		ok(submit(token, "nrs-back", Map.of("nrs", 6)));
		ok(submit(token, "nrs-leg", Map.of("nrs", 3)));
		TestApi.Response last = submit(token, "medication-work",
				Map.of("pain-medication", false, "work-status", "full-time"));
		assertThat(last.status()).as(last.body()).isEqualTo(201);
		// The patient has answered all they can; the ODI (a primary outcome, licensed text not loaded) is
		// still missing, so the follow-up stays open for staff instead of completing without it.
		assertThat(last.json().get("surveyCompleted").asBoolean()).isTrue();
		assertThat(ok(physician.get("/api/v1/follow-ups/" + baseline)).get("status").asString()).isEqualTo("DUE");
		Map<String, Object> odi = new java.util.HashMap<>();
		for (int i = 1; i <= 10; i++) {
			odi.put("odi-" + i, 2);
		}
		ok(physician.post("/api/v1/follow-ups/" + baseline + "/responses",
				Map.of("instrument", "odi-2.1a", "answers", odi)));
		// EQ-5D-5L and PROMIS-29 (licensed, text not loaded, not primary) do not hold it open.
		assertThat(ok(physician.get("/api/v1/follow-ups/" + baseline)).get("status").asString()).isEqualTo("COMPLETED");
		// The same answers again after completion: still the same result.
		assertThat(submit(token, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(200);
		assertThat(submit(token, "nrs-back", Map.of("nrs", 5)).status()).isEqualTo(409);
	}

	@Test
	void tooManyRequestsForOneTokenAre429() {
		String token = link(baselineFollowUp());
		int limited = 0;
		for (int i = 0; i < 35; i++) {
			TestApi.Response response = submit(token, "nrs-back", Map.of("nrs", 6));
			if (response.status() == 429) {
				limited++;
				assertThat(response.body()).contains("Too many requests");
				assertThat(response.header("Retry-After")).isEqualTo("60");
			}
		}
		assertThat(limited).isEqualTo(5);
	}

}

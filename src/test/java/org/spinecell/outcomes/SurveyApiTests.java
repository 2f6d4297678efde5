package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.survey.SurveyService;

import static org.assertj.core.api.Assertions.assertThat;

/** Survey links and the patient's JSON submissions: tokens, idempotency, refusals, rate limits. */
class SurveyApiTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The patient's side of the survey portal. */
	private Surveys surveys;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		surveys = new Surveys(treatment);
	}

	@Test
	void aNewLinkRevokesThePreviousOne() {
		UUID followUp = surveys.baselineFollowUp();
		String first = surveys.link(followUp);
		String second = surveys.link(followUp);
		assertThat(first).hasSize(43).isNotEqualTo(second);
		assertThat(surveys.submit(first, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(404);
		assertThat(surveys.submit(second, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(201);
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
		UUID followUp = surveys.baselineFollowUp();
		treatment.shift(followUp, -20, 5, 5);
		assertThat(cells.physician().post("/api/v1/follow-ups/" + followUp + "/link",
				Map.of()).status()).isEqualTo(409);
		treatment.shift(followUp, 0, 5, 5);
		ok(cells.physician().post("/api/v1/follow-ups/" + followUp + "/complete", Map.of()));
		assertThat(cells.physician().post("/api/v1/follow-ups/" + followUp + "/link",
				Map.of()).status()).isEqualTo(409);
		assertThat(anonymous.post("/api/v1/follow-ups/" + followUp + "/link", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void unknownTamperedAndExpiredTokensLookTheSameForEveryPatient() {
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		// A second patient of the clinic with a follow-up of their own.
		UUID other = id(ok(cells.physician().post("/api/v1/patients", Map.of("clinicId", cells.clinicId(), "mrn",
				"SV-" + unique(),
				"givenName", "Otto", "familyName", "Lind", "birthDate", "1970-01-01", "sex", "MALE"))));
		UUID procedure = UUID.fromString(find(treatment.followUps(), "timePoint",
				"BASELINE").get("procedureId").asString());
		UUID otherFollowUp = UUID.randomUUID();
		ownerJdbc().sql("""
				INSERT INTO follow_up (clinic_id, id, patient_id, procedure_id, time_point, due_date, window_start,
				                       window_end, instruments, created_by, updated_by)
				VALUES (:c, :id, :p, :proc, 'X1', :d, :d, :d, '{nrs-back}', :u, :u)
				""")
			.param("c", cells.clinicId())
			.param("id", otherFollowUp)
			.param("p", other)
			.param("proc", procedure)
			.param("d", LocalDate.now())
			.param("u", UUID.randomUUID())
			.update();
		String otherToken = surveys.link(otherFollowUp);

		char last = token.charAt(42);
		String tampered = token.substring(0, 42) + (last == 'A' ? 'B' : 'A');
		TestApi.Response unknown = surveys.submit("A".repeat(43), "nrs-back", Map.of("nrs", 6));
		TestApi.Response tamperedResponse = surveys.submit(tampered, "nrs-back", Map.of("nrs", 6));
		TestApi.Response malformed = surveys.submit("not-a-token", "nrs-back", Map.of("nrs", 6));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(tamperedResponse.status()).isEqualTo(404);
		assertThat(tamperedResponse.body()).isEqualTo(unknown.body()).isEqualTo(malformed.body());

		surveys.expire(token);
		surveys.expire(otherToken);
		TestApi.Response expired = surveys.submit(token, "nrs-back", Map.of("nrs", 6));
		TestApi.Response otherExpired = surveys.submit(otherToken, "nrs-back", Map.of("nrs", 6));
		assertThat(expired.status()).isEqualTo(410);
		assertThat(otherExpired.status()).isEqualTo(410);
		assertThat(expired.body()).isEqualTo(otherExpired.body()).doesNotContain(token).doesNotContain("Quinn");
		assertThat(surveys.responsesStored(followUp, "nrs-back")).isZero();
	}

	@Test
	void resubmissionIsIdempotentAndDifferentAnswersConflict() {
		String token = surveys.link(surveys.baselineFollowUp());
		TestApi.Response first = surveys.submit(token, "nrs-back", Map.of("nrs", 6));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		TestApi.Response again = surveys.submit(token, "nrs-back", Map.of("nrs", 6));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(first.json().get("nextInstrument").asString()).isEqualTo("nrs-leg");
		assertThat(surveys.submit(token, "nrs-back", Map.of("nrs", 7)).status()).isEqualTo(409);
		assertThat(surveys.responsesStored(surveys.baseline(), "nrs-back")).isEqualTo(1);
	}

	@Test
	void invalidAnswersAreRefusedNamingTheItem() {
		String token = surveys.link(surveys.baselineFollowUp());
		TestApi.Response invalid = surveys.submit(token, "nrs-back", Map.of("nrs", 11));
		assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
		assertThat(invalid.body()).contains("\"nrs\"");
		assertThat(surveys.submit(token, "odi-2.1a", Map.of()).status()).isEqualTo(422);
		assertThat(surveys.submit(token, "rmdq-24", Map.of()).status()).isEqualTo(422);
		assertThat(surveys.responsesStored(surveys.baseline(), "nrs-back")).isZero();
	}

	@Test
	void parallelSubmissionsStoreExactlyOneResponse() throws Exception {
		String token = surveys.link(surveys.baselineFollowUp());
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<Integer>> results = new ArrayList<>();
		try {
			for (int i = 0; i < 100; i++) {
				results.add(pool.submit(() -> surveys.submit(token, "nrs-back", Map.of("nrs", 4)).status()));
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
		assertThat(surveys.responsesStored(surveys.baseline(), "nrs-back")).isEqualTo(1);
	}

	@Test
	void theSurveyLeavesTheFollowUpOpenWhileItsLicensedPrimaryOutcomeIsMissingAndStaffEntryCompletesIt() {
		String token = surveys.link(surveys.baselineFollowUp());
		ok(surveys.submit(token, "nrs-back", Map.of("nrs", 6)));
		ok(surveys.submit(token, "nrs-leg", Map.of("nrs", 3)));
		TestApi.Response last = surveys.submit(token, "medication-work",
				Map.of("pain-medication", false, "work-status", "full-time"));
		assertThat(last.status()).as(last.body()).isEqualTo(201);
		// The patient has answered all they can; the ODI (a primary outcome, licensed text not loaded) is
		// still missing, so the follow-up stays open for staff instead of completing without it.
		assertThat(last.json().get("surveyCompleted").asBoolean()).isTrue();
		assertThat(ok(cells.physician().get("/api/v1/follow-ups/"
				+ surveys.baseline())).get("status").asString()).isEqualTo("DUE");
		Map<String, Object> odi = new java.util.HashMap<>();
		for (int i = 1; i <= 10; i++) {
			odi.put("odi-" + i, 2);
		}
		ok(cells.physician().post("/api/v1/follow-ups/" + surveys.baseline() + "/responses",
				Map.of("instrument", "odi-2.1a", "answers", odi)));
		// EQ-5D-5L and PROMIS-29 (licensed, text not loaded, not primary) do not hold it open.
		assertThat(ok(cells.physician().get("/api/v1/follow-ups/"
				+ surveys.baseline())).get("status").asString()).isEqualTo("COMPLETED");
		// The same answers again after completion: still the same result.
		assertThat(surveys.submit(token, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(200);
		assertThat(surveys.submit(token, "nrs-back", Map.of("nrs", 5)).status()).isEqualTo(409);
	}

	@Test
	void tooManyRequestsForOneTokenAre429() {
		String token = surveys.link(surveys.baselineFollowUp());
		int limited = 0;
		for (int i = 0; i < 35; i++) {
			TestApi.Response response = surveys.submit(token, "nrs-back", Map.of("nrs", 6));
			if (response.status() == 429) {
				limited++;
				assertThat(response.body()).contains("Too many requests");
				assertThat(response.header("Retry-After")).isEqualTo("60");
			}
		}
		assertThat(limited).isEqualTo(5);
	}

}

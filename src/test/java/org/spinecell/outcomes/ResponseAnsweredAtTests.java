package org.spinecell.outcomes;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.outcomes.responses.RecordedResponse;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Answers typed in later from a paper form keep the time the patient answered. */
class ResponseAnsweredAtTests extends IntegrationTest {

	@Autowired
	ResponseService responses;

	private UUID patient;

	private CurrentUser coordinator;

	@BeforeEach
	void clinicWithPatient() {
		UUID clinicId = createClinic("Paper forms");
		String username = createUser("COORDINATOR", Set.of(clinicId));
		TestApi staff = login(username, USER_PASSWORD);
		TestApi.Response registered = staff.post("/api/v1/patients", Map.of("clinicId", clinicId, "mrn", "P-" + unique(),
				"givenName", "Ines", "familyName", "Paper " + unique(), "birthDate", "1970-02-03", "sex", "FEMALE"));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		patient = id(registered.json());
		coordinator = new CurrentUser(userId(username), username, "Test coordinator", Set.of(Role.COORDINATOR),
				Set.of(clinicId));
	}

	@Test
	void anEarlierAnswerIsStoredAndObservedAtTheTimeItWasGiven() {
		Instant answered = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		RecordedResponse recorded = CurrentUser.callAs(coordinator,
				() -> responses.record(patient, null, "nrs-back", Map.of("nrs", 6), true, answered));
		assertThat(recorded.submittedAt()).isEqualTo(answered);
		assertThat(recorded.score()).isEqualByComparingTo("6");
		Instant effective = ownerJdbc().sql("SELECT effective_at FROM observation WHERE response_id = :id")
			.param("id", recorded.id())
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(effective).isEqualTo(answered);
		long audited = ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE entity_type = 'InstrumentResponse'"
				+ " AND entity_id = :id").param("id", recorded.id().toString()).query(Long.class).single();
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void anAnswerTimeInTheFutureIsRefusedAndNothingIsStored() {
		Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
		assertThatThrownBy(() -> CurrentUser.callAs(coordinator,
				() -> responses.record(patient, null, "nrs-back", Map.of("nrs", 6), true, tomorrow)))
			.isInstanceOfSatisfying(Refusal.class,
					ex -> assertThat(ex.errors()).extracting("field").containsExactly("answeredAt"));
		long stored = ownerJdbc().sql("SELECT count(*) FROM instrument_response WHERE patient_id = :patient")
			.param("patient", patient)
			.query(Long.class)
			.single();
		assertThat(stored).isZero();
	}

}

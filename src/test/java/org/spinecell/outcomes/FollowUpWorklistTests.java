package org.spinecell.outcomes;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.cellproducts.CellLab;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The coordinators' worklist, completion rates, and completing or cancelling a follow-up. */
class FollowUpWorklistTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
	}

	@Test
	void anOverdueFollowUpIsOnTheWorklistWithDaysOverdueAndTheMissingRegistryConsent() {
		treatment.aCompletedProcedure(false);
		TestApi coordinator = login(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		UUID w2 = id(find(treatment.followUps(), "timePoint", "W2"));
		treatment.shift(w2, -2, 4, 4);
		JsonNode items = ok(coordinator.get("/api/v1/follow-ups/worklist?clinicId=" + cells.clinicId()
				+ "&status=OVERDUE"))
			.get("items");
		assertThat(items).hasSize(1);
		JsonNode item = items.get(0);
		assertThat(item.get("id").asString()).isEqualTo(w2.toString());
		assertThat(item.get("timePoint").asString()).isEqualTo("W2");
		assertThat(item.get("status").asString()).isEqualTo("OVERDUE");
		assertThat(item.get("daysOverdue").asInt()).isEqualTo(2);
		assertThat(item.get("patientName").asString()).isEqualTo("Quinn, Iris");
		assertThat(item.get("mrn").asString()).startsWith("CP-");
		assertThat(item.get("registryConsent").asBoolean()).isFalse();

		JsonNode open = ok(coordinator.get("/api/v1/follow-ups/worklist?clinicId=" + cells.clinicId())).get("items");
		// Earliest due first: the 2-week follow-up (due two days ago) before the baseline (due today).
		assertThat(open).hasSize(2);
		assertThat(open.get(0).get("timePoint").asString()).isEqualTo("W2");
		assertThat(open.get(1).get("timePoint").asString()).isEqualTo("BASELINE");
		assertThat(open.get(1).get("status").asString()).isEqualTo("DUE");
		assertThat(ok(coordinator.get("/api/v1/follow-ups/worklist?clinicId=" + cells.clinicId() + "&status=DUE"))
			.get("items")).hasSize(1);
		assertThat(coordinator.get("/api/v1/follow-ups/worklist?status=MISSED").status()).isEqualTo(400);
	}

	@Test
	void theCompletionRateCountsFollowUpsWhoseWindowClosedOrThatWereCompleted() {
		treatment.prepareEligiblePatient(true);
		UUID first = treatment.injectAndComplete();
		UUID second = treatment.injectAndComplete();
		JsonNode items = treatment.followUps();
		assertThat(items).hasSize(14);
		UUID completedW2 = w2Of(items, first);
		UUID missedW2 = w2Of(items, second);
		ok(cells.physician().post("/api/v1/follow-ups/" + completedW2 + "/complete", Map.of()));
		// Both 2-week windows have closed: one was completed in time, one was missed.
		treatment.shift(completedW2, -20, 4, 4);
		treatment.shift(missedW2, -20, 4, 4);
		JsonNode rates = ok(cells.physician().get("/api/v1/follow-ups/completion?clinicId="
				+ cells.clinicId())).get("items");
		assertThat(rates).extracting(r -> r.get("timePoint").asString())
			.containsExactly("BASELINE", "W2", "W6", "M3", "M6", "M12", "M24");
		JsonNode w2 = find(rates, "timePoint", "W2");
		assertThat(w2.get("eligible").asInt()).isEqualTo(2);
		assertThat(w2.get("completed").asInt()).isEqualTo(1);
		assertThat(w2.get("rate").asDouble()).isEqualTo(0.5);
		// Baselines are still open today: not counted yet.
		JsonNode baseline = find(rates, "timePoint", "BASELINE");
		assertThat(baseline.get("eligible").asInt()).isZero();
		assertThat(baseline.get("rate").isNull()).isTrue();
		// A baseline completed early counts at once.
		UUID firstBaseline = id(items.get(0));
		ok(cells.physician().post("/api/v1/follow-ups/" + firstBaseline + "/complete", Map.of()));
		assertThat(find(ok(cells.physician().get("/api/v1/follow-ups/completion?clinicId="
				+ cells.clinicId())).get("items"), "timePoint", "BASELINE").get("rate").asDouble()).isEqualTo(1.0);
	}

	private static UUID w2Of(JsonNode items, UUID procedure) {
		for (JsonNode item : items) {
			if ("W2".equals(item.get("timePoint").asString())
					&& procedure.toString().equals(item.get("procedureId").asString())) {
				return id(item);
			}
		}
		throw new AssertionError("no W2 follow-up of " + procedure);
	}

	@Test
	void cancellingNeedsAReasonAndIsAudited() {
		treatment.aCompletedProcedure(true);
		UUID m6 = id(find(treatment.followUps(), "timePoint", "M6"));
		TestApi.Response blank = cells.physician().post("/api/v1/follow-ups/" + m6 + "/cancel", Map.of("reason", " "));
		assertThat(blank.status()).isEqualTo(422);
		JsonNode cancelled = ok(cells.physician().post("/api/v1/follow-ups/" + m6 + "/cancel",
				Map.of("reason", "Patient withdrew from follow-up")));
		assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(ownerJdbc()
			.sql("SELECT reason FROM audit_event WHERE entity_type = 'FollowUp' AND entity_id = :id AND action = 'UPDATE'")
			.param("id", m6.toString())
			.query(String.class)
			.single()).isEqualTo("Patient withdrew from follow-up");
		assertThat(cells.physician().post("/api/v1/follow-ups/" + m6 + "/complete", Map.of()).status()).isEqualTo(409);
		assertThat(cells.physician().post("/api/v1/follow-ups/" + m6 + "/cancel", Map.of("reason", "Again")).status())
			.isEqualTo(409);
	}

	@Test
	void anotherClinicsFollowUpIsNotFound() {
		treatment.aCompletedProcedure(true);
		UUID baseline = id(find(treatment.followUps(), "timePoint", "BASELINE"));
		UUID otherClinic = createClinic("Other");
		TestApi outsider = login(createUser("COORDINATOR", Set.of(otherClinic)), USER_PASSWORD);
		assertThat(outsider.get("/api/v1/follow-ups/" + baseline).status()).isEqualTo(404);
		assertThat(outsider.post("/api/v1/follow-ups/" + baseline + "/complete", Map.of()).status()).isEqualTo(404);
		assertThat(outsider.post("/api/v1/follow-ups/" + baseline + "/cancel", Map.of("reason", "Moved")).status())
			.isEqualTo(404);
		assertThat(outsider.get("/api/v1/patients/" + cells.patientId() + "/follow-ups").status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/follow-ups/worklist?clinicId=" + cells.clinicId()).status()).isEqualTo(404);
		assertThat(outsider.get("/api/v1/follow-ups/completion?clinicId=" + cells.clinicId()).status()).isEqualTo(404);
		assertThat(ok(outsider.get("/api/v1/follow-ups/worklist")).get("items").toString())
			.doesNotContain(baseline.toString());
		assertThat(cells.lab().get("/api/v1/follow-ups/worklist?clinicId=" + cells.clinicId()).status()).isEqualTo(403);
	}

}

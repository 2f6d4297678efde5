package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.procedures.ProcedureCompleted;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/** Completing a procedure starts the patient's follow-up schedule, once. */
class FollowUpScheduleTests extends FollowUpTest {

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void completingAProcedureSchedulesSevenTimePointsWithTheirWindows() {
		UUID procedure = completeProcedure(true);
		JsonNode items = followUps();
		assertThat(items).hasSize(7);
		LocalDate today = LocalDate.now();
		JsonNode baseline = find(items, "timePoint", "BASELINE");
		assertThat(baseline.get("procedureId").asString()).isEqualTo(procedure.toString());
		assertThat(baseline.get("dueDate").asString()).isEqualTo(today.toString());
		assertThat(baseline.get("windowStart").asString()).isEqualTo(today.minusDays(30).toString());
		assertThat(baseline.get("windowEnd").asString()).isEqualTo(today.plusDays(3).toString());
		assertThat(baseline.get("status").asString()).isEqualTo("DUE");
		JsonNode w6 = find(items, "timePoint", "W6");
		assertThat(w6.get("dueDate").asString()).isEqualTo(today.plusDays(42).toString());
		assertThat(w6.get("windowStart").asString()).isEqualTo(today.plusDays(42 - 11).toString());
		assertThat(w6.get("windowEnd").asString()).isEqualTo(today.plusDays(42 + 11).toString());
		assertThat(w6.get("status").asString()).isEqualTo("UPCOMING");
		assertThat(w6.get("instruments").toString()).contains("pgic").doesNotContain("promis-29");
		JsonNode m24 = find(items, "timePoint", "M24");
		assertThat(m24.get("dueDate").asString()).isEqualTo(today.plusDays(730).toString());
		assertThat(m24.get("windowStart").asString()).isEqualTo(today.plusDays(730 - 183).toString());
		assertThat(m24.get("windowEnd").asString()).isEqualTo(today.plusDays(730 + 183).toString());
		assertThat(m24.get("instruments").toString()).contains("eq-5d-5l", "promis-29", "medication-work");
		assertThat(items.get(0).get("timePoint").asString()).isEqualTo("BASELINE");
		assertThat(auditEntries(find(items, "timePoint", "M3").get("id").asString())).isEqualTo(1);
	}

	@Test
	void theSameEventTwiceStillLeavesSevenFollowUps() {
		UUID procedure = completeProcedure(true);
		events.publishEvent(new ProcedureCompleted(procedure, clinicId, patientId, LocalDate.now(), List.of("L4-L5")));
		assertThat(followUps()).hasSize(7);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM follow_up WHERE procedure_id = :p")
			.param("p", procedure)
			.query(Long.class)
			.single()).isEqualTo(7);
	}

	@Test
	void aPatientWithoutRegistryConsentStillGetsTheSchedule() {
		completeProcedure(false);
		assertThat(followUps()).hasSize(7);
	}

	@Test
	void theStatusFollowsTheCalendarWithoutAnyJob() {
		completeProcedure(true);
		UUID m3 = id(find(followUps(), "timePoint", "M3"));
		shift(m3, 0, 10, 10);
		assertThat(status(m3)).isEqualTo("DUE");
		shift(m3, -4, 10, 10);
		assertThat(status(m3)).isEqualTo("OVERDUE");
		shift(m3, -11, 10, 10);
		assertThat(status(m3)).isEqualTo("MISSED");
		shift(m3, 11, 10, 10);
		assertThat(status(m3)).isEqualTo("UPCOMING");
		shift(m3, -4, 10, 10);
		ok(physician.post("/api/v1/follow-ups/" + m3 + "/complete", java.util.Map.of()));
		shift(m3, -30, 10, 10);
		assertThat(status(m3)).isEqualTo("COMPLETED");
	}

	private String status(UUID followUp) {
		return find(followUps(), "id", followUp.toString()).get("status").asString();
	}

	private long auditEntries(String entityId) {
		return ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE entity_type = 'FollowUp' AND entity_id = :id")
			.param("id", entityId)
			.query(Long.class)
			.single();
	}

}

package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.procedures.ProcedureCompleted;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/** Completing a procedure starts the patient's follow-up schedule, once. */
class FollowUpScheduleTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
	}

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void completingAProcedureSchedulesSevenTimePointsWithTheirWindows() {
		UUID procedure = treatment.aCompletedProcedure(true);
		JsonNode items = treatment.followUps();
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
		UUID procedure = treatment.aCompletedProcedure(true);
		events.publishEvent(new ProcedureCompleted(procedure, cells.clinicId(), cells.patientId(), LocalDate.now(),
				List.of("L4-L5")));
		assertThat(treatment.followUps()).hasSize(7);
		assertThat(ownerJdbc().sql("SELECT count(*) FROM follow_up WHERE procedure_id = :p")
			.param("p", procedure)
			.query(Long.class)
			.single()).isEqualTo(7);
	}

	@Test
	void aPatientWithoutRegistryConsentStillGetsTheSchedule() {
		treatment.aCompletedProcedure(false);
		assertThat(treatment.followUps()).hasSize(7);
	}

	@Test
	void theStatusFollowsTheCalendarWithoutAnyJob() {
		treatment.aCompletedProcedure(true);
		UUID m3 = id(find(treatment.followUps(), "timePoint", "M3"));
		treatment.shift(m3, 0, 10, 10);
		assertThat(status(m3)).isEqualTo("DUE");
		treatment.shift(m3, -4, 10, 10);
		assertThat(status(m3)).isEqualTo("OVERDUE");
		treatment.shift(m3, -11, 10, 10);
		assertThat(status(m3)).isEqualTo("MISSED");
		treatment.shift(m3, 11, 10, 10);
		assertThat(status(m3)).isEqualTo("UPCOMING");
		treatment.shift(m3, -4, 10, 10);
		ok(cells.physician().post("/api/v1/follow-ups/" + m3 + "/complete", java.util.Map.of()));
		treatment.shift(m3, -30, 10, 10);
		assertThat(status(m3)).isEqualTo("COMPLETED");
	}

	private String status(UUID followUp) {
		return find(treatment.followUps(), "id", followUp.toString()).get("status").asString();
	}

	private long auditEntries(String entityId) {
		return ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE entity_type = 'FollowUp' AND entity_id = :id")
			.param("id", entityId)
			.query(Long.class)
			.single();
	}

}

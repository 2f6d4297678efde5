package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.cellproducts.CellLab;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;
import static org.spinecell.outcomes.MedicationApiTests.assertField;

/** Later interventions, the registry's failure end point. */
class InterventionApiTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	@BeforeEach
	void clinicWithStaff() {
		cells = new CellLab(app);
	}

	@Test
	void aRepeatInjectionIsRecordedAtACanonicalLevelAndListed() {
		Map<String, Object> body = surgery();
		body.put("type", "REPEAT_INJECTION");
		body.put("level", "l4-l5");
		TestApi.Response response = cells.physician().post(path(), body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().get("level").asString()).isEqualTo("L4-L5");

		JsonNode listed = find(ok(cells.physician().get(path())).get("items"), "id", id(response.json()).toString());
		assertThat(listed.get("type").asString()).isEqualTo("REPEAT_INJECTION");
		long audited = ownerJdbc()
			.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'Intervention' AND entity_id = :id")
			.param("id", id(response.json()).toString())
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void aLevelThatIsNotOneOrAFutureDateIsRefusedNamingTheField() {
		Map<String, Object> badLevel = surgery();
		badLevel.put("level", "L4-L6");
		assertField(cells.physician().post(path(), badLevel), 422, "level");
		Map<String, Object> future = surgery();
		future.put("date", LocalDate.now().plusDays(5).toString());
		assertField(cells.physician().post(path(), future), 422, "date");
	}

	@Test
	void aProcedureOfAnotherClinicIsNotFoundForTheField() {
		Map<String, Object> body = surgery();
		body.put("procedureId", java.util.UUID.randomUUID());
		assertField(cells.physician().post(path(), body), 422, "procedureId");
	}

	@Test
	void anotherClinicsPatientDoesNotExist() {
		TestApi stranger = login(createUser("COORDINATOR", Set.of(createClinic("Elsewhere"))), USER_PASSWORD);
		assertThat(stranger.post(path(), surgery()).status()).isEqualTo(404);
		assertThat(stranger.get(path()).status()).isEqualTo(404);
	}

	private String path() {
		return "/api/v1/patients/" + cells.patientId() + "/interventions";
	}

	private static Map<String, Object> surgery() {
		Map<String, Object> body = new HashMap<>();
		body.put("type", "SURGERY");
		body.put("date", LocalDate.now().minusDays(10).toString());
		body.put("level", "L5-S1");
		body.put("reason", "Persistent radicular pain; microdiscectomy");
		return body;
	}

}

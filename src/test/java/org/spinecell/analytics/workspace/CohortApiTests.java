package org.spinecell.analytics.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved cohorts: create, list, read, live count, delete, each audited, and refusals. */
class CohortApiTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The hand-computed data set, built by the tests that need it. */
	private AnalyticsDataset data;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		data = new AnalyticsDataset(treatment);
	}

	@Test
	void aSavedCohortCountsItsEpisodesLiveAndIsAuditedOnCreateAndDelete() {
		data.buildDataset();
		TestApi.Response created = cells.physician().post("/api/v1/analytics/cohorts", Map.of("name",
				"Men, CT or fluoro",
				"filter", Map.of("sex", "MALE", "guidance", List.of("CT", "FLUOROSCOPY"), "ageMin", 18)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		UUID id = id(created.json());
		assertThat(created.header("Location")).endsWith("/api/v1/analytics/cohorts/" + id);
		JsonNode filter = created.json().get("filter");
		assertThat(filter.get("sex").get(0).asString()).isEqualTo("MALE");
		assertThat(filter.get("guidance").valueStream().map(JsonNode::asString).toList()).containsExactly("CT",
				"FLUOROSCOPY");
		assertThat(filter.get("ageMin").get(0).asString()).isEqualTo("18");
		assertThat(created.json().get("clinicId").asString()).isEqualTo(cells.clinicId().toString());

		JsonNode count = ok(cells.physician().get("/api/v1/analytics/cohorts/" + id + "/count"));
		assertThat(count.get("episodes").asLong()).isEqualTo(2);
		assertThat(count.get("patients").asLong()).isEqualTo(2);
		cells.switchToPatient(data.newPatient("Later " + unique(), "Max", "1975-05-05", "MALE"));
		treatment.prepareEligiblePatient(false);
		treatment.injectAndComplete();
		assertThat(ok(cells.physician().get("/api/v1/analytics/cohorts/" + id + "/count")).get("episodes").asLong())
			.as("the count follows the data").isEqualTo(3);

		JsonNode list = ok(cells.physician().get("/api/v1/analytics/cohorts")).get("items");
		assertThat(list).hasSize(1);
		assertThat(list.get(0).get("name").asString()).isEqualTo("Men, CT or fluoro");
		assertThat(ok(cells.physician().get("/api/v1/analytics/cohorts/"
				+ id)).get("id").asString()).isEqualTo(id.toString());

		TestApi colleague = data.signedIn("COORDINATOR");
		assertThat(colleague.get("/api/v1/analytics/cohorts/" + id).status()).as("someone else's cohort").isEqualTo(404);
		assertThat(colleague.delete("/api/v1/analytics/cohorts/" + id).status()).isEqualTo(404);
		assertThat(colleague.get("/api/v1/analytics/cohorts").json().get("items")).isEmpty();

		assertThat(cells.physician().delete("/api/v1/analytics/cohorts/" + id).status()).isEqualTo(204);
		assertThat(cells.physician().get("/api/v1/analytics/cohorts/" + id).status()).isEqualTo(404);
		assertThat(cells.physician().get("/api/v1/analytics/cohorts").json().get("items")).isEmpty();

		List<String> actions = ownerJdbc().sql("""
				SELECT action FROM audit_event WHERE entity_type = 'AnalyticsCohort' AND entity_id = :id ORDER BY seq
				""").param("id", id.toString()).query(String.class).list();
		assertThat(actions).containsExactly("CREATE", "VOID");
		assertThat(ownerJdbc().sql("SELECT voided FROM analytics_cohort WHERE id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).as("kept, voided").isTrue();
	}

	@Test
	void badCohortsAreRefusedNamingTheField() {
		TestApi.Response value = cells.physician().post("/api/v1/analytics/cohorts",
				Map.of("name", "Bad", "filter", Map.of("target", "SPINE")));
		assertThat(value.status()).isEqualTo(400);
		assertThat(value.json().get("errors").get(0).get("field").asString()).isEqualTo("target");
		assertThat(value.json().get("errors").get(0).get("message").asString()).contains("INTRADISCAL");
		TestApi.Response unknown = cells.physician().post("/api/v1/analytics/cohorts",
				Map.of("name", "Bad", "filter", Map.of("favouriteColour", "blue")));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("filter.favouriteColour");
		TestApi.Response nameless = cells.physician().post("/api/v1/analytics/cohorts", Map.of("name", " ", "filter",
				Map.of()));
		assertThat(nameless.status()).isEqualTo(422);
		assertThat(nameless.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		TestApi.Response foreign = cells.physician().post("/api/v1/analytics/cohorts",
				Map.of("name", "Theirs", "filter", Map.of("clinicId", createClinic("Foreign").toString())));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(cells.physician().get("/api/v1/analytics/cohorts/" + UUID.randomUUID()
				+ "/count").status()).isEqualTo(404);
		assertThat(cells.lab().get("/api/v1/analytics/cohorts").status()).isEqualTo(403);
	}

}

package org.spinecell.analytics.agreements;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.analytics.export.ResearchExportTests.agreement;

/** Ending a data-use agreement early: by the clinic's administrators, with a reason, once. */
class DataUseAgreementEndTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The hand-computed data set, built by the tests that need it. */
	private AnalyticsDataset data;

	private String researcherName;

	private String clinicAdminName;

	private TestApi clinicAdmin;

	private UUID agreement;

	@BeforeEach
	void anAgreementInForce() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		data = new AnalyticsDataset(treatment);
		researcherName = createUser("RESEARCHER", Set.of(cells.clinicId()));
		clinicAdminName = createUser("ADMIN", Set.of(cells.clinicId()));
		clinicAdmin = login(clinicAdminName, USER_PASSWORD);
		agreement = agreement(clinicAdmin, userId(researcherName), LocalDate.now().minusDays(10),
				LocalDate.now().plusDays(100));
	}

	private String endPath() {
		return "/api/v1/data-use-agreements/" + agreement + "/end";
	}

	@Test
	void anAdministratorOfTheClinicEndsItWithAReasonAndTheLimitedExportIsRefusedAfter() {
		data.buildDataset();
		TestApi researcher = login(researcherName, USER_PASSWORD);
		String limited = "/api/v1/exports/research?variant=limited&agreement=" + agreement;
		assertThat(researcher.getBytes(limited).statusCode()).as("in force before").isEqualTo(200);

		TestApi.Response ended = clinicAdmin.post(endPath(), Map.of("reason", "  Study closed by the sponsor  "));
		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		assertThat(ended.json().get("endReason").asString()).isEqualTo("Study closed by the sponsor");
		assertThat(ended.json().get("endedAt").asString()).startsWith(LocalDate.now(java.time.ZoneOffset.UTC).toString());
		assertThat(ended.json().get("endDate").asString()).as("the agreed end date is kept")
			.isEqualTo(LocalDate.now().plusDays(100).toString());

		Map<String, Object> row = ownerJdbc().sql("""
				SELECT voided, void_reason, voided_by, version FROM data_use_agreement WHERE id = :id
				""").param("id", agreement).query().singleRow();
		assertThat(row).containsEntry("voided", true)
			.containsEntry("void_reason", "Study closed by the sponsor")
			.containsEntry("voided_by", userId(clinicAdminName))
			.containsEntry("version", 1);
		Map<String, Object> audit = ownerJdbc().sql("""
				SELECT action, reason, actor_username, clinic_id, changes -> 'endReason' ->> 'newValue' AS end_reason,
				       changes -> 'endedAt' ->> 'oldValue' AS was
				FROM audit_event WHERE entity_type = 'DataUseAgreement' AND entity_id = :id AND action = 'VOID'
				""").param("id", agreement.toString()).query().singleRow();
		assertThat(audit).containsEntry("reason", "Study closed by the sponsor")
			.containsEntry("actor_username", clinicAdminName)
			.containsEntry("clinic_id", cells.clinicId())
			.containsEntry("end_reason", "Study closed by the sponsor")
			.containsEntry("was", null);

		TestApi.Response refused = researcher.get(limited);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).contains("was ended early on " + LocalDate.now());
		JsonNode listed = researcher.get("/api/v1/data-use-agreements").json().get("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("endReason").asString()).isEqualTo("Study closed by the sponsor");
		assertThat(researcher.getBytes("/api/v1/exports/research").statusCode()).as("de-identified still given")
			.isEqualTo(200);
	}

	@Test
	void endingTwiceIsAConflictAndChangesNothing() {
		ok(clinicAdmin.post(endPath(), Map.of("reason", "First")));
		TestApi.Response again = clinicAdmin.post(endPath(), Map.of("reason", "Second"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("already ended on " + LocalDate.now())
			.contains("First");
		assertThat(ownerJdbc().sql("SELECT void_reason FROM data_use_agreement WHERE id = :id")
			.param("id", agreement)
			.query(String.class)
			.single()).isEqualTo("First");
		assertThat(auditEntries()).isEqualTo(1);
	}

	@Test
	void onlyAnAdministratorOfTheAgreementsClinicMayEndIt() {
		TestApi otherAdmin = login(createUser("ADMIN", Set.of(createClinic("Other"))), USER_PASSWORD);
		Map<String, String> body = Map.of("reason", "Not mine to end");
		TestApi.Response other = otherAdmin.post(endPath(), body);
		assertThat(other.status()).isEqualTo(404);
		assertThat(admin.post(endPath(), body).status()).as("an administrator of no clinic").isEqualTo(404);
		assertThat(clinicAdmin.post("/api/v1/data-use-agreements/" + UUID.randomUUID() + "/end", body).status())
			.isEqualTo(404);
		assertThat(login(researcherName, USER_PASSWORD).post(endPath(), body).status()).isEqualTo(403);
		assertThat(cells.physician().post(endPath(), body).status()).isEqualTo(403);
		assertThat(anonymous.post(endPath(), body).status()).isEqualTo(401);

		TestApi.Response blank = clinicAdmin.post(endPath(), Map.of("reason", " "));
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		TestApi.Response tooLong = clinicAdmin.post(endPath(), Map.of("reason", "x".repeat(501)));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(clinicAdmin.post("/api/v1/data-use-agreements/nope/end", body).status()).isEqualTo(400);
		assertThat(auditEntries()).as("nothing ended").isZero();
	}

	@Test
	void theAdministratorsPageEndsAnAgreementWithTheReasonBesideTheButton() {
		WebSession web = new WebSession(port);
		web.signIn(clinicAdminName, USER_PASSWORD);
		WebSession.Page page = web.get("/admin/data-use-agreements");
		assertThat(page.html()).contains("action=\"/admin/data-use-agreements/" + agreement + "/end\"")
			.contains("id=\"end-reason-" + agreement + "\"");

		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", page.csrf());
		fields.put("reason", "");
		WebSession.Page blank = web.post("/admin/data-use-agreements/" + agreement + "/end", fields);
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.html()).contains("id=\"end-reason-" + agreement + "-error\"")
			.contains("Say why the agreement ends early");
		assertThat(auditEntries()).isZero();

		fields.put("reason", "Consent withdrawn by the sponsor board");
		WebSession.Page ended = web.post("/admin/data-use-agreements/" + agreement + "/end", fields);
		assertThat(ended.status()).isEqualTo(200);
		assertThat(ended.uri()).endsWith("/admin/data-use-agreements");
		assertThat(ended.html()).contains("Data-use agreement \u201cDose-response study\u201d ended.")
			.contains("Ended early on")
			.contains("Consent withdrawn by the sponsor board")
			.doesNotContain("action=\"/admin/data-use-agreements/" + agreement + "/end\"");
		assertThat(auditEntries()).isEqualTo(1);

		WebSession.Page again = web.post("/admin/data-use-agreements/" + agreement + "/end", fields);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.html()).contains("already ended");
	}

	private long auditEntries() {
		return ownerJdbc().sql("""
				SELECT count(*) FROM audit_event WHERE entity_type = 'DataUseAgreement' AND entity_id = :id
				  AND action = 'VOID'
				""").param("id", agreement.toString()).query(Long.class).single();
	}

}

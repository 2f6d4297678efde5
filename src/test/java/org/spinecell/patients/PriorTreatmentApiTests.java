package org.spinecell.patients;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.patients.HistoryClinic.AuditRow;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.patients.HistoryClinic.assertProblem;
import static org.spinecell.patients.HistoryClinic.daysFromNow;
import static org.spinecell.patients.HistoryClinic.with;

/** Recording and voiding prior treatments through the API. */
class PriorTreatmentApiTests extends IntegrationTest {

	/** A clinic with a physician, for registering patients. */
	private HistoryClinic clinic;

	@BeforeEach
	void clinicWithPhysician() {
		clinic = new HistoryClinic(app);
	}

	private static final Map<String, Object> INJECTION = Map.of("type", "INJECTION", "description",
			"Transforaminal epidural steroid, left L5", "startDate", "2023-05-01", "endDate", "2023-05-01", "response",
			"PARTIAL");

	@Test
	void aPriorTreatmentIsRecordedAndAudited() {
		UUID patient = clinic.registerPatient();
		TestApi.Response response = clinic.physician().post(path(patient), INJECTION);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode treatment = response.json();
		assertThat(treatment.get("type").asString()).isEqualTo("INJECTION");
		assertThat(treatment.get("description").asString()).isEqualTo("Transforaminal epidural steroid, left L5");
		assertThat(treatment.get("startDate").asString()).isEqualTo("2023-05-01");
		assertThat(treatment.get("endDate").asString()).isEqualTo("2023-05-01");
		assertThat(treatment.get("response").asString()).isEqualTo("PARTIAL");
		assertThat(clinic.physician().get(path(patient) + "/" + id(treatment)).json().get("type").asString())
			.isEqualTo("INJECTION");

		List<AuditRow> audit = clinic.audit("PriorTreatment", id(treatment));
		assertThat(audit).extracting(AuditRow::action).containsExactly("CREATE");
		assertThat(audit.get(0).changes().get("response").get("newValue").asString()).isEqualTo("PARTIAL");
		assertThat(audit.get(0).changes().get("description").get("newValue").asString())
			.isEqualTo("Transforaminal epidural steroid, left L5");
	}

	@Test
	void datesAndResponseMayBeUnknownAndTheListShowsTheMostRecentFirst() {
		UUID patient = clinic.registerPatient();
		TestApi.Response undated = clinic.physician().post(path(patient),
				Map.of("type", "MEDICATION", "description", "Ibuprofen as needed"));
		assertThat(undated.status()).as(undated.body()).isEqualTo(201);
		assertThat(undated.json().get("response").asString()).isEqualTo("UNKNOWN");
		clinic.physician().post(path(patient), INJECTION);
		clinic.physician().post(path(patient), Map.of("type", "PHYSICAL_THERAPY", "description",
				"Core stabilisation, 12 weeks",
				"startDate", "2024-01-08", "endDate", "2024-04-01", "response", "NONE"));

		JsonNode items = clinic.physician().get(path(patient)).json().get("items");
		assertThat(items.valueStream().map(item -> item.get("type").asString()).toList())
			.containsExactly("PHYSICAL_THERAPY", "INJECTION", "MEDICATION");
	}

	@Test
	void anEndBeforeTheStartOrDatesInTheFutureAreRefusedAndNothingIsStored() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(INJECTION, "endDate", "2023-04-30")), 422, "endDate");
		assertProblem(clinic.physician().post(path(patient), with(with(INJECTION, "startDate", daysFromNow(2)),
				"endDate", null)), 422, "startDate");
		assertProblem(clinic.physician().post(path(patient), with(INJECTION, "endDate", daysFromNow(2))), 422,
				"endDate");
		assertThat(clinic.rows("prior_treatment", patient)).isZero();
	}

	@Test
	void aTypeAndADescriptionAreRequired() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(INJECTION, "description", "  ")), 422, "description");
		assertProblem(clinic.physician().post(path(patient), with(INJECTION, "type", null)), 422, "type");
		assertProblem(clinic.physician().post(path(patient), with(INJECTION, "type", "ACUPUNCTURE")), 400, "type");
		assertProblem(clinic.physician().post(path(patient), with(INJECTION, "description", "d".repeat(2001))), 422,
				"description");
		assertThat(clinic.rows("prior_treatment", patient)).isZero();
	}

	@Test
	void voidingATreatmentKeepsItAndIsAudited() {
		UUID patient = clinic.registerPatient();
		UUID treatment = id(clinic.physician().post(path(patient), INJECTION).json());
		TestApi.Response voided = clinic.physician().post(path(patient) + "/" + treatment + "/void",
				Map.of("reason", "duplicate entry"));
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(voided.json().get("voidReason").asString()).isEqualTo("duplicate entry");
		assertThat(clinic.physician().get(path(patient)).json().get("total").asLong()).isZero();
		assertThat(clinic.rows("prior_treatment", patient)).isEqualTo(1);
		assertThat(clinic.audit("PriorTreatment", treatment)).extracting(AuditRow::action).containsExactly("CREATE",
				"VOID");
		assertProblem(clinic.physician().post(path(patient) + "/" + treatment + "/void", Map.of("reason", "again")),
				409);
	}

	@Test
	void anotherClinicsPatientIsNotFoundAndGetsNothing() {
		UUID patient = clinic.registerPatient();
		TestApi outsider = clinic.physicianOfAnotherClinic();
		assertProblem(outsider.post(path(patient), INJECTION), 404);
		assertProblem(outsider.get(path(patient)), 404);
		assertThat(clinic.rows("prior_treatment", patient)).isZero();
	}

	@Test
	void aResearcherIsForbiddenAndTheLabMayOnlyRead() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.staff("RESEARCHER").post(path(patient), INJECTION), 403);
		TestApi lab = clinic.staff("LAB");
		assertProblem(lab.post(path(patient), INJECTION), 403);
		assertThat(lab.get(path(patient)).status()).isEqualTo(200);
		assertThat(clinic.staff("COORDINATOR").post(path(patient), INJECTION).status()).isEqualTo(201);
		assertThat(clinic.rows("prior_treatment", patient)).isEqualTo(1);
	}

	@Test
	void aVoidedPatientGetsNoNewTreatment() {
		UUID patient = clinic.registerPatient();
		clinic.voidPatient(patient);
		assertProblem(clinic.physician().post(path(patient), INJECTION), 409);
		assertThat(clinic.rows("prior_treatment", patient)).isZero();
	}

	private static String path(UUID patient) {
		return "/api/v1/patients/" + patient + "/prior-treatments";
	}

}

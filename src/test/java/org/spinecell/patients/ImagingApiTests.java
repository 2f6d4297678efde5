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

/** Recording and voiding imaging findings through the API. */
class ImagingApiTests extends IntegrationTest {

	/** A clinic with a physician, for registering patients. */
	private HistoryClinic clinic;

	@BeforeEach
	void clinicWithPhysician() {
		clinic = new HistoryClinic(app);
	}

	private static final Map<String, Object> MRI = Map.of("modality", "MRI", "studyDate", "2024-02-10", "level",
			"L4-L5", "pfirrmannScale", "FIVE_GRADE", "pfirrmannGrade", 4, "modicType", 1, "herniation", "PROTRUSION",
			"stenosisGrade", "MILD", "annularFissure", true, "impression", "Dark disc with a posterior fissure");

	@Test
	void anMriFindingIsRecordedWithItsGradesAndAudited() {
		UUID patient = clinic.registerPatient();
		TestApi.Response response = clinic.physician().post(path(patient), MRI);

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode finding = response.json();
		assertThat(response.header("Location")).endsWith(path(patient) + "/" + id(finding));
		assertThat(finding.get("modality").asString()).isEqualTo("MRI");
		assertThat(finding.get("studyDate").asString()).isEqualTo("2024-02-10");
		assertThat(finding.get("level").asString()).isEqualTo("L4-L5");
		assertThat(finding.get("pfirrmannScale").asString()).isEqualTo("FIVE_GRADE");
		assertThat(finding.get("pfirrmannGrade").asInt()).isEqualTo(4);
		assertThat(finding.get("modicType").asInt()).isEqualTo(1);
		assertThat(finding.get("herniation").asString()).isEqualTo("PROTRUSION");
		assertThat(finding.get("stenosisGrade").asString()).isEqualTo("MILD");
		assertThat(finding.get("annularFissure").asBoolean()).isTrue();
		assertThat(finding.get("impression").asString()).isEqualTo("Dark disc with a posterior fissure");

		assertThat(clinic.physician().get(path(patient)).json().get("total").asLong()).isEqualTo(1);

		List<AuditRow> audit = clinic.audit("ImagingFinding", id(finding));
		assertThat(audit).extracting(AuditRow::action).containsExactly("CREATE");
		assertThat(audit.get(0).changes().get("pfirrmannGrade").get("newValue").asInt()).isEqualTo(4);
		assertThat(audit.get(0).changes().get("level").get("newValue").asString()).isEqualTo("L4-L5");
	}

	@Test
	void aGradeBeyondItsPfirrmannScaleIsRefusedAndNothingIsStored() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(MRI, "pfirrmannGrade", 6)), 422, "pfirrmannGrade");
		assertProblem(clinic.physician().post(path(patient), with(MRI, "pfirrmannGrade", 0)), 422, "pfirrmannGrade");
		assertProblem(clinic.physician().post(path(patient),
				with(with(MRI, "pfirrmannScale", "EIGHT_GRADE"), "pfirrmannGrade", 9)), 422, "pfirrmannGrade");
		assertThat(clinic.rows("imaging_finding", patient)).isZero();

		TestApi.Response eightGrade = clinic.physician().post(path(patient),
				with(with(MRI, "pfirrmannScale", "EIGHT_GRADE"), "pfirrmannGrade", 6));
		assertThat(eightGrade.status()).as(eightGrade.body()).isEqualTo(201);
		assertThat(eightGrade.json().get("pfirrmannGrade").asInt()).isEqualTo(6);
	}

	@Test
	void aPfirrmannGradeWithoutItsScaleIsRefused() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(MRI, "pfirrmannScale", null)), 422, "pfirrmannGrade");
		assertThat(clinic.rows("imaging_finding", patient)).isZero();
	}

	@Test
	void aModicTypeOutsideZeroToThreeIsRefused() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(MRI, "modicType", 4)), 422, "modicType");
		assertProblem(clinic.physician().post(path(patient), with(MRI, "modicType", -1)), 422, "modicType");
		assertThat(clinic.rows("imaging_finding", patient)).isZero();
		assertThat(clinic.physician().post(path(patient), with(MRI, "modicType", 0)).status()).isEqualTo(201);
	}

	@Test
	void discGradesAreReadFromMriOnly() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(MRI, "modality", "CT")), 422, "pfirrmannGrade");
		Map<String, Object> xray = with(with(MRI, "modality", "XRAY"), "pfirrmannGrade", null);
		assertProblem(clinic.physician().post(path(patient), xray), 422, "modicType");
		assertThat(clinic.rows("imaging_finding", patient)).isZero();

		TestApi.Response plain = clinic.physician().post(path(patient), Map.of("modality", "XRAY", "studyDate",
				"2024-01-05", "level", "L1", "impression", "Old wedge deformity of L1"));
		assertThat(plain.status()).as(plain.body()).isEqualTo(201);
		assertThat(plain.json().get("pfirrmannGrade").isNull()).isTrue();
	}

	@Test
	void aFutureStudyDateOrAnUnreadableLevelIsRefused() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(MRI, "studyDate", daysFromNow(2))), 422, "studyDate");
		assertProblem(clinic.physician().post(path(patient), with(MRI, "level", "L4-L6")), 422, "level");
		assertProblem(clinic.physician().post(path(patient), with(MRI, "studyDate", null)), 422, "studyDate");
		assertProblem(clinic.physician().post(path(patient), with(MRI, "modality", "PET")), 400, "modality");
		assertThat(clinic.rows("imaging_finding", patient)).isZero();
	}

	@Test
	void anImpressionIsKeptAsTypedUpTo4000Characters() {
		UUID patient = clinic.registerPatient();
		assertProblem(clinic.physician().post(path(patient), with(MRI, "impression", "x".repeat(4001))), 422,
				"impression");
		assertThat(clinic.rows("imaging_finding", patient)).isZero();

		String typed = "<script>alert('L4')</script> & \"severe\" " + "y".repeat(3950);
		TestApi.Response response = clinic.physician().post(path(patient), with(MRI, "impression", typed));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String stored = ownerJdbc().sql("SELECT impression FROM imaging_finding WHERE id = :id")
			.param("id", id(response.json()))
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(typed);
	}

	@Test
	void voidingAFindingHidesItFromTheListAndIsAudited() {
		UUID patient = clinic.registerPatient();
		UUID finding = id(clinic.physician().post(path(patient), MRI).json());

		assertProblem(clinic.physician().post(path(patient) + "/" + finding + "/void", Map.of("reason",
				"other patient's scan", "version", 3)), 409, "version");
		TestApi.Response voided = clinic.physician().post(path(patient) + "/" + finding + "/void",
				Map.of("reason", "other patient's scan", "version", 0));
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(voided.json().get("voided").asBoolean()).isTrue();
		assertThat(clinic.physician().get(path(patient)).json().get("total").asLong()).isZero();
		assertThat(clinic.physician().get(path(patient)
				+ "?includeVoided=true").json().get("total").asLong()).isEqualTo(1);

		AuditRow entry = clinic.audit("ImagingFinding", finding).get(1);
		assertThat(entry.action()).isEqualTo("VOID");
		assertThat(entry.reason()).isEqualTo("other patient's scan");
		assertThat(entry.changes().get("voidReason").get("newValue").asString()).isEqualTo("other patient's scan");
	}

	@Test
	void anotherClinicsPatientIsNotFoundAndGetsNothing() {
		UUID patient = clinic.registerPatient();
		TestApi outsider = clinic.physicianOfAnotherClinic();
		assertProblem(outsider.post(path(patient), MRI), 404);
		assertProblem(outsider.get(path(patient)), 404);
		assertThat(clinic.rows("imaging_finding", patient)).isZero();
	}

	@Test
	void aResearcherIsForbiddenAndTheLabMayOnlyRead() {
		UUID patient = clinic.registerPatient();
		TestApi researcher = clinic.staff("RESEARCHER");
		assertProblem(researcher.post(path(patient), MRI), 403);
		assertProblem(researcher.get(path(patient)), 403);
		TestApi lab = clinic.staff("LAB");
		assertProblem(lab.post(path(patient), MRI), 403);
		assertThat(lab.get(path(patient)).status()).isEqualTo(200);
		assertThat(clinic.rows("imaging_finding", patient)).isZero();
	}

	@Test
	void aVoidedPatientGetsNoNewFinding() {
		UUID patient = clinic.registerPatient();
		clinic.voidPatient(patient);
		assertProblem(clinic.physician().post(path(patient), MRI), 409);
		assertThat(clinic.rows("imaging_finding", patient)).isZero();
	}

	private static String path(UUID patient) {
		return "/api/v1/patients/" + patient + "/imaging";
	}

}

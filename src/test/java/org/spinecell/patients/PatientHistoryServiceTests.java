package org.spinecell.patients;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The read model other modules call: the patient's history without voided records, and consent checks. */
class PatientHistoryServiceTests extends IntegrationTest {

	/** A clinic with a physician, for registering patients. */
	private HistoryClinic clinic;

	@BeforeEach
	void clinicWithPhysician() {
		clinic = new HistoryClinic(app);
	}

	@Autowired
	PatientHistoryService history;

	@Test
	void theHistoryHoldsEveryRecordThatIsNotVoided() {
		UUID patient = clinic.registerPatient();
		String diagnoses = "/api/v1/patients/" + patient + "/diagnoses";
		UUID primary = id(clinic.physician().post(diagnoses, Map.of("icd10", "M51.362", "levels", List.of("L4-L5",
				"L5"), "primary", true)).json());
		UUID mistaken = id(clinic.physician().post(diagnoses, Map.of("icd10", "M54.51", "levels",
				List.of("L3-L4"))).json());
		clinic.physician().post(diagnoses + "/" + mistaken + "/void", Map.of("reason", "not this patient"));
		clinic.physician().post(diagnoses, Map.of("icd10", "M48.07", "levels", List.of("L5-S1"), "status", "RESOLVED"));
		clinic.physician().post("/api/v1/patients/" + patient + "/imaging",
				Map.of("modality", "MRI", "studyDate", "2024-02-10", "level", "L4-L5"));
		clinic.physician().post("/api/v1/patients/" + patient + "/prior-treatments",
				Map.of("type", "SURGERY", "description", "Microdiscectomy L4-L5", "startDate", "2019-09-01"));
		clinic.physician().post("/api/v1/patients/" + patient + "/consents",
				Map.of("type", "TREATMENT", "status", "GIVEN", "effectiveDate", "2024-01-02", "formVersion", "T-3"));

		PatientHistory read = as(Role.LAB, Set.of(clinic.clinicId()), () -> history.historyOf(patient));

		assertThat(read.diagnoses()).hasSize(2).noneMatch(Diagnosis::voided);
		assertThat(read.primaryDiagnosis()).map(Diagnosis::id).contains(primary);
		assertThat(read.primaryDiagnosis().orElseThrow().levels()).extracting(SpinalLevel::toString)
			.containsExactly("L4-L5", "L5");
		assertThat(read.activeDiagnoses()).extracting(Diagnosis::icd10).containsExactly("M51.362");
		assertThat(read.imaging()).singleElement().satisfies(f -> assertThat(f.level()).hasToString("L4-L5"));
		assertThat(read.priorTreatments()).singleElement()
			.satisfies(t -> assertThat(t.type()).isEqualTo(PriorTreatment.Type.SURGERY));
		assertThat(read.consents()).singleElement().satisfies(c -> assertThat(c.formVersion()).isEqualTo("T-3"));
		assertThat(read.consentHistory().hasGiven(ConsentType.TREATMENT)).isTrue();
	}

	@Test
	void aCurrentConsentIsOneWhoseLatestDecisionIsGiven() {
		UUID patient = clinic.registerPatient();
		String consents = "/api/v1/patients/" + patient + "/consents";
		clinic.physician().post(consents, Map.of("type", "TREATMENT", "status", "GIVEN", "effectiveDate", "2024-01-02",
				"formVersion", "T-3"));
		clinic.physician().post(consents, Map.of("type", "RESEARCH", "status", "GIVEN", "effectiveDate", "2024-01-02",
				"formVersion", "R-1"));
		clinic.physician().post(consents, Map.of("type", "RESEARCH", "status", "WITHDRAWN", "effectiveDate",
				"2024-02-02"));

		Set<UUID> clinics = Set.of(clinic.clinicId());
		assertThat(as(Role.PHYSICIAN, clinics, () -> history.hasCurrentConsent(patient, ConsentType.TREATMENT))).isTrue();
		assertThat(as(Role.PHYSICIAN, clinics, () -> history.hasCurrentConsent(patient, ConsentType.RESEARCH))).isFalse();
		assertThat(as(Role.COORDINATOR, clinics, () -> history.hasCurrentConsent(patient, ConsentType.TRIAL))).isFalse();
	}

	@Test
	void anotherClinicsPatientIsNotFoundAndAResearcherIsDenied() {
		UUID patient = clinic.registerPatient();
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> as(Role.PHYSICIAN, Set.of(UUID.randomUUID()), () -> history.historyOf(patient)))
			.satisfies(ex -> assertThat(ApiProblemHandler.status(ex)).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> as(Role.RESEARCHER, Set.of(clinic.clinicId()), () -> history.historyOf(patient)));
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(
				() -> as(Role.RESEARCHER, Set.of(clinic.clinicId()), () -> history.hasCurrentConsent(patient,
						ConsentType.TRIAL)));
	}

	/** Runs the task signed in as a staff member with one role and the given clinics. */
	private static <T> T as(Role role, Set<UUID> clinics, Supplier<T> task) {
		CurrentUser user = new CurrentUser(UUID.randomUUID(), "probe." + role, "Probe", Set.of(role), clinics);
		CurrentUser.Holder principal = () -> user;
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
		SecurityContextHolder.setContext(context);
		try {
			return task.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}

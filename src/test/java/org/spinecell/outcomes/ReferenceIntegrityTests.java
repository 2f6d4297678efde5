package org.spinecell.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.responses.RecordedResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spinecell.cellproducts.CellLab.path;
import static org.spinecell.outcomes.MedicationApiTests.assertField;

/**
 * Records that name other records: answers name a follow-up of the same patient that collects the
 * instrument and is not cancelled; a completed follow-up's survey link takes nothing new; an adverse
 * event names this patient's procedure and product; a procedure comes after its product's harvest;
 * staff cannot pass their entries off as the patient's; and portal collections are capped.
 */
class ReferenceIntegrityTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The patient's side of the survey portal. */
	private Surveys surveys;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		surveys = new Surveys(treatment);
	}

	@org.springframework.beans.factory.annotation.Autowired
	ResponseService responseService;

	@Test
	void answersNamingAFollowUpOfAnotherPatientAnotherClinicAMadeUpOneOrACancelledOneAreRefused() {
		UUID followUp = surveys.baselineFollowUp();
		JsonNode baselineRow = find(treatment.followUps(), "timePoint", "BASELINE");
		List<String> instruments = baselineRow.get("instruments").valueStream().map(JsonNode::asString).toList();
		UUID otherPatient = otherPatient();
		long before = rows();

		assertField(record(otherPatient, followUp, "nrs-back"), 422, "followUpId");
		assertField(record(cells.patientId(), UUID.randomUUID(), "nrs-back"), 422, "followUpId");
		// Another clinic's physician, naming this clinic's follow-up for a patient of their own.
		UUID elsewhere = createClinic("Elsewhere");
		TestApi stranger = login(createUser("PHYSICIAN", Set.of(elsewhere)), USER_PASSWORD);
		UUID theirs = id(ok(stranger.post("/api/v1/patients", Map.of("clinicId", elsewhere, "mrn", "E-" + unique(),
				"givenName", "Eve", "familyName", "Stone", "birthDate", "1970-02-02", "sex", "FEMALE"))));
		assertField(stranger.post("/api/v1/patients/" + theirs + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 4), "followUpId", followUp)), 422, "followUpId");
		String outside = List.of("nrs-back", "nrs-leg", "odi-2.1a", "pgic", "eq5d-5l", "medication-work")
			.stream()
			.filter(i -> !instruments.contains(i))
			.findFirst()
			.orElseThrow();
		assertField(record(cells.patientId(), followUp, outside), 422, "instrument");

		UUID w2 = UUID.fromString(find(treatment.followUps(), "timePoint", "W2").get("id").asString());
		ok(cells.physician().post("/api/v1/follow-ups/" + w2 + "/cancel", Map.of("reason", "Moved abroad")));
		assertField(record(cells.patientId(), w2, "nrs-back"), 409, "followUpId");
		assertThat(rows()).isEqualTo(before);
		assertThat(record(cells.patientId(), followUp, "nrs-back").status()).isEqualTo(201);
	}

	@Test
	void answersToATimePointAfterTheProcedureCannotBeDatedBeforeIt() {
		UUID baseline = surveys.baselineFollowUp();
		UUID w2 = UUID.fromString(find(treatment.followUps(), "timePoint", "W2").get("id").asString());
		Instant twoDaysAgo = Instant.now().minus(2, java.time.temporal.ChronoUnit.DAYS);
		org.spinecell.platform.CurrentUser staff = physicianAsSignedIn(cells.physicianUsername());
		assertThatThrownBy(() -> org.spinecell.platform.CurrentUser.callAs(staff,
				() -> responseService.record(cells.patientId(), w2, "nrs-back", Map.of("nrs", 3), true, twoDaysAgo)))
			.isInstanceOfSatisfying(org.spinecell.platform.Refusal.class,
					ex -> assertThat(ex.errors()).extracting("field").containsExactly("answeredAt"));
		assertThat(surveys.responsesStored(w2, "nrs-back")).isZero();
		// The baseline is answered before the procedure.
		RecordedResponse early = org.spinecell.platform.CurrentUser.callAs(staff,
				() -> responseService.record(cells.patientId(), baseline, "nrs-back", Map.of("nrs", 7), true,
						twoDaysAgo));
		assertThat(early.submittedAt()).isEqualTo(twoDaysAgo.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
	}

	@Test
	void theDatabaseRefusesAResponseOrAnEventNamingAnotherPatientsFollowUpOrProcedure() {
		UUID followUp = surveys.baselineFollowUp();
		UUID procedure = UUID.fromString(find(treatment.followUps(), "timePoint",
				"BASELINE").get("procedureId").asString());
		UUID otherPatient = otherPatient();
		assertThatThrownBy(() -> ownerJdbc().sql("""
				INSERT INTO instrument_response (clinic_id, id, patient_id, follow_up_id, instrument_id, instrument_version,
				    answers, components, valid, entered_by_staff, answers_hash, created_by, updated_by)
				SELECT :clinic, gen_random_uuid(), :patient, :followUp, id, version, '{}', '{}', true, true, 'x', :patient,
				       :patient
				  FROM instrument WHERE id = 'nrs-back' LIMIT 1
				""").param("clinic", cells.clinicId()).param("patient", otherPatient).param("followUp", followUp).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("instrument_response_follow_up_fk");
		assertThatThrownBy(() -> ownerJdbc().sql("""
				INSERT INTO adverse_event (clinic_id, id, patient_id, procedure_id, onset_date, awareness_date, description,
				    category, grade, serious, expected, outcome, reporter, created_by, updated_by)
				VALUES (:clinic, gen_random_uuid(), :patient, :procedure, current_date, current_date, 'x', 'Pain', 1, '{}',
				    true, 'RECOVERED', 'CLINICIAN', :patient, :patient)
				""").param("clinic", cells.clinicId()).param("patient", otherPatient).param("procedure", procedure).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("adverse_event_patient_procedure_fk");
		long unvalidated = ownerJdbc().sql("SELECT count(*) FROM pg_constraint WHERE conname LIKE '%follow_up_fk' AND NOT convalidated")
			.query(Long.class)
			.single();
		assertThat(unvalidated).isZero();
	}

	@Test
	void aCompletedFollowUpsLinkTakesNoNewAnswersMedicinesOrProblems() {
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		UUID current = surveys.staffMedication("oxycodone", 5, "mg", 2);
		ok(cells.physician().post("/api/v1/follow-ups/" + followUp + "/complete", Map.of()));
		int patientMeds = surveys.medicationsStored("PATIENT");
		int problems = surveys.problemsStored();

		assertThat(surveys.submit(token, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(410);
		assertThat(surveys.updateMedicines(token, Map.of("stopped", List.of(current))).status()).isEqualTo(410);
		assertThat(surveys.reportProblem(token, Map.of("description", "Fever", "onset", LocalDate.now().toString(),
				"careSought", "DOCTOR")).status()).isEqualTo(410);
		assertThat(surveys.responsesStored(followUp, "nrs-back")).isZero();
		assertThat(surveys.medicationsStored("PATIENT")).isEqualTo(patientMeds);
		assertThat(surveys.problemsStored()).isEqualTo(problems);
		assertThat(ok(cells.physician().get("/api/v1/patients/" + cells.patientId() + "/medications/"
				+ current)).get("stop").isNull())
			.isTrue();
		assertThat(anonymous.get("/s/" + token + "/medicines").body()).contains("already completed");
	}

	@Test
	void afterThePatientsOwnLastAnswerTheOptionalStepsStayOpenOnlyForAWhile() {
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		// As the portal leaves it when the patient's last answer completes the follow-up.
		ownerJdbc().sql("UPDATE follow_up SET status = 'COMPLETED', completed_at = now(), completed_by = :system WHERE id = :id")
			.param("system", new UUID(0, 0))
			.param("id", followUp)
			.update();
		Map<String, Object> problem = Map.of("description", "Fever", "onset", LocalDate.now().toString(), "careSought",
				"DOCTOR");
		assertThat(surveys.reportProblem(token, problem).status()).isEqualTo(201);
		ownerJdbc().sql("UPDATE follow_up SET completed_at = now() - interval '3 hours' WHERE id = :id")
			.param("id", followUp)
			.update();
		assertThat(surveys.reportProblem(token, Map.of("description", "Rash", "onset", LocalDate.now().toString(),
				"careSought", "NONE")).status()).isEqualTo(410);
	}

	@Test
	void anAdverseEventNamingAnotherPatientsProductOrDatedBeforeItsProcedureIsRefused() {
		UUID procedure = treatment.aCompletedProcedure(true);
		UUID mine = cells.createBmac();
		UUID otherPatient = otherPatient();
		long before = aeRows();
		Map<String, Object> event = event(otherPatient);
		event.put("productId", mine);
		assertField(cells.physician().post("/api/v1/adverse-events", event), 422, "productId");
		event = event(cells.patientId());
		event.put("procedureId", procedure);
		event.put("onset", LocalDate.now().minusDays(5).toString());
		assertField(cells.physician().post("/api/v1/adverse-events", event), 422, "onset");
		event = event(otherPatient);
		event.put("procedureId", procedure);
		assertField(cells.physician().post("/api/v1/adverse-events", event), 422, "procedureId");
		assertThat(aeRows()).isEqualTo(before);
		event = event(cells.patientId());
		event.put("productId", mine);
		assertThat(cells.physician().post("/api/v1/adverse-events", event).status()).isEqualTo(201);
	}

	@Test
	void staffCannotRecordAnEntryAsPatientReported() {
		Map<String, Object> event = event(cells.patientId());
		event.put("reporter", "PATIENT");
		assertField(cells.physician().post("/api/v1/adverse-events", event), 422, "reporter");
		assertField(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/medications", Map.of("drug",
				"ibuprofen", "dose",
				400, "unit", "mg", "route", "ORAL", "frequencyPerDay", 3, "start", LocalDate.now().minusDays(3).toString(),
				"source", "PATIENT")), 422, "source");
		assertThat(surveys.medicationsStored("PATIENT")).isZero();
		assertThat(surveys.problemsStored()).isZero();
	}

	@Test
	void aProcedureMustComeAfterItsProductsHarvestKeepItsOwnTimesInOrderAndUseThisPatientsLiveProduct() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		Map<String, Object> body = procedure(cells.patientId(), product);
		body.put("date", LocalDate.now().minusDays(2).toString());
		assertField(cells.physician().post("/api/v1/procedures", body), 422, "date");
		body = procedure(cells.patientId(), product);
		body.put("startedAt", Instant.now().minusSeconds(7200).toString());
		assertField(cells.physician().post("/api/v1/procedures", body), 422, "startedAt");
		body = procedure(cells.patientId(), product);
		body.put("startedAt", Instant.now().minusSeconds(900).toString());
		body.put("endedAt", Instant.now().minusSeconds(300).toString());
		body.put("dischargedAt", Instant.now().minusSeconds(600).toString());
		assertField(cells.physician().post("/api/v1/procedures", body), 422, "dischargedAt");
		assertField(cells.physician().post("/api/v1/procedures", procedure(otherPatient(), product)), 422,
				"productUnits[0].productId");
		UUID discarded = cells.createBmac();
		ok(cells.lab().post(path(discarded, "discard"), Map.of("reason", "Bag punctured")));
		assertField(cells.physician().post("/api/v1/procedures", procedure(cells.patientId(), discarded)), 422,
				"productUnits[0].productId");
		assertThat(cells.physician().post("/api/v1/procedures", procedure(cells.patientId(),
				product)).status()).isEqualTo(201);
	}

	@Test
	void aProcedureMustComeAfterItsProductsReleaseAndAReleaseAfterItsProcessing() {
		UUID product = cells.createBmac();
		Instant then = Instant.now().minus(3, java.time.temporal.ChronoUnit.DAYS);
		ok(cells.lab().post(path(product, "harvest"), Map.of("site", "Iliac crest", "volumeMl", 60, "operator", "Dr. R",
				"startedAt", then.minusSeconds(3600).toString(), "endedAt", then.minusSeconds(3000).toString())));
		ok(cells.lab().post(path(product, "processing-steps"), Map.of("type", "CENTRIFUGATION", "performedAt",
				then.minusSeconds(2400).toString(), "outputVolumeMl", 8)));
		ok(cells.lab().post(path(product, "processing-complete"), Map.of()));
		cells.passingQc(product, then);
		ok(cells.lab().post(path(product, "custody-events"), Map.of("action", "STORED", "location", "Fridge 2",
				"temperature",
				"15-25 °C", "at", then.minusSeconds(600).toString(), "expiresAt", Instant.now().plusSeconds(86_400)
					.toString())));
		cells.classifyAndConfirm(product);
		String release = path(product, "release");
		assertField(cells.lab().post(release, Map.of("password", USER_PASSWORD, "meaning", "Released", "releasedAt",
				then.minusSeconds(2500).toString())), 422, "releasedAt");
		assertField(cells.lab().post(release, Map.of("password", USER_PASSWORD, "meaning", "Released", "releasedAt",
				Instant.now().plusSeconds(3600).toString())), 422, "releasedAt");
		// Released (on paper) two days ago, signed now: a procedure yesterday follows it, one three days ago does not.
		ok(cells.lab().post(release, Map.of("password", USER_PASSWORD, "meaning", "Released", "releasedAt",
				Instant.now().minus(2, java.time.temporal.ChronoUnit.DAYS).toString())));
		Map<String, Object> early = procedure(cells.patientId(), product);
		early.put("date", LocalDate.now().minusDays(3).toString());
		TestApi.Response refused = cells.physician().post("/api/v1/procedures", early);
		assertField(refused, 422, "date");
		assertThat(refused.body()).contains("released");
		Map<String, Object> later = procedure(cells.patientId(), product);
		later.put("date", LocalDate.now().minusDays(1).toString());
		assertThat(cells.physician().post("/api/v1/procedures", later).status()).isEqualTo(201);
	}

	@Test
	void labStepsDatedBeforeTheHarvestOrInTheFutureAreRefused() {
		UUID product = cells.createBmac();
		Instant now = Instant.now();
		ok(cells.lab().post(path(product, "harvest"), Map.of("site", "Iliac crest", "volumeMl", 50, "operator", "Dr. R",
				"startedAt", now.minusSeconds(3600).toString(), "endedAt", now.minusSeconds(3000).toString())));
		assertField(cells.lab().post(path(product, "processing-steps"), Map.of("type", "CENTRIFUGATION", "performedAt",
				now.minusSeconds(4000).toString())), 422, "performedAt");
		assertField(cells.lab().post(path(product, "qc-results"), Map.of("test", "TNC", "value", 20, "unit", "10^6/mL",
				"performedAt", now.minusSeconds(4000).toString(), "sample", "PRE_PROCESSING")), 422, "performedAt");
		assertField(cells.lab().post(path(product, "qc-results"), Map.of("test", "TNC", "value", 20, "unit", "10^6/mL",
				"performedAt", now.plusSeconds(86_400).toString(), "sample", "PRE_PROCESSING")), 422, "performedAt");
		assertField(cells.lab().post(path(product, "custody-events"), Map.of("action", "STORED", "location", "Fridge 2",
				"temperature", "2-8 °C", "at", now.minusSeconds(5000).toString())), 422, "at");
		assertThat(ok(cells.lab().get(path(product, "events"))).get("items").size()).isEqualTo(1);
	}

	@Test
	void everyPortalCollectionIsCappedAndAnOversizedOneStoresNothing() {
		UUID followUp = surveys.baselineFollowUp();
		String token = surveys.link(followUp);
		long audit = ownerJdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single();
		List<String> many = new ArrayList<>();
		List<Map<String, Object>> added = new ArrayList<>();
		for (int i = 0; i < 5000; i++) {
			many.add(UUID.randomUUID().toString());
			added.add(Map.of("drug", "ibuprofen", "dose", 400, "unit", "mg", "timesPerDay", 3));
		}
		long started = System.nanoTime();
		assertField(surveys.updateMedicines(token, Map.of("stopped", many)), 422, "stopped");
		assertField(surveys.updateMedicines(token, Map.of("added", added)), 422, "added");
		Map<String, Object> answers = new HashMap<>();
		for (int i = 0; i < 201; i++) {
			answers.put("item" + i, 1);
		}
		assertField(surveys.submit(token, "nrs-back", answers), 422, "answers");
		assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds for three refusals").isLessThan(10_000);
		assertThat(surveys.medicationsStored("PATIENT")).isZero();
		assertThat(ownerJdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(audit);
	}

	private UUID otherPatient() {
		return id(ok(cells.physician().post("/api/v1/patients", Map.of("clinicId", cells.clinicId(), "mrn", "OT-"
				+ unique(), "givenName", "Other", "familyName", "Patient", "birthDate", "1970-01-01", "sex", "MALE"))));
	}

	private TestApi.Response record(UUID patient, UUID followUp, String instrument) {
		return cells.physician().post("/api/v1/patients/" + patient + "/responses",
				Map.of("instrument", instrument, "answers", answersFor(instrument), "followUpId", followUp));
	}

	private static Map<String, Object> answersFor(String instrument) {
		return switch (instrument) {
			case "nrs-back", "nrs-leg" -> Map.of("nrs", 5);
			case "pgic" -> Map.of("pgic", 4);
			default -> Map.of();
		};
	}

	private Map<String, Object> event(UUID patient) {
		Map<String, Object> body = new HashMap<>();
		body.put("patientId", patient);
		body.put("onset", LocalDate.now().toString());
		body.put("description", "Soreness at the injection site");
		body.put("category", "Injection-site reaction");
		body.put("grade", 1);
		body.put("expected", true);
		body.put("outcome", "RECOVERING");
		body.put("reporter", "CLINICIAN");
		return body;
	}

	private Map<String, Object> procedure(UUID patient, UUID product) {
		Map<String, Object> body = new HashMap<>();
		body.put("patientId", patient);
		body.put("date", LocalDate.now().toString());
		body.put("operatorId", userId(cells.physicianUsername()));
		body.put("target", "INTRADISCAL");
		body.put("levels", List.of("L4-L5"));
		body.put("guidance", "FLUOROSCOPY");
		body.put("placementConfirmed", true);
		body.put("levelsConfirmed", true);
		body.put("productUnits", List.of(Map.of("productId", product, "level", "L4-L5", "volumeMl", 2.0)));
		return body;
	}

	private long rows() {
		return ownerJdbc().sql("SELECT count(*) FROM instrument_response WHERE clinic_id = :c")
			.param("c", cells.clinicId())
			.query(Long.class)
			.single();
	}

	private long aeRows() {
		return ownerJdbc().sql("SELECT count(*) FROM adverse_event WHERE clinic_id = :c")
			.param("c", cells.clinicId())
			.query(Long.class)
			.single();
	}

}

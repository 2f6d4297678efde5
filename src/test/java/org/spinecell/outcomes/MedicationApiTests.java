package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
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

/** Recording what a patient takes, with opioid doses shown as MME per day. */
class MedicationApiTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	@BeforeEach
	void clinicWithStaff() {
		cells = new CellLab(app);
	}

	@Test
	void anOpioidIsRecordedWithItsDailyMme() {
		TestApi.Response response = cells.physician().post(path(), oxycodone());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode medication = response.json();
		assertThat(medication.get("mmePerDay").decimalValue()).isEqualByComparingTo("45");
		assertThat(medication.get("mmeFactor").decimalValue()).isEqualByComparingTo("1.5");
		assertThat(response.header("Location")).endsWith("/medications/" + id(medication));

		JsonNode list = ok(cells.physician().get(path()));
		assertThat(list.get("mmeSource").asString()).contains("CDC Clinical Practice Guideline");
		JsonNode listed = find(list.get("items"), "id", id(medication).toString());
		assertThat(listed.get("mmePerDay").decimalValue()).isEqualByComparingTo("45");
		assertThat(listed.get("dose").decimalValue()).isEqualByComparingTo("10");

		long audited = ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE entity_type = 'MedicationStatement'"
				+ " AND entity_id = :id AND action = 'CREATE' AND clinic_id = :clinic")
			.param("id", id(medication).toString())
			.param("clinic", cells.clinicId())
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(1);
	}

	@Test
	void aNonOpioidHasNullMmeAndBuprenorphineSaysWhy() {
		Map<String, Object> ibuprofen = with(oxycodone(), "drug", "ibuprofen");
		ibuprofen.put("dose", 400);
		JsonNode plain = ok(cells.physician().post(path(), ibuprofen));
		assertThat(plain.get("mmePerDay").isNull()).isTrue();

		Map<String, Object> buprenorphine = with(oxycodone(), "drug", "buprenorphine");
		buprenorphine.put("route", "SUBLINGUAL");
		buprenorphine.put("dose", 8);
		JsonNode excluded = ok(cells.physician().post(path(), buprenorphine));
		assertThat(excluded.get("mmePerDay").isNull()).isTrue();
		assertThat(excluded.get("mmeNote").asString()).contains("not converted");
		assertThat(excluded.get("source").asString()).isEqualTo("STAFF");
	}

	@Test
	void aFentanylPatchIsConvertedFromItsRateWithoutAFrequency() {
		Map<String, Object> patch = with(oxycodone(), "drug", "fentanyl");
		patch.put("dose", 25);
		patch.put("unit", "mcg/hr");
		patch.put("route", "TRANSDERMAL");
		patch.remove("frequencyPerDay");
		assertThat(ok(cells.physician().post(path(),
				patch)).get("mmePerDay").decimalValue()).isEqualByComparingTo("60");
	}

	@Test
	void anUnknownOrWrongUnitIsRefusedNamingUnit() {
		assertField(cells.physician().post(path(), with(oxycodone(), "unit", "drams")), 422, "unit");
		assertField(cells.physician().post(path(), with(oxycodone(), "unit", "mcg")), 422, "unit");
		assertField(cells.physician().post(path(), with(oxycodone(), "frequencyPerDay", null)), 422, "frequencyPerDay");
		assertField(cells.physician().post(path(), with(oxycodone(), "start",
				LocalDate.now().plusDays(3).toString())), 422, "start");
	}

	@Test
	void aStatementIsStoppedOnceAndNotBeforeItStarted() {
		JsonNode medication = ok(cells.physician().post(path(), oxycodone()));
		String stop = path() + "/" + id(medication) + "/stop";
		assertField(cells.physician().post(stop, Map.of("stop", LocalDate.now().minusYears(1).toString())), 422,
				"stop");
		JsonNode stopped = ok(cells.physician().post(stop, Map.of("stop", LocalDate.now().toString())));
		assertThat(stopped.get("stop").asString()).isEqualTo(LocalDate.now().toString());
		assertThat(cells.physician().post(stop, Map.of("stop", LocalDate.now().toString())).status()).isEqualTo(409);
	}

	@Test
	void anotherClinicsPatientDoesNotExistAndLabCannotWrite() {
		TestApi stranger = login(createUser("PHYSICIAN", Set.of(createClinic("Elsewhere"))), USER_PASSWORD);
		assertThat(stranger.post(path(), oxycodone()).status()).isEqualTo(404);
		assertThat(stranger.get(path()).status()).isEqualTo(404);
		assertThat(cells.lab().post(path(), oxycodone()).status()).isEqualTo(403);
	}

	private String path() {
		return "/api/v1/patients/" + cells.patientId() + "/medications";
	}

	private static Map<String, Object> oxycodone() {
		Map<String, Object> body = new HashMap<>();
		body.put("drug", "oxycodone");
		body.put("dose", 10);
		body.put("unit", "mg");
		body.put("route", "ORAL");
		body.put("frequencyPerDay", 3);
		body.put("start", LocalDate.now().minusMonths(2).toString());
		body.put("source", "STAFF");
		return body;
	}

	private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
		Map<String, Object> copy = new HashMap<>(body);
		copy.put(field, value);
		return copy;
	}

	static void assertField(TestApi.Response response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		List<String> fields = response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(fields).as(response.body()).contains(field);
	}

}

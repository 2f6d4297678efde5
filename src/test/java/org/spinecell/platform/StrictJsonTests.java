package org.spinecell.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON mapper refuses every scalar coercion and every unstorable string, naming the field's path. */
class StrictJsonTests {

	enum Sex {

		FEMALE, MALE

	}

	record Body(String name, Sex sex, Boolean consent, LocalDate birthDate, Instant at, Integer grade,
			BigDecimal dose, List<String> levels, Map<String, Object> answers) {
	}

	private static final JsonMapper JSON = StrictJson.configure(JsonMapper.builder()).build();

	@Test
	void wellFormedValuesAreReadAsSent() {
		Body body = JSON.readValue("""
				{"name":"Ana\\tMaria\\nQuinn","sex":"FEMALE","consent":true,"birthDate":"1970-01-31",
				"at":"2025-03-04T10:15:30Z","grade":3,"dose":5,"levels":["L4-L5"],"answers":{"nrs":6}}""", Body.class);
		assertThat(body.name()).isEqualTo("Ana\tMaria\nQuinn");
		assertThat(body.sex()).isEqualTo(Sex.FEMALE);
		assertThat(body.birthDate()).isEqualTo(LocalDate.of(1970, 1, 31));
		assertThat(body.at()).isEqualTo(Instant.parse("2025-03-04T10:15:30Z"));
		assertThat(body.dose()).isEqualByComparingTo("5");
		assertThat(JSON.readValue("{\"name\":\"\"}", Body.class).name()).isEmpty();
		// Plain blanks are the field's own rule's business (@NotBlank, or blank meaning absent).
		assertThat(JSON.readValue("{\"name\":\" \\t\\n\"}", Body.class).name()).isEqualTo(" \t\n");
		assertThat(JSON.readValue("{\"name\":\"J\\u00f6rg \\ud83d\\ude00\"}", Body.class).name()).isEqualTo("Jörg 😀");
	}

	@Test
	void aValueOfAnotherTypeIsRefusedNamingTheField() {
		Map<String, String> refused = new java.util.LinkedHashMap<>();
		refused.put("{\"sex\":0}", "sex");
		refused.put("{\"sex\":1.5}", "sex");
		refused.put("{\"sex\":true}", "sex");
		refused.put("{\"consent\":1}", "consent");
		refused.put("{\"consent\":0}", "consent");
		refused.put("{\"consent\":\"true\"}", "consent");
		refused.put("{\"birthDate\":0}", "birthDate");
		refused.put("{\"birthDate\":20000}", "birthDate");
		refused.put("{\"birthDate\":[1970,1,1]}", "birthDate");
		refused.put("{\"at\":1e400}", "at");
		refused.put("{\"at\":0}", "at");
		refused.put("{\"at\":1.5}", "at");
		refused.put("{\"at\":true}", "at");
		refused.put("{\"name\":12}", "name");
		refused.put("{\"name\":true}", "name");
		refused.put("{\"grade\":2.5}", "grade");
		refused.put("{\"grade\":\"3\"}", "grade");
		refused.put("{\"grade\":true}", "grade");
		refused.put("{\"dose\":\"5\"}", "dose");
		refused.put("{\"levels\":\"L4-L5\"}", "levels");
		refused.put("{\"levels\":[4]}", "levels[0]");
		List<String> accepted = new java.util.ArrayList<>();
		refused.forEach((json, field) -> {
			try {
				accepted.add(json + " read as " + JSON.readValue(json, Body.class));
			}
			catch (JacksonException ex) {
				assertThat(path(ex)).as(json).isEqualTo(field);
			}
		});
		assertThat(accepted).isEmpty();
	}

	@Test
	void unstorableTextIsRefusedNamingTheField() {
		for (String text : List.of("\\ud800", "a\\udc00b", "x\\ud83d", "\\u0000", "a\\u0000b", "a\\u0007b", "a\\u001bb",
				"\\u007f", "\\u0085x", "\\u200b", "\\u200b\\u200c\\u200d\\u2060\\ufeff", " \\u200b ", "\\u00a0\\u3000",
				"\\u3164")) {
			String json = "{\"levels\":[\"L4-L5\",\"" + text + "\"],\"name\":\"ok\"}";
			assertThatThrownBy(() -> JSON.readValue(json, Body.class)).as(text)
				.isInstanceOfSatisfying(StrictJson.UnstorableText.class,
						ex -> assertThat(path(ex)).as(text).isEqualTo("levels[1]"));
			assertThatThrownBy(() -> JSON.readValue("{\"name\":\"" + text + "\"}", Body.class)).as(text)
				.isInstanceOfSatisfying(StrictJson.UnstorableText.class, ex -> assertThat(path(ex)).isEqualTo("name"));
		}
	}

	@Test
	void aKeySentTwiceOrTrailingContentIsRefused() {
		Map<String, String> duplicates = Map.of("{\"sex\":\"FEMALE\",\"sex\":\"MALE\"}", "sex",
				"{\"answers\":{\"nrs\":1,\"nrs\":9}}", "answers.nrs",
				"{\"answers\":{\"list\":[{\"a\":1},{\"a\":1,\"a\":2}]}}", "answers.list[1].a");
		duplicates.forEach((json, field) -> assertThatThrownBy(() -> JSON.readValue(json, Body.class)).as(json)
			.isInstanceOfSatisfying(tools.jackson.core.exc.StreamReadException.class,
					ex -> assertThat(ApiProblemHandler.duplicateField(ex)).isEqualTo(field)));
		assertThatThrownBy(() -> JSON.readTree("{\"a\":1,\"a\":2}")).isInstanceOf(JacksonException.class);
		assertThatThrownBy(() -> JSON.readValue("{\"name\":\"x\"} {\"name\":\"y\"}", Body.class))
			.isInstanceOf(JacksonException.class);
		assertThatThrownBy(() -> JSON.readValue("{\"nmae\":\"x\"}", Body.class)).isInstanceOf(JacksonException.class);
		JsonNode fine = JSON.readTree("{\"a\":1,\"b\":2}");
		assertThat(fine.size()).isEqualTo(2);
	}

	private static String path(JacksonException ex) {
		return ApiProblemHandler.path(ex);
	}

}

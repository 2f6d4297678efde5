package org.spinecell.outcomes.instruments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.followup.FollowUpApiController;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.Refusal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz tests of the parsers that take outside input: the instrument import (FHIR Questionnaire
 * JSON), the survey answer normaliser and the follow-up status filter. Each input must be either
 * accepted with a well-formed result or refused with an {@link Refusal} (a 4xx); any other
 * exception is a bug. Under plain {@code mvn verify} Jazzer replays the committed seed corpus in
 * {@code src/test/resources/org/spinecell/outcomes/ParserFuzzTestsInputs/}; run with
 * {@code JAZZER_FUZZ=1} to fuzz for real.
 */
class ParserFuzzTests {

	private static final List<String> SHIPPED = List.of("nrs-back", "nrs-leg", "odi-2.1a", "rmdq-24", "pgic",
			"medication-work", "eq-5d-5l", "promis-29");

	private static final List<InstrumentDefinition> DEFINITIONS = SHIPPED.stream().map(ParserFuzzTests::shipped).toList();

	@FuzzTest(maxDuration = "30s")
	void anImportIsParsedOrRefusedWithAProblem(FuzzedDataProvider data) {
		String json = data.consumeRemainingAsString();
		try {
			InstrumentDefinition definition = InstrumentFormat.parse(json);
			assertThat(definition.id()).matches("[a-z0-9][a-z0-9.-]{0,63}");
			assertThat(definition.items()).isNotEmpty();
		}
		catch (Refusal refused) {
			assertThat(ApiProblemHandler.status(refused).is4xxClientError()).isTrue();
		}
	}

	@FuzzTest(maxDuration = "30s")
	void answersAreNormalisedWithinTheirBoundsOrRefused(FuzzedDataProvider data) {
		InstrumentDefinition definition = DEFINITIONS.get(data.consumeInt(0, DEFINITIONS.size() - 1));
		List<InstrumentDefinition.Item> items = definition.items();
		Map<String, Object> answers = new LinkedHashMap<>();
		int count = data.consumeInt(0, items.size() + 2);
		for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
			String key = data.consumeBoolean() ? items.get(data.consumeInt(0, items.size() - 1)).linkId()
					: data.consumeString(20);
			answers.put(key, value(data));
		}
		try {
			Map<String, Object> normalised = InstrumentScorer.normalise(definition, answers);
			assertThat(normalised.keySet()).containsExactlyElementsOf(items.stream().map(InstrumentDefinition.Item::linkId).toList());
			for (InstrumentDefinition.Item item : items) {
				Object value = normalised.get(item.linkId());
				if (value == null) {
					assertThat(item.required()).as(item.linkId()).isFalse();
					continue;
				}
				switch (item.type()) {
					case INTEGER -> assertThat((Integer) value).isBetween(item.min(), item.max());
					case BOOLEAN -> assertThat(value).isInstanceOf(Boolean.class);
					case CHOICE -> assertThat(item.options()).contains((String) value);
				}
			}
		}
		catch (Refusal refused) {
			assertThat(ApiProblemHandler.status(refused).value()).isEqualTo(422);
			assertThat(refused.errors()).isNotEmpty();
		}
	}

	@FuzzTest(maxDuration = "10s")
	void theFollowUpStatusFilterAcceptsOnlyOpenStatuses(FuzzedDataProvider data) {
		String status = data.consumeRemainingAsString();
		try {
			Set<FollowUp.Status> statuses = FollowUpApiController.statuses(status);
			assertThat(statuses).isNotEmpty().allMatch(FollowUp.Status::isOpen);
		}
		catch (Refusal refused) {
			assertThat(ApiProblemHandler.status(refused).is4xxClientError()).isTrue();
		}
	}

	private static Object value(FuzzedDataProvider data) {
		return switch (data.consumeInt(0, 7)) {
			case 0 -> data.consumeInt();
			case 1 -> data.consumeLong();
			case 2 -> data.consumeDouble();
			case 3 -> data.consumeBoolean();
			case 4 -> data.consumeString(40);
			case 5 -> new BigDecimal(data.consumeInt(-1000, 1000)).movePointLeft(data.consumeInt(0, 3));
			case 6 -> List.of(data.consumeInt());
			default -> Map.of("value", data.consumeInt());
		};
	}

	private static InstrumentDefinition shipped(String id) {
		try (InputStream in = ParserFuzzTests.class.getResourceAsStream("/instruments/" + id + ".json")) {
			return InstrumentFormat.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

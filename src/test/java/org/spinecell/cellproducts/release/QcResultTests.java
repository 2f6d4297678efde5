package org.spinecell.cellproducts.release;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import org.spinecell.cellproducts.Marker;
import org.spinecell.cellproducts.QcTest;
import org.spinecell.cellproducts.QualitativeResult;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QcResultTests {

	private static final Instant AT = Instant.parse("2026-03-02T10:15:00Z");

	@Test
	void acceptsAWellFormedNumericResultAndSpellsTheUnitAsTheTestDoes() {
		QcResult result = new QcResult(QcTest.TNC, new BigDecimal("121"), null, "10^6/ml", null, " manual count ", AT);
		assertThat(result.unit()).isEqualTo("10^6/mL");
		assertThat(result.method()).isEqualTo("manual count");
		assertThat(result.markers()).isEmpty();
	}

	@Test
	void viabilityAbove100PercentIsAProblemOnValue() {
		assertThat(problems(QcTest.VIABILITY, new BigDecimal("130"), null, "%", null))
			.containsExactly(new FieldProblem("value", "Viability must be between 0 and 100 %; got 130"));
	}

	@Test
	void negativeCountsAreImpossible() {
		assertThat(fields(QcTest.CFU_F, new BigDecimal("-1"), null, "/mL", null)).containsExactly("value");
		assertThat(fields(QcTest.ENDOTOXIN, new BigDecimal("-0.1"), null, "EU/kg", null)).containsExactly("value");
	}

	@Test
	void endotoxinHasNoUpperBound() {
		assertThat(fields(QcTest.ENDOTOXIN, new BigDecimal("100000"), null, "EU/mL", null)).isEmpty();
	}

	@Test
	void aUnitTheTestIsNotRecordedInIsAProblemOnUnit() {
		assertThat(problems(QcTest.VIABILITY, new BigDecimal("90"), null, "10^6/mL", null))
			.containsExactly(new FieldProblem("unit", "Viability is recorded in %, not '10^6/mL'"));
	}

	@Test
	void cd34MayBeACountOrAPercentage() {
		assertThat(fields(QcTest.CD34, new BigDecimal("25"), null, "10^6", null)).isEmpty();
		assertThat(fields(QcTest.CD34, new BigDecimal("1.2"), null, "%", null)).isEmpty();
		assertThat(fields(QcTest.CD34, new BigDecimal("101"), null, "%", null)).containsExactly("value");
		assertThat(fields(QcTest.CD34, new BigDecimal("101"), null, "10^6", null)).isEmpty();
	}

	@Test
	void aMissingValueAndUnitAreProblemsOnTheirFields() {
		assertThat(problems(QcTest.TNC, null, null, null, null)).containsExactly(
				new FieldProblem("value", "Total nucleated cells needs a value"),
				new FieldProblem("unit", "unit is required: 10^6/mL"));
	}

	@Test
	void aQualitativeTestNeedsOneOfItsOwnOutcomes() {
		assertThat(fields(QcTest.STERILITY, null, QualitativeResult.NO_GROWTH, null, null)).isEmpty();
		assertThat(fields(QcTest.STERILITY, null, null, null, null)).containsExactly("result");
		assertThat(problems(QcTest.GRAM_STAIN, null, QualitativeResult.NO_GROWTH, null, null)).containsExactly(
				new FieldProblem("result", "Gram stain cannot be NO_GROWTH; it can be NO_ORGANISMS_SEEN or ORGANISMS_SEEN"));
		assertThat(fields(QcTest.MYCOPLASMA, null, QualitativeResult.GROWTH, null, null)).containsExactly("result");
	}

	@Test
	void aQualitativeTestTakesNoValueOrUnit() {
		assertThat(fields(QcTest.STERILITY, BigDecimal.ONE, QualitativeResult.NEGATIVE, "%", null))
			.containsExactly("value", "unit");
	}

	@Test
	void aNumericTestTakesNoOutcomeOrMarkers() {
		assertThat(fields(QcTest.VIABILITY, BigDecimal.TEN, QualitativeResult.NEGATIVE, "%",
				Map.of("CD90", BigDecimal.TEN)))
			.containsExactly("result", "markers");
	}

	@Test
	void aMarkerPanelIsStoredUnderCanonicalNamesInMarkerOrder() {
		Map<String, BigDecimal> markers = new LinkedHashMap<>();
		markers.put("hla-dr", new BigDecimal("0.5"));
		markers.put("CD79α", new BigDecimal("0.1"));
		markers.put("cd90", new BigDecimal("99"));
		QcResult panel = QcResult.markerPanel(markers, "flow cytometry", AT);
		assertThat(panel.markers().keySet()).containsExactly("CD90", "CD79a", "HLA-DR");
		assertThat(panel.marker(Marker.CD90)).contains(new BigDecimal("99"));
		assertThat(panel.marker(Marker.CD105)).isEmpty();
		assertThat(panel.unit()).isEqualTo("%");
	}

	@Test
	void anUnknownMarkerIsAProblemNamingTheMarker() {
		assertThat(problems(QcTest.MARKER_PANEL, null, null, null, Map.of("CD999", BigDecimal.ONE)))
			.singleElement()
			.satisfies(problem -> {
				assertThat(problem.field()).isEqualTo("markers.CD999");
				assertThat(problem.message()).startsWith("unknown marker 'CD999'");
			});
	}

	@Test
	void markerPercentagesMustBePossibleAndPresent() {
		Map<String, BigDecimal> markers = new LinkedHashMap<>();
		markers.put("CD73", new BigDecimal("100.5"));
		markers.put("CD45", null);
		assertThat(problems(QcTest.MARKER_PANEL, null, null, "%", markers)).containsExactly(
				new FieldProblem("markers.CD73", "CD73 must be between 0 and 100 %; got 100.5"),
				new FieldProblem("markers.CD45", "CD45 needs a percentage"));
	}

	@Test
	void aMarkerGivenTwiceUnderDifferentSpellingsIsAProblem() {
		Map<String, BigDecimal> markers = new LinkedHashMap<>();
		markers.put("HLA-DR", BigDecimal.ONE);
		markers.put("hladr", BigDecimal.ONE);
		assertThat(fields(QcTest.MARKER_PANEL, null, null, null, markers)).containsExactly("markers.hladr");
	}

	@Test
	void anEmptyMarkerPanelIsAProblem() {
		assertThat(fields(QcTest.MARKER_PANEL, null, null, "%", Map.of())).containsExactly("markers");
	}

	@Test
	void testAndTimeAreRequired() {
		assertThat(QcResult.validate(null, BigDecimal.ONE, null, "%", null, null, null))
			.extracting(FieldProblem::field)
			.containsExactly("test", "performedAt");
	}

	@Test
	void anOverlongMethodIsAProblem() {
		assertThat(QcResult.validate(QcTest.VIABILITY, BigDecimal.TEN, null, "%", null, "x".repeat(201), AT))
			.extracting(FieldProblem::field)
			.containsExactly("method");
	}

	@Test
	void theConstructorRefusesAnInvalidResultWithEveryProblem() {
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> QcResult.numeric(QcTest.VIABILITY, new BigDecimal("130"), "%", null, null))
			.satisfies(refusal -> {
				assertThat(ApiProblemHandler.status(refusal)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				assertThat(refusal.errors()).extracting(FieldProblem::field).containsExactly("performedAt", "value");
			});
	}

	@Test
	void everyTestDeclaresHowItIsRecorded() {
		for (QcTest test : QcTest.values()) {
			if (test.kind() == QcTest.Kind.QUALITATIVE) {
				assertThat(test.outcomes()).as(test.name()).isNotEmpty();
				assertThat(test.units()).as(test.name()).isEmpty();
			}
			else {
				assertThat(test.units()).as(test.name()).isNotEmpty();
				assertThat(test.outcomes()).as(test.name()).isEmpty();
			}
		}
	}

	private static List<FieldProblem> problems(QcTest test, BigDecimal value, QualitativeResult result, String unit,
			Map<String, BigDecimal> markers) {
		return QcResult.validate(test, value, result, unit, markers, null, AT);
	}

	private static List<String> fields(QcTest test, BigDecimal value, QualitativeResult result, String unit,
			Map<String, BigDecimal> markers) {
		return problems(test, value, result, unit, markers).stream().map(FieldProblem::field).toList();
	}

}

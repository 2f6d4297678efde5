package org.spinecell.cellproducts.release;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.spinecell.cellproducts.QcTest;
import org.spinecell.cellproducts.QualitativeResult;
import org.spinecell.cellproducts.ReleaseCriterion;
import org.spinecell.cellproducts.SourceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class SpecificationTests {

	private static final Instant AT = Instant.parse("2026-03-02T10:15:00Z");

	private final Specification bmac = Specification.defaultFor(SourceType.BMAC);

	private final Specification msc = Specification.defaultFor(SourceType.ALLOGENEIC_MSC);

	@Test
	void pointOfCareBmacNeedsTncViabilitySterilityAndGramStainButNoMarkers() {
		assertThat(bmac.requiredTests()).containsExactly(QcTest.TNC, QcTest.VIABILITY, QcTest.STERILITY,
				QcTest.GRAM_STAIN);
	}

	@Test
	void culturedMscNeedEndotoxinMycoplasmaAndTheIsctMarkerPanel() {
		assertThat(msc.requiredTests()).containsExactly(QcTest.VIABILITY, QcTest.STERILITY, QcTest.ENDOTOXIN,
				QcTest.MYCOPLASMA, QcTest.MARKER_PANEL);
		assertThat(Specification.defaultFor(SourceType.AUTOLOGOUS_MSC).limits()).isEqualTo(msc.limits());
	}

	@Test
	void svfNeedsViabilitySterilityAndGramStain() {
		assertThat(Specification.defaultFor(SourceType.ADIPOSE_SVF).requiredTests())
			.containsExactly(QcTest.VIABILITY, QcTest.STERILITY, QcTest.GRAM_STAIN);
	}

	@Test
	void everySourceTypeHasADefaultSpecificationWithViabilityAndSterility() {
		for (SourceType type : SourceType.values()) {
			assertThat(type.defaultSpecification().requiredTests()).as(type.name())
				.contains(QcTest.VIABILITY, QcTest.STERILITY);
		}
	}

	@Test
	void aBmacWithGoodResultsMeetsEveryCriterion() {
		List<ReleaseCriterion> criteria = bmac.evaluate(List.of(
				QcResult.numeric(QcTest.TNC, new BigDecimal("121"), "10^6/mL", null, AT),
				QcResult.numeric(QcTest.VIABILITY, new BigDecimal("92.50"), "%", "7-AAD", AT),
				QcResult.qualitative(QcTest.STERILITY, QualitativeResult.NO_GROWTH, null, AT),
				QcResult.qualitative(QcTest.GRAM_STAIN, QualitativeResult.NO_ORGANISMS_SEEN, null, AT)));
		assertThat(criteria).containsExactly(
				new ReleaseCriterion("TNC", "Total nucleated cells recorded", true, "121 10^6/mL"),
				new ReleaseCriterion("VIABILITY", "Viability ≥ 70 %", true, "92.5 %"),
				new ReleaseCriterion("STERILITY", "Sterility culture: NEGATIVE or NO_GROWTH", true, "NO_GROWTH"),
				new ReleaseCriterion("GRAM_STAIN", "Gram stain: NO_ORGANISMS_SEEN", true, "NO_ORGANISMS_SEEN"));
	}

	@Test
	void aMissingResultIsNotMetWithNoResultRecorded() {
		List<ReleaseCriterion> criteria = bmac
			.evaluate(List.of(QcResult.numeric(QcTest.VIABILITY, new BigDecimal("80"), "%", null, AT)));
		assertThat(criteria).extracting(ReleaseCriterion::id)
			.containsExactly("TNC", "VIABILITY", "STERILITY", "GRAM_STAIN");
		assertThat(criteria).filteredOn(criterion -> !criterion.met())
			.extracting(ReleaseCriterion::id, ReleaseCriterion::detail)
			.containsExactly(tuple("TNC", "no result recorded"),
					tuple("STERILITY", "no result recorded"),
					tuple("GRAM_STAIN", "no result recorded"));
		assertThat(bmac.evaluate(List.of())).noneMatch(ReleaseCriterion::met);
	}

	@Test
	void viabilityBelowTheLimitIsNotMetAndTheLimitItselfIs() {
		assertThat(criterion(bmac, QcResult.numeric(QcTest.VIABILITY, new BigDecimal("69.9"), "%", null, AT)))
			.isEqualTo(new ReleaseCriterion("VIABILITY", "Viability ≥ 70 %", false, "69.9 % is below 70 %"));
		assertThat(criterion(bmac, QcResult.numeric(QcTest.VIABILITY, new BigDecimal("70.0"), "%", null, AT)).met())
			.isTrue();
	}

	@Test
	void aPositiveCultureOrOrganismsSeenIsNotMet() {
		assertThat(criterion(bmac, QcResult.qualitative(QcTest.STERILITY, QualitativeResult.GROWTH, null, AT)))
			.satisfies(criterion -> {
				assertThat(criterion.met()).isFalse();
				assertThat(criterion.detail()).isEqualTo("GROWTH is not acceptable");
			});
		assertThat(criterion(bmac,
				QcResult.qualitative(QcTest.GRAM_STAIN, QualitativeResult.ORGANISMS_SEEN, null, AT)).met())
			.isFalse();
	}

	@Test
	void endotoxinAboveFiveEuPerKgIsNotMet() {
		assertThat(criterion(msc, QcResult.numeric(QcTest.ENDOTOXIN, new BigDecimal("5"), "EU/kg", null, AT)).met())
			.isTrue();
		assertThat(criterion(msc, QcResult.numeric(QcTest.ENDOTOXIN, new BigDecimal("5.01"), "EU/kg", null, AT)))
			.isEqualTo(new ReleaseCriterion("ENDOTOXIN", "Endotoxin ≤ 5 EU/kg", false, "5.01 EU/kg is above 5 EU/kg"));
	}

	@Test
	void endotoxinPerMillilitreCannotBeComparedWithALimitPerKilogram() {
		ReleaseCriterion criterion = criterion(msc,
				QcResult.numeric(QcTest.ENDOTOXIN, new BigDecimal("0.1"), "EU/mL", null, AT));
		assertThat(criterion.met()).isFalse();
		assertThat(criterion.detail()).isEqualTo("recorded as 0.1 EU/mL; the limit is in EU/kg: record the result in EU/kg");
	}

	@Test
	void theLatestOfSeveralResultsForATestCounts() {
		QcResult early = QcResult.numeric(QcTest.VIABILITY, new BigDecimal("60"), "%", null, AT);
		QcResult late = QcResult.numeric(QcTest.VIABILITY, new BigDecimal("85"), "%", null, AT.plusSeconds(3600));
		assertThat(criterion(bmac, late, early).met()).isTrue();
		assertThat(criterion(bmac, early, late).met()).isTrue();
	}

	@Test
	void aPanelMeetingIsctMinimalCriteriaIsMet() {
		assertThat(criterion(msc, panel(isctPanel())).met()).isTrue();
	}

	@Test
	void eitherOfAnIsctPairMayBeTested() {
		Map<String, BigDecimal> markers = isctPanel();
		markers.remove("CD14");
		markers.put("CD11b", new BigDecimal("0.4"));
		markers.remove("CD79a");
		markers.put("CD19", new BigDecimal("0.2"));
		assertThat(criterion(msc, panel(markers)).met()).isTrue();
	}

	@Test
	void aPanelFailingIsctSaysWhichMarkersFailed() {
		Map<String, BigDecimal> markers = isctPanel();
		markers.put("CD90", new BigDecimal("90"));
		markers.put("HLA-DR", new BigDecimal("3"));
		markers.remove("CD14");
		ReleaseCriterion criterion = criterion(msc, panel(markers));
		assertThat(criterion.met()).isFalse();
		assertThat(criterion.detail())
			.isEqualTo("CD90 90 % is below 95 %; CD14 or CD11b not measured; HLA-DR 3 % is above 2 %");
	}

	@Test
	void aTestedMemberOfAPairAboveTheLimitFailsEvenIfTheOtherPasses() {
		Map<String, BigDecimal> markers = isctPanel();
		markers.put("CD11b", new BigDecimal("2.5"));
		assertThat(criterion(msc, panel(markers)).detail()).isEqualTo("CD11b 2.5 % is above 2 %");
	}

	@Test
	void resultsOfTestsTheSpecificationDoesNotNeedAreIgnored() {
		List<ReleaseCriterion> criteria = bmac
			.evaluate(List.of(QcResult.numeric(QcTest.CFU_F, new BigDecimal("2713"), "/mL", null, AT)));
		assertThat(criteria).extracting(ReleaseCriterion::id).doesNotContain("CFU_F");
	}

	@Test
	void isMetOnlyWhenEveryCriterionIs() {
		List<QcResult> good = List.of(QcResult.numeric(QcTest.TNC, new BigDecimal("121"), "10^6/mL", null, AT),
				QcResult.numeric(QcTest.VIABILITY, new BigDecimal("92"), "%", null, AT),
				QcResult.qualitative(QcTest.STERILITY, QualitativeResult.NEGATIVE, null, AT),
				QcResult.qualitative(QcTest.GRAM_STAIN, QualitativeResult.NO_ORGANISMS_SEEN, null, AT));
		assertThat(bmac.isMetBy(good)).isTrue();
		assertThat(bmac.isMetBy(good.subList(0, 3))).isFalse();
	}

	@Test
	void aClinicCanWriteItsOwnSpecificationAsData() {
		Specification own = new Specification("Our BMAC", List.of(
				new Specification.AtLeast(QcTest.CFU_F, new BigDecimal("2000"), "/mL"),
				new Specification.OneOf(QcTest.STERILITY, EnumSet.of(QualitativeResult.NO_GROWTH))));
		assertThat(own.evaluate(List.of(QcResult.numeric(QcTest.CFU_F, new BigDecimal("2713"), "/mL", null, AT))))
			.extracting(ReleaseCriterion::met)
			.containsExactly(true, false);
	}

	@Test
	void refusesLimitsThatCannotBeEvaluated() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Specification.AtLeast(QcTest.VIABILITY, BigDecimal.TEN, "EU/kg"));
		assertThatIllegalArgumentException().isThrownBy(
				() -> new Specification.OneOf(QcTest.GRAM_STAIN, EnumSet.of(QualitativeResult.NO_GROWTH)));
		assertThatIllegalArgumentException().isThrownBy(() -> new Specification("Twice",
				List.of(new Specification.Recorded(QcTest.TNC), new Specification.Recorded(QcTest.TNC))));
	}

	private static ReleaseCriterion criterion(Specification specification, QcResult... results) {
		QcTest test = results[0].test();
		return specification.evaluate(List.of(results))
			.stream()
			.filter(criterion -> criterion.id().equals(test.name()))
			.findFirst()
			.orElseThrow();
	}

	private static QcResult panel(Map<String, BigDecimal> markers) {
		return QcResult.markerPanel(markers, "flow cytometry", AT);
	}

	private static Map<String, BigDecimal> isctPanel() {
		Map<String, BigDecimal> markers = new LinkedHashMap<>();
		markers.put("CD105", new BigDecimal("98.2"));
		markers.put("CD73", new BigDecimal("99.1"));
		markers.put("CD90", new BigDecimal("97"));
		markers.put("CD45", new BigDecimal("0.8"));
		markers.put("CD34", new BigDecimal("1.1"));
		markers.put("CD14", new BigDecimal("0.3"));
		markers.put("CD79a", new BigDecimal("0.2"));
		markers.put("HLA-DR", new BigDecimal("2"));
		return markers;
	}

}

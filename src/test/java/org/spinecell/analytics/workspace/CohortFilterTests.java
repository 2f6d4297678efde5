package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.Refusal;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading the cohort filter from parameters, refusing bad values, and turning it into bound SQL. */
class CohortFilterTests {

	private static final UUID CLINIC = UUID.fromString("00000000-0000-0000-0000-00000000000a");

	private static final UUID OPERATOR = UUID.fromString("00000000-0000-0000-0000-00000000000b");

	@Test
	void everyParameterIsRead() {
		CohortFilter f = CohortFilter.parse(Map.ofEntries(Map.entry("clinicId", List.of(CLINIC.toString())),
				Map.entry("from", List.of("2025-01-01")), Map.entry("to", List.of("2025-12-31")),
				Map.entry("conditionFamily", List.of("herniated_disc,SPINAL_STENOSIS")),
				Map.entry("region", List.of("LUMBAR")), Map.entry("levels", List.of("1", "2")),
				Map.entry("cellSource", List.of("BMAC")), Map.entry("tissue", List.of("ADIPOSE")),
				Map.entry("origin", List.of("ALLOGENEIC")), Map.entry("doseMin", List.of("10.5")),
				Map.entry("doseMax", List.of("500")), Map.entry("target", List.of("FACET")),
				Map.entry("guidance", List.of("CT")), Map.entry("placementConfirmed", List.of("true")),
				Map.entry("operatorId", List.of(OPERATOR.toString())), Map.entry("ageMin", List.of("40")),
				Map.entry("ageMax", List.of("70")), Map.entry("sex", List.of("FEMALE")),
				Map.entry("baselineMeasure", List.of("odi")), Map.entry("baselineMin", List.of("30")),
				Map.entry("baselineMax", List.of("80")), Map.entry("registryConsent", List.of("false")),
				Map.entry("researchConsent", List.of("TRUE")), Map.entry("format", List.of("wide"))));
		assertThat(f.clinicIds()).containsExactly(CLINIC);
		assertThat(f.from()).isEqualTo(LocalDate.of(2025, 1, 1));
		assertThat(f.to()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(f.conditionFamilies()).containsExactlyInAnyOrder("HERNIATED_DISC", "SPINAL_STENOSIS");
		assertThat(f.regions()).containsExactly("LUMBAR");
		assertThat(f.levels()).containsExactlyInAnyOrder(1, 2);
		assertThat(f.cellSources()).containsExactly("BMAC");
		assertThat(f.tissues()).containsExactly("ADIPOSE");
		assertThat(f.origins()).containsExactly("ALLOGENEIC");
		assertThat(f.doseMin()).isEqualByComparingTo("10.5");
		assertThat(f.doseMax()).isEqualByComparingTo("500");
		assertThat(f.targets()).containsExactly("FACET");
		assertThat(f.guidances()).containsExactly("CT");
		assertThat(f.placementConfirmed()).isTrue();
		assertThat(f.operatorIds()).containsExactly(OPERATOR);
		assertThat(f.ageMin()).isEqualTo(40);
		assertThat(f.ageMax()).isEqualTo(70);
		assertThat(f.sexes()).containsExactly("FEMALE");
		assertThat(f.baselineMeasure()).isEqualTo(Measure.ODI);
		assertThat(f.baselineMin()).isEqualByComparingTo("30");
		assertThat(f.baselineMax()).isEqualByComparingTo("80");
		assertThat(f.registryConsent()).isFalse();
		assertThat(f.researchConsent()).isTrue();

		assertThat(CohortFilter.parse(f.toParameters())).as("saved and read back").isEqualTo(f);
		assertThat(CohortFilter.ALL.toParameters()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "clinicId|not-a-uuid|a UUID", "from|2025-13-01|a date",
			"to|yesterday|a date", "conditionFamily|BACKACHE|DEGENERATIVE_DISC_DISEASE, HERNIATED_DISC",
			"region|NECK|CERVICAL, CERVICOTHORACIC", "levels|0|from 1 to 10", "levels|three|from 1 to 10",
			"cellSource|STEM|BMAC, ADIPOSE_MICROFRAGMENTED", "tissue|BLOOD|BONE_MARROW, ADIPOSE",
			"origin|XENO|AUTOLOGOUS, ALLOGENEIC, MIXED", "doseMin|lots|a number", "doseMax|1e|a number",
			"target|DISC|INTRADISCAL, FACET", "guidance|MRI|FLUOROSCOPY, CT, ULTRASOUND, NONE",
			"placementConfirmed|yes|true, false", "operatorId|42|a UUID", "ageMin|-1|from 0 to 150",
			"ageMax|old|from 0 to 150", "sex|F|FEMALE, MALE, OTHER, UNKNOWN",
			"baselineMeasure|VAS|ODI, NRS_BACK, NRS_LEG, RMDQ, MME", "baselineMin|x|a number",
			"baselineMax|x|a number", "registryConsent|1|true, false", "researchConsent|no|true, false",
			"cellSource|BMAC' OR '1'='1|BMAC" })
	void aBadValueIsA400NamingTheParameterAndWhatIsAllowed(String parameter, String value, String allowed) {
		Refusal ex = catchThrowableOfType(Refusal.class,
				() -> CohortFilter.parse(Map.of(parameter, List.of(value))));
		assertThat(ex).as(parameter + "=" + value).isNotNull();
		assertThat(ApiProblemHandler.status(ex)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ex.errors()).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo(parameter);
			assertThat(problem.message()).contains(parameter).contains(allowed);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "from|2025-02-01|to|2025-01-01|to", "doseMin|5|doseMax|4|doseMax",
			"ageMin|60|ageMax|50|ageMax", "baselineMin|10|baselineMeasure|ODI|baselineMeasure" })
	void rangesMustBeInOrderAndBaselineBoundsNeedTheirMeasure(String first, String firstValue, String second,
			String secondValue, String blamed) {
		Map<String, List<String>> parameters = "baselineMeasure".equals(blamed) ? Map.of(first, List.of(firstValue))
				: Map.of(first, List.of(firstValue), second, List.of(secondValue));
		Refusal ex = catchThrowableOfType(Refusal.class, () -> CohortFilter.parse(parameters));
		assertThat(ApiProblemHandler.status(ex)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ex.errors().get(0).field()).isEqualTo(blamed);
	}

	@Test
	void aMisspeltParameterIsRefusedWhereTheParametersAreKnown() {
		Refusal ex = catchThrowableOfType(Refusal.class,
				() -> CohortFilter.parse(Map.of("cellsource", List.of("BMAC")), List.of("format")));
		assertThat(ApiProblemHandler.status(ex)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ex.errors().get(0).field()).isEqualTo("cellsource");
		assertThat(ex.errors().get(0).message()).contains("format, clinicId, from, to");
		assertThat(CohortFilter.parse(Map.of("format", List.of("wide")), List.of("format"))).isEqualTo(CohortFilter.ALL);
	}

	@Test
	void aSingleValuedParameterGivenTwiceIsRefused() {
		Refusal ex = catchThrowableOfType(Refusal.class,
				() -> CohortFilter.parse(Map.of("ageMin", List.of("40", "50"))));
		assertThat(ex.errors().get(0).field()).isEqualTo("ageMin");
	}

	@Test
	void theSqlBindsEveryValueAndNamesOnlyAllowListedColumns() {
		CohortFilter f = CohortFilter.parse(Map.of("cellSource", List.of("BMAC"), "ageMin", List.of("40"),
				"baselineMeasure", List.of("NRS_LEG"), "baselineMax", List.of("7"), "researchConsent", List.of("true")));
		AnalyticsRepository.Where where = AnalyticsRepository.where(f, Set.of(CLINIC));
		assertThat(where.sql()).isEqualTo("e.clinic_id IN (:clinicIds) AND e.cell_source IN (:cellSources)"
				+ " AND e.age_years >= :ageMin AND e.baseline_nrs_leg <= :baselineMax"
				+ " AND e.research_consent = :researchConsent");
		assertThat(where.params()).containsEntry("clinicIds", List.of(CLINIC))
			.containsEntry("cellSources", List.of("BMAC"))
			.containsEntry("ageMin", 40)
			.containsEntry("baselineMax", new BigDecimal("7"))
			.containsEntry("researchConsent", true);
	}

	@Test
	void researchersAreLimitedToConsentedPatients() {
		CohortFilter f = CohortFilter.parse(Map.of("researchConsent", List.of("false")));
		assertThat(f.withResearchConsent().researchConsent()).isTrue();
		assertThat(f.withClinics(Set.of(CLINIC)).clinicIds()).containsExactly(CLINIC);
	}

	@Test
	void stratifierAndMeasureRefuseUnknownValuesListingTheAllowedOnes() {
		assertThat(Stratifier.parse("cellSource")).isEqualTo(Stratifier.CELL_SOURCE);
		assertThat(Stratifier.parse(null)).isEqualTo(Stratifier.NONE);
		Refusal by = catchThrowableOfType(Refusal.class, () -> Stratifier.parse("e.patient_id"));
		assertThat(by.errors().get(0).field()).isEqualTo("by");
		assertThat(by.errors().get(0).message())
			.contains("cellSource, tissue, conditionFamily, target, guidance, operator, clinic");
		Refusal measure = catchThrowableOfType(Refusal.class, () -> Measure.parse("measure", "PROMIS"));
		assertThat(measure.errors().get(0).field()).isEqualTo("measure");
		assertThat(measure.errors().get(0).message()).contains("ODI, NRS_BACK, NRS_LEG, RMDQ, MME");
		assertThat(Measure.ODI.defaultMcid()).isEqualTo(new Measure.Mcid(new BigDecimal("10"), new BigDecimal("0.30")));
	}

}

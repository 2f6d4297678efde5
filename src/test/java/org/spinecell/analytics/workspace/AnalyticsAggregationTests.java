package org.spinecell.analytics.workspace;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.analytics.workspace.AnalyticsRows.FailureTime;
import org.spinecell.analytics.workspace.AnalyticsRows.GroupSize;
import org.spinecell.analytics.workspace.AnalyticsRows.MedicationStats;
import org.spinecell.analytics.workspace.AnalyticsRows.OutcomeStats;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The aggregates PostgreSQL computes, against numbers worked out by hand from the data set. */
class AnalyticsAggregationTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The hand-computed data set, built by the tests that need it. */
	private AnalyticsDataset data;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		data = new AnalyticsDataset(treatment);
	}

	@Autowired
	private AnalyticsService analytics;

	@Test
	void outcomeSummariesEqualHandComputedValues() {
		data.buildDataset();
		List<OutcomeStats> rows = asPhysician(
				() -> analytics.outcomes(CohortFilter.ALL, Stratifier.NONE, Measure.ODI, null));
		assertThat(rows).extracting(OutcomeStats::timePoint)
			.containsExactly("BASELINE", "W2", "W6", "M3", "M6", "M12", "M24");
		assertThat(rows).allSatisfy(r -> assertThat(r.group()).isEqualTo("ALL"));

		OutcomeStats baseline = row(rows, "BASELINE");
		assertThat(baseline.n()).isEqualTo(2);
		assertThat(baseline.mean()).isCloseTo(45, within(1e-9));
		assertThat(baseline.sd()).isCloseTo(Math.sqrt(50), within(1e-9));
		assertThat(baseline.eligible()).as("episode 3's baseline is still due").isEqualTo(2);
		assertThat(baseline.completed()).isEqualTo(2);

		OutcomeStats w2 = row(rows, "W2");
		assertThat(w2.n()).isZero();
		assertThat(w2.mean()).as("no data is null, not NaN").isNull();
		assertThat(w2.sd()).isNull();
		assertThat(w2.completionRate()).isEqualTo(0.0);

		OutcomeStats m3 = row(rows, "M3");
		assertThat(m3.daysAfterProcedure()).isEqualTo(91);
		assertThat(m3.n()).isEqualTo(2);
		assertThat(m3.mean()).isCloseTo(32, within(1e-9));
		assertThat(m3.sd()).isCloseTo(Math.sqrt(288), within(1e-9));
		assertThat(m3.nChange()).isEqualTo(2);
		assertThat(m3.meanChange()).isCloseTo(-13, within(1e-9));
		assertThat(m3.sdChange()).isCloseTo(Math.sqrt(98), within(1e-9));
		assertThat(m3.respondersAbsolute()).as("20 points yes, 6 no").isEqualTo(1);
		assertThat(m3.respondersRelative()).as("50 % yes, 12 % no").isEqualTo(1);
		assertThat(m3.completionRate()).isEqualTo(1.0);

		OutcomeStats m6 = row(rows, "M6");
		assertThat(m6.n()).isEqualTo(1);
		assertThat(m6.mean()).isCloseTo(30, within(1e-9));
		assertThat(m6.sd()).as("one value has no SD").isNull();
		assertThat(m6.meanChange()).isCloseTo(-10, within(1e-9));
		assertThat(m6.respondersAbsolute()).as("exactly 10 points counts").isEqualTo(1);
		assertThat(m6.respondersRelative()).as("25 % is below 30 %").isZero();
		assertThat(m6.eligible()).isEqualTo(2);
		assertThat(m6.completed()).isEqualTo(1);
		assertThat(m6.completionRate()).isEqualTo(0.5);

		assertThat(row(rows, "M12").completionRate()).as("nothing eligible yet").isNull();

		OutcomeStats lenient = row(asPhysician(() -> analytics.outcomes(CohortFilter.ALL, Stratifier.NONE, Measure.ODI,
				new Measure.Mcid(new BigDecimal("5"), new BigDecimal("0.10")))), "M3");
		assertThat(lenient.respondersAbsolute()).isEqualTo(2);
		assertThat(lenient.respondersRelative()).isEqualTo(2);

		OutcomeStats pain = row(asPhysician(
				() -> analytics.outcomes(CohortFilter.ALL, Stratifier.NONE, Measure.NRS_BACK, null)), "M3");
		assertThat(pain.meanChange()).as("8 → 3 and 6 → 2").isCloseTo(-4.5, within(1e-9));
		assertThat(pain.respondersAbsolute()).isEqualTo(2);
	}

	@Test
	void summariesSplitByAStratifier() {
		data.buildDataset();
		List<OutcomeStats> rows = asPhysician(
				() -> analytics.outcomes(CohortFilter.ALL, Stratifier.GUIDANCE, Measure.ODI, null));
		assertThat(rows).extracting(OutcomeStats::group).containsOnly("CT", "FLUOROSCOPY");
		OutcomeStats ct = rows.stream().filter(r -> r.group().equals("CT") && r.timePoint().equals("M3")).findFirst().orElseThrow();
		assertThat(ct.n()).isEqualTo(1);
		assertThat(ct.mean()).isCloseTo(44, within(1e-9));
		OutcomeStats fluoro = rows.stream()
			.filter(r -> r.group().equals("FLUOROSCOPY") && r.timePoint().equals("M3"))
			.findFirst()
			.orElseThrow();
		assertThat(fluoro.mean()).isCloseTo(20, within(1e-9));
		assertThat(asPhysician(() -> analytics.failures(CohortFilter.ALL, Stratifier.CLINIC)))
			.extracting(FailureTime::group)
			.containsOnly(cells.clinicId().toString());
	}

	@Test
	void durabilityMedicationAndSafetyAreAggregatedInTheDatabase() {
		data.buildDataset();
		assertThat(asPhysician(() -> analytics.failures(CohortFilter.ALL, Stratifier.NONE))).satisfiesExactly(
				t -> assertFailure(t, 0, 0, 1), t -> assertFailure(t, 95 / 30.4375, 0, 1),
				t -> assertFailure(t, 200 / 30.4375, 1, 0));

		List<MedicationStats> medication = asPhysician(() -> analytics.medication(CohortFilter.ALL, Stratifier.NONE));
		assertThat(medication).extracting(MedicationStats::timePoint)
			.containsExactly("W2", "W6", "M3", "M6", "M12", "M24");
		MedicationStats m3 = medication.get(2);
		assertThat(List.of(m3.baselineUsers(), m3.observed(), m3.reducedByHalf(), m3.opioidFree()))
			.containsExactly(1L, 1L, 0L, 0L);
		MedicationStats m6 = medication.get(3);
		assertThat(List.of(m6.baselineUsers(), m6.observed(), m6.reducedByHalf(), m6.opioidFree()))
			.containsExactly(1L, 1L, 1L, 1L);
		assertThat(medication.get(0).observed()).as("W2 was missed").isZero();

		assertThat(asPhysician(() -> analytics.groupSizes(CohortFilter.ALL, Stratifier.NONE)))
			.containsExactly(new GroupSize("ALL", 3, 3));
	}

	@Test
	void everyFilterParameterSelectsTheRightEpisodes() {
		data.buildDataset();
		UUID operator = userId(cells.physicianUsername());
		Map<String, Long> expected = new java.util.LinkedHashMap<>();
		expected.put("", 3L);
		expected.put("clinicId=" + cells.clinicId(), 3L);
		expected.put("from=" + data.ep2().date(), 2L);
		expected.put("to=" + data.ep1().date(), 1L);
		expected.put("conditionFamily=DEGENERATIVE_DISC_DISEASE", 3L);
		expected.put("conditionFamily=HERNIATED_DISC", 0L);
		expected.put("region=LUMBAR", 3L);
		expected.put("region=CERVICAL", 0L);
		expected.put("levels=1", 3L);
		expected.put("levels=2,3", 0L);
		expected.put("cellSource=BMAC", 3L);
		expected.put("cellSource=ADIPOSE_SVF", 0L);
		expected.put("tissue=BONE_MARROW", 3L);
		expected.put("tissue=ADIPOSE", 0L);
		expected.put("origin=AUTOLOGOUS", 3L);
		expected.put("origin=ALLOGENEIC", 0L);
		expected.put("doseMin=222&doseMax=222", 3L);
		expected.put("doseMin=222.01", 0L);
		expected.put("target=INTRADISCAL", 3L);
		expected.put("target=FACET", 0L);
		expected.put("guidance=CT", 1L);
		expected.put("guidance=FLUOROSCOPY&guidance=ULTRASOUND", 2L);
		expected.put("placementConfirmed=true", 3L);
		expected.put("placementConfirmed=false", 0L);
		expected.put("operatorId=" + operator, 3L);
		expected.put("operatorId=" + UUID.randomUUID(), 0L);
		expected.put("ageMin=90", 1L);
		expected.put("ageMax=60", 1L);
		expected.put("sex=FEMALE", 1L);
		expected.put("sex=MALE", 2L);
		expected.put("baselineMeasure=ODI&baselineMin=45", 2L);
		expected.put("baselineMeasure=ODI&baselineMax=45", 1L);
		expected.put("baselineMeasure=MME&baselineMin=1", 1L);
		expected.put("registryConsent=true", 2L);
		expected.put("researchConsent=true", 2L);
		expected.put("researchConsent=false", 1L);
		expected.put("guidance=CT&sex=FEMALE", 0L);
		expected.forEach((query, episodes) -> {
			var response = cells.physician().get("/api/v1/analytics/count?" + query);
			assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
			assertThat(response.json().get("episodes").asLong()).as(query).isEqualTo(episodes);
			assertThat(response.json().get("patients").asLong()).as(query).isEqualTo(episodes);
		});

		var bad = cells.physician().get("/api/v1/analytics/count?sex=F");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("sex");
		assertThat(bad.json().get("errors").get(0).get("message").asString()).contains("FEMALE, MALE, OTHER, UNKNOWN");
		assertThat(cells.physician().get("/api/v1/analytics/count?clinicId=" + createClinic("Not mine")).status())
			.as("a clinic the user does not belong to").isEqualTo(404);
		assertThat(data.signedIn("RESEARCHER").get("/api/v1/analytics/count").json().get("episodes").asLong())
			.as("researchers count consented patients only").isEqualTo(2);
		assertThat(data.signedIn("LAB").get("/api/v1/analytics/count").status()).isEqualTo(403);
	}

	private static void assertFailure(FailureTime time, double months, long events, long censored) {
		assertThat(time.group()).isEqualTo("ALL");
		assertThat(time.months()).isCloseTo(months, within(1e-6));
		assertThat(time.events()).isEqualTo(events);
		assertThat(time.censored()).isEqualTo(censored);
	}

	private static OutcomeStats row(List<OutcomeStats> rows, String timePoint) {
		return rows.stream().filter(r -> r.timePoint().equals(timePoint)).findFirst().orElseThrow();
	}

	private <T> T asPhysician(Supplier<T> task) {
		return CurrentUser.callAs(new CurrentUser(userId(cells.physicianUsername()), cells.physicianUsername(),
				"Test physician", Set.of(Role.PHYSICIAN), Set.of(cells.clinicId())), task);
	}

}

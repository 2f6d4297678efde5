package org.spinecell.analytics.workspace;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.spinecell.analytics.workspace.AnalyticsResults.Outcomes;
import org.spinecell.demo.SeededDemo;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every analytics result on the seeded demo history ({@link SeededDemo}): the numbers come
 * out finite and consistent on realistic data (many groups, missing follow-ups, operators).
 */
@SeededDemo
class AnalyticsDemoDataTests {

	@Autowired
	@FlywayDataSource
	DataSource ownerDataSource;

	@Autowired
	AnalyticsResultsService results;

	private <T> T asPhysician(java.util.function.Supplier<T> task) {
		Set<UUID> clinics = new HashSet<>(
				JdbcClient.create(ownerDataSource).sql("SELECT id FROM clinic").query(UUID.class).list());
		return CurrentUser.callAs(
				new CurrentUser(UUID.randomUUID(), "analyst", "Analyst", Set.of(Role.PHYSICIAN), clinics), task);
	}

	@Test
	void everyResultIsComputedOnTheDemoHistory() {
		Outcomes outcomes = asPhysician(
				() -> results.outcomes(CohortFilter.ALL, Stratifier.CELL_SOURCE, Measure.ODI, "M12"));
		assertThat(outcomes.noData()).isFalse();
		var m12 = outcomes.rows().stream().filter(r -> r.timePoint().equals("M12")).toList();
		assertThat(m12).isNotEmpty();
		assertThat(m12.stream().mapToLong(AnalyticsResults.OutcomeRow::nChange).sum()).isGreaterThanOrEqualTo(10);
		assertThat(m12).allSatisfy(r -> {
			if (r.nChange() > 1) {
				assertThat(r.changeCiLow()).isLessThan(r.meanChange());
				assertThat(r.changeCiHigh()).isGreaterThan(r.meanChange());
			}
		});
		assertThat(outcomes.betweenGroup().test()).isEqualTo("chi-square");
		assertThat(outcomes.composite().rows()).isNotEmpty();

		var durability = asPhysician(() -> results.durability(CohortFilter.ALL, Stratifier.CELL_SOURCE, false));
		assertThat(durability.groups()).hasSizeGreaterThan(1);
		assertThat(durability.logRank().p()).isBetween(0.0, 1.0);
		var loss = asPhysician(() -> results.durability(CohortFilter.ALL, Stratifier.NONE, true));
		assertThat(loss.groups().get(0).n()).isPositive();

		var variability = asPhysician(() -> results.variability(CohortFilter.ALL, Measure.ODI, "M3"));
		assertThat(variability.models().n()).isGreaterThan(20);
		// The small demo (about 40 episodes at M3, rare codes) makes the full design collinear: as in
		// R's lm, the aliased covariates are reported without values and the rest is fitted.
		var linear = variability.models().linear();
		assertThat(linear.status()).as(linear.note()).isNotEqualTo("NOT_FITTED");
		assertThat(linear.coefficients()).hasSize(variability.models().covariates().size() + 1);
		assertThat(linear.coefficients())
			.allSatisfy(c -> assertThat(c.estimate() == null).as(c.name()).isEqualTo(c.aliased()));
		var operators = variability.models().operators();
		assertThat(operators.units().isEmpty() ? operators.note() : "units").isNotBlank();
		assertThat(operators.units()).allSatisfy(u -> assertThat(u.expected()).isPositive());

		var medication = asPhysician(() -> results.medication(CohortFilter.ALL, Stratifier.NONE));
		assertThat(medication.noData()).isFalse();
		var safety = asPhysician(() -> results.safety(CohortFilter.ALL, Stratifier.NONE));
		assertThat(safety.noData()).isFalse();
		assertThat(safety.rows()).allSatisfy(r -> assertThat(r.ciLow()).isLessThanOrEqualTo(r.per100()));
	}

}

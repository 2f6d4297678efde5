package org.spinecell.analytics.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A mean summary from database aggregates equals the one from the values themselves. */
class MeanSummaryAggregateTests {

	@Test
	void aggregatesGiveTheSameSummaryAsTheValues() {
		double[] values = { -20, -6, -3.5, 4, -11 };
		MeanSummary direct = MeanSummary.of(values);
		MeanSummary aggregate = MeanSummary.ofAggregate(5, direct.mean(), direct.sd());
		assertThat(aggregate.status()).isEqualTo(DataStatus.OK);
		assertThat(aggregate.ci().low()).isCloseTo(direct.ci().low(), within(1e-12));
		assertThat(aggregate.ci().high()).isCloseTo(direct.ci().high(), within(1e-12));
		// mean -7.3, sd 8.8079, qt(0.975, 4) = 2.776445105
		assertThat(aggregate.ci().low()).isCloseTo(-7.3 - 2.7764451051977987 * direct.sd() / Math.sqrt(5),
				within(1e-9));
	}

	@Test
	void noneOrOneValueGiveNoInterval() {
		MeanSummary none = MeanSummary.ofAggregate(0, null, null);
		assertThat(none.status()).isEqualTo(DataStatus.NO_DATA);
		assertThat(none.mean()).isNull();
		MeanSummary one = MeanSummary.ofAggregate(1, -10.0, null);
		assertThat(one.status()).isEqualTo(DataStatus.TOO_SMALL);
		assertThat(one.mean()).isEqualTo(-10.0);
		assertThat(one.ci()).isNull();
	}

}

package org.spinecell.demo;

import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.demo.DemoPatients.Family;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome model's shape: answers that score what was asked, and the effects the calibration names. */
class DemoTrajectoryTests {

	@Test
	void odiAnswersScoreThePercentageAskedFor() {
		Random random = new Random(7);
		for (int percent = 0; percent <= 100; percent += 4) {
			Map<String, Object> answers = DemoTrajectory.odiAnswers(percent, random);
			int sum = answers.values().stream().mapToInt(v -> (Integer) v).sum();
			double scored = 100.0 * sum / (5 * answers.size());
			assertThat(answers).hasSizeBetween(9, 10);
			assertThat(answers.values()).allSatisfy(v -> assertThat((Integer) v).isBetween(0, 5));
			assertThat(scored).as("asked %d, got %s", percent, answers).isCloseTo(percent, org.assertj.core.data.Offset.offset(1.2));
		}
	}

	@Test
	void aHigherDoseConfirmedPlacementAndTheStrongerOperatorImproveMoreOnAverage() {
		assertThat(meanImprovement(300, true, false)).isGreaterThan(meanImprovement(10, true, false) + 0.05);
		assertThat(meanImprovement(100, true, false)).isGreaterThan(meanImprovement(100, false, false) + 0.05);
		assertThat(meanImprovement(100, true, false)).isGreaterThan(meanImprovement(100, true, true) + 0.05);
	}

	@Test
	void everyoneImprovesSomeWithinWeeksAndTheMeanGainIsModest() {
		Random random = new Random(11);
		double early = 0;
		double late = 0;
		for (int i = 0; i < 2000; i++) {
			DemoTrajectory course = DemoTrajectory.draw(Family.DEGENERATIVE_DISC_DISEASE, 100, SourceType.BMAC, true,
					false, random);
			early += course.improvement(14);
			late += course.improvement(365);
		}
		assertThat(early / 2000).isBetween(0.08, 0.25);
		assertThat(late / 2000).isBetween(0.35, 0.6);
	}

	private static double meanImprovement(double cells, boolean confirmed, boolean weaker) {
		Random random = new Random(3);
		double total = 0;
		for (int i = 0; i < 2000; i++) {
			total += DemoTrajectory.draw(Family.HERNIATED_DISC, cells, SourceType.BMAC, confirmed, weaker, random)
				.improvement(365);
		}
		return total / 2000;
	}

}

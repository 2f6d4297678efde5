package org.spinecell.outcomes.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.outcomes.FollowUp.Status;
import org.spinecell.outcomes.FollowUp;

import static org.assertj.core.api.Assertions.assertThat;

/** The status of a follow-up on a given day, at every edge of its window. */
class FollowUpStatusTests {

	private static final LocalDate START = LocalDate.of(2026, 3, 10);

	private static final LocalDate DUE = LocalDate.of(2026, 3, 20);

	private static final LocalDate END = LocalDate.of(2026, 3, 30);

	private static FollowUp open() {
		return followUp(null);
	}

	private static FollowUp followUp(Status recorded) {
		return new FollowUp(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "M3", DUE, START,
				END, List.of("odi-2.1a"), recorded, null, recorded == Status.CANCELLED ? "Withdrew" : null, 0);
	}

	@Test
	void upcomingUntilTheDayBeforeTheWindowOpens() {
		assertThat(open().statusOn(START.minusDays(30))).isEqualTo(Status.UPCOMING);
		assertThat(open().statusOn(START.minusDays(1))).isEqualTo(Status.UPCOMING);
	}

	@Test
	void dueFromTheFirstDayOfTheWindowThroughTheDueDate() {
		assertThat(open().statusOn(START)).isEqualTo(Status.DUE);
		assertThat(open().statusOn(DUE.minusDays(1))).isEqualTo(Status.DUE);
		assertThat(open().statusOn(DUE)).isEqualTo(Status.DUE);
	}

	@Test
	void overdueFromTheDayAfterTheDueDateThroughTheLastDayOfTheWindow() {
		assertThat(open().statusOn(DUE.plusDays(1))).isEqualTo(Status.OVERDUE);
		assertThat(open().statusOn(END)).isEqualTo(Status.OVERDUE);
	}

	@Test
	void missedOnceTheWindowHasClosed() {
		assertThat(open().statusOn(END.plusDays(1))).isEqualTo(Status.MISSED);
		assertThat(open().statusOn(END.plusYears(2))).isEqualTo(Status.MISSED);
	}

	@Test
	void completedAndCancelledHoldOnEveryDay() {
		for (LocalDate day : List.of(START.minusDays(1), START, DUE, DUE.plusDays(1), END, END.plusDays(1))) {
			assertThat(followUp(Status.COMPLETED).statusOn(day)).as(day.toString()).isEqualTo(Status.COMPLETED);
			assertThat(followUp(Status.CANCELLED).statusOn(day)).as(day.toString()).isEqualTo(Status.CANCELLED);
		}
	}

	@Test
	void daysOverdueCountOnlyWhileOverdue() {
		assertThat(open().daysOverdueOn(DUE)).isZero();
		assertThat(open().daysOverdueOn(DUE.plusDays(1))).isEqualTo(1);
		assertThat(open().daysOverdueOn(END)).isEqualTo(10);
		assertThat(open().daysOverdueOn(END.plusDays(1))).isZero();
		assertThat(followUp(Status.COMPLETED).daysOverdueOn(END)).isZero();
	}

	@Test
	void timingSaysWhenInWordsAtEveryEdgeOfTheWindow() {
		assertThat(open().timingOn(START.minusDays(2))).isEqualTo("window opens in 2 days");
		assertThat(open().timingOn(START.minusDays(1))).isEqualTo("window opens in 1 day");
		assertThat(open().timingOn(START)).isEqualTo("due in 10 days");
		assertThat(open().timingOn(DUE.minusDays(1))).isEqualTo("due in 1 day");
		assertThat(open().timingOn(DUE)).isEqualTo("due today");
		assertThat(open().timingOn(DUE.plusDays(1))).isEqualTo("1 day overdue");
		assertThat(open().timingOn(END)).isEqualTo("10 days overdue");
		assertThat(open().timingOn(END.plusDays(1))).isEqualTo("window closed 1 day ago");
		assertThat(open().timingOn(END.plusDays(30))).isEqualTo("window closed 30 days ago");
		assertThat(followUp(Status.COMPLETED).timingOn(DUE.plusDays(1))).isEmpty();
		assertThat(followUp(Status.CANCELLED).timingOn(START)).isEmpty();
	}

	@Test
	void aWideWindowOpenMonthsBeforeTheDueDateSaysHowFarAheadNotOverdue() {
		// M24 of the default protocol: the window opens about six months before the due date.
		LocalDate due = LocalDate.of(2028, 3, 20);
		FollowUp m24 = new FollowUp(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "M24",
				due, due.minusDays(182), due.plusDays(182), List.of("odi-2.1a"), null, null, null, 0);
		LocalDate windowOpens = due.minusDays(182);
		assertThat(m24.statusOn(windowOpens)).isEqualTo(Status.DUE);
		assertThat(m24.timingOn(windowOpens)).isEqualTo("due in 182 days").doesNotContain("overdue");
		assertThat(m24.daysOverdueOn(windowOpens)).isZero();
	}

	@Test
	void onlyCompletedOrClosedFollowUpsCountTowardsTheCompletionRate() {
		assertThat(open().countsTowardsCompletionOn(END)).isFalse();
		assertThat(open().countsTowardsCompletionOn(END.plusDays(1))).isTrue();
		assertThat(followUp(Status.COMPLETED).countsTowardsCompletionOn(START)).isTrue();
		assertThat(followUp(Status.CANCELLED).countsTowardsCompletionOn(END.plusDays(1))).isFalse();
	}

	@Test
	void theDefaultProtocolPlacesSevenTimePointsWithWindowsOfAQuarterOfTheInterval() {
		FollowUpProtocol protocol = FollowUpProtocol.load(FollowUpProtocol.DEFAULT);
		LocalDate day = LocalDate.of(2026, 1, 1);
		List<FollowUpProtocol.Planned> plan = protocol.plan(day);
		assertThat(plan).extracting(FollowUpProtocol.Planned::timePoint)
			.containsExactly("BASELINE", "W2", "W6", "M3", "M6", "M12", "M24");
		FollowUpProtocol.Planned baseline = plan.get(0);
		assertThat(baseline.dueDate()).isEqualTo(day);
		assertThat(baseline.windowStart()).isEqualTo(day.minusDays(30));
		assertThat(baseline.windowEnd()).isEqualTo(day.plusDays(3));
		assertThat(baseline.instruments()).contains("eq-5d-5l", "promis-29").doesNotContain("pgic");
		FollowUpProtocol.Planned w2 = plan.get(1);
		assertThat(w2.dueDate()).isEqualTo(day.plusDays(14));
		assertThat(w2.windowStart()).isEqualTo(day.plusDays(10));
		assertThat(w2.windowEnd()).isEqualTo(day.plusDays(18));
		assertThat(w2.instruments()).contains("pgic").doesNotContain("eq-5d-5l", "promis-29");
		FollowUpProtocol.Planned m12 = plan.get(5);
		assertThat(m12.dueDate()).isEqualTo(day.plusDays(365));
		assertThat(m12.windowStart()).isEqualTo(day.plusDays(365 - 91));
		assertThat(m12.windowEnd()).isEqualTo(day.plusDays(365 + 91));
		assertThat(plan.get(3).instruments()).contains("eq-5d-5l").doesNotContain("promis-29");
	}

	@Test
	void aShortIntervalStillGetsTheMinimumWindow() {
		FollowUpProtocol protocol = FollowUpProtocol.parse(tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree("""
					{"windowFraction": 0.25, "minimumWindowDays": 3,
					 "timePoints": [{"code": "D4", "days": 4, "instruments": ["nrs-back"]}]}
					"""));
		FollowUpProtocol.Planned d4 = protocol.plan(LocalDate.of(2026, 1, 1)).get(0);
		assertThat(d4.windowStart()).isEqualTo(LocalDate.of(2026, 1, 2));
		assertThat(d4.windowEnd()).isEqualTo(LocalDate.of(2026, 1, 8));
	}

}

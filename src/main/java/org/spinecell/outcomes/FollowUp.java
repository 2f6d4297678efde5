package org.spinecell.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.platform.Refusal;
import org.spinecell.platform.FieldProblem;

/**
 * One time point of a patient's follow-up after a procedure. Only what staff decide is stored
 * (completed, cancelled); everything else about its status follows from the calendar, in
 * {@link #statusOn(LocalDate)}.
 *
 * @param recorded {@code COMPLETED}, {@code CANCELLED} or {@code null} while open
 */
public record FollowUp(UUID id, UUID clinicId, UUID patientId, UUID procedureId, String timePoint, LocalDate dueDate,
		LocalDate windowStart, LocalDate windowEnd, List<String> instruments, Status recorded, Instant completedAt,
		String cancelReason, int version) {

	/** The time point answered before the procedure. */
	static final String BASELINE = "BASELINE";

	public FollowUp {
		instruments = List.copyOf(instruments);
	}

	/** Where a follow-up stands on a given day. */
	public enum Status {

		/** The window has not opened yet. */
		UPCOMING,
		/** Inside the window, on or before the due date. */
		DUE,
		/** Past the due date, window still open. */
		OVERDUE,
		/** The window closed without the follow-up being completed. */
		MISSED,
		/** Collected (by the patient's answers or by staff). */
		COMPLETED,
		/** Will not be collected, with a reason (death, withdrawal). */
		CANCELLED;

		/** Whether staff still can and should act on it. */
		public boolean isOpen() {
			return this == DUE || this == OVERDUE;
		}

	}

	/** The status on the given day. The only place the rule is written. */
	public Status statusOn(LocalDate today) {
		if (recorded == Status.COMPLETED || recorded == Status.CANCELLED) {
			return recorded;
		}
		if (today.isBefore(windowStart)) {
			return Status.UPCOMING;
		}
		if (today.isAfter(windowEnd)) {
			return Status.MISSED;
		}
		return today.isAfter(dueDate) ? Status.OVERDUE : Status.DUE;
	}

	/**
	 * Whether it counts towards the completion rate on the given day: completed, or its window has
	 * closed. Cancelled follow-ups (a patient who died or withdrew) are not counted.
	 */
	public boolean countsTowardsCompletionOn(LocalDate today) {
		Status status = statusOn(today);
		return status == Status.COMPLETED || status == Status.MISSED;
	}

	/** Days past the due date while still open; 0 otherwise. */
	public long daysOverdueOn(LocalDate today) {
		return statusOn(today) == Status.OVERDUE ? ChronoUnit.DAYS.between(dueDate, today) : 0;
	}

	/**
	 * Refuses answers to an instrument that cannot belong to this follow-up: one its time point does
	 * not collect (422 on {@code instrument}), or any once it is cancelled (409 on {@code followUpId}).
	 * A completed or missed follow-up still takes late answers entered by staff (a paper form that
	 * arrived late); the survey portal has its own, stricter rule.
	 */
	void checkAnswerable(String instrumentId) {
		if (recorded == Status.CANCELLED) {
			throw Refusal.conflict("The follow-up is cancelled; answers cannot be recorded for it",
					List.of(new FieldProblem("followUpId", "is cancelled")));
		}
		if (!instruments.contains(instrumentId)) {
			throw Refusal.invalid("instrument",
					"is not one of this follow-up's instruments: " + String.join(", ", instruments));
		}
	}

	/**
	 * Refuses answers to a time point after the procedure dated before the procedure's day (422 on
	 * {@code answeredAt}); the baseline is answered before the procedure, so it is not checked here.
	 */
	void checkAnsweredOn(LocalDate answered, LocalDate procedureDay) {
		if (!BASELINE.equals(timePoint) && answered.isBefore(procedureDay)) {
			throw Refusal.invalid("answeredAt",
					"must not be before the procedure this follow-up comes after (" + procedureDay + ")");
		}
	}

	/**
	 * When it is due, in words, on the given day: "window opens in 12 days" (upcoming), "due in 3
	 * days" and "due today" (window open), "1 day overdue", "window closed 4 days ago" (missed); empty
	 * once completed or cancelled. A follow-up whose window is open but whose due date is months away
	 * says so, rather than "0 days overdue".
	 */
	public String timingOn(LocalDate today) {
		return switch (statusOn(today)) {
			case UPCOMING -> "window opens in " + days(ChronoUnit.DAYS.between(today, windowStart));
			case DUE, OVERDUE -> openTiming(today, dueDate);
			case MISSED -> "window closed " + days(ChronoUnit.DAYS.between(windowEnd, today)) + " ago";
			case COMPLETED, CANCELLED -> "";
		};
	}

	/** The words for an open follow-up due on {@code dueDate}: "due in 3 days", "due today", "1 day overdue". */
	static String openTiming(LocalDate today, LocalDate dueDate) {
		if (today.isAfter(dueDate)) {
			return days(ChronoUnit.DAYS.between(dueDate, today)) + " overdue";
		}
		return today.equals(dueDate) ? "due today" : "due in " + days(ChronoUnit.DAYS.between(today, dueDate));
	}

	private static String days(long days) {
		return days + (days == 1 ? " day" : " days");
	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("procedureId", procedureId.toString());
		values.put("timePoint", timePoint);
		values.put("dueDate", dueDate.toString());
		values.put("windowStart", windowStart.toString());
		values.put("windowEnd", windowEnd.toString());
		values.put("instruments", String.join(",", instruments));
		values.put("status", recorded == null ? null : recorded.name());
		values.put("cancelReason", cancelReason);
		return values;
	}

}

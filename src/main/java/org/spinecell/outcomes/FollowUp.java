package org.spinecell.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
	 * When it is due, in words, on the given day: "window opens in 12 days" (upcoming), "due in 3
	 * days" and "due today" (window open), "1 day overdue", "window closed 4 days ago" (missed); empty
	 * once completed or cancelled. A follow-up whose window is open but whose due date is months away
	 * says so, rather than "0 days overdue".
	 */
	public String timingOn(LocalDate today) {
		return switch (statusOn(today)) {
			case UPCOMING -> "window opens in " + days(ChronoUnit.DAYS.between(today, windowStart));
			case DUE -> today.equals(dueDate) ? "due today" : "due in " + days(ChronoUnit.DAYS.between(today, dueDate));
			case OVERDUE -> days(daysOverdueOn(today)) + " overdue";
			case MISSED -> "window closed " + days(ChronoUnit.DAYS.between(windowEnd, today)) + " ago";
			case COMPLETED, CANCELLED -> "";
		};
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

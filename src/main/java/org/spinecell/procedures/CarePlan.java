package org.spinecell.procedures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Care planned around a procedure: physical therapy, home exercise, activity restrictions or other
 * adjuncts, with each session's attendance and adherence.
 */
public record CarePlan(UUID id, UUID clinicId, UUID patientId, UUID procedureId, Kind kind, String description,
		String goals, Integer plannedSessions, BigDecimal sessionsPerWeek, LocalDate startDate, LocalDate endDate,
		List<Session> sessions, int version) {

	public CarePlan {
		sessions = List.copyOf(sessions);
	}

	public enum Kind {

		PHYSICAL_THERAPY, HOME_EXERCISE, ACTIVITY_RESTRICTION, OTHER

	}

	public enum Adherence {

		FULL, PARTIAL, NONE

	}

	public record Session(UUID id, LocalDate date, boolean attended, Adherence adherence, String note) {
	}

	/** Sessions attended as a share of those planned (or of those recorded when none were planned), 0–100. */
	@JsonProperty("attendancePercent")
	public Integer attendancePercent() {
		long attended = sessions.stream().filter(Session::attended).count();
		int denominator = plannedSessions != null && plannedSessions > 0 ? plannedSessions : sessions.size();
		return denominator == 0 ? null : (int) Math.round(100.0 * attended / denominator);
	}

}

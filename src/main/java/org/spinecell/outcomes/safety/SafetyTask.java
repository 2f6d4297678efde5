package org.spinecell.outcomes.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.spinecell.outcomes.AdverseEvent;

/**
 * A report the clinic owes because of a serious adverse event, with its deadline counted in
 * calendar days from the day the clinic became aware of the event.
 */
public record SafetyTask(UUID id, UUID clinicId, UUID adverseEventId, UUID patientId, Rule rule,
		LocalDate awarenessDate, LocalDate dueDate, Status status, Instant completedAt, UUID completedBy,
		String completionNote, int version, Instant createdAt) {

	/** Which deadline applies (21 CFR 312.32(c)). */
	public enum Rule {

		/** Any serious event: 15 calendar days. */
		SERIOUS_15_DAY(15),

		/**
		 * Fatal or life-threatening, unexpected, suspected to be caused by the procedure or product,
		 * with a product used under an IND: 7 calendar days.
		 */
		FATAL_OR_LIFE_THREATENING_7_DAY(7);

		private final int days;

		Rule(int days) {
			this.days = days;
		}

		public int days() {
			return days;
		}

		/** The rule a serious event falls under; {@code underInd} when its product has an IND number. */
		static Rule forEvent(AdverseEvent event, boolean underInd) {
			boolean expedited = event.isFatalOrLifeThreatening() && !Boolean.TRUE.equals(event.expected()) && event.isSuspectedReaction()
					&& underInd;
			return expedited ? FATAL_OR_LIFE_THREATENING_7_DAY : SERIOUS_15_DAY;
		}

	}

	public enum Status {

		OPEN, COMPLETED

	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("adverseEventId", adverseEventId.toString());
		values.put("patientId", patientId.toString());
		values.put("rule", rule.name());
		values.put("awarenessDate", awarenessDate.toString());
		values.put("dueDate", dueDate.toString());
		values.put("status", status.name());
		values.put("completionNote", completionNote);
		return values;
	}

}

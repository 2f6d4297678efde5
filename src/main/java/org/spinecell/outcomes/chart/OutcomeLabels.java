package org.spinecell.outcomes.chart;

import java.util.LinkedHashMap;
import java.util.Map;

import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.Intervention;
import org.spinecell.outcomes.safety.SafetyTask;
import org.spinecell.patients.HistoryLabels;

import org.springframework.stereotype.Component;

/**
 * The words the outcome pages show for coded values: most constants as the history pages word them
 * (lower-cased), a few spelled out here, and the CTCAE grades with their meaning.
 */
@Component
public class OutcomeLabels {

	private static final Map<Integer, String> GRADES = Map.of(1, "1 — mild", 2, "2 — moderate", 3,
			"3 — severe or medically significant", 4, "4 — life-threatening", 5, "5 — death related to the event");

	private static final Map<Enum<?>, String> SPECIAL = Map.of(Intervention.Type.REPEAT_INJECTION, "Repeat injection",
			AdverseEvent.Seriousness.IMPORTANT_MEDICAL_EVENT, "Important medical event",
			SafetyTask.Rule.SERIOUS_15_DAY, "Serious event, 15-day report",
			SafetyTask.Rule.FATAL_OR_LIFE_THREATENING_7_DAY, "Fatal or life-threatening, 7-day report");

	private final HistoryLabels words;

	OutcomeLabels(HistoryLabels words) {
		this.words = words;
	}

	/** A constant in words: {@code NOT_RELATED} is "Not related"; null is empty. */
	public String of(Enum<?> value) {
		String special = value == null ? null : SPECIAL.get(value);
		return special != null ? special : words.of(value);
	}

	/** What a patient's report shows until a physician's review grades and classifies it. */
	static final String UNGRADED = "Not graded yet: awaiting clinician review";

	/** A CTCAE grade in words; no grade (a patient's report before review) is said so, never "null". */
	public String grade(Integer grade) {
		return grade == null ? UNGRADED : GRADES.getOrDefault(grade, Integer.toString(grade));
	}

	/** The care a patient says they sought, as a reviewer reads it. */
	public String careSought(AdverseEvent.CareSought care) {
		if (care == null) {
			return "";
		}
		return switch (care) {
			case NONE -> "None";
			case DOCTOR -> "Saw a doctor";
			case HOSPITAL -> "Went to hospital";
		};
	}

	/** The options of a select: each constant's name to its words, in declaration order. */
	public <E extends Enum<E>> Map<String, String> options(E[] values) {
		Map<String, String> options = new LinkedHashMap<>();
		for (E value : values) {
			options.put(value.name(), of(value));
		}
		return options;
	}

	public Map<String, String> gradeOptions() {
		Map<String, String> options = new LinkedHashMap<>();
		for (int grade = 1; grade <= 5; grade++) {
			options.put(Integer.toString(grade), grade(grade));
		}
		return options;
	}

}

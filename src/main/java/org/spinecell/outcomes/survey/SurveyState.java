package org.spinecell.outcomes.survey;

import java.util.List;
import java.util.Optional;

import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.instruments.InstrumentDefinition;

/**
 * Where the patient's survey stands.
 * @param extrasOpen whether the optional steps (medicines, a problem report) still take answers:
 * while the follow-up is open, and for a short time after the patient's own last answer
 * completed it
 */
public record SurveyState(String givenName, String timePoint, FollowUp.Status status, List<Step> steps,
		boolean extrasOpen) {

	/** One instrument of the survey as the patient sees it. */
	public record Step(String instrumentId, String title, boolean available, boolean answered,
			List<StepItem> items) {
	}

	/** One question, with the text to show and the answers offered. */
	public record StepItem(String linkId, String text, InstrumentDefinition.AnswerType type, boolean required,
			List<Option> options) {
	}

	public record Option(String value, String label) {
	}

	/** The first instrument available online and not yet answered. */
	public Optional<Step> next() {
		return steps.stream().filter(s -> s.available() && !s.answered()).findFirst();
	}

	/** Licensed instruments whose text is not loaded: staff collect them. */
	public List<Step> offline() {
		return steps.stream().filter(s -> !s.available()).toList();
	}

	public boolean done() {
		return next().isEmpty();
	}

}

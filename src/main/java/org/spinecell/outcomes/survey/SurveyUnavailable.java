package org.spinecell.outcomes.survey;

import org.spinecell.platform.Refusal;

/**
 * The token is unknown, revoked (404) or expired (410), the same answer for every patient; or
 * the follow-up is completed and the link takes nothing more (410).
 */
public final class SurveyUnavailable extends RuntimeException {

	private final Refusal.Kind kind;

	private final boolean completed;

	SurveyUnavailable(Refusal.Kind kind) {
		this(kind, false, kind == Refusal.Kind.GONE ? "This survey link has expired" : "This survey link is not valid");
	}

	private SurveyUnavailable(Refusal.Kind kind, boolean completed, String message) {
		super(message);
		this.kind = kind;
		this.completed = completed;
	}

	/** The follow-up is completed: answers and reports through its link are refused. */
	static SurveyUnavailable completed() {
		return new SurveyUnavailable(Refusal.Kind.GONE, true,
				"This survey is already completed; please contact your clinic about anything new");
	}

	public Refusal.Kind kind() {
		return kind;
	}

	/** Whether the link is refused because its follow-up is completed (rather than unknown or expired). */
	public boolean completedSurvey() {
		return completed;
	}

}

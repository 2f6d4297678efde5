package org.spinecell.outcomes.safety;

import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.chart.ChartForms;

/**
 * The review-an-adverse-event form; validated through {@link AdverseEventRequests.Review}. For an
 * ungraded report it carries the classification the patient could not give; for an event that
 * already has a grade only the note, since the review then just confirms it. {@code expected} is a
 * yes-or-no choice with no default, so that leaving it unanswered is refused rather than read as no.
 */
class AdverseEventReviewForm extends AdverseEventClassificationForm {

	private String note;

	private Integer version;

	private Boolean expected;

	/** The request for {@code event}: its classification only when the event still lacks one. */
	AdverseEventRequests.Review toReview(AdverseEvent event) {
		String text = ChartForms.blankToNull(note);
		if (!event.ungraded()) {
			return new AdverseEventRequests.Review(text, version);
		}
		return new AdverseEventRequests.Review(text, version, ChartForms.blankToNull(getCategory()), getGrade(),
				getSerious(), getDeathDate(), getRelatednessProcedure(), getRelatednessProduct(), expected,
				ChartForms.blankToNull(getAction()), getOutcome(), getResolutionDate());
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

	public Boolean getExpected() {
		return expected;
	}

	public void setExpected(Boolean expected) {
		this.expected = expected;
	}

}

package org.spinecell.outcomes.safety;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.chart.OutcomeForms;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The review-an-adverse-event form; validated through {@link AdverseEventRequests.Review}. For an
 * ungraded report it carries the classification the patient could not give; for an event that
 * already has a grade only the note, since the review then just confirms it. {@code expected} is a
 * yes-or-no choice with no default, so that leaving it unanswered is refused rather than read as no.
 */
class AdverseEventReviewForm {

	private String note;

	private Integer version;

	private String category;

	private Integer grade;

	private Set<AdverseEvent.Seriousness> serious = EnumSet.noneOf(AdverseEvent.Seriousness.class);

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate deathDate;

	private AdverseEvent.Relatedness relatednessProcedure;

	private AdverseEvent.Relatedness relatednessProduct;

	private Boolean expected;

	private String action;

	private AdverseEvent.Outcome outcome;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate resolutionDate;

	/** The request for {@code event}: its classification only when the event still lacks one. */
	AdverseEventRequests.Review toReview(AdverseEvent event) {
		String text = OutcomeForms.blankToNull(note);
		if (!event.ungraded()) {
			return new AdverseEventRequests.Review(text, version);
		}
		return new AdverseEventRequests.Review(text, version, OutcomeForms.blankToNull(category), grade, serious,
				deathDate, relatednessProcedure, relatednessProduct, expected, OutcomeForms.blankToNull(action), outcome,
				resolutionDate);
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

	public String getCategory() {
		return category;
	}

	public void setCategory(String category) {
		this.category = category;
	}

	public Integer getGrade() {
		return grade;
	}

	public void setGrade(Integer grade) {
		this.grade = grade;
	}

	public Set<AdverseEvent.Seriousness> getSerious() {
		return serious;
	}

	public void setSerious(Set<AdverseEvent.Seriousness> serious) {
		this.serious = serious == null ? EnumSet.noneOf(AdverseEvent.Seriousness.class) : serious;
	}

	public LocalDate getDeathDate() {
		return deathDate;
	}

	public void setDeathDate(LocalDate deathDate) {
		this.deathDate = deathDate;
	}

	public AdverseEvent.Relatedness getRelatednessProcedure() {
		return relatednessProcedure;
	}

	public void setRelatednessProcedure(AdverseEvent.Relatedness relatednessProcedure) {
		this.relatednessProcedure = relatednessProcedure;
	}

	public AdverseEvent.Relatedness getRelatednessProduct() {
		return relatednessProduct;
	}

	public void setRelatednessProduct(AdverseEvent.Relatedness relatednessProduct) {
		this.relatednessProduct = relatednessProduct;
	}

	public Boolean getExpected() {
		return expected;
	}

	public void setExpected(Boolean expected) {
		this.expected = expected;
	}

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public AdverseEvent.Outcome getOutcome() {
		return outcome;
	}

	public void setOutcome(AdverseEvent.Outcome outcome) {
		this.outcome = outcome;
	}

	public LocalDate getResolutionDate() {
		return resolutionDate;
	}

	public void setResolutionDate(LocalDate resolutionDate) {
		this.resolutionDate = resolutionDate;
	}

}

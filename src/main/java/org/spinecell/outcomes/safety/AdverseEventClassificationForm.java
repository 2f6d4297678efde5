package org.spinecell.outcomes.safety;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.chart.OutcomeLabels;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;

/**
 * The classification fields that the report form and the review form share (category, grade,
 * seriousness, relatedness, action, outcome); the template fragment {@code classification} of
 * {@code outcomes/adverse-event-form.html} shows them on both pages. {@code expected} is not here:
 * the report form reads it as a checkbox, the review form as a yes-or-no choice with no default.
 */
abstract class AdverseEventClassificationForm {

	private String category;

	private Integer grade;

	private Set<AdverseEvent.Seriousness> serious = EnumSet.noneOf(AdverseEvent.Seriousness.class);

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate deathDate;

	private AdverseEvent.Relatedness relatednessProcedure;

	private AdverseEvent.Relatedness relatednessProduct;

	private String action;

	private AdverseEvent.Outcome outcome;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate resolutionDate;

	/** Adds the choices the classification fragment offers (grades, seriousness, relatedness, outcomes). */
	static void addOptions(Model model, OutcomeLabels labels) {
		model.addAttribute("gradeOptions", labels.gradeOptions());
		model.addAttribute("seriousOptions", labels.options(AdverseEvent.Seriousness.values()));
		model.addAttribute("relatednessOptions", labels.options(AdverseEvent.Relatedness.values()));
		model.addAttribute("outcomeOptions", labels.options(AdverseEvent.Outcome.values()));
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

package org.spinecell.outcomes.safety;

import java.time.LocalDate;
import java.util.UUID;

import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.chart.ChartForms;

import org.springframework.format.annotation.DateTimeFormat;

/** The report-an-adverse-event form; validated through {@link AdverseEventRequests.Report}. */
class AdverseEventForm extends AdverseEventClassificationForm {

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate onset;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate awarenessDate;

	private String description;

	private boolean expected;

	private AdverseEvent.Reporter reporter = AdverseEvent.Reporter.CLINICIAN;

	AdverseEventRequests.Report toRequest(UUID patientId) {
		return new AdverseEventRequests.Report(patientId, null, null, onset, awarenessDate,
				ChartForms.blankToNull(description), ChartForms.blankToNull(getCategory()), getGrade(), getSerious(),
				getDeathDate(), getRelatednessProcedure(), getRelatednessProduct(), expected,
				ChartForms.blankToNull(getAction()), getOutcome(), getResolutionDate(), reporter);
	}

	public LocalDate getOnset() {
		return onset;
	}

	public void setOnset(LocalDate onset) {
		this.onset = onset;
	}

	public LocalDate getAwarenessDate() {
		return awarenessDate;
	}

	public void setAwarenessDate(LocalDate awarenessDate) {
		this.awarenessDate = awarenessDate;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public boolean isExpected() {
		return expected;
	}

	public void setExpected(boolean expected) {
		this.expected = expected;
	}

	public AdverseEvent.Reporter getReporter() {
		return reporter;
	}

	public void setReporter(AdverseEvent.Reporter reporter) {
		this.reporter = reporter;
	}

}

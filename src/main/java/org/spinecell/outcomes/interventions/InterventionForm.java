package org.spinecell.outcomes.interventions;

import java.time.LocalDate;

import org.spinecell.outcomes.Intervention;
import org.spinecell.outcomes.InterventionRequest;
import org.spinecell.outcomes.chart.ChartForms;

import org.springframework.format.annotation.DateTimeFormat;

/** The record-an-intervention form; validated through {@link InterventionRequest}. */
class InterventionForm {

	private Intervention.Type type;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate date;

	private String level;

	private String reason;

	InterventionRequest toRequest() {
		return new InterventionRequest(type, date, ChartForms.blankToNull(level), ChartForms.blankToNull(reason), null);
	}

	public Intervention.Type getType() {
		return type;
	}

	public void setType(Intervention.Type type) {
		this.type = type;
	}

	public LocalDate getDate() {
		return date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public String getLevel() {
		return level;
	}

	public void setLevel(String level) {
		this.level = level;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}

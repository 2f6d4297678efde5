package org.spinecell.outcomes.chart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.Intervention;
import org.spinecell.outcomes.InterventionRequest;
import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationRequests;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The forms of the outcome pages (medications, adverse events, interventions, safety tasks). Each
 * maps to the request record the API takes, so the pages and the API check the same constraints.
 */
public final class OutcomeForms {

	private OutcomeForms() {
	}

	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/** The add-a-medication form; validated through {@link MedicationRequests.Record}. */
	static class MedicationForm {

		private String drug;

		private BigDecimal dose;

		private String unit;

		private Medication.Route route = Medication.Route.ORAL;

		private BigDecimal frequencyPerDay;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate start;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate stop;

		private Medication.Source source = Medication.Source.STAFF;

		MedicationRequests.Record toRequest() {
			return new MedicationRequests.Record(drug, dose, unit, route, frequencyPerDay, start, stop, source);
		}

		public String getDrug() {
			return drug;
		}

		public void setDrug(String drug) {
			this.drug = drug;
		}

		public BigDecimal getDose() {
			return dose;
		}

		public void setDose(BigDecimal dose) {
			this.dose = dose;
		}

		public String getUnit() {
			return unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public Medication.Route getRoute() {
			return route;
		}

		public void setRoute(Medication.Route route) {
			this.route = route;
		}

		public BigDecimal getFrequencyPerDay() {
			return frequencyPerDay;
		}

		public void setFrequencyPerDay(BigDecimal frequencyPerDay) {
			this.frequencyPerDay = frequencyPerDay;
		}

		public LocalDate getStart() {
			return start;
		}

		public void setStart(LocalDate start) {
			this.start = start;
		}

		public LocalDate getStop() {
			return stop;
		}

		public void setStop(LocalDate stop) {
			this.stop = stop;
		}

		public Medication.Source getSource() {
			return source;
		}

		public void setSource(Medication.Source source) {
			this.source = source;
		}

	}

	/** The day a medication was stopped. */
	static class StopForm {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate stop;

		private Integer version;

		MedicationRequests.Stop toRequest() {
			return new MedicationRequests.Stop(stop, version);
		}

		public LocalDate getStop() {
			return stop;
		}

		public void setStop(LocalDate stop) {
			this.stop = stop;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}

	}

	/** The report-an-adverse-event form; validated through {@link AdverseEventRequests.Report}. */
	static class AdverseEventForm {

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate onset;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate awarenessDate;

		private String description;

		private String category;

		private Integer grade;

		private Set<AdverseEvent.Seriousness> serious = EnumSet.noneOf(AdverseEvent.Seriousness.class);

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate deathDate;

		private AdverseEvent.Relatedness relatednessProcedure;

		private AdverseEvent.Relatedness relatednessProduct;

		private boolean expected;

		private String action;

		private AdverseEvent.Outcome outcome;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate resolutionDate;

		private AdverseEvent.Reporter reporter = AdverseEvent.Reporter.CLINICIAN;

		AdverseEventRequests.Report toRequest(UUID patientId) {
			return new AdverseEventRequests.Report(patientId, null, null, onset, awarenessDate, blankToNull(description),
					blankToNull(category), grade, serious, deathDate, relatednessProcedure, relatednessProduct, expected,
					blankToNull(action), outcome, resolutionDate, reporter);
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
			this.serious = serious;
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

		public boolean isExpected() {
			return expected;
		}

		public void setExpected(boolean expected) {
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

		public AdverseEvent.Reporter getReporter() {
			return reporter;
		}

		public void setReporter(AdverseEvent.Reporter reporter) {
			this.reporter = reporter;
		}

	}

	/** A note with the version it was written against: the completion of a safety task. */
	public static class NoteForm {

		private String note;

		private Integer version;

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

	}

	/** The record-an-intervention form; validated through {@link InterventionRequest}. */
	static class InterventionForm {

		private Intervention.Type type;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		private String level;

		private String reason;

		InterventionRequest toRequest() {
			return new InterventionRequest(type, date, blankToNull(level), blankToNull(reason), null);
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

}

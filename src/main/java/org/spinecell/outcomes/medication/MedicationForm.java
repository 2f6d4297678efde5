package org.spinecell.outcomes.medication;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationRequests;

import org.springframework.format.annotation.DateTimeFormat;

/** The add-a-medication form; validated through {@link MedicationRequests.Record}. */
class MedicationForm {

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

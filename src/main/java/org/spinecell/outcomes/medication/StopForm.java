package org.spinecell.outcomes.medication;

import java.time.LocalDate;

import org.spinecell.outcomes.MedicationRequests;

import org.springframework.format.annotation.DateTimeFormat;

/** The day a medication was stopped. */
class StopForm {

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

package org.spinecell.outcomes;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Medication statements as the API submits them. */
public final class MedicationRequests {

	private MedicationRequests() {
	}

	/**
	 * A new statement. {@code frequencyPerDay} may be left out for a patch, whose dose is a rate;
	 * {@code source} defaults to STAFF.
	 */
	public record Record(@NotBlank @Size(max = 200) String drug, @NotNull @Positive BigDecimal dose,
			@NotBlank @Size(max = 20) String unit, @NotNull Medication.Route route,
			@Positive @DecimalMax("48") BigDecimal frequencyPerDay, @NotNull LocalDate start, LocalDate stop,
			Medication.Source source) {

		public Record {
			source = source == null ? Medication.Source.STAFF : source;
		}

	}

	/** The day the patient stopped; {@code version} is optional, and a stale one is refused. */
	public record Stop(@NotNull LocalDate stop, Integer version) {
	}

}

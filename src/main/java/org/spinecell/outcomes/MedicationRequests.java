package org.spinecell.outcomes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

/** Medication statements as the API submits them. */
public final class MedicationRequests {

	/** The most medicines one portal update may stop: more than anybody takes. */
	public static final int MAX_STOPPED = 50;

	/** The most medicines one portal update may add. */
	public static final int MAX_ADDED = 20;

	private MedicationRequests() {
	}

	/**
	 * A new statement. {@code frequencyPerDay} may be left out for a patch, whose dose is a rate;
	 * {@code source} defaults to STAFF.
	 */
	public record Record(@NotBlank @Size(max = 200) String drug, @NotNull @Positive BigDecimal dose,
			@NotBlank @Size(max = 20) String unit, @NotNull Medication.Route route,
			@Positive @DecimalMax("48") BigDecimal frequencyPerDay, @NotNull @ClinicalDate LocalDate start,
			@ClinicalDate(ClinicalDate.Kind.PLANNED) LocalDate stop,
			Medication.Source source) {

		public Record {
			source = source == null ? Medication.Source.STAFF : source;
		}

	}

	/** The day the patient stopped; {@code version} is optional, and a stale one is refused. */
	public record Stop(@NotNull @ClinicalDate LocalDate stop, Integer version) {
	}

	/**
	 * A medicine the patient adds through the survey portal: the drug (from the pick list or in
	 * their own words), the dose and unit of one dose, and how many times a day they take it (not
	 * needed for a patch).
	 */
	public record PatientAdded(String drug, BigDecimal dose, String unit, BigDecimal timesPerDay) {
	}

	/**
	 * What the patient tells the clinic about their medicines through the survey portal: the
	 * current ones they stopped (stopped today) and new ones. Sending it confirms the rest of the
	 * list.
	 */
	public record PatientUpdate(@Size(max = MAX_STOPPED) List<UUID> stopped, @Size(max = MAX_ADDED) List<PatientAdded> added) {

		public PatientUpdate {
			stopped = stopped == null ? List.of() : List.copyOf(stopped);
			added = added == null ? List.of() : List.copyOf(added);
		}

	}

}

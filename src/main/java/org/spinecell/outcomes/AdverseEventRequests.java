package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

/** Adverse events as the API submits them. */
public final class AdverseEventRequests {

	private AdverseEventRequests() {
	}

	/**
	 * A new report. {@code serious} empty (or left out) means not serious; {@code awarenessDate},
	 * the day the clinic learned of the event and the start of any reporting clock, defaults to
	 * today.
	 */
	public record Report(@NotNull UUID patientId, UUID procedureId, UUID productId, @NotNull @ClinicalDate LocalDate onset,
			@ClinicalDate LocalDate awarenessDate, @NotBlank @Size(max = 4000) String description,
			@NotBlank @Size(max = 200) String category, @NotNull @Min(1) @Max(5) Integer grade,
			@Size(max = 6) Set<AdverseEvent.Seriousness> serious, @ClinicalDate LocalDate deathDate,
			AdverseEvent.Relatedness relatednessProcedure, AdverseEvent.Relatedness relatednessProduct,
			@NotNull Boolean expected, @Size(max = 2000) String action, @NotNull AdverseEvent.Outcome outcome,
			@ClinicalDate LocalDate resolutionDate, @NotNull AdverseEvent.Reporter reporter) {

		public Report {
			serious = serious == null ? Set.of() : Set.copyOf(serious);
		}

	}

	/**
	 * A physician's review of a patient-reported event; the note is optional. An ungraded report
	 * (one the patient sent through the survey portal) needs the classification the patient could
	 * not give: {@code category}, {@code grade}, {@code outcome} and {@code expected} are then
	 * required, the rest optional as in {@link Report}. An event that already has a grade is only
	 * confirmed, and a classification sent for it is refused.
	 */
	public record Review(@Size(max = 2000) String note, Integer version, @Size(max = 200) String category,
			@Min(1) @Max(5) Integer grade, @Size(max = 6) Set<AdverseEvent.Seriousness> serious, @ClinicalDate LocalDate deathDate,
			AdverseEvent.Relatedness relatednessProcedure, AdverseEvent.Relatedness relatednessProduct,
			Boolean expected, @Size(max = 2000) String action, AdverseEvent.Outcome outcome,
			@ClinicalDate LocalDate resolutionDate) {

		public Review {
			serious = serious == null ? Set.of() : Set.copyOf(serious);
		}

		public Review(String note, Integer version) {
			this(note, version, null, null, null, null, null, null, null, null, null, null);
		}

		/** Whether any part of a classification was sent. */
		public boolean classifies() {
			return category != null || grade != null || !serious.isEmpty() || deathDate != null
					|| relatednessProcedure != null || relatednessProduct != null || expected != null || action != null
					|| outcome != null || resolutionDate != null;
		}

	}

	/**
	 * A problem the patient reports through the survey portal, in the patient's own words: when it
	 * began and what care they sought. It is stored ungraded, awaiting a physician's review.
	 */
	public record PatientProblem(String description, @ClinicalDate LocalDate onset, AdverseEvent.CareSought careSought) {
	}

}

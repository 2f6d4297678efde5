package org.spinecell.patients;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

/** Request bodies of the diagnosis endpoints. Levels are checked one by one by the service. */
public final class DiagnosisRequests {

	static final int MAX_LEVELS = 10;

	private DiagnosisRequests() {
	}

	/** A new diagnosis; {@code primary} defaults to false and {@code status} to ACTIVE. */
	public record Create(@NotBlank @Size(max = 10) String icd10,
			@NotEmpty(message = "name at least one spinal level") @Size(max = MAX_LEVELS) List<String> levels,
			Diagnosis.Side side, @ClinicalDate LocalDate onsetDate,
			@Min(0) @Max(DiagnosisService.MAX_DURATION_MONTHS) Integer symptomDurationMonths, Boolean primary,
			Diagnosis.Status status) {

		public Create {
			primary = primary != null && primary;
			status = status == null ? Diagnosis.Status.ACTIVE : status;
		}

	}

	/**
	 * A change of a diagnosis as the client read it ({@code version}); {@code primary} left out keeps
	 * the current flag, and a null {@code side} clears it.
	 */
	public record Change(@NotEmpty(message = "name at least one spinal level") @Size(max = MAX_LEVELS) List<String> levels,
			Diagnosis.Side side, @NotNull Diagnosis.Status status, Boolean primary, @NotNull Integer version) {
	}

}

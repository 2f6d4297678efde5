package org.spinecell.patients;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

/** A prior treatment as the API submits it; {@code response} defaults to UNKNOWN. */
public record PriorTreatmentRequest(@NotNull PriorTreatment.Type type, @NotBlank @Size(max = 2000) String description,
		@ClinicalDate LocalDate startDate, @ClinicalDate LocalDate endDate, PriorTreatment.Response response) {

	public PriorTreatmentRequest {
		response = response == null ? PriorTreatment.Response.UNKNOWN : response;
	}

}

package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

/** A later intervention as the API submits it; {@code level} is read as a spinal level such as L4-L5. */
public record InterventionRequest(@NotNull Intervention.Type type, @NotNull @ClinicalDate LocalDate date,
		@NotBlank @Size(max = 10) String level, @NotBlank @Size(max = 2000) String reason, UUID procedureId) {
}

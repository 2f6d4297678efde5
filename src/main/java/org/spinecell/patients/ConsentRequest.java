package org.spinecell.patients;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

/** A consent decision as the API submits it; the note is kept exactly as typed. */
public record ConsentRequest(@NotNull ConsentType type, @NotNull ConsentStatus status,
		@NotNull @ClinicalDate LocalDate effectiveDate,
		@Size(max = 50) String formVersion, @Size(max = 2000) String note) {
}

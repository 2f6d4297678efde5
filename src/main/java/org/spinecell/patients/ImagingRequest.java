package org.spinecell.patients;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

/**
 * An imaging finding as the API submits it. The Pfirrmann grade is checked against its scale by the
 * service; the impression is kept exactly as typed.
 */
public record ImagingRequest(@NotNull ImagingFinding.Modality modality, @NotNull @ClinicalDate LocalDate studyDate,
		@Size(max = 10) String level, ImagingFinding.PfirrmannScale pfirrmannScale,
		@Min(1) @Max(8) Integer pfirrmannGrade, @Min(0) @Max(3) Integer modicType,
		ImagingFinding.Herniation herniation, ImagingFinding.StenosisGrade stenosisGrade, Boolean annularFissure,
		@Size(max = ImagingService.MAX_IMPRESSION) String impression) {
}

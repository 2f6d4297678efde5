package org.spinecell.patients.breakglass;

import java.util.UUID;

import jakarta.validation.constraints.Size;

/**
 * A physician's request to open a patient of another clinic: the patient by id, or by clinic and
 * medical record number, and the reason. Field rules beyond sizes are the service's, so that the
 * minimum reason length can be configured.
 */
public record BreakGlassRequest(UUID patientId, UUID clinicId, @Size(max = 50) String mrn,
		@Size(max = 1000) String reason) {
}

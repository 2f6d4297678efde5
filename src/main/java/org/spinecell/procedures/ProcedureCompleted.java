package org.spinecell.procedures;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A procedure was completed: its products were administered to the patient. Follow-up starts the
 * patient's outcome schedule from here.
 */
public record ProcedureCompleted(UUID procedureId, UUID clinicId, UUID patientId, LocalDate date,
		List<String> levels) {
}

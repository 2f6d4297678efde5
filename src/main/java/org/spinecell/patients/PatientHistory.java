package org.spinecell.patients;

import java.util.List;
import java.util.Optional;

import org.spinecell.patients.history.Consent;
import org.spinecell.patients.history.ConsentHistory;

/**
 * A patient's clinical history as other modules and the chart read it: every record that is not
 * voided.
 *
 * @param diagnoses the primary diagnosis first, then the newest
 * @param imaging the newest study first
 * @param priorTreatments the most recently started first
 * @param consents every consent decision, newest first
 */
public record PatientHistory(List<Diagnosis> diagnoses, List<ImagingFinding> imaging,
		List<PriorTreatment> priorTreatments, List<Consent> consents) {

	public PatientHistory {
		diagnoses = List.copyOf(diagnoses);
		imaging = List.copyOf(imaging);
		priorTreatments = List.copyOf(priorTreatments);
		consents = List.copyOf(consents);
	}

	public Optional<Diagnosis> primaryDiagnosis() {
		return diagnoses.stream().filter(Diagnosis::primary).findFirst();
	}

	public List<Diagnosis> activeDiagnoses() {
		return diagnoses.stream().filter(Diagnosis::isActive).toList();
	}

	/** The current decision of each consent type and the full history. */
	public ConsentHistory consentHistory() {
		return ConsentHistory.of(consents);
	}

}

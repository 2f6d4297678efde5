package org.spinecell.patients;

import java.util.UUID;

import org.spinecell.patients.history.Consent;
import org.spinecell.patients.history.ConsentRepository;
import org.spinecell.patients.history.DiagnosisRepository;
import org.spinecell.patients.history.ImagingRepository;
import org.spinecell.patients.history.PriorTreatmentRepository;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of a patient's clinical history for other modules (candidacy, procedures, trials)
 * and the chart. Like every patient read, a patient of a clinic the user does not work in is not
 * found (404).
 */
@Service
public class PatientHistoryService {

	private final PatientService patients;

	private final DiagnosisRepository diagnoses;

	private final ImagingRepository imaging;

	private final PriorTreatmentRepository treatments;

	private final ConsentRepository consents;

	PatientHistoryService(PatientService patients, DiagnosisRepository diagnoses, ImagingRepository imaging,
			PriorTreatmentRepository treatments, ConsentRepository consents) {
		this.patients = patients;
		this.diagnoses = diagnoses;
		this.imaging = imaging;
		this.treatments = treatments;
		this.consents = consents;
	}

	/** Every record of the patient's history that is not voided, read in one transaction. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public PatientHistory historyOf(UUID patientId) {
		Patient patient = patients.get(patientId);
		UUID clinicId = patient.clinicId();
		return new PatientHistory(diagnoses.all(clinicId, patientId), imaging.all(clinicId, patientId),
				treatments.all(clinicId, patientId), consents.history(clinicId, patientId));
	}

	/** Whether the patient's latest decision of this consent type is consent given. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public boolean hasCurrentConsent(UUID patientId, ConsentType type) {
		Patient patient = patients.get(patientId);
		return consents.current(patient.clinicId(), patientId, type).map(Consent::isGiven).orElse(false);
	}

}

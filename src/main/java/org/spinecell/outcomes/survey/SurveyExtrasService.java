package org.spinecell.outcomes.survey;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationRequests;
import org.spinecell.outcomes.MedicationService;

import org.springframework.stereotype.Service;

/**
 * The survey portal's optional steps: the patient updates their pain medicines and reports a
 * problem, through the same link as the survey, while it still takes answers (see
 * {@link SurveyState#extrasOpen()}). Everything runs as the system, scoped to the link's clinic.
 */
@Service
class SurveyExtrasService {

	private final SurveyService surveys;

	private final MedicationService medications;

	private final AdverseEventService adverseEvents;

	SurveyExtrasService(SurveyService surveys, MedicationService medications, AdverseEventService adverseEvents) {
		this.surveys = surveys;
		this.medications = medications;
		this.adverseEvents = adverseEvents;
	}

	/** A medicine as the portal shows it: only what the patient needs to recognise it. */
	public record PortalMedication(UUID id, String drug, BigDecimal dose, String unit, BigDecimal timesPerDay) {

		static PortalMedication of(Medication medication) {
			return new PortalMedication(medication.id(), medication.drug(), medication.dose(), medication.unit(),
					medication.frequencyPerDay());
		}

	}

	/** The optional medicines step: the patient's current medicines, and what a new one can be. */
	public record MedicineChoices(List<PortalMedication> current, List<String> drugs, List<String> units) {
	}

	/** The patient's current medicines, the drugs of the pick list and the units a dose can be in. */
	public MedicineChoices medicines(String token) {
		return surveys.withLink(token, link -> {
			surveys.load(link);
			List<PortalMedication> current = medications.current(link.patientId())
				.stream()
				.map(PortalMedication::of)
				.toList();
			return new MedicineChoices(current, medications.patientPickList(), medications.units());
		});
	}

	/**
	 * Records the medicines the patient stopped and added (source PATIENT, audited as coming from
	 * the portal); returns the current medicines afterwards.
	 */
	public List<PortalMedication> updateMedicines(String token, MedicationRequests.PatientUpdate update) {
		return surveys.withLink(token, link -> {
			writableExtras(surveys.load(link));
			return medications.reportByPatient(link.patientId(), link.followUpId(), update)
				.stream()
				.map(PortalMedication::of)
				.toList();
		});
	}

	/** Records a problem the patient reports, ungraded and awaiting a physician's review. */
	public AdverseEventService.PatientReported reportProblem(String token, AdverseEventRequests.PatientProblem problem) {
		return surveys.withLink(token, link -> {
			writableExtras(surveys.load(link));
			return adverseEvents.reportByPatient(link.followUpId(), problem);
		});
	}

	private static void writableExtras(SurveyState state) {
		if (!state.extrasOpen()) {
			throw SurveyUnavailable.completed();
		}
	}

}

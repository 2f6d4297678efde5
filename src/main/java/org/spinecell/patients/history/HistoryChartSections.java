package org.spinecell.patients.history;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.spinecell.patients.ConsentType;
import org.spinecell.patients.HistoryLabels;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientChart;
import org.spinecell.patients.PatientHistory;
import org.spinecell.patients.PatientHistoryService;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The chart sections of a patient's clinical history: diagnoses, imaging, prior treatments and
 * consents, in that order. They share one read of the history per chart, made by the first section
 * that asks and kept in the model as {@value #HISTORY}; voided records are not part of it.
 */
final class HistoryChartSections {

	static final String HISTORY = "patientHistory";

	private HistoryChartSections() {
	}

	/** Reads the patient's history once per chart. */
	@Component
	static class Reader {

		private final PatientHistoryService history;

		private final HistoryLabels labels;

		Reader(PatientHistoryService history, HistoryLabels labels) {
			this.history = history;
			this.labels = labels;
		}

		PatientHistory of(Patient patient, Model model) {
			if (model.getAttribute(HISTORY) instanceof PatientHistory read) {
				return read;
			}
			PatientHistory read = history.historyOf(patient.id());
			model.addAttribute(HISTORY, read);
			model.addAttribute("historyLabels", labels);
			return read;
		}

	}

	@Component
	@Order(10)
	static class Diagnoses implements PatientChart.Section {

		private final Reader reader;

		Diagnoses(Reader reader) {
			this.reader = reader;
		}

		@Override
		public String template() {
			return "patients/history/diagnoses";
		}

		@Override
		public void addTo(Patient patient, Model model) {
			model.addAttribute("diagnoses", reader.of(patient, model).diagnoses());
		}

	}

	@Component
	@Order(20)
	static class Imaging implements PatientChart.Section {

		private final Reader reader;

		Imaging(Reader reader) {
			this.reader = reader;
		}

		@Override
		public String template() {
			return "patients/history/imaging";
		}

		@Override
		public void addTo(Patient patient, Model model) {
			model.addAttribute("imagingFindings", reader.of(patient, model).imaging());
		}

	}

	@Component
	@Order(30)
	static class PriorTreatments implements PatientChart.Section {

		private final Reader reader;

		PriorTreatments(Reader reader) {
			this.reader = reader;
		}

		@Override
		public String template() {
			return "patients/history/prior-treatments";
		}

		@Override
		public void addTo(Patient patient, Model model) {
			model.addAttribute("priorTreatments", reader.of(patient, model).priorTreatments());
		}

	}

	@Component
	@Order(40)
	static class Consents implements PatientChart.Section {

		private final Reader reader;

		Consents(Reader reader) {
			this.reader = reader;
		}

		@Override
		public String template() {
			return "patients/history/consents";
		}

		/**
		 * Every consent type with its current decision, or none yet (so a missing consent shows as
		 * such), and the full history.
		 */
		@Override
		public void addTo(Patient patient, Model model) {
			ConsentHistory consents = reader.of(patient, model).consentHistory();
			Map<ConsentType, Consent> current = new EnumMap<>(ConsentType.class);
			consents.current().forEach(consent -> current.put(consent.type(), consent));
			model.addAttribute("consentTypes", List.of(ConsentType.values()));
			model.addAttribute("currentConsents", current);
			model.addAttribute("consentHistory", consents.history());
		}

	}

}

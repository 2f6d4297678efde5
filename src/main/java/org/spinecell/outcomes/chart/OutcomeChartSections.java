package org.spinecell.outcomes.chart;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.InterventionService;
import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationService;
import org.spinecell.outcomes.ResponseService;
import org.spinecell.outcomes.responses.Observation;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientChart;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;
import org.spinecell.platform.SpineCellProperties;
import org.spinecell.platform.chart.Chart;
import org.spinecell.platform.chart.SvgChart;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The chart sections after follow-up: outcome scores with their charts, medications with the MME
 * chart, adverse events and later interventions. Only physicians and coordinators see them; lab
 * staff see the chart too, but these are not theirs to read.
 */
final class OutcomeChartSections {

	private OutcomeChartSections() {
	}

	/**
	 * A section only physicians and coordinators see: for anyone else it sets its flag false and
	 * reads nothing (the fragment's root tests the flag).
	 */
	abstract static class StaffSection implements PatientChart.Section {

		private final String template;

		private final String shownFlag;

		StaffSection(String template, String shownFlag) {
			this.template = template;
			this.shownFlag = shownFlag;
		}

		@Override
		public String template() {
			return template;
		}

		@Override
		public void addTo(Patient patient, Model model) {
			CurrentUser user = CurrentUser.get();
			boolean shown = user.hasRole(Role.PHYSICIAN) || user.hasRole(Role.COORDINATOR);
			model.addAttribute(shownFlag, shown);
			if (shown) {
				read(patient, model);
			}
		}

		abstract void read(Patient patient, Model model);

	}

	@Component
	@Order(85)
	static class Outcomes extends StaffSection {

		private final ResponseService responses;

		private final ZoneId zone;

		Outcomes(ResponseService responses, SpineCellProperties properties) {
			super("outcomes/outcomes-section", "outcomesShown");
			this.responses = responses;
			this.zone = properties.timeZone();
		}

		@Override
		void read(Patient patient, Model model) {
			List<Observation> observations = responses.observations(patient.id(), null);
			model.addAttribute("observations", observations);
			model.addAttribute("outcomeCharts",
					OutcomeCharts.scores(observations, zone).stream().map(SvgChart::render).toList());
			model.addAttribute("outcomeZone", zone);
		}

	}

	@Component
	@Order(90)
	static class Medications extends StaffSection {

		private final MedicationService medications;

		private final ZoneId zone;

		Medications(MedicationService medications, SpineCellProperties properties) {
			super("outcomes/medications-section", "medicationsShown");
			this.medications = medications;
			this.zone = properties.timeZone();
		}

		@Override
		void read(Patient patient, Model model) {
			List<Medication> current = medications.list(patient.id()).stream().filter(m -> !m.voided()).toList();
			LocalDate today = LocalDate.now(zone);
			model.addAttribute("medications", current);
			model.addAttribute("medicationToday", today);
			Chart mme = OutcomeCharts.mme(current, today);
			model.addAttribute("mmeChart", mme == null ? null : SvgChart.render(mme));
			model.addAttribute("mmeToday",
					OutcomeCharts.totalOn(current.stream().filter(m -> m.mmePerDay() != null).toList(), today));
			model.addAttribute("mmeSource", medications.mmeSource());
		}

	}

	@Component
	@Order(95)
	static class AdverseEvents extends StaffSection {

		private final AdverseEventService events;

		private final OutcomeLabels labels;

		AdverseEvents(AdverseEventService events, OutcomeLabels labels) {
			super("outcomes/adverse-events-section", "adverseEventsShown");
			this.events = events;
			this.labels = labels;
		}

		@Override
		void read(Patient patient, Model model) {
			model.addAttribute("adverseEvents", events.forPatient(patient.id()));
			model.addAttribute("outcomeLabels", labels);
		}

	}

	@Component
	@Order(100)
	static class Interventions extends StaffSection {

		private final InterventionService interventions;

		private final OutcomeLabels labels;

		Interventions(InterventionService interventions, OutcomeLabels labels) {
			super("outcomes/interventions-section", "interventionsShown");
			this.interventions = interventions;
			this.labels = labels;
		}

		@Override
		void read(Patient patient, Model model) {
			model.addAttribute("interventions", interventions.list(patient.id()));
			model.addAttribute("outcomeLabels", labels);
		}

	}

}

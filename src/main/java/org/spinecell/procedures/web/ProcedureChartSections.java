package org.spinecell.procedures.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientChart;
import org.spinecell.procedures.CarePlanService;
import org.spinecell.procedures.Procedure;
import org.spinecell.procedures.ProcedureService;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The procedures module's sections of the patient chart, after the candidacy screening: the
 * procedures with their doses, then the care plans around them.
 */
public final class ProcedureChartSections {

	private ProcedureChartSections() {
	}

	@Component
	@Order(60)
	static class Procedures implements PatientChart.Section {

		private final ProcedureService procedures;

		private final ProcedureLabels labels;

		Procedures(ProcedureService procedures, ProcedureLabels labels) {
			this.procedures = procedures;
			this.labels = labels;
		}

		@Override
		public String template() {
			return "procedures/chart-section";
		}

		@Override
		public void addTo(Patient patient, Model model) {
			model.addAttribute("procedures", procedures.forPatient(patient.id()));
			model.addAttribute("procedureLabels", labels);
		}

	}

	@Component
	@Order(70)
	static class CarePlans implements PatientChart.Section {

		private final CarePlanService carePlans;

		private final ProcedureService procedures;

		private final ProcedureLabels labels;

		CarePlans(CarePlanService carePlans, ProcedureService procedures, ProcedureLabels labels) {
			this.carePlans = carePlans;
			this.procedures = procedures;
			this.labels = labels;
		}

		@Override
		public String template() {
			return "procedures/care-plans-section";
		}

		/** The plans, and a short name for each procedure a plan follows. */
		@Override
		public void addTo(Patient patient, Model model) {
			List<Procedure> patientProcedures = model.getAttribute("procedures") instanceof List<?> read
					? read.stream().filter(Procedure.class::isInstance).map(Procedure.class::cast).toList()
					: procedures.forPatient(patient.id());
			model.addAttribute("carePlans", carePlans.forPatient(patient.id()));
			model.addAttribute("procedureNames", names(patientProcedures, labels));
			model.addAttribute("procedureLabels", labels);
		}

	}

	/** Each procedure as people refer to it: "2026-03-14 · Intradiscal · L4-L5". */
	public static Map<UUID, String> names(List<Procedure> procedures, ProcedureLabels labels) {
		Map<UUID, String> names = new LinkedHashMap<>();
		for (Procedure procedure : procedures) {
			names.put(procedure.id(), procedure.date() + " · " + labels.of(procedure.target()) + " · "
					+ String.join(", ", procedure.levels()));
		}
		return names;
	}

}

package org.spinecell.outcomes.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.ResponseService;
import org.spinecell.outcomes.responses.Observation;
import org.spinecell.outcomes.safety.SafetyTask;
import org.spinecell.outcomes.safety.SafetyTaskService;
import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientChart;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The summary at the top of the chart, before the long sections: the active diagnoses, the latest
 * pain and disability scores against the first one, the safety reports still owed, and the next
 * follow-up with its status.
 */
@Component
@Order(1)
class ChartSummarySection implements PatientChart.Section {

	/** The scores summarised, in this order. */
	static final List<String> MEASURES = List.of("NRS_BACK", "NRS_LEG", "ODI");

	private final PatientHistoryService history;

	private final ResponseService responses;

	private final FollowUpService followUps;

	private final SafetyTaskService safetyTasks;

	ChartSummarySection(PatientHistoryService history, ResponseService responses, FollowUpService followUps,
			SafetyTaskService safetyTasks) {
		this.safetyTasks = safetyTasks;
		this.history = history;
		this.responses = responses;
		this.followUps = followUps;
	}

	/**
	 * A measure's first and latest score.
	 * @param change latest minus first; negative is better for pain and disability
	 */
	record ScoreChange(String measure, BigDecimal first, BigDecimal latest, BigDecimal change, int count) {
	}

	@Override
	public String template() {
		return "outcomes/summary-section";
	}

	@Override
	public void addTo(Patient patient, Model model) {
		CurrentUser user = CurrentUser.get();
		boolean clinical = user.hasRole(Role.PHYSICIAN) || user.hasRole(Role.COORDINATOR);
		model.addAttribute("summaryShown", clinical);
		if (!clinical) {
			return;
		}
		model.addAttribute("summaryDiagnoses", history.historyOf(patient.id())
			.diagnoses()
			.stream()
			.filter(d -> !d.voided() && d.status() == Diagnosis.Status.ACTIVE)
			.sorted(Comparator.comparing(Diagnosis::primary).reversed())
			.toList());
		Map<String, List<Observation>> byMeasure = new LinkedHashMap<>();
		for (Observation o : responses.observations(patient.id(), null)) {
			byMeasure.computeIfAbsent(o.measure(), m -> new ArrayList<>()).add(o);
		}
		List<ScoreChange> scores = new ArrayList<>();
		for (String measure : MEASURES) {
			List<Observation> series = byMeasure.getOrDefault(measure, List.of())
				.stream()
				.sorted(Comparator.comparing(Observation::effectiveAt))
				.toList();
			if (!series.isEmpty()) {
				BigDecimal first = series.get(0).value();
				BigDecimal latest = series.get(series.size() - 1).value();
				scores.add(new ScoreChange(measure, first, latest, latest.subtract(first), series.size()));
			}
		}
		model.addAttribute("summaryScores", scores);
		Optional<FollowUp> next = followUps.forPatient(patient.id())
			.stream()
			.filter(f -> f.recorded() == null && f.statusOn(followUps.today()) != FollowUp.Status.MISSED)
			.min(Comparator.comparing(FollowUp::dueDate));
		model.addAttribute("summaryNextFollowUp", next.orElse(null));
		model.addAttribute("summarySafetyOwed", safetyTasks.list(SafetyTask.Status.OPEN)
			.stream()
			.filter(t -> t.patientId().equals(patient.id()))
			.toList());
		model.addAttribute("summaryNextStatus", next.map(f -> f.statusOn(followUps.today())).orElse(null));
	}

}

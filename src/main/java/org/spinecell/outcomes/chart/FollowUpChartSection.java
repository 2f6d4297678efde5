package org.spinecell.outcomes.chart;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.ResponseService;
import org.spinecell.outcomes.responses.RecordedResponse;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientChart;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The follow-up section of the patient chart: the schedule with each time point's status today. */
@Component
@Order(80)
class FollowUpChartSection implements PatientChart.Section {

	private final FollowUpService followUps;

	private final ResponseService responses;

	FollowUpChartSection(FollowUpService followUps, ResponseService responses) {
		this.followUps = followUps;
		this.responses = responses;
	}

	@Override
	public String template() {
		return "outcomes/follow-up-section";
	}

	@Override
	public void addTo(Patient patient, Model model) {
		CurrentUser user = CurrentUser.get();
		// Lab staff see the chart too, but follow-up is not theirs to read.
		boolean allowed = user.hasRole(Role.PHYSICIAN) || user.hasRole(Role.COORDINATOR);
		model.addAttribute("followUpsShown", allowed);
		model.addAttribute("followUps", allowed ? followUps.forPatient(patient.id()) : List.of());
		model.addAttribute("followUpToday", followUps.today());
		// Each follow-up's recorded responses by instrument, shown next to the instrument with its score.
		model.addAttribute("followUpResponses", allowed ? responses.responses(patient.id())
			.stream()
			.filter(r -> r.followUpId() != null)
			.collect(Collectors.groupingBy(RecordedResponse::followUpId,
					Collectors.toMap(RecordedResponse::instrument, r -> r, (first, second) -> first))) : Map.of());
	}

}

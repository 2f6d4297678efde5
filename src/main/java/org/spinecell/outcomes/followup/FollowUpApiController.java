package org.spinecell.outcomes.followup;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.platform.Refusal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class FollowUpApiController {

	private final FollowUpService followUps;

	FollowUpApiController(FollowUpService followUps) {
		this.followUps = followUps;
	}

	/** A follow-up as the API returns it, with its status on the day asked. */
	record FollowUpResponse(UUID id, UUID patientId, UUID procedureId, String timePoint, LocalDate dueDate,
			LocalDate windowStart, LocalDate windowEnd, FollowUp.Status status, List<String> instruments,
			String cancelReason) {

		static FollowUpResponse of(FollowUp f, LocalDate today) {
			return new FollowUpResponse(f.id(), f.patientId(), f.procedureId(), f.timePoint(), f.dueDate(),
					f.windowStart(), f.windowEnd(), f.statusOn(today), f.instruments(), f.cancelReason());
		}

	}

	record CancelRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	@GetMapping("/api/v1/patients/{patientId}/follow-ups")
	Map<String, List<FollowUpResponse>> forPatient(@PathVariable UUID patientId) {
		LocalDate today = followUps.today();
		return Map.of("items", followUps.forPatient(patientId).stream().map(f -> FollowUpResponse.of(f, today)).toList());
	}

	@GetMapping("/api/v1/follow-ups/worklist")
	Map<String, List<FollowUpService.WorklistItem>> worklist(@RequestParam(required = false) UUID clinicId,
			@RequestParam(required = false) String status) {
		return Map.of("items", followUps.worklist(clinicId, statuses(status), followUps.today()));
	}

	@GetMapping("/api/v1/follow-ups/completion")
	Map<String, List<FollowUpService.CompletionRate>> completion(@RequestParam(required = false) UUID clinicId) {
		return Map.of("items", followUps.completion(clinicId, followUps.today()));
	}

	@GetMapping("/api/v1/follow-ups/{id}")
	FollowUpResponse get(@PathVariable UUID id) {
		return FollowUpResponse.of(followUps.get(id), followUps.today());
	}

	@PostMapping("/api/v1/follow-ups/{id}/complete")
	FollowUpResponse complete(@PathVariable UUID id) {
		return FollowUpResponse.of(followUps.markCompleted(id), followUps.today());
	}

	@PostMapping("/api/v1/follow-ups/{id}/cancel")
	FollowUpResponse cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request) {
		return FollowUpResponse.of(followUps.cancel(id, request.reason()), followUps.today());
	}

	/** The worklist shows open follow-ups only: DUE, OVERDUE, or both when none is given. */
	public static Set<FollowUp.Status> statuses(String status) {
		if (status == null || status.isBlank()) {
			return EnumSet.of(FollowUp.Status.DUE, FollowUp.Status.OVERDUE);
		}
		try {
			FollowUp.Status parsed = FollowUp.Status.valueOf(status);
			if (parsed.isOpen()) {
				return EnumSet.of(parsed);
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		throw Refusal.badRequest("status", "status must be DUE or OVERDUE");
	}

}

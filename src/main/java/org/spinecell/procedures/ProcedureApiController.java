package org.spinecell.procedures;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProcedureApiController {

	private final ProcedureService procedures;

	private final ProcedureCompletionService completion;

	private final ProcedureCorrectionService corrections;

	private final CarePlanService carePlans;

	ProcedureApiController(ProcedureService procedures, ProcedureCompletionService completion,
			ProcedureCorrectionService corrections, CarePlanService carePlans) {
		this.procedures = procedures;
		this.completion = completion;
		this.corrections = corrections;
		this.carePlans = carePlans;
	}

	/** A procedure as the API returns it: the record plus the delivered dose per level. */
	record ProcedureResponse(@JsonUnwrapped Procedure procedure, List<Procedure.Dose> doses) {

		static ProcedureResponse of(Procedure procedure) {
			return new ProcedureResponse(procedure, procedure.doses());
		}

	}

	@PostMapping("/api/v1/procedures")
	ResponseEntity<ProcedureResponse> create(@Valid @RequestBody ProcedureRequests.Create request) {
		Procedure procedure = procedures.create(request);
		return ResponseEntity.created(URI.create("/api/v1/procedures/" + procedure.id()))
			.body(ProcedureResponse.of(procedure));
	}

	@GetMapping("/api/v1/procedures/{id}")
	ProcedureResponse get(@PathVariable UUID id) {
		return ProcedureResponse.of(procedures.get(id));
	}

	@GetMapping("/api/v1/patients/{patientId}/procedures")
	Map<String, List<ProcedureResponse>> forPatient(@PathVariable UUID patientId) {
		return Map.of("items", procedures.forPatient(patientId).stream().map(ProcedureResponse::of).toList());
	}

	@PostMapping("/api/v1/procedures/{id}/complete")
	ProcedureResponse complete(@PathVariable UUID id,
			@Valid @RequestBody(required = false) ProcedureRequests.Complete request) {
		return ProcedureResponse.of(completion.complete(id,
				request == null ? new ProcedureRequests.Complete(null, null) : request));
	}

	@PostMapping("/api/v1/procedures/{id}/corrections")
	ProcedureResponse correct(@PathVariable UUID id, @Valid @RequestBody ProcedureRequests.Correction correction) {
		return ProcedureResponse.of(corrections.correct(id, correction));
	}

	@PostMapping("/api/v1/patients/{patientId}/care-plans")
	ResponseEntity<CarePlan> createCarePlan(@PathVariable UUID patientId,
			@Valid @RequestBody CarePlanService.PlanRequest request) {
		CarePlan plan = carePlans.create(patientId, request);
		return ResponseEntity.created(URI.create("/api/v1/care-plans/" + plan.id())).body(plan);
	}

	@GetMapping("/api/v1/patients/{patientId}/care-plans")
	Map<String, List<CarePlan>> carePlans(@PathVariable UUID patientId) {
		return Map.of("items", carePlans.forPatient(patientId));
	}

	@GetMapping("/api/v1/care-plans/{id}")
	CarePlan carePlan(@PathVariable UUID id) {
		return carePlans.get(id);
	}

	@PostMapping("/api/v1/care-plans/{id}/sessions")
	CarePlan recordSession(@PathVariable UUID id, @Valid @RequestBody CarePlanService.SessionRequest request) {
		return carePlans.recordSession(id, request);
	}

}

package org.spinecell.outcomes.safety;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/safety-tasks")
class SafetyTaskApiController {

	private final SafetyTaskService tasks;

	SafetyTaskApiController(SafetyTaskService tasks) {
		this.tasks = tasks;
	}

	record SafetyTaskList(List<SafetyTask> items) {
	}

	/** What was reported, and to whom; {@code version} is optional. */
	record CompleteRequest(@NotBlank @Size(max = 2000) String note, Integer version) {
	}

	@GetMapping
	SafetyTaskList list(@RequestParam(defaultValue = "OPEN") SafetyTask.Status status) {
		return new SafetyTaskList(tasks.list(status));
	}

	@GetMapping("/{id}")
	SafetyTask get(@PathVariable UUID id) {
		return tasks.get(id);
	}

	@PostMapping("/{id}/complete")
	SafetyTask complete(@PathVariable UUID id, @Valid @RequestBody CompleteRequest request) {
		return tasks.complete(id, request.note(), request.version());
	}

}

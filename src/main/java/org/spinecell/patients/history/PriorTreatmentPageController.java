package org.spinecell.patients.history;

import java.time.LocalDate;
import java.util.UUID;

import org.spinecell.patients.HistoryLabels;
import org.spinecell.patients.PriorTreatment;
import org.spinecell.patients.PriorTreatmentRequest;
import org.spinecell.patients.PriorTreatmentService;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The form that adds a prior treatment; the date rules are {@link PriorTreatmentService}'s. */
@Controller
@RequestMapping("/patients/{id}/prior-treatments")
class PriorTreatmentPageController {

	private final PriorTreatmentService treatments;

	private final HistoryLabels labels;

	private final HistoryFormFlow flow;

	PriorTreatmentPageController(PriorTreatmentService treatments, HistoryLabels labels, HistoryFormFlow flow) {
		this.treatments = treatments;
		this.labels = labels;
		this.flow = flow;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newTreatment(@PathVariable UUID id, Model model) {
		return flow.show(id, new PriorTreatmentForm(), model, this::formPage);
	}

	@PostMapping("/new")
	String record(@PathVariable UUID id, @ModelAttribute("form") PriorTreatmentForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		return flow.submit(id, form.toRequest(), result, model, redirect, request -> {
			PriorTreatment treatment = treatments.record(id, request);
			return "Prior treatment (" + labels.of(treatment.type()) + ") recorded.";
		}, "prior-treatments", this::formPage);
	}

	private String formPage(Model model) {
		model.addAttribute("typeOptions", labels.options(PriorTreatment.Type.values()));
		model.addAttribute("responseOptions", labels.options(PriorTreatment.Response.values()));
		return "patients/history/prior-treatment-form";
	}

	/** The add-a-treatment form; validated through {@link PriorTreatmentRequest}'s constraints. */
	static class PriorTreatmentForm {

		private PriorTreatment.Type type;

		private String description;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate startDate;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate endDate;

		private PriorTreatment.Response response;

		PriorTreatmentRequest toRequest() {
			return new PriorTreatmentRequest(type, description == null || description.isBlank() ? null : description,
					startDate, endDate, response);
		}

		public PriorTreatment.Type getType() {
			return type;
		}

		public void setType(PriorTreatment.Type type) {
			this.type = type;
		}

		public String getDescription() {
			return description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public LocalDate getStartDate() {
			return startDate;
		}

		public void setStartDate(LocalDate startDate) {
			this.startDate = startDate;
		}

		public LocalDate getEndDate() {
			return endDate;
		}

		public void setEndDate(LocalDate endDate) {
			this.endDate = endDate;
		}

		public PriorTreatment.Response getResponse() {
			return response;
		}

		public void setResponse(PriorTreatment.Response response) {
			this.response = response;
		}

	}

}

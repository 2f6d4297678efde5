package org.spinecell.patients.history;

import java.time.LocalDate;
import java.util.UUID;

import org.spinecell.patients.ConsentRequest;
import org.spinecell.patients.ConsentService;
import org.spinecell.patients.ConsentStatus;
import org.spinecell.patients.ConsentType;
import org.spinecell.patients.HistoryLabels;

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

/**
 * The form that records a consent decision. Giving and withdrawing are both new decisions; the
 * rules (a signed form version, nothing to withdraw) are {@link ConsentService}'s.
 */
@Controller
@RequestMapping("/patients/{id}/consents")
class ConsentPageController {

	private final ConsentService consents;

	private final HistoryLabels labels;

	private final HistoryFormFlow flow;

	ConsentPageController(ConsentService consents, HistoryLabels labels, HistoryFormFlow flow) {
		this.consents = consents;
		this.labels = labels;
		this.flow = flow;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newConsent(@PathVariable UUID id, Model model) {
		ConsentForm form = new ConsentForm();
		form.setEffectiveDate(LocalDate.now());
		return flow.show(id, form, model, this::formPage);
	}

	@PostMapping("/new")
	String record(@PathVariable UUID id, @ModelAttribute("form") ConsentForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return flow.submit(id, form.toRequest(), result, model, redirect, request -> {
			Consent consent = consents.record(id, request);
			return labels.of(consent.type()) + " consent " + (consent.isGiven() ? "given" : "withdrawn") + " on "
					+ consent.effectiveDate() + " recorded.";
		}, "consents", this::formPage);
	}

	private String formPage(Model model) {
		model.addAttribute("typeOptions", labels.options(ConsentType.values()));
		model.addAttribute("statusOptions", labels.options(ConsentStatus.values()));
		return "patients/history/consent-form";
	}

	/** The record-a-consent form; validated through {@link ConsentRequest}'s constraints. */
	static class ConsentForm {

		private ConsentType type;

		private ConsentStatus status;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate effectiveDate;

		private String formVersion;

		private String note;

		ConsentRequest toRequest() {
			return new ConsentRequest(type, status, effectiveDate,
					formVersion == null || formVersion.isBlank() ? null : formVersion.strip(),
					note == null || note.isBlank() ? null : note);
		}

		public ConsentType getType() {
			return type;
		}

		public void setType(ConsentType type) {
			this.type = type;
		}

		public ConsentStatus getStatus() {
			return status;
		}

		public void setStatus(ConsentStatus status) {
			this.status = status;
		}

		public LocalDate getEffectiveDate() {
			return effectiveDate;
		}

		public void setEffectiveDate(LocalDate effectiveDate) {
			this.effectiveDate = effectiveDate;
		}

		public String getFormVersion() {
			return formVersion;
		}

		public void setFormVersion(String formVersion) {
			this.formVersion = formVersion;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

}

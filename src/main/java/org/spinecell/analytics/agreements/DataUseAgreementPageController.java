package org.spinecell.analytics.agreements;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;

import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.accounts.StaffDirectory;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Role;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' page of data-use agreements: the clinic's agreements, each with a button to
 * end it early, and a form to record one.
 */
@Controller
class DataUseAgreementPageController {

	private final DataUseAgreementService agreements;

	private final ClinicService clinics;

	private final StaffDirectory staff;

	private final Validator validator;

	DataUseAgreementPageController(DataUseAgreementService agreements, ClinicService clinics, StaffDirectory staff,
			Validator validator) {
		this.agreements = agreements;
		this.clinics = clinics;
		this.staff = staff;
		this.validator = validator;
	}

	@GetMapping("/admin/data-use-agreements")
	@PreAuthorize("hasRole('ADMIN')")
	String list(Model model) {
		model.addAttribute("form", new AgreementForm());
		return page(model);
	}

	@PostMapping("/admin/data-use-agreements")
	@PreAuthorize("hasRole('ADMIN')")
	String record(@ModelAttribute("form") AgreementForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		DataUseAgreementApiController.AgreementRequest request = form.toRequest();
		if (FormErrors.submit(validator, request, result, r -> agreements.record(new DataUseAgreementService.Draft(
				r.clinicId(), r.recipientUserId(), r.title(), r.purpose(), r.startDate(), r.endDate(), r.reference())))) {
			redirect.addFlashAttribute("flash", "Data-use agreement recorded.");
			return "redirect:/admin/data-use-agreements";
		}
		return page(model);
	}

	/**
	 * Ends an agreement early. A missing reason, or an agreement already ended, comes back as a
	 * message beside that agreement's End button, with the refusal's status.
	 */
	@PostMapping("/admin/data-use-agreements/{id}/end")
	@PreAuthorize("hasRole('ADMIN')")
	String end(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			DataUseAgreement ended = agreements.end(id, reason);
			redirect.addFlashAttribute("flash", "Data-use agreement \u201c" + ended.title() + "\u201d ended.");
			return "redirect:/admin/data-use-agreements";
		}
		catch (Refusal ex) {
			if (ex.kind() == Refusal.Kind.NOT_FOUND) {
				throw ex;
			}
			response.setStatus(ApiProblemHandler.status(ex.kind()).value());
			model.addAttribute("endFailed", id);
			model.addAttribute("endError", ex.errors().isEmpty() ? ex.getMessage() : ex.errors().get(0).message());
			model.addAttribute("endReason", reason);
			model.addAttribute("form", new AgreementForm());
			return page(model);
		}
	}

	private String page(Model model) {
		Map<String, String> clinicNames = new LinkedHashMap<>();
		Map<String, String> recipients = new LinkedHashMap<>();
		for (Clinic clinic : clinics.findAll(CurrentUser.get().clinicIds())) {
			clinicNames.put(clinic.id().toString(), clinic.name());
			for (StaffDirectory.StaffMember member : staff.withRoleAt(Role.RESEARCHER, clinic.id())) {
				recipients.putIfAbsent(member.id().toString(), member.displayName());
			}
		}
		model.addAttribute("agreements", agreements.list());
		model.addAttribute("clinicNames", clinicNames);
		model.addAttribute("recipients", recipients);
		model.addAttribute("today", LocalDate.now());
		model.addAttribute("navSection", "agreements");
		return "analytics/data-use-agreements";
	}

	/** The form; checked with the API's constraints and by {@link DataUseAgreementService}. */
	static class AgreementForm {

		private UUID clinicId;

		private UUID recipientUserId;

		private String title;

		private String purpose;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate startDate;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate endDate;

		private String reference;

		DataUseAgreementApiController.AgreementRequest toRequest() {
			return new DataUseAgreementApiController.AgreementRequest(clinicId, recipientUserId, title, purpose,
					startDate, endDate, reference);
		}

		public UUID getClinicId() {
			return clinicId;
		}

		public void setClinicId(UUID clinicId) {
			this.clinicId = clinicId;
		}

		public UUID getRecipientUserId() {
			return recipientUserId;
		}

		public void setRecipientUserId(UUID recipientUserId) {
			this.recipientUserId = recipientUserId;
		}

		public String getTitle() {
			return title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public String getPurpose() {
			return purpose;
		}

		public void setPurpose(String purpose) {
			this.purpose = purpose;
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

		public String getReference() {
			return reference;
		}

		public void setReference(String reference) {
			this.reference = reference;
		}

	}

}

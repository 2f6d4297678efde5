package org.spinecell.analytics.export;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.spinecell.analytics.agreements.DataUseAgreementService;
import org.spinecell.analytics.export.ResearchExportService.Variant;
import org.spinecell.analytics.workspace.CohortFilter;
import org.spinecell.analytics.workspace.CohortService;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The research export in the browser: the caller picks one of their saved cohorts (or every
 * episode of their clinics) and the variant, and downloads the zip {@link ResearchExportService}
 * writes for the API. A refused choice comes back beside its field, with the refusal's status.
 */
@Controller
class ResearchExportPageController {

	private final ResearchExportService exports;

	private final CohortService cohorts;

	private final DataUseAgreementService agreements;

	ResearchExportPageController(ResearchExportService exports, CohortService cohorts,
			DataUseAgreementService agreements) {
		this.exports = exports;
		this.cohorts = cohorts;
		this.agreements = agreements;
	}

	@GetMapping("/research-export")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	String page(Model model) {
		model.addAttribute("form", new ExportForm());
		return view(model);
	}

	/** The zip, or the page again with the refused choice marked; the query string is the API's. */
	@GetMapping("/research-export/download")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	String download(@ModelAttribute("form") ExportForm form, BindingResult result, Model model,
			HttpServletResponse response) throws IOException {
		Variant variant = switch (form.getVariant() == null ? "" : form.getVariant()) {
			case "deidentified" -> Variant.DEIDENTIFIED;
			case "limited" -> Variant.LIMITED;
			default -> null;
		};
		if (variant == null) {
			result.rejectValue("variant", "unknown", "Choose de-identified or limited data set");
		}
		if (result.hasErrors()) {
			return view(model, response, HttpStatus.BAD_REQUEST);
		}
		// The agreement list stays on the form whatever the variant; it counts for the limited one only.
		UUID agreement = variant == Variant.LIMITED ? form.getAgreement() : null;
		try {
			exports.export(new ResearchExportService.Request(form.getCohort(), CohortFilter.ALL, variant, agreement),
					ResearchExportApiController.zipTo(response, variant));
		}
		catch (Refusal ex) {
			if (response.isCommitted()) {
				throw ex;
			}
			if (ex.kind() == Refusal.Kind.NOT_FOUND) {
				result.rejectValue("cohort", "notFound", "None of your saved cohorts has this id; choose one from the list");
			}
			else {
				FormErrors.bind(ex, result);
			}
			return view(model, response, ApiProblemHandler.status(ex));
		}
		response.flushBuffer();
		return null;
	}

	private String view(Model model, HttpServletResponse response, HttpStatus status) {
		response.setStatus(status.value());
		return view(model);
	}

	private String view(Model model) {
		Map<String, String> saved = new LinkedHashMap<>();
		cohorts.list().forEach(c -> saved.put(c.id().toString(), c.name()));
		model.addAttribute("cohorts", saved);
		model.addAttribute("agreements", agreements.inForceForCaller());
		model.addAttribute("navSection", "research");
		return "analytics/research-export";
	}

	/** The choice on the page, named as the API's query parameters. */
	static class ExportForm {

		private UUID cohort;

		private String variant = "deidentified";

		private UUID agreement;

		public UUID getCohort() {
			return cohort;
		}

		public void setCohort(UUID cohort) {
			this.cohort = cohort;
		}

		public String getVariant() {
			return variant;
		}

		public void setVariant(String variant) {
			this.variant = variant;
		}

		public UUID getAgreement() {
			return agreement;
		}

		public void setAgreement(UUID agreement) {
			this.agreement = agreement;
		}

	}

}

package org.spinecell.patients.breakglass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.DashboardCard;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Role;

import org.springframework.core.annotation.Order;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergency-access pages: a physician opens a patient of another clinic with a reason, and
 * sees and ends their grants; a clinic's administrators see the grants on their clinic.
 */
@Controller
class BreakGlassPageController {

	private final BreakGlassService breakGlass;

	private final ClinicService clinics;

	private final BreakGlassSettings settings;

	private final Validator validator;

	BreakGlassPageController(BreakGlassService breakGlass, ClinicService clinics, BreakGlassSettings settings,
			Validator validator) {
		this.breakGlass = breakGlass;
		this.clinics = clinics;
		this.settings = settings;
		this.validator = validator;
	}

	@GetMapping("/patients/break-glass")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String form(Model model) {
		model.addAttribute("form", new BreakGlassForm());
		return formPage(model);
	}

	@PostMapping("/patients/break-glass")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String open(@ModelAttribute("form") BreakGlassForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		BreakGlassRequest request = form.toRequest();
		if (FormErrors.validate(validator, request, result)) {
			try {
				BreakGlassGrant grant = breakGlass.open(request);
				redirect.addFlashAttribute("flash", "Emergency access granted until " + grant.expiresAt()
						+ ". Every page you open is recorded and shown to the clinic's administrators.");
				return "redirect:/patients/" + grant.patientId();
			}
			catch (Refusal ex) {
				if (ex.kind() == Refusal.Kind.NOT_FOUND) {
					result.rejectValue("mrn", "not-found", "no patient with this medical record number in that clinic");
				}
				else {
					FormErrors.bind(ex, result);
				}
			}
		}
		return formPage(model);
	}

	@PostMapping("/patients/break-glass/{id}/end")
	@PreAuthorize("hasRole('PHYSICIAN')")
	String endMine(@PathVariable UUID id, RedirectAttributes redirect) {
		breakGlass.end(id);
		redirect.addFlashAttribute("flash", "Emergency access ended.");
		return "redirect:/patients/break-glass";
	}

	@GetMapping("/admin/break-glass")
	@PreAuthorize("hasRole('ADMIN')")
	String admin(Model model) {
		Map<String, List<BreakGlassGrant>> byClinic = new LinkedHashMap<>();
		for (Clinic clinic : clinics.findAll(CurrentUser.get().clinicIds())) {
			byClinic.put(clinic.name(), breakGlass.forClinic(clinic.id()));
		}
		model.addAttribute("grantsByClinic", byClinic);
		model.addAttribute("navSection", "breakglass");
		return "patients/break-glass-admin";
	}

	@PostMapping("/admin/break-glass/{id}/end")
	@PreAuthorize("hasRole('ADMIN')")
	String endAsAdmin(@PathVariable UUID id, RedirectAttributes redirect) {
		breakGlass.end(id);
		redirect.addFlashAttribute("flash", "Emergency access ended.");
		return "redirect:/admin/break-glass";
	}

	private String formPage(Model model) {
		Map<String, String> clinicOptions = new LinkedHashMap<>();
		CurrentUser user = CurrentUser.get();
		for (Clinic clinic : clinics.directory()) {
			if (!user.isMemberOf(clinic.id())) {
				clinicOptions.put(clinic.id().toString(), clinic.name() + " (" + clinic.city() + ")");
			}
		}
		model.addAttribute("clinicOptions", clinicOptions);
		model.addAttribute("grants", breakGlass.mine());
		model.addAttribute("minutes", settings.duration().toMinutes());
		model.addAttribute("minReasonLength", settings.minReasonLength());
		model.addAttribute("navSection", "patients");
		return "patients/break-glass";
	}

	/** The emergency-access form; checked by {@link BreakGlassService}. */
	static class BreakGlassForm {

		private UUID clinicId;

		private String mrn;

		private String reason;

		BreakGlassRequest toRequest() {
			return new BreakGlassRequest(null, clinicId, mrn == null ? null : mrn.strip(), reason);
		}

		public UUID getClinicId() {
			return clinicId;
		}

		public void setClinicId(UUID clinicId) {
			this.clinicId = clinicId;
		}

		public String getMrn() {
			return mrn;
		}

		public void setMrn(String mrn) {
			this.mrn = mrn;
		}

		public String getReason() {
			return reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

	/**
	 * The dashboard notice: administrators see the grants active on their clinics, physicians their
	 * own active grants.
	 */
	@Component
	@Order(5)
	static class Card implements DashboardCard {

		private final BreakGlassService breakGlass;

		Card(BreakGlassService breakGlass) {
			this.breakGlass = breakGlass;
		}

		@Override
		public String template() {
			return "patients/break-glass-card";
		}

		@Override
		public void addTo(Model model) {
			CurrentUser user = CurrentUser.find().orElse(null);
			boolean admin = user != null && user.hasRole(Role.ADMIN);
			boolean physician = user != null && user.hasRole(Role.PHYSICIAN);
			List<BreakGlassGrant> active = admin ? breakGlass.activeInMyClinics()
					: physician ? breakGlass.mine() : List.of();
			model.addAttribute("breakGlassCardShown", admin || (physician && !active.isEmpty()));
			model.addAttribute("breakGlassAdmin", admin);
			model.addAttribute("breakGlassActive", active);
		}

	}

}

package org.spinecell.accounts.clinics;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/admin/clinics")
class ClinicPageController {

	private final ClinicService clinics;

	ClinicPageController(ClinicService clinics) {
		this.clinics = clinics;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "clinics";
	}

	/** Only an installation administrator is offered the form for a new clinic. */
	@ModelAttribute("installationAdmin")
	boolean installationAdmin() {
		return org.spinecell.platform.CurrentUser.find().map(user -> user.isInstallationAdmin()).orElse(false);
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("clinics", clinics.visibleClinics());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new ClinicForm());
		}
		return "accounts/clinics";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ClinicForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Clinic clinic = clinics.create(form.toRequest());
				redirect.addFlashAttribute("flash", "Clinic " + clinic.name() + " created.");
				return "redirect:/admin/clinics";
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		model.addAttribute("clinics", clinics.visibleClinics());
		return "accounts/clinics";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable UUID id, Model model) {
		Clinic clinic = clinics.get(id);
		model.addAttribute("clinic", clinic);
		model.addAttribute("form", ClinicForm.of(clinic));
		return "accounts/clinic-edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable UUID id, @Valid @ModelAttribute("form") ClinicForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Clinic clinic = clinics.update(id, form.toRequest());
				redirect.addFlashAttribute("flash", "Clinic " + clinic.name() + " saved.");
				return "redirect:/admin/clinics";
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		model.addAttribute("clinic", clinics.get(id));
		return "accounts/clinic-edit";
	}

	/** The clinic form; mirrors {@link ClinicRequest}. */
	static class ClinicForm {

		@NotBlank
		@Size(max = 200)
		private String name;

		@NotBlank
		@Size(max = 100)
		private String city;

		@Size(max = 100)
		private String region;

		@NotBlank
		@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US")
		private String country;

		@Pattern(regexp = "([A-Z][0-9]{4})?", message = "must be one letter and four digits, such as A1234")
		private String fin;

		private Integer version;

		static ClinicForm of(Clinic clinic) {
			ClinicForm form = new ClinicForm();
			form.name = clinic.name();
			form.city = clinic.city();
			form.region = clinic.region();
			form.country = clinic.country();
			form.fin = clinic.fin();
			form.version = clinic.version();
			return form;
		}

		public Integer getVersion() {
			return version;
		}

		public void setVersion(Integer version) {
			this.version = version;
		}

		ClinicRequest toRequest() {
			return new ClinicRequest(name, city, region, country, fin, version);
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getCity() {
			return city;
		}

		public void setCity(String city) {
			this.city = city;
		}

		public String getRegion() {
			return region;
		}

		public void setRegion(String region) {
			this.region = region;
		}

		public String getCountry() {
			return country;
		}

		public void setCountry(String country) {
			this.country = country;
		}

		public String getFin() {
			return fin;
		}

		public void setFin(String fin) {
			this.fin = fin;
		}

	}

}

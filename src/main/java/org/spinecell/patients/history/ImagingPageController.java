package org.spinecell.patients.history;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.patients.HistoryLabels;
import org.spinecell.patients.ImagingFinding;
import org.spinecell.patients.ImagingRequest;
import org.spinecell.patients.ImagingService;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;

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

/** The form that adds an imaging finding; the grading rules are {@link ImagingService}'s. */
@Controller
@RequestMapping("/patients/{id}/imaging")
class ImagingPageController {

	private final PatientService patients;

	private final ImagingService imaging;

	private final Validator validator;

	private final HistoryLabels labels;

	ImagingPageController(PatientService patients, ImagingService imaging, Validator validator, HistoryLabels labels) {
		this.patients = patients;
		this.imaging = imaging;
		this.validator = validator;
		this.labels = labels;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newFinding(@PathVariable UUID id, Model model) {
		Patient patient = patients.get(id);
		model.addAttribute("form", new ImagingForm());
		return formPage(patient, model);
	}

	@PostMapping("/new")
	String record(@PathVariable UUID id, @ModelAttribute("form") ImagingForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		Patient patient = patients.get(id);
		ImagingRequest request = form.toRequest();
		if (FormErrors.validate(validator, request, result)) {
			try {
				ImagingFinding finding = imaging.record(id, request);
				redirect.addFlashAttribute("flash",
						labels.of(finding.modality()) + " finding of " + finding.studyDate() + " recorded.");
				return "redirect:/patients/" + id + "#imaging";
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		return formPage(patient, model);
	}

	private String formPage(Patient patient, Model model) {
		model.addAttribute("patient", patient);
		model.addAttribute("levelGroups", labels.levelGroups());
		model.addAttribute("modalityOptions", labels.options(ImagingFinding.Modality.values()));
		model.addAttribute("scaleOptions", labels.options(ImagingFinding.PfirrmannScale.values()));
		model.addAttribute("modicOptions", labels.modicOptions());
		model.addAttribute("herniationOptions", labels.options(ImagingFinding.Herniation.values()));
		model.addAttribute("stenosisOptions", labels.options(ImagingFinding.StenosisGrade.values()));
		Map<String, String> fissureOptions = new LinkedHashMap<>();
		fissureOptions.put("true", "Present");
		fissureOptions.put("false", "Absent");
		model.addAttribute("fissureOptions", fissureOptions);
		return "patients/history/imaging-form";
	}

	/** The add-a-finding form; validated through {@link ImagingRequest}'s constraints. */
	static class ImagingForm {

		private ImagingFinding.Modality modality;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate studyDate;

		private String level;

		private ImagingFinding.PfirrmannScale pfirrmannScale;

		private Integer pfirrmannGrade;

		private Integer modicType;

		private ImagingFinding.Herniation herniation;

		private ImagingFinding.StenosisGrade stenosisGrade;

		/** Null when the report does not say; a checkbox could not tell that from "absent". */
		private Boolean annularFissure;

		private String impression;

		ImagingRequest toRequest() {
			return new ImagingRequest(modality, studyDate, blankToNull(level), pfirrmannScale, pfirrmannGrade, modicType,
					herniation, stenosisGrade, annularFissure,
					impression == null || impression.isBlank() ? null : impression);
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}

		public ImagingFinding.Modality getModality() {
			return modality;
		}

		public void setModality(ImagingFinding.Modality modality) {
			this.modality = modality;
		}

		public LocalDate getStudyDate() {
			return studyDate;
		}

		public void setStudyDate(LocalDate studyDate) {
			this.studyDate = studyDate;
		}

		public String getLevel() {
			return level;
		}

		public void setLevel(String level) {
			this.level = level;
		}

		public ImagingFinding.PfirrmannScale getPfirrmannScale() {
			return pfirrmannScale;
		}

		public void setPfirrmannScale(ImagingFinding.PfirrmannScale pfirrmannScale) {
			this.pfirrmannScale = pfirrmannScale;
		}

		public Integer getPfirrmannGrade() {
			return pfirrmannGrade;
		}

		public void setPfirrmannGrade(Integer pfirrmannGrade) {
			this.pfirrmannGrade = pfirrmannGrade;
		}

		public Integer getModicType() {
			return modicType;
		}

		public void setModicType(Integer modicType) {
			this.modicType = modicType;
		}

		public ImagingFinding.Herniation getHerniation() {
			return herniation;
		}

		public void setHerniation(ImagingFinding.Herniation herniation) {
			this.herniation = herniation;
		}

		public ImagingFinding.StenosisGrade getStenosisGrade() {
			return stenosisGrade;
		}

		public void setStenosisGrade(ImagingFinding.StenosisGrade stenosisGrade) {
			this.stenosisGrade = stenosisGrade;
		}

		public Boolean getAnnularFissure() {
			return annularFissure;
		}

		public void setAnnularFissure(Boolean annularFissure) {
			this.annularFissure = annularFissure;
		}

		public String getImpression() {
			return impression;
		}

		public void setImpression(String impression) {
			this.impression = impression;
		}

	}

}

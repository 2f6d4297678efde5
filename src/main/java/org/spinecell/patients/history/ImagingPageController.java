package org.spinecell.patients.history;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.spinecell.patients.HistoryLabels;
import org.spinecell.patients.ImagingFinding;
import org.spinecell.patients.ImagingRequest;
import org.spinecell.patients.ImagingService;

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

	private final ImagingService imaging;

	private final HistoryLabels labels;

	private final HistoryFormFlow flow;

	ImagingPageController(ImagingService imaging, HistoryLabels labels, HistoryFormFlow flow) {
		this.imaging = imaging;
		this.labels = labels;
		this.flow = flow;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping("/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newFinding(@PathVariable UUID id, Model model) {
		return flow.show(id, new ImagingForm(), model, this::formPage);
	}

	@PostMapping("/new")
	String record(@PathVariable UUID id, @ModelAttribute("form") ImagingForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return flow.submit(id, form.toRequest(), result, model, redirect, request -> {
			ImagingFinding finding = imaging.record(id, request);
			return labels.of(finding.modality()) + " finding of " + finding.studyDate() + " recorded.";
		}, "imaging", this::formPage);
	}

	private String formPage(Model model) {
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

package org.spinecell.patients.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.DiagnosisRequests;
import org.spinecell.patients.DiagnosisService;
import org.spinecell.patients.HistoryLabels;
import org.spinecell.patients.SpinalLevel;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form that adds a diagnosis to a patient's chart, and the ICD-10-CM look-up it offers while
 * the code is typed. The rules are {@link DiagnosisService}'s; this only maps the form to its
 * request and puts refusals beside the fields.
 */
@Controller
@RequestMapping("/patients")
class DiagnosisPageController {

	/** Suggestions shown while a code is typed; a short list is quicker to scan. */
	static final int SUGGESTIONS = 20;

	private final DiagnosisService diagnoses;

	private final Icd10Catalogue catalogue;

	private final HistoryLabels labels;

	private final HistoryFormFlow flow;

	DiagnosisPageController(DiagnosisService diagnoses, Icd10Catalogue catalogue, HistoryLabels labels,
			HistoryFormFlow flow) {
		this.diagnoses = diagnoses;
		this.catalogue = catalogue;
		this.labels = labels;
		this.flow = flow;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "patients";
	}

	@GetMapping("/{id}/diagnoses/new")
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	String newDiagnosis(@PathVariable UUID id, Model model) {
		return flow.show(id, new DiagnosisForm(), model, this::formPage);
	}

	@PostMapping("/{id}/diagnoses/new")
	String record(@PathVariable UUID id, @ModelAttribute("form") DiagnosisForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		return flow.submit(id, form.toRequest(), result, model, redirect, request -> {
			Diagnosis diagnosis = diagnoses.record(id, request);
			return "Diagnosis " + diagnosis.icd10() + " recorded.";
		}, "diagnoses", this::formPage);
	}

	/**
	 * Billable codes matching the text, as {@code <option>}s for the code field's datalist. The text
	 * comes as {@code q}, or as {@code icd10} when the form's own field sends it. A search the
	 * catalogue refuses (too long, too many words) simply suggests nothing.
	 */
	@GetMapping("/codes")
	String codes(@RequestParam(required = false) String q, @RequestParam(required = false) String icd10,
			Model model) {
		String text = q != null ? q : icd10;
		List<Icd10Code> matches = List.of();
		if (text != null && !text.isBlank()) {
			try {
				matches = catalogue.search(text, 0, SUGGESTIONS).items().stream().filter(Icd10Code::billable).toList();
			}
			catch (Refusal ex) {
				matches = List.of();
			}
		}
		model.addAttribute("codes", matches);
		return "patients/history/codes :: options";
	}

	private String formPage(Model model) {
		model.addAttribute("segmentGroups", labels.segmentGroups());
		model.addAttribute("vertebrae", labels.vertebrae());
		model.addAttribute("levelRegions", labels.levelRegions());
		model.addAttribute("sideOptions", labels.options(Diagnosis.Side.values()));
		model.addAttribute("statusOptions", labels.options(Diagnosis.Status.values()));
		return "patients/history/diagnosis-form";
	}

	/** The add-a-diagnosis form; validated through {@link DiagnosisRequests.Create}'s constraints. */
	static class DiagnosisForm {

		private String icd10;

		private List<String> levels = new ArrayList<>();

		private Diagnosis.Side side;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate onsetDate;

		private Integer symptomDurationMonths;

		private boolean primary;

		private Diagnosis.Status status = Diagnosis.Status.ACTIVE;

		DiagnosisRequests.Create toRequest() {
			return new DiagnosisRequests.Create(icd10 == null ? null : icd10.strip(),
					levels == null ? List.of() : List.copyOf(levels), side, onsetDate, symptomDurationMonths, primary,
					status);
		}

		/** Whether a single vertebra is among the chosen levels, so the form shows them open. */
		public boolean namesVertebra() {
			return levels != null && levels.stream()
				.map(SpinalLevel::tryParse)
				.anyMatch(level -> level.isPresent() && !level.get().isSegment());
		}

		public String getIcd10() {
			return icd10;
		}

		public void setIcd10(String icd10) {
			this.icd10 = icd10;
		}

		public List<String> getLevels() {
			return levels;
		}

		public void setLevels(List<String> levels) {
			this.levels = levels;
		}

		public Diagnosis.Side getSide() {
			return side;
		}

		public void setSide(Diagnosis.Side side) {
			this.side = side;
		}

		public LocalDate getOnsetDate() {
			return onsetDate;
		}

		public void setOnsetDate(LocalDate onsetDate) {
			this.onsetDate = onsetDate;
		}

		public Integer getSymptomDurationMonths() {
			return symptomDurationMonths;
		}

		public void setSymptomDurationMonths(Integer symptomDurationMonths) {
			this.symptomDurationMonths = symptomDurationMonths;
		}

		public boolean isPrimary() {
			return primary;
		}

		public void setPrimary(boolean primary) {
			this.primary = primary;
		}

		public Diagnosis.Status getStatus() {
			return status;
		}

		public void setStatus(Diagnosis.Status status) {
			this.status = status;
		}

	}

}

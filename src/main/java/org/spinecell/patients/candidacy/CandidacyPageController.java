package org.spinecell.patients.candidacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.patients.CandidacyAssessment;
import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.CandidacyService;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientChart;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.Refusal;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Running a screening, reading why it decided what it did, and a physician's override. */
@Controller
@RequestMapping("/patients/{patientId}/candidacy")
class CandidacyPageController {

	/** The standard checklist questions as staff read them. */
	static final Map<String, String> QUESTIONS = questions();

	private final PatientService patients;

	private final CandidacyService candidacy;

	CandidacyPageController(PatientService patients, CandidacyService candidacy) {
		this.patients = patients;
		this.candidacy = candidacy;
	}

	@GetMapping("/new")
	String form(@PathVariable UUID patientId, Model model) {
		model.addAttribute("navSection", "patients");
		model.addAttribute("patient", patients.get(patientId));
		model.addAttribute("questions", QUESTIONS);
		return "patients/candidacy-form";
	}

	@PostMapping("/new")
	String assess(@PathVariable UUID patientId, @RequestParam Map<String, String> answers, Model model) {
		Map<String, Boolean> checklist = new LinkedHashMap<>();
		List<String> unanswered = new java.util.ArrayList<>();
		for (String item : QUESTIONS.keySet()) {
			String answer = answers.get(item);
			if ("yes".equals(answer) || "no".equals(answer)) {
				checklist.put(item, "yes".equals(answer));
			}
			else {
				unanswered.add(item);
			}
		}
		if (!unanswered.isEmpty()) {
			// Screening with unanswered safety questions is allowed by the API (it refers), but the
			// form asks first, so nobody skips a question by accident.
			model.addAttribute("navSection", "patients");
			model.addAttribute("patient", patients.get(patientId));
			model.addAttribute("questions", QUESTIONS);
			model.addAttribute("answers", answers);
			model.addAttribute("unanswered", unanswered);
			return "patients/candidacy-form";
		}
		CandidacyAssessment assessment = candidacy.assess(patientId, checklist);
		return "redirect:/patients/" + patientId + "/candidacy/" + assessment.id();
	}

	@GetMapping("/{assessmentId}")
	String show(@PathVariable UUID patientId, @PathVariable UUID assessmentId, Model model) {
		model.addAttribute("navSection", "patients");
		model.addAttribute("patient", patients.get(patientId));
		model.addAttribute("assessment", candidacy.get(patientId, assessmentId));
		model.addAttribute("questions", QUESTIONS);
		model.addAttribute("decisions", Decision.values());
		return "patients/candidacy-result";
	}

	@PostMapping("/{assessmentId}/override")
	String override(@PathVariable UUID patientId, @PathVariable UUID assessmentId,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
			@RequestParam int version, RedirectAttributes redirect) {
		String target = "redirect:/patients/" + patientId + "/candidacy/" + assessmentId;
		Decision chosen;
		try {
			chosen = Decision.valueOf(decision);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("overrideError", "Choose the decision that applies.");
			return target;
		}
		if (reason.isBlank() || reason.length() > 1000) {
			redirect.addFlashAttribute("overrideError", "Give the reason for the override (at most 1000 characters).");
			return target;
		}
		try {
			candidacy.override(patientId, assessmentId, chosen, reason.strip(), version);
			redirect.addFlashAttribute("flash", "Override recorded.");
		}
		catch (Refusal ex) {
			redirect.addFlashAttribute("overrideError", ex.getMessage() + ".");
		}
		return target;
	}

	private static Map<String, String> questions() {
		Map<String, String> questions = new LinkedHashMap<>();
		questions.put("activeInfection", "Active infection (systemic or at the injection site)");
		questions.put("activeMalignancy", "Active malignancy");
		questions.put("pregnancy", "Pregnancy");
		questions.put("bleedingRisk", "Uncontrolled bleeding risk or anticoagulation that cannot be paused");
		questions.put("allergyToProductComponents", "Allergy to a component of the cell product");
		questions.put("caudaEquinaSymptoms", "Cauda equina symptoms (saddle anaesthesia, bladder or bowel change)");
		questions.put("progressiveNeurologicalDeficit", "Progressive neurological deficit");
		questions.put("unstableFracture", "Unstable fracture");
		questions.put("myelopathy", "Signs of myelopathy");
		return java.util.Collections.unmodifiableMap(questions);
	}

	/** The candidacy section of the patient chart: the latest decision and the history of screenings. */
	@Component
	@Order(50)
	static class ChartSection implements PatientChart.Section {

		private final CandidacyService candidacy;

		ChartSection(CandidacyService candidacy) {
			this.candidacy = candidacy;
		}

		@Override
		public String template() {
			return "patients/candidacy-section";
		}

		@Override
		public void addTo(Patient patient, Model model) {
			model.addAttribute("screenings", candidacy.forPatient(patient.id()));
		}

	}

}

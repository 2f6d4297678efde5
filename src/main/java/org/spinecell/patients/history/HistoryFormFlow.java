package org.spinecell.patients.history;

import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.Validator;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The flow that the add-a-record forms of the clinical history share (diagnosis, imaging, prior
 * treatment, consent): show the form for a patient; on submit validate the request, record it,
 * flash what was recorded and go back to the chart's section, or show the form again with the
 * refusal beside its fields. Each page controller keeps its form, its options and its wording.
 */
@Component
class HistoryFormFlow {

	/** Puts the options of one form page into the model and names its template. */
	@FunctionalInterface
	interface FormPage {

		String render(Model model);

	}

	private final PatientService patients;

	private final Validator validator;

	HistoryFormFlow(PatientService patients, Validator validator) {
		this.patients = patients;
		this.validator = validator;
	}

	/** The empty (or pre-filled) form for the patient. */
	String show(UUID patientId, Object form, Model model, FormPage page) {
		Patient patient = patients.get(patientId);
		model.addAttribute("form", form);
		return render(patient, model, page);
	}

	/**
	 * Records a submitted form, or shows it again with its errors.
	 *
	 * @param record records the request and says what was recorded, for the flash message
	 * @param section the chart section to go back to, such as {@code imaging}
	 */
	<R> String submit(UUID patientId, R request, BindingResult result, Model model, RedirectAttributes redirect,
			Function<R, String> record, String section, FormPage page) {
		Patient patient = patients.get(patientId);
		if (FormErrors.validate(validator, request, result)) {
			try {
				redirect.addFlashAttribute("flash", record.apply(request));
				return "redirect:/patients/" + patientId + "#" + section;
			}
			catch (Refusal ex) {
				FormErrors.bind(ex, result);
			}
		}
		return render(patient, model, page);
	}

	private static String render(Patient patient, Model model, FormPage page) {
		model.addAttribute("patient", patient);
		return page.render(model);
	}

}

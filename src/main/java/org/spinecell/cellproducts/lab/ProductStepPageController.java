package org.spinecell.cellproducts.lab;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.Classification;
import org.spinecell.cellproducts.ProductClassificationService;
import org.spinecell.cellproducts.ProductCustodyService;
import org.spinecell.cellproducts.ProductProcessingService;
import org.spinecell.cellproducts.ProductRegistrationService;
import org.spinecell.cellproducts.ProductReleaseService;
import org.spinecell.cellproducts.ProductState;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of the product page, each a use case of a use-case service (registration, processing,
 * classification, release, custody): a form that
 * fails comes back on the product page with its errors beside its fields; one that succeeds
 * redirects to the page with a message.
 */
@Controller
@RequestMapping("/lab/products/{id}")
class ProductStepPageController {

	private final ProductRegistrationService registration;

	private final ProductProcessingService processing;

	private final ProductClassificationService classifier;

	private final ProductReleaseService release;

	private final ProductCustodyService custody;

	private final LabProductPage page;

	private final LabViews views;

	private final Validator validator;

	ProductStepPageController(ProductRegistrationService registration, ProductProcessingService processing,
			ProductClassificationService classifier, ProductReleaseService release, ProductCustodyService custody,
			LabProductPage page, LabViews views, Validator validator) {
		this.registration = registration;
		this.processing = processing;
		this.classifier = classifier;
		this.release = release;
		this.custody = custody;
		this.page = page;
		this.views = views;
		this.validator = validator;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "lab";
	}

	@PostMapping("/harvest")
	String harvest(@PathVariable UUID id, @ModelAttribute("harvestForm") HarvestForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CellProductRequests.Harvest request = form.toRequest(views.zone());
		if (FormErrors.submit(validator, request, result, r -> registration.recordHarvest(id, r))) {
			return done(id, "Harvest recorded.", redirect);
		}
		return again(id, "harvest", model);
	}

	@PostMapping("/steps")
	String step(@PathVariable UUID id, @ModelAttribute("stepForm") StepForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CellProductRequests.ProcessingStep request = form.toRequest(views.zone(), result);
		if (FormErrors.submit(validator, request, result, r -> processing.addProcessingStep(id, r))) {
			return done(id, "Processing step recorded.", redirect);
		}
		return again(id, "step", model);
	}

	@PostMapping("/qc")
	String qc(@PathVariable UUID id, @ModelAttribute("qcForm") QcForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CellProductRequests.Qc request = form.toRequest(views.zone(), result);
		if (FormErrors.validate(validator, request, result)) {
			try {
				processing.addQcResult(id, request);
				return done(id, "QC result recorded.", redirect);
			}
			catch (Refusal ex) {
				// A marker's problem is reported as markers.CD90: put it beside the markers field.
				List<FieldProblem> problems = ex.errors()
					.stream()
					.map(p -> p.field().startsWith("markers.")
							? new FieldProblem("markers", p.field().substring(8) + ": " + p.message()) : p)
					.toList();
				FormErrors.bind(problems.equals(ex.errors()) ? ex : Refusal.invalid(problems), result);
			}
		}
		return again(id, "qc", model);
	}

	@PostMapping("/custody")
	String custody(@PathVariable UUID id, @ModelAttribute("custodyForm") CustodyForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CellProductRequests.Custody request = form.toRequest(views.zone());
		if (FormErrors.submit(validator, request, result, r -> custody.recordCustody(id, r))) {
			return done(id, "Custody event recorded.", redirect);
		}
		return again(id, "custody", model);
	}

	@PostMapping("/classify")
	String classify(@PathVariable UUID id, @ModelAttribute("classifyForm") ClassifyForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			Classification classification = classifier.classify(id, form.toRequest());
			return done(id, "Classified: " + LabViews.pathwayLabel(classification.pathway())
					+ ". A physician must confirm it.", redirect);
		}
		catch (Refusal ex) {
			FormErrors.bind(ex, result);
		}
		return again(id, "classify", model);
	}

	@PostMapping("/confirm-classification")
	String confirm(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, () -> classifier.confirmClassification(id), "Classification confirmed.", redirect);
	}

	@PostMapping("/ind")
	String ind(@PathVariable UUID id, @ModelAttribute("indForm") IndForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		CellProductRequests.Ind request = form.toRequest();
		if (FormErrors.submit(validator, request, result, r -> classifier.setIndNumber(id, r))) {
			return done(id, "IND number recorded.", redirect);
		}
		return again(id, "ind", model);
	}

	@PostMapping("/complete")
	String complete(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, () -> processing.completeProcessing(id),
				"Processing complete: the product is in quarantine until it is released.", redirect);
	}

	/**
	 * Release under the signer's password. An unmet criterion is listed above the form; a wrong
	 * password is shown beside the password field; the password itself is never sent back.
	 */
	@PostMapping("/release")
	String release(@PathVariable UUID id, @ModelAttribute("releaseForm") ReleaseForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CellProductRequests.Release request = form.toRequest();
		form.setPassword(null);
		if (FormErrors.validate(validator, request, result)) {
			try {
				release.release(id, request);
				return done(id, "Released for clinical use under your electronic signature.", redirect);
			}
			catch (Refusal ex) {
				if (ex.kind() == Refusal.Kind.CONFLICT
						&& ex.errors().stream().noneMatch(p -> p.field().equals("password"))) {
					model.addAttribute("releaseRefusal", ex.getMessage());
					model.addAttribute("releaseProblems", ex.errors()
						.stream()
						.filter(p -> !p.field().equals("state"))
						.map(FieldProblem::message)
						.toList());
				}
				else {
					FormErrors.bind(ex, result);
				}
			}
		}
		return again(id, "release", model);
	}

	@PostMapping("/issue")
	String issue(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, () -> release.issue(id), "Issued for administration.", redirect);
	}

	@PostMapping("/return")
	String returnToStorage(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(id, () -> release.returnToStorage(id),
				"Returned to storage: the product is released and available again.", redirect);
	}

	@PostMapping("/discard")
	String discard(@PathVariable UUID id, @ModelAttribute("discardForm") DiscardForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		CellProductRequests.Discard request = form.toRequest();
		if (FormErrors.submit(validator, request, result, r -> custody.discard(id, r))) {
			return done(id, "The product was discarded.", redirect);
		}
		return again(id, "discard", model);
	}

	private String again(UUID id, String openForm, Model model) {
		model.addAttribute("openForm", openForm);
		return page.render(id, model);
	}

	private static String done(UUID id, String message, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", message);
		return "redirect:/lab/products/" + id;
	}

	/** An action without fields that was refused: the reason is shown at the top of the page. */
	private static String refused(UUID id, Refusal ex, RedirectAttributes redirect) {
		if (ex.kind() == Refusal.Kind.NOT_FOUND) {
			throw ex;
		}
		redirect.addFlashAttribute("actionError", ex.getMessage());
		// A state problem that only names the current state adds nothing to the message.
		redirect.addFlashAttribute("actionProblems", ex.errors()
			.stream()
			.filter(p -> !p.field().equals("state")
					|| Arrays.stream(ProductState.values()).noneMatch(s -> s.name().equals(p.message())))
			.map(p -> p.field().equals("state") ? p.message() : p.field() + ": " + p.message())
			.toList());
		return "redirect:/lab/products/" + id;
	}


	/** A button that changes the product: on success the flash message, on refusal the reason. */
	private String act(UUID id, Runnable action, String message, RedirectAttributes redirect) {
		try {
			action.run();
			return done(id, message, redirect);
		}
		catch (Refusal ex) {
			return refused(id, ex, redirect);
		}
	}

}

package org.spinecell.cellproducts.lab;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validator;
import org.spinecell.accounts.ClinicService;
import org.spinecell.cellproducts.Additive;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.cellproducts.ProductRegistrationService;
import org.spinecell.cellproducts.Donor;
import org.spinecell.cellproducts.DonorService;
import org.spinecell.cellproducts.IntendedUse;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.ProductState;
import org.spinecell.cellproducts.Route;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;
import org.spinecell.cellproducts.label.ProductLabels;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.FormErrors;
import org.spinecell.platform.Refusal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The cell lab: the worklist of products by state, finding a product by its DIN, registering a
 * new product, the product page and its printable label.
 */
@Controller
@RequestMapping("/lab")
class CellLabPageController {

	/** The worklist tabs: a key for the URL, its title and the states it shows. */
	record Tab(String key, String title, Set<ProductState> states) {
	}

	static final List<Tab> TABS = List.of(
			new Tab("open", "All open",
					EnumSet.of(ProductState.COLLECTED, ProductState.IN_PROCESSING, ProductState.QUARANTINE,
							ProductState.RELEASED, ProductState.ISSUED)),
			tab(ProductState.COLLECTED), tab(ProductState.IN_PROCESSING), tab(ProductState.QUARANTINE),
			tab(ProductState.RELEASED), tab(ProductState.ISSUED),
			new Tab("closed", "Closed", EnumSet.of(ProductState.ADMINISTERED, ProductState.DISCARDED,
					ProductState.EXPIRED)));

	private final CellProductService products;

	private final ProductRegistrationService registration;

	private final DonorService donors;

	private final PatientService patients;

	private final ClinicService clinics;

	private final ProductLabels labels;

	private final LabProductPage productPage;

	private final LabViews views;

	private final Validator validator;

	CellLabPageController(CellProductService products, ProductRegistrationService registration, DonorService donors,
			PatientService patients,
			ClinicService clinics, ProductLabels labels, LabProductPage productPage, LabViews views,
			Validator validator) {
		this.products = products;
		this.registration = registration;
		this.donors = donors;
		this.patients = patients;
		this.clinics = clinics;
		this.labels = labels;
		this.productPage = productPage;
		this.views = views;
		this.validator = validator;
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "lab";
	}

	@GetMapping
	String worklist(@RequestParam(defaultValue = "open") String state, Model model) {
		Tab tab = TABS.stream().filter(t -> t.key().equals(state)).findFirst().orElse(TABS.get(0));
		List<CellProduct> all = products.list(null, null);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Tab each : TABS) {
			counts.put(each.key(), all.stream().filter(p -> each.states().contains(p.state())).count());
		}
		List<CellProduct> shown;
		if (tab.states().size() == 1) {
			shown = products.list(tab.states().iterator().next(), null);
		}
		else if (tab.key().equals("open")) {
			shown = all.stream().filter(p -> tab.states().contains(p.state())).toList();
		}
		else {
			shown = new ArrayList<>();
			for (ProductState each : tab.states()) {
				shown.addAll(products.list(each, null));
			}
			shown.sort(Comparator.comparing(CellProduct::createdAt).reversed());
		}
		model.addAttribute("tabs", TABS);
		model.addAttribute("tab", tab);
		model.addAttribute("counts", counts);
		model.addAttribute("rows", views.rows(shown));
		model.addAttribute("zone", views.zone().getId());
		if (!model.containsAttribute("din")) {
			model.addAttribute("din", "");
		}
		return "cellproducts/worklist";
	}

	/** A typed or scanned DIN: straight to the product, or the reason beside the field. */
	@GetMapping("/find")
	String find(@RequestParam(defaultValue = "") String din, Model model) {
		try {
			CellProduct product = products.getByDin(din);
			return "redirect:/lab/products/" + product.id();
		}
		catch (Refusal ex) {
			String message = ex.kind() == Refusal.Kind.NOT_FOUND
					? "no product with this DIN in your clinics"
					: ex.errors().stream().map(FieldProblem::message).findFirst().orElse(ex.getMessage());
			model.addAttribute("din", din);
			model.addAttribute("dinError", message);
			return worklist("open", model);
		}
	}

	@GetMapping("/products/new")
	String newProduct(Model model) {
		CreateForm form = new CreateForm();
		if (CurrentUser.get().clinicIds().size() == 1) {
			form.setClinicId(CurrentUser.get().clinicIds().iterator().next());
		}
		model.addAttribute("form", form);
		return createPage(model);
	}

	@PostMapping("/products/new")
	String create(@ModelAttribute("form") CreateForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		UUID patientId = null;
		UUID recipientId = null;
		if (form.getOrigin() == Origin.AUTOLOGOUS) {
			patientId = patientByMrn(form.getClinicId(), form.getPatientMrn(), "patientMrn", true, result);
		}
		else if (form.getOrigin() == Origin.ALLOGENEIC) {
			recipientId = patientByMrn(form.getClinicId(), form.getRecipientMrn(), "recipientMrn", false, result);
		}
		CellProductRequests.Create request = form.toRequest(patientId, recipientId);
		if (FormErrors.validate(validator, request, result)) {
			try {
				CellProduct product = registration.create(request);
				redirect.addFlashAttribute("flash",
						"Product registered with DIN " + product.dinValue().printed() + ".");
				return "redirect:/lab/products/" + product.id();
			}
			catch (Refusal ex) {
				FormErrors.bind(renamed(ex, Map.of("patientId", "patientMrn", "recipientPatientId", "recipientMrn")),
						result);
			}
		}
		return createPage(model);
	}

	@GetMapping("/products/{id}")
	String show(@PathVariable UUID id, Model model) {
		return productPage.render(id, model);
	}

	/** The label for printing, on the browser session (the API serves the same PDF to token holders). */
	@GetMapping("/products/{id}/label.pdf")
	ResponseEntity<byte[]> label(@PathVariable UUID id) {
		CellProduct product = products.get(id);
		try {
			byte[] pdf = labels.render(id);
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"label-" + product.din() + ".pdf\"")
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(pdf);
		}
		catch (Refusal ex) {
			if (ex.kind() != Refusal.Kind.CONFLICT) {
				throw ex;
			}
			// Not printable yet: back to the product page, whose label section says what is missing.
			return ResponseEntity.status(HttpStatus.SEE_OTHER)
				.header(HttpHeaders.LOCATION, "/lab/products/" + id + "#label")
				.build();
		}
	}

	/**
	 * The patient of the clinic with exactly this MRN; a missing or unknown MRN is a field error
	 * when the MRN is required or was given.
	 */
	private UUID patientByMrn(UUID clinicId, String mrn, String field, boolean required, BindingResult result) {
		if (mrn == null || mrn.isBlank()) {
			if (required) {
				result.rejectValue(field, "required", "is required for an autologous product");
			}
			return null;
		}
		String wanted = mrn.strip();
		Optional<Patient> match = patients.search(wanted, "mrn", 0, 50, false)
			.items()
			.stream()
			.filter(p -> p.mrn().equalsIgnoreCase(wanted) && (clinicId == null || p.clinicId().equals(clinicId)))
			.findFirst();
		if (match.isEmpty()) {
			result.rejectValue(field, "unknown", "no current patient of this clinic has this MRN");
			return null;
		}
		return match.get().id();
	}

	private String createPage(Model model) {
		Map<String, String> clinicOptions = new LinkedHashMap<>();
		clinics.findAll(CurrentUser.get().clinicIds())
			.forEach(c -> clinicOptions.put(c.id().toString(),
					c.name() + (c.fin() == null ? " (no FIN: cannot label products)" : " (FIN " + c.fin() + ")")));
		model.addAttribute("clinicOptions", clinicOptions);
		model.addAttribute("originOptions", LabProductPage.worded(Origin.values()));
		Map<String, String> donorOptions = new LinkedHashMap<>();
		for (Donor donor : donors.list()) {
			donorOptions.put(donor.id().toString(), donor.code() + " (" + LabViews.words(donor.relation().name())
					.toLowerCase(Locale.ROOT) + ", " + LabViews.words(donor.determination().name()).toLowerCase(Locale.ROOT) + ")");
		}
		model.addAttribute("donorOptions", donorOptions);
		Map<String, String> sourceOptions = new LinkedHashMap<>();
		for (SourceType type : SourceType.values()) {
			sourceOptions.put(type.name(), type.label() + (type.researchOnly() ? " (research only)" : ""));
		}
		model.addAttribute("sourceOptions", sourceOptions);
		model.addAttribute("tissueOptions", LabProductPage.worded(Tissue.values()));
		model.addAttribute("useOptions", LabProductPage.worded(IntendedUse.values()));
		model.addAttribute("routeOptions", LabProductPage.worded(Route.values()));
		model.addAttribute("additiveOptions", LabProductPage.worded(Additive.values()));
		return "cellproducts/new";
	}

	/** The same refusal with field names of the API replaced by the form's. */
	static Refusal renamed(Refusal ex, Map<String, String> names) {
		if (ex.errors().isEmpty()) {
			return ex;
		}
		List<FieldProblem> problems = ex.errors()
			.stream()
			.map(p -> new FieldProblem(names.getOrDefault(p.field(), p.field()), p.message()))
			.toList();
		return problems.equals(ex.errors()) ? ex : Refusal.invalid(problems);
	}

	private static Tab tab(ProductState state) {
		return new Tab(state.name().toLowerCase(Locale.ROOT).replace('_', '-'), LabViews.stateLabel(state),
				EnumSet.of(state));
	}

}

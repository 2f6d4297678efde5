package org.spinecell.cellproducts.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.cellproducts.ProductReleaseService;
import org.spinecell.cellproducts.Marker;
import org.spinecell.cellproducts.ProcessingStepType;
import org.spinecell.cellproducts.ProductEvent;
import org.spinecell.cellproducts.ProductState;
import org.spinecell.cellproducts.QcTest;
import org.spinecell.cellproducts.ReleaseCriterion;
import org.spinecell.cellproducts.label.ProductLabels;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model of the product page: the product with its metrics, lineage, regulatory
 * pathway, release checklist and signature, the label preview, and an empty form for each step
 * the product's state allows. A form that failed is already in the model, with its errors, and
 * is kept.
 */
@Component
class LabProductPage {

	static final String VIEW = "cellproducts/product";

	/** States in which results, custody and classification may still be recorded. */
	private static final Set<ProductState> ACTIVE = EnumSet.of(ProductState.COLLECTED, ProductState.IN_PROCESSING,
			ProductState.QUARANTINE, ProductState.RELEASED, ProductState.ISSUED);

	private final CellProductService products;

	private final ProductReleaseService release;

	private final ProductLabels labels;

	private final LabViews views;

	private final LabTimeline timeline;

	LabProductPage(CellProductService products, ProductReleaseService release, ProductLabels labels, LabViews views,
			LabTimeline timeline) {
		this.products = products;
		this.release = release;
		this.labels = labels;
		this.views = views;
		this.timeline = timeline;
	}

	String render(UUID id, Model model) {
		CellProduct product = products.get(id);
		List<ProductEvent> events = products.events(id);
		LabViews.Subject subject = views.subject(product);
		boolean harvested = events.stream().anyMatch(e -> e.kind() == ProductEvent.Kind.HARVEST);
		ProductState state = product.state();

		model.addAttribute("navSection", "lab");
		model.addAttribute("product", product);
		model.addAttribute("din", product.dinValue().printed());
		model.addAttribute("subject", subject);
		model.addAttribute("stateLabel", LabViews.stateLabel(state));
		model.addAttribute("stateTone", LabViews.stateTone(state));
		model.addAttribute("expiry", views.expiry(product.expiresAt(), state, java.time.Instant.now()));
		model.addAttribute("createdAt", views.time(product.createdAt()));
		model.addAttribute("volume", LabViews.number(product.volumeMl()));
		model.addAttribute("zone", views.zone().getId());
		model.addAttribute("metrics", metrics(products.metrics(id)));
		model.addAttribute("timeline", timeline.timeline(product, subject, events));
		model.addAttribute("regulatory", views.regulatory(product));
		model.addAttribute("pathwayLabel", LabViews.pathwayLabel(product.pathway()));
		List<ReleaseCriterion> checklist = release.releaseChecklist(id);
		model.addAttribute("checklist", checklist);
		model.addAttribute("unmetCount", checklist.stream().filter(c -> !c.met()).count());
		ProductReleaseService.SignatureStatus signature = release.releaseSignature(id).orElse(null);
		model.addAttribute("signature", signature);
		model.addAttribute("signedAt", signature == null ? null : views.time(signature.signedAt()));
		model.addAttribute("label", views.label(labels, id));

		model.addAttribute("canHarvest", state == ProductState.COLLECTED && !harvested);
		model.addAttribute("canStep",
				state == ProductState.IN_PROCESSING || (state == ProductState.COLLECTED && harvested));
		model.addAttribute("canComplete", state == ProductState.IN_PROCESSING);
		model.addAttribute("canRecord", ACTIVE.contains(state));
		model.addAttribute("canRelease", state == ProductState.QUARANTINE);
		model.addAttribute("canIssue", state == ProductState.RELEASED);
		model.addAttribute("canReturn", state == ProductState.ISSUED);
		model.addAttribute("canDiscard", state.canMoveTo(ProductState.DISCARDED));

		addIfAbsent(model, "harvestForm", () -> HarvestForm.startingNow(views.zone()));
		addIfAbsent(model, "stepForm", () -> StepForm.startingNow(views.zone()));
		addIfAbsent(model, "qcForm", () -> QcForm.startingNow(views.zone()));
		addIfAbsent(model, "custodyForm", () -> CustodyForm.startingNow(views.zone()));
		addIfAbsent(model, "classifyForm", ClassifyForm::new);
		addIfAbsent(model, "indForm", () -> {
			IndForm form = new IndForm();
			form.setIndNumber(product.indNumber());
			return form;
		});
		addIfAbsent(model, "releaseForm", ReleaseForm::new);
		addIfAbsent(model, "discardForm", DiscardForm::new);
		options(model);
		return VIEW;
	}

	/** One derived figure with its unit; the value is null when the results it needs are missing. */
	record Figure(String label, String value, String unit, String basis) {
	}

	private static List<Figure> metrics(CellProductService.Metrics metrics) {
		List<Figure> figures = new ArrayList<>();
		figures.add(new Figure("TNC", LabViews.number(metrics.tncPerMl()), "× 10⁶/mL", "final TNC result"));
		figures.add(new Figure("Viability", LabViews.number(metrics.viabilityPercent()), "%", "final viability result"));
		figures.add(new Figure("Viable cells", LabViews.number(metrics.viableCellsPerMl()), "× 10⁶/mL",
				"TNC × viability"));
		figures.add(new Figure("Viable dose", LabViews.number(metrics.viableCellDose()), "× 10⁶ cells",
				"viable cells × volume"));
		figures.add(new Figure("Concentration", LabViews.number(metrics.concentrationFactor()), "×",
				"final TNC ÷ TNC before processing"));
		return figures;
	}

	private static void options(Model model) {
		model.addAttribute("stepTypes", worded(ProcessingStepType.values()));
		Map<String, String> tests = new LinkedHashMap<>();
		for (QcTest test : QcTest.values()) {
			tests.put(test.name(), test.label());
		}
		model.addAttribute("qcTests", tests);
		Map<String, List<String>> unitTests = new LinkedHashMap<>();
		Map<String, List<String>> outcomeTests = new LinkedHashMap<>();
		for (QcTest test : QcTest.values()) {
			test.units().forEach(unit -> unitTests.computeIfAbsent(unit, u -> new ArrayList<>()).add(test.name()));
			test.outcomes()
				.forEach(outcome -> outcomeTests.computeIfAbsent(outcome.name(), o -> new ArrayList<>()).add(test.name()));
		}
		model.addAttribute("qcUnits", unitTests.entrySet()
			.stream()
			.map(e -> new LabViews.FilteredOption(e.getKey(), LabViews.unit(e.getKey()), String.join(" ", e.getValue())))
			.toList());
		model.addAttribute("qcOutcomes", outcomeTests.entrySet()
			.stream()
			.map(e -> new LabViews.FilteredOption(e.getKey(), LabViews.words(e.getKey()), String.join(" ", e.getValue())))
			.toList());
		Map<String, String> samples = new LinkedHashMap<>();
		samples.put(CellProductRequests.Sample.FINAL.name(), "Final product");
		samples.put(CellProductRequests.Sample.PRE_PROCESSING.name(), "Before processing");
		model.addAttribute("qcSamples", samples);
		model.addAttribute("custodyActions", worded(Arrays.stream(CellProductRequests.CustodyAction.values())
			.filter(action -> action != CellProductRequests.CustodyAction.DISCARDED)
			.toArray(Enum[]::new)));
		model.addAttribute("markerNames",
				Arrays.stream(Marker.values()).map(Marker::label).collect(Collectors.joining(", ")));
	}

	static Map<String, String> worded(Enum<?>[] values) {
		Map<String, String> options = new LinkedHashMap<>();
		for (Enum<?> value : values) {
			options.put(value.name(), LabViews.words(value.name()));
		}
		return options;
	}

	private static void addIfAbsent(Model model, String name, java.util.function.Supplier<Object> value) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, value.get());
		}
	}

}

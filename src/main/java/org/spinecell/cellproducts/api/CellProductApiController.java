package org.spinecell.cellproducts.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.cellproducts.ProductCustodyService;
import org.spinecell.cellproducts.ProductReleaseService;
import org.spinecell.cellproducts.ProductClassificationService;
import org.spinecell.cellproducts.ProductProcessingService;
import org.spinecell.cellproducts.ProductRegistrationService;
import org.spinecell.cellproducts.Classification;
import org.spinecell.cellproducts.ProductEvent;
import org.spinecell.cellproducts.ProductState;
import org.spinecell.cellproducts.ReleaseCriterion;
import org.spinecell.cellproducts.label.ProductLabels;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cell-products")
class CellProductApiController {

	private final CellProductService products;

	private final ProductRegistrationService registration;

	private final ProductProcessingService processing;

	private final ProductClassificationService classifier;

	private final ProductReleaseService release;

	private final ProductCustodyService custody;

	private final ProductLabels labels;

	CellProductApiController(CellProductService products, ProductRegistrationService registration,
			ProductProcessingService processing, ProductClassificationService classifier,
			ProductReleaseService release, ProductCustodyService custody, ProductLabels labels) {
		this.products = products;
		this.registration = registration;
		this.processing = processing;
		this.classifier = classifier;
		this.release = release;
		this.custody = custody;
		this.labels = labels;
	}

	@GetMapping(value = "/{id}/label.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> label(@PathVariable UUID id) {
		CellProduct product = products.get(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"label-" + product.din() + ".pdf\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(labels.render(id));
	}

	@PostMapping
	ResponseEntity<CellProduct> create(@Valid @RequestBody CellProductRequests.Create request) {
		CellProduct product = registration.create(request);
		return ResponseEntity.created(URI.create("/api/v1/cell-products/" + product.id())).body(product);
	}

	/** Finds by DIN when {@code din} is given; otherwise the worklist, optionally by state or patient. */
	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String din,
			@RequestParam(required = false) ProductState state, @RequestParam(required = false) UUID patientId) {
		if (din != null) {
			return Map.of("items", List.of(products.getByDin(din)));
		}
		return Map.of("items", products.list(state, patientId));
	}

	@GetMapping("/{id}")
	CellProduct get(@PathVariable UUID id) {
		return products.get(id);
	}

	@GetMapping("/{id}/events")
	Map<String, List<ProductEvent>> events(@PathVariable UUID id) {
		return Map.of("items", products.events(id));
	}

	@GetMapping("/{id}/metrics")
	CellProductService.Metrics metrics(@PathVariable UUID id) {
		return products.metrics(id);
	}

	@PostMapping("/{id}/harvest")
	CellProduct harvest(@PathVariable UUID id, @Valid @RequestBody CellProductRequests.Harvest request) {
		return registration.recordHarvest(id, request);
	}

	@PostMapping("/{id}/processing-steps")
	CellProduct processingStep(@PathVariable UUID id, @Valid @RequestBody CellProductRequests.ProcessingStep request) {
		return processing.addProcessingStep(id, request);
	}

	@PostMapping("/{id}/processing-complete")
	CellProduct completeProcessing(@PathVariable UUID id) {
		return processing.completeProcessing(id);
	}

	@PostMapping("/{id}/qc-results")
	CellProduct qcResult(@PathVariable UUID id, @Valid @RequestBody CellProductRequests.Qc request) {
		return processing.addQcResult(id, request);
	}

	@PostMapping("/{id}/custody-events")
	CellProduct custody(@PathVariable UUID id, @Valid @RequestBody CellProductRequests.Custody request) {
		return custody.recordCustody(id, request);
	}

	@PostMapping("/{id}/regulatory-classification")
	Classification classify(@PathVariable UUID id,
			@RequestBody(required = false) CellProductRequests.ClassificationFlags flags) {
		return classifier.classify(id,
				flags == null ? new CellProductRequests.ClassificationFlags(null, null, null) : flags);
	}

	@PostMapping("/{id}/regulatory-classification/confirm")
	CellProduct confirmClassification(@PathVariable UUID id) {
		return classifier.confirmClassification(id);
	}

	@PutMapping("/{id}/ind")
	CellProduct ind(@PathVariable UUID id, @Valid @RequestBody CellProductRequests.Ind request) {
		return classifier.setIndNumber(id, request);
	}

	@GetMapping("/{id}/release-checklist")
	Map<String, List<ReleaseCriterion>> releaseChecklist(@PathVariable UUID id) {
		return Map.of("criteria", release.releaseChecklist(id));
	}

	@PostMapping("/{id}/release")
	CellProduct release(@PathVariable UUID id, @Valid @RequestBody CellProductRequests.Release request) {
		return release.release(id, request);
	}

	@GetMapping("/{id}/release-signature")
	ResponseEntity<ProductReleaseService.SignatureStatus> releaseSignature(@PathVariable UUID id) {
		return ResponseEntity.of(release.releaseSignature(id));
	}

	@PostMapping("/{id}/issue")
	CellProduct issue(@PathVariable UUID id) {
		return release.issue(id);
	}

	@PostMapping("/{id}/return")
	CellProduct returnToStorage(@PathVariable UUID id) {
		return release.returnToStorage(id);
	}

	@PostMapping("/{id}/discard")
	CellProduct discard(@PathVariable UUID id, @Valid @RequestBody CellProductRequests.Discard request) {
		return custody.discard(id, request);
	}

}

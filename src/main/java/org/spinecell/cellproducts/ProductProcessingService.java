package org.spinecell.cellproducts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.spinecell.cellproducts.release.QcResult;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab's work on a product: processing steps, the end of processing (quarantine) and QC results.
 */
@Service
public class ProductProcessingService {

	private final CellProductRepository products;

	private final ProductLedger ledger;

	ProductProcessingService(CellProductRepository products, ProductLedger ledger) {
		this.products = products;
		this.ledger = ledger;
	}

	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct addProcessingStep(UUID id, CellProductRequests.ProcessingStep request) {
		CellProduct product = ledger.get(id);
		if (product.state() == ProductState.COLLECTED) {
			if (ledger.events(product, ProductEvent.Kind.HARVEST).isEmpty()) {
				throw Refusal.conflict("Record the harvest before processing",
						List.of(new FieldProblem("state", "harvest not recorded")));
			}
			ledger.move(product, ProductState.IN_PROCESSING, "processing started");
		}
		else {
			product.requireState(ProductState.IN_PROCESSING);
		}
		ledger.timeline(product).checkLabStep(request.performedAt(), "performedAt");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", request.type().name());
		data.put("device", request.device());
		data.put("kit", request.kit());
		data.put("lot", request.lot());
		data.put("parameters", new TreeMap<>(request.parameters()));
		data.put("outputVolumeMl", request.outputVolumeMl());
		ledger.record(product, ProductEvent.Kind.PROCESSING_STEP, request.performedAt(), data);
		if (request.outputVolumeMl() != null) {
			products.updateVolume(product.clinicId(), id, request.outputVolumeMl(), CurrentUser.get().id());
		}
		return ledger.get(id);
	}

	/** Processing is finished: the product waits in quarantine for its test results and release. */
	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct completeProcessing(UUID id) {
		CellProduct product = ledger.get(id);
		ledger.move(product, ProductState.QUARANTINE, "processing complete");
		return ledger.get(id);
	}

	/**
	 * Records a QC result. Results may arrive after release (a 14-day sterility culture, say): the
	 * release signature then no longer matches and shows as invalidated.
	 */
	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct addQcResult(UUID id, CellProductRequests.Qc request) {
		CellProduct product = ledger.get(id);
		if (!product.state().isActive()) {
			throw Refusal.conflict("No results can be added to a product that is " + product.state(),
					List.of(new FieldProblem("state", product.state().name())));
		}
		List<FieldProblem> problems = QcResult.validate(request.test(), request.value(), request.result(),
				request.unit(), request.markers(), request.method(), request.performedAt());
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		ledger.timeline(product).checkLabStep(request.performedAt(), "performedAt");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("test", request.test().name());
		data.put("value", request.value());
		data.put("result", request.result() == null ? null : request.result().name());
		data.put("unit", request.unit());
		data.put("markers", request.markers() == null ? null : new TreeMap<>(request.markers()));
		data.put("method", request.method());
		data.put("sample", request.sample().name());
		ledger.record(product, ProductEvent.Kind.QC_RESULT, request.performedAt(), data);
		return ledger.get(id);
	}

}

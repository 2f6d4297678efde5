package org.spinecell.cellproducts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Refusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding and reading cell products: by id, by DIN, by state or patient, their event log, their
 * timeline and the figures derived from their QC results. The changes are the use-case services':
 * {@link ProductRegistrationService}, {@link ProductProcessingService},
 * {@link ProductClassificationService}, {@link ProductReleaseService} and {@link ProductCustodyService}.
 */
@Service
public class CellProductService {

	static final String ENTITY = "CellProduct";

	private final CellProductRepository products;

	private final ProductLedger ledger;

	private final JsonMapper json;

	CellProductService(CellProductRepository products, ProductLedger ledger, JsonMapper json) {
		this.products = products;
		this.ledger = ledger;
		this.json = json;
	}

	/** Derived figures of a product, from its latest QC results. */
	public record Metrics(BigDecimal tncPerMl, BigDecimal viabilityPercent, BigDecimal viableCellsPerMl,
			BigDecimal viableCellDose, BigDecimal concentrationFactor) {
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public CellProduct get(UUID id) {
		return ledger.get(id);
	}

	/** Finds a product by a typed or scanned DIN; a malformed DIN or wrong check character is a 400. */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public CellProduct getByDin(String text) {
		Din din = Din.parse(text);
		return products.findByDin(CurrentUser.get().clinicIds(), din.value())
			.orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<CellProduct> list(ProductState state, UUID patientId) {
		return products.list(CurrentUser.get().clinicIds(), state, patientId, 500);
	}

	/**
	 * The products that could go into a patient of the clinic: released or issued, and either the
	 * patient's own cells, donor cells meant for them, or donor cells of the clinic meant for nobody
	 * in particular. The checks on completing a procedure decide; this only keeps a list short.
	 */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<CellProduct> candidatesFor(UUID patientClinicId, UUID patientId) {
		return products.candidatesFor(CurrentUser.get().clinicIds(), patientClinicId, patientId, 500);
	}

	/** The DINs of the products of a clinic, by product id, for a module that holds the ids already. */
	@Transactional(readOnly = true)
	public Map<UUID, String> dins(UUID clinicId, Collection<UUID> productIds) {
		return products.dins(clinicId, productIds);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<ProductEvent> events(UUID id) {
		return ledger.events(get(id));
	}

	/** When the product was harvested, released and issued, for checking the order of later steps. */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public ProductTimeline timeline(UUID id) {
		return ledger.timeline(get(id));
	}

	/** Concentration, viability and dose from the product's latest QC results and volume. */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public Metrics metrics(UUID id) {
		CellProduct product = get(id);
		return metrics(product, ledger.events(product));
	}

	Metrics metrics(CellProduct product, List<ProductEvent> events) {
		BigDecimal tnc = latestValue(events, QcTest.TNC, CellProductRequests.Sample.FINAL);
		BigDecimal preTnc = latestValue(events, QcTest.TNC, CellProductRequests.Sample.PRE_PROCESSING);
		BigDecimal viability = latestValue(events, QcTest.VIABILITY, CellProductRequests.Sample.FINAL);
		BigDecimal viablePerMl = tnc == null || viability == null ? null
				: tnc.multiply(viability).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
		BigDecimal dose = viablePerMl == null || product.volumeMl() == null ? null
				: viablePerMl.multiply(product.volumeMl()).setScale(2, RoundingMode.HALF_UP);
		BigDecimal factor = tnc == null || preTnc == null || preTnc.signum() == 0 ? null
				: tnc.divide(preTnc, 2, RoundingMode.HALF_UP);
		return new Metrics(tnc, viability, viablePerMl, dose, factor);
	}

	private BigDecimal latestValue(List<ProductEvent> events, QcTest test, CellProductRequests.Sample sample) {
		BigDecimal value = null;
		for (ProductEvent event : events) {
			if (event.kind() == ProductEvent.Kind.QC_RESULT) {
				JsonNode data = json.readTree(event.data());
				if (test.name().equals(data.get("test").asString())
						&& sample.name().equals(data.path("sample").asString("FINAL")) && data.hasNonNull("value")) {
					value = data.get("value").decimalValue();
				}
			}
		}
		return value;
	}

}

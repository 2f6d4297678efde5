package org.spinecell.cellproducts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.accounts.ElectronicSignature;
import org.spinecell.accounts.ElectronicSignatures;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.cellproducts.release.QcResult;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Release and issue: the release checklist, release under an electronic signature, the state of that
 * signature, issuing a released product for a procedure and taking it back to storage unused.
 */
@Service
public class ProductReleaseService {

	public static final String RELEASE_MEANING = "Released for clinical use";

	/** The state of the release signature: who signed, and whether the signed content is unchanged. */
	public record SignatureStatus(String signerName, String meaning, Instant signedAt, boolean valid) {
	}

	private final CellProductRepository products;

	private final ProductLedger ledger;

	private final DonorService donors;

	private final ElectronicSignatures signatures;

	private final AuditTrail audit;

	private final JsonMapper json;

	ProductReleaseService(CellProductRepository products, ProductLedger ledger, DonorService donors,
			ElectronicSignatures signatures, AuditTrail audit, JsonMapper json) {
		this.products = products;
		this.ledger = ledger;
		this.donors = donors;
		this.signatures = signatures;
		this.audit = audit;
		this.json = json;
	}

	/** Every release criterion with whether it is met, in the order the lab checks them. */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<ReleaseCriterion> releaseChecklist(UUID id) {
		CellProduct product = ledger.get(id);
		return checklist(product, ledger.events(product));
	}

	/**
	 * Releases the product under the signer's electronic signature. Refused with every unmet
	 * criterion listed; two concurrent releases cannot both succeed.
	 */
	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct release(UUID id, CellProductRequests.Release request) {
		CellProduct product = ledger.get(id);
		if (product.state() != ProductState.QUARANTINE) {
			throw Refusal.conflict("Only a product in quarantine can be released; this one is " + product.state(),
					List.of(new FieldProblem("state", product.state().name())));
		}
		List<ProductEvent> events = ledger.events(product);
		if (request.releasedAt() != null) {
			ProductTimeline.of(events).checkReleaseAt(request.releasedAt());
		}
		List<FieldProblem> unmet = checklist(product, events).stream()
			.filter(criterion -> !criterion.met())
			.map(criterion -> new FieldProblem(criterion.id(), criterion.description() + ": " + criterion.detail()))
			.toList();
		if (!unmet.isEmpty()) {
			throw Refusal.conflict("The product does not meet its release criteria", unmet);
		}
		ElectronicSignature signature = signatures.sign(product.clinicId(), CellProductService.ENTITY, id.toString(), request.password(),
				request.meaning(), contentHash(product, events));
		if (!products.release(product.clinicId(), id, signature.id(), CurrentUser.get().id())) {
			throw Refusal.conflict("The product was released or changed by someone else",
					List.of(new FieldProblem("state", "changed concurrently")));
		}
		ledger.record(product, ProductEvent.Kind.RELEASE,
				request.releasedAt() == null ? signature.signedAt() : request.releasedAt(),
				Map.of("signer", signature.signerName(), "meaning", signature.meaning(), "contentHash",
						signature.contentHash(), "signedAt", signature.signedAt().toString()));
		audit.record(product.clinicId(), AuditAction.UPDATE, CellProductService.ENTITY, id,
				Map.of("state", new FieldChange(ProductState.QUARANTINE.name(), ProductState.RELEASED.name())),
				request.meaning());
		return ledger.get(id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public Optional<SignatureStatus> releaseSignature(UUID id) {
		CellProduct product = ledger.get(id);
		if (product.releaseSignatureId() == null) {
			return Optional.empty();
		}
		String current = contentHash(product, ledger.events(product));
		return signatures.find(product.clinicId(), product.releaseSignatureId())
			.map(s -> new SignatureStatus(s.signerName(), s.meaning(), s.signedAt(), s.matches(current)));
	}

	/** The lab hands a released product over for a procedure. */
	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct issue(UUID id) {
		CellProduct product = ledger.get(id);
		if (product.isExpired(Instant.now())) {
			throw Refusal.conflict("The product expired at " + product.expiresAt(),
					List.of(new FieldProblem("expiresAt", "expired")));
		}
		if (releaseSignature(id).map(signature -> !signature.valid()).orElse(false)) {
			throw Refusal.conflict("The release signature no longer matches the product's data",
					List.of(new FieldProblem("releaseSignature", "invalidated by a change after release")));
		}
		ledger.move(product, ProductState.ISSUED, "issued for administration");
		return ledger.get(id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct returnToStorage(UUID id) {
		ledger.move(ledger.get(id), ProductState.RELEASED, "returned to storage unused");
		return ledger.get(id);
	}

	private List<ReleaseCriterion> checklist(CellProduct product, List<ProductEvent> events) {
		List<ReleaseCriterion> criteria = new ArrayList<>();
		boolean harvested = events.stream().anyMatch(e -> e.kind() == ProductEvent.Kind.HARVEST);
		criteria.add(new ReleaseCriterion("harvest", "Harvest recorded", harvested,
				harvested ? "recorded" : "no harvest recorded"));
		criteria.addAll(product.sourceType().defaultSpecification().evaluate(latestResults(events)));
		boolean classified = product.pathway() != null;
		boolean confirmed = product.classificationConfirmedAt() != null;
		criteria.add(new ReleaseCriterion("classification", "Regulatory classification confirmed by a physician",
				classified && confirmed, !classified ? "not classified" : confirmed ? product.pathway().name()
						: product.pathway().name() + " awaiting physician confirmation"));
		if (product.pathway() != null && product.pathway().requiresInd()) {
			criteria.add(new ReleaseCriterion("indNumber", "IND or BLA number on file for a 351 product",
					product.indNumber() != null, product.indNumber() != null ? product.indNumber()
							: "a 351 biologic may only be used under an IND or BLA"));
		}
		if (product.origin() == Origin.ALLOGENEIC) {
			Donor donor = donors.ofProduct(product.donorId());
			criteria.add(new ReleaseCriterion("donorEligibility", "Donor eligible and reviewed",
					donor.eligibleAndReviewed(), donor.determination().name()
							+ (donor.reviewedAt() == null ? ", not reviewed" : ", reviewed by " + donor.reviewedByName())));
		}
		boolean hasExpiry = product.expiresAt() != null;
		boolean unexpired = hasExpiry && !product.isExpired(Instant.now());
		criteria.add(new ReleaseCriterion("expiry", "Expiry date set and not passed", unexpired,
				!hasExpiry ? "no expiry date recorded" : unexpired ? "expires " + product.expiresAt()
						: "expired " + product.expiresAt()));
		return criteria;
	}

	/** The latest final-product result of each test, as domain objects the specification evaluates. */
	private List<QcResult> latestResults(List<ProductEvent> events) {
		Map<QcTest, QcResult> latest = new LinkedHashMap<>();
		for (ProductEvent event : events) {
			if (event.kind() != ProductEvent.Kind.QC_RESULT) {
				continue;
			}
			JsonNode data = json.readTree(event.data());
			if (!CellProductRequests.Sample.FINAL.name().equals(data.path("sample").asString("FINAL"))) {
				continue;
			}
			QcTest test = QcTest.valueOf(data.get("test").asString());
			Map<String, BigDecimal> markers = null;
			if (data.hasNonNull("markers")) {
				markers = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> marker : data.get("markers").properties()) {
					markers.put(marker.getKey(), marker.getValue().decimalValue());
				}
			}
			latest.put(test, new QcResult(test, data.hasNonNull("value") ? data.get("value").decimalValue() : null,
					data.hasNonNull("result") ? QualitativeResult.valueOf(data.get("result").asString()) : null,
					data.hasNonNull("unit") ? data.get("unit").asString() : null, markers,
					data.hasNonNull("method") ? data.get("method").asString() : null, event.occurredAt()));
		}
		return List.copyOf(latest.values());
	}

	/**
	 * What a release signature is bound to: the product's identity, source, volume, expiry,
	 * regulatory status and every QC result. Any later change to these invalidates the signature.
	 */
	String contentHash(CellProduct product, List<ProductEvent> events) {
		StringBuilder content = new StringBuilder();
		content.append(product.din()).append('|').append(product.origin()).append('|').append(product.patientId())
			.append('|').append(product.donorId()).append('|').append(product.sourceType()).append('|')
			.append(product.volumeMl() == null ? null : product.volumeMl().stripTrailingZeros().toPlainString())
			.append('|').append(product.expiresAt()).append('|').append(product.pathway()).append('|')
			.append(product.indNumber());
		events.stream()
			.filter(e -> e.kind() == ProductEvent.Kind.QC_RESULT)
			.sorted(java.util.Comparator.comparing(ProductEvent::id))
			.forEach(e -> content.append('|').append(e.id()).append('=').append(e.data()));
		return ElectronicSignatures.hash(content.toString());
	}

}

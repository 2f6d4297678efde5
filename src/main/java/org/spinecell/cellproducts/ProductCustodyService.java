package org.spinecell.cellproducts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custody and administration: where a product is kept, its discard, its administration in a procedure,
 * the fate of an unused remainder, and expiry.
 */
@Service
public class ProductCustodyService {

	private final CellProductRepository products;

	private final ProductLedger ledger;

	private final AuditTrail audit;

	ProductCustodyService(CellProductRepository products, ProductLedger ledger, AuditTrail audit) {
		this.products = products;
		this.ledger = ledger;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct recordCustody(UUID id, CellProductRequests.Custody request) {
		CellProduct product = ledger.get(id);
		if (!product.state().isActive()) {
			throw Refusal.conflict("The product is " + product.state() + "; its custody has ended",
					List.of(new FieldProblem("state", product.state().name())));
		}
		if (request.action() == CellProductRequests.CustodyAction.DISCARDED) {
			throw Refusal.invalid("action", "use the discard action, which needs a reason");
		}
		ledger.timeline(product).checkLabStep(request.at(), "at");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("action", request.action().name());
		data.put("fromPerson", request.fromPerson());
		data.put("toPerson", request.toPerson());
		data.put("location", request.location());
		data.put("temperature", request.temperature());
		data.put("expiresAt", request.expiresAt() == null ? null : request.expiresAt().toString());
		ledger.record(product, ProductEvent.Kind.CUSTODY, request.at(), data);
		products.updateStorage(product.clinicId(), id, request.location(), request.temperature(), request.expiresAt(),
				CurrentUser.get().id());
		return ledger.get(id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct discard(UUID id, CellProductRequests.Discard request) {
		ledger.move(ledger.get(id), ProductState.DISCARDED, request.reason());
		return ledger.get(id);
	}

	/**
	 * Marks a released (or issued) product as administered in a procedure. Conditional on its
	 * current state, so two procedures racing for one unit cannot both use it.
	 *
	 * @return false when the product was no longer available
	 */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public boolean administer(UUID id, UUID procedureId) {
		CellProduct product = ledger.get(id);
		if (product.state() != ProductState.RELEASED && product.state() != ProductState.ISSUED) {
			return false;
		}
		if (!products.moveState(product.clinicId(), id, product.state(), ProductState.ADMINISTERED,
				CurrentUser.get().id())) {
			return false;
		}
		ledger.record(product, ProductEvent.Kind.STATE_CHANGE, Instant.now(), Map.of("from", product.state().name(), "to",
				ProductState.ADMINISTERED.name(), "reason", "administered in procedure " + procedureId));
		audit.record(product.clinicId(), AuditAction.UPDATE, CellProductService.ENTITY, id,
				Map.of("state", new FieldChange(product.state().name(), ProductState.ADMINISTERED.name())),
				"administered in procedure " + procedureId);
		return true;
	}

	/** What happened to the volume left over after a procedure used part of a product. */
	public enum RemainderAction {

		DISCARDED, RETURNED_TO_STORAGE

	}

	/** Records the fate of a product's unused remainder as a custody event on the product. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public void recordRemainder(UUID id, BigDecimal volumeMl, RemainderAction action, String location) {
		CellProduct product = ledger.get(id);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("action", action == RemainderAction.DISCARDED ? "REMAINDER_DISCARDED" : "REMAINDER_RETURNED");
		data.put("volumeMl", volumeMl);
		data.put("location", location);
		ledger.record(product, ProductEvent.Kind.CUSTODY, Instant.now(), data);
	}

	/**
	 * Marks products past their expiry as expired. Runs as the system for the given clinics; returns
	 * how many products expired.
	 */
	@Transactional
	public int expireOverdue() {
		int expired = 0;
		for (CellProduct product : products.overdue(CurrentUser.get().clinicIds())) {
			if (products.moveState(product.clinicId(), product.id(), product.state(), ProductState.EXPIRED,
					CurrentUser.get().id())) {
				ledger.record(product, ProductEvent.Kind.STATE_CHANGE, product.expiresAt(),
						Map.of("from", product.state().name(), "to", ProductState.EXPIRED.name(), "reason",
								"expiry date and time passed"));
				audit.record(product.clinicId(), AuditAction.UPDATE, CellProductService.ENTITY, product.id(),
						Map.of("state", new FieldChange(product.state().name(), ProductState.EXPIRED.name())),
						"expired");
				expired++;
			}
		}
		return expired;
	}

}

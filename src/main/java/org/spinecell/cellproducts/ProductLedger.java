package org.spinecell.cellproducts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.patients.RecordAccess;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What every use case of a product does the same way: load the product the user may see, check and
 * write a state move, and append an event to the product's log (and the audit trail). Shared by the
 * use-case services of this package, so each of them stays about one use case.
 */
@Component
class ProductLedger {

	private final RecordAccess records;

	private final CellProductRepository products;

	private final AuditTrail audit;

	private final JsonMapper json;

	ProductLedger(RecordAccess records, CellProductRepository products, AuditTrail audit, JsonMapper json) {
		this.records = records;
		this.products = products;
		this.audit = audit;
		this.json = json;
	}

	/** The product, if the current user may see it (no role check: the calling use case has made it). */
	CellProduct get(UUID id) {
		return records.read(CellProductService.ENTITY, clinics -> products.find(clinics, id), CellProduct::clinicId,
				CellProduct::intendedRecipient);
	}

	List<ProductEvent> events(CellProduct product) {
		return products.events(product.clinicId(), product.id());
	}

	List<ProductEvent> events(CellProduct product, ProductEvent.Kind kind) {
		return events(product).stream().filter(e -> e.kind() == kind).toList();
	}

	ProductTimeline timeline(CellProduct product) {
		return ProductTimeline.of(events(product));
	}

	void move(CellProduct product, ProductState to, String reason) {
		product.state().checkMoveTo(to);
		if (!products.moveState(product.clinicId(), product.id(), product.state(), to, CurrentUser.get().id())) {
			throw Refusal.conflict("The product was changed by someone else; reload it",
					List.of(new FieldProblem("state", "changed concurrently")));
		}
		record(product, ProductEvent.Kind.STATE_CHANGE, Instant.now(),
				Map.of("from", product.state().name(), "to", to.name(), "reason", reason));
		audit.record(product.clinicId(), AuditAction.UPDATE, CellProductService.ENTITY, product.id(),
				Map.of("state", new FieldChange(product.state().name(), to.name())), reason);
	}

	void record(CellProduct product, ProductEvent.Kind kind, Instant occurredAt, Object data) {
		CurrentUser user = CurrentUser.get();
		products.insertEvent(product.clinicId(), product.id(), kind, occurredAt, user.id(), user.displayName(), data);
		if (kind != ProductEvent.Kind.STATE_CHANGE && kind != ProductEvent.Kind.CLASSIFICATION
				&& kind != ProductEvent.Kind.RELEASE) {
			audit.record(product.clinicId(), AuditAction.CREATE, CellProductService.ENTITY + "." + kind, product.id(),
					Map.of(kind.name().toLowerCase(), new FieldChange(null, json.writeValueAsString(data))), null);
		}
	}

}

package org.spinecell.cellproducts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.cellproducts.regulatory.ClassificationInput;
import org.spinecell.cellproducts.regulatory.RegulatoryClassifier;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 21 CFR 1271 classification of a product, a physician's confirmation of it, and the IND or BLA number a 351 product needs.
 */
@Service
public class ProductClassificationService {

	private final CellProductRepository products;

	private final ProductLedger ledger;

	private final DonorService donors;

	private final AuditTrail audit;

	private final JsonMapper json;

	ProductClassificationService(CellProductRepository products, ProductLedger ledger, DonorService donors,
			AuditTrail audit, JsonMapper json) {
		this.products = products;
		this.ledger = ledger;
		this.donors = donors;
		this.audit = audit;
		this.json = json;
	}

	/** Runs the 21 CFR 1271 decision procedure on what is recorded about the product. */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public Classification classify(UUID id, CellProductRequests.ClassificationFlags flags) {
		CellProduct product = ledger.get(id);
		ClassificationInput input = classificationInput(product, flags);
		Classification classification = RegulatoryClassifier.classify(input);
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("pathway", classification.pathway().name());
		stored.put("reasons", classification.reasons());
		stored.put("flags", classification.flags());
		stored.put("ruleSetVersion", classification.ruleSetVersion());
		stored.put("inputs", input);
		stored.put("confirmed", false);
		String storedJson = json.writeValueAsString(stored);
		products.updateClassification(product.clinicId(), id, classification.pathway(), storedJson, false,
				CurrentUser.get().id());
		ledger.record(product, ProductEvent.Kind.CLASSIFICATION, Instant.now(), stored);
		audit.record(product.clinicId(), AuditAction.UPDATE, CellProductService.ENTITY, id,
				Map.of("pathway", new FieldChange(name(product.pathway()), classification.pathway().name())), null);
		return classification;
	}

	/** A physician confirms the classification as recorded. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public CellProduct confirmClassification(UUID id) {
		CellProduct product = ledger.get(id);
		if (product.classification() == null) {
			throw Refusal.conflict("Classify the product first",
					List.of(new FieldProblem("classification", "missing")));
		}
		JsonNode stored = json.readTree(product.classification());
		Map<String, Object> confirmed = json.convertValue(stored, java.util.LinkedHashMap.class);
		confirmed.put("confirmed", true);
		confirmed.put("confirmedBy", CurrentUser.get().displayName());
		products.updateClassification(product.clinicId(), id, product.pathway(), json.writeValueAsString(confirmed),
				true, CurrentUser.get().id());
		ledger.record(product, ProductEvent.Kind.CLASSIFICATION, Instant.now(),
				Map.of("pathway", product.pathway().name(), "confirmed", true));
		audit.record(product.clinicId(), AuditAction.SIGN, CellProductService.ENTITY, id,
				Map.of("classificationConfirmed", new FieldChange(null, product.pathway().name())),
				"regulatory classification confirmed");
		return ledger.get(id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct setIndNumber(UUID id, CellProductRequests.Ind request) {
		CellProduct product = ledger.get(id);
		if (!product.state().isActive()) {
			throw Refusal.conflict("The product is " + product.state());
		}
		String ind = request.indNumber().replaceFirst("^(IND|BLA)([0-9])", "$1 $2");
		products.updateIndNumber(product.clinicId(), id, ind, CurrentUser.get().id());
		audit.updated(CellProductService.ENTITY, id, product.clinicId(), single("indNumber", product.indNumber()),
				single("indNumber", ind), null);
		return ledger.get(id);
	}

	private ClassificationInput classificationInput(CellProduct product,
			CellProductRequests.ClassificationFlags flags) {
		DonorRelation relation = product.origin() == Origin.ALLOGENEIC ? donors.get(product.donorId()).relation()
				: null;
		Set<ProcessingStepType> steps = EnumSet.noneOf(ProcessingStepType.class);
		for (ProductEvent event : ledger.events(product)) {
			if (event.kind() == ProductEvent.Kind.PROCESSING_STEP) {
				steps.add(ProcessingStepType.valueOf(json.readTree(event.data()).get("type").asString()));
			}
		}
		ClassificationInput.Builder builder = ClassificationInput.builder()
			.origin(product.origin())
			.relation(relation)
			.tissue(product.tissue())
			.sourceType(product.sourceType())
			.steps(steps.toArray(ProcessingStepType[]::new))
			.additives(product.additives().toArray(Additive[]::new))
			.intendedUse(product.intendedUse())
			.route(product.route())
			.sameSurgicalProcedure(product.sameSurgicalProcedure())
			.systemicEffect(Boolean.TRUE.equals(flags.systemicEffect()))
			.dependsOnMetabolicActivity(Boolean.TRUE.equals(flags.dependsOnMetabolicActivity()))
			.reproductiveUse(Boolean.TRUE.equals(flags.reproductiveUse()));
		return builder.build();
	}

	private static Map<String, Object> single(String key, Object value) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(key, value);
		return map;
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

}

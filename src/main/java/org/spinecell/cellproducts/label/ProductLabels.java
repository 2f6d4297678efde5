package org.spinecell.cellproducts.label;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.ProductEvent;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts together what a product's label shows: identity, product, volume, dates, storage,
 * regulatory status, and for autologous products the patient it must go back to. A product that
 * is not released says so on the label in words nobody can miss.
 */
@Service
public class ProductLabels {

	private final CellProductService products;

	private final PatientService patients;

	private final ClinicService clinics;

	private final SpineCellProperties properties;

	ProductLabels(CellProductService products, PatientService patients, ClinicService clinics,
			SpineCellProperties properties) {
		this.products = products;
		this.patients = patients;
		this.clinics = clinics;
		this.properties = properties;
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public byte[] render(UUID productId) {
		return ProductLabel.render(labelData(productId));
	}

	public LabelData labelData(UUID productId) {
		CellProduct product = products.get(productId);
		List<FieldProblem> missing = new ArrayList<>();
		if (product.volumeMl() == null) {
			missing.add(new FieldProblem("volumeMl", "record the harvest or the processed volume first"));
		}
		if (product.expiresAt() == null) {
			missing.add(new FieldProblem("expiresAt", "record the expiry with a custody event first"));
		}
		if (!missing.isEmpty()) {
			throw Refusal.conflict("The label needs the product's volume and expiry", missing);
		}
		Instant collected = products.events(productId)
			.stream()
			.filter(event -> event.kind() == ProductEvent.Kind.HARVEST)
			.map(ProductEvent::occurredAt)
			.findFirst()
			.orElse(product.createdAt());
		LabelData.Autologous autologous = null;
		if (product.origin() == Origin.AUTOLOGOUS) {
			Patient patient = patients.get(product.patientId());
			autologous = new LabelData.Autologous(patient.givenName() + " " + patient.familyName(), patient.mrn(),
					patient.birthDate());
		}
		Clinic clinic = clinics.get(product.clinicId());
		String storage = product.storageTemperature() == null ? "Storage conditions not recorded"
				: "Store at " + product.storageTemperature();
		return new LabelData(product.dinValue(), product.sourceType().label(),
				product.volumeMl().stripTrailingZeros().toPlainString() + " mL", collected, product.expiresAt(),
				properties.timeZone(), storage, regulatoryStatus(product), autologous, clinic.name(), warning(product));
	}

	static String regulatoryStatus(CellProduct product) {
		if (product.pathway() == null) {
			return "Regulatory status not classified";
		}
		return switch (product.pathway()) {
			case EXEMPT_1271_15B -> "Same surgical procedure (21 CFR 1271.15(b))";
			case NOT_HCTP -> "Not an HCT/P (21 CFR 1271.3(d)(4))";
			case HCTP_361 -> "PHS Act 361 HCT/P";
			case BIOLOGIC_351 -> product.indNumber() == null ? "351 biologic: no IND or BLA on file"
					: "Investigational use only: " + product.indNumber();
		};
	}

	static String warning(CellProduct product) {
		return switch (product.state()) {
			case RELEASED, ISSUED, ADMINISTERED -> null;
			case DISCARDED -> "DISCARDED - DO NOT USE";
			case EXPIRED -> "EXPIRED - DO NOT USE";
			default -> "NOT RELEASED - NOT FOR CLINICAL USE";
		};
	}

}

package org.spinecell.cellproducts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.audit.AuditTrail;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering a cell product (its origin, source, donor or patient, and a new DIN) and recording its harvest.
 */
@Service
public class ProductRegistrationService {

	private final CellProductRepository products;

	private final ProductLedger ledger;

	private final DonorService donors;

	private final PatientService patients;

	private final ClinicService clinics;

	private final AuditTrail audit;

	ProductRegistrationService(CellProductRepository products, ProductLedger ledger, DonorService donors,
			PatientService patients, ClinicService clinics, AuditTrail audit) {
		this.products = products;
		this.ledger = ledger;
		this.donors = donors;
		this.patients = patients;
		this.clinics = clinics;
		this.audit = audit;
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct create(CellProductRequests.Create request) {
		CurrentUser user = CurrentUser.get();
		if (!user.isMemberOf(request.clinicId())) {
			throw Refusal.invalid("clinicId", "not a clinic you work in");
		}
		CellProduct.Source source = CellProduct.Source.of(request.origin(), request.patientId(), request.donorId(),
				request.recipientPatientId(), request.sourceType(), request.tissue());
		if (source.relatedPatient() != null) {
			Patient patient = patients.get(source.relatedPatient());
			if (!patient.clinicId().equals(request.clinicId()) || patient.voided()) {
				throw Refusal.invalid(source.relatedPatientField(), "not a current patient of this clinic");
			}
		}
		if (source.donorId() != null) {
			donors.get(source.donorId()).checkGivesTo(request.clinicId(), source.recipientPatientId());
		}
		Clinic clinic = clinics.get(request.clinicId());
		if (clinic.fin() == null) {
			throw Refusal.conflict("The clinic has no facility identification number (FIN) for product labels",
					List.of(new FieldProblem("clinicId", "clinic has no FIN; an administrator can add it")));
		}
		int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
		Din din = Din.of(clinic.fin(), year % 100, products.nextSequence(clinic.id(), year));
		CellProduct product = CellProduct.collected(clinic.id(), din, source, new CellProduct.Use(request.intendedUse(),
				request.route(), request.sameSurgicalProcedure(), request.additives()));
		products.insert(product, user.id());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("din", din.value());
		values.put("origin", request.origin().name());
		values.put("patientId", string(product.patientId()));
		values.put("donorId", string(product.donorId()));
		values.put("recipientPatientId", string(product.recipientPatientId()));
		values.put("sourceType", request.sourceType().name());
		values.put("tissue", request.tissue().name());
		values.put("intendedUse", request.intendedUse().name());
		values.put("route", request.route().name());
		values.put("sameSurgicalProcedure", request.sameSurgicalProcedure());
		values.put("additives", CellProduct.names(request.additives()));
		values.put("state", ProductState.COLLECTED.name());
		audit.created(CellProductService.ENTITY, product.id(), clinic.id(), values);
		return ledger.get(product.id());
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct recordHarvest(UUID id, CellProductRequests.Harvest request) {
		CellProduct product = ledger.get(id);
		product.requireState(ProductState.COLLECTED);
		if (ledger.events(product, ProductEvent.Kind.HARVEST).size() > 0) {
			throw Refusal.conflict("The harvest is already recorded");
		}
		if (request.endedAt().isBefore(request.startedAt())) {
			throw Refusal.invalid("endedAt", "must not be before startedAt");
		}
		if (request.endedAt().isAfter(Instant.now().plusSeconds(300))) {
			throw Refusal.invalid("endedAt", "must not be in the future");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("site", request.site());
		data.put("volumeMl", request.volumeMl());
		data.put("anticoagulant", request.anticoagulant());
		data.put("operator", request.operator());
		data.put("startedAt", request.startedAt().toString());
		data.put("endedAt", request.endedAt().toString());
		ledger.record(product, ProductEvent.Kind.HARVEST, request.endedAt(), data);
		products.updateVolume(product.clinicId(), id, request.volumeMl(), CurrentUser.get().id());
		return ledger.get(id);
	}

	private static String string(UUID id) {
		return id == null ? null : id.toString();
	}

}

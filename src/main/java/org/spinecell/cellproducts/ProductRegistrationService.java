package org.spinecell.cellproducts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
		List<FieldProblem> problems = new ArrayList<>();
		if (!request.sourceType().origins().contains(request.origin())) {
			problems.add(new FieldProblem("origin", "not possible for source type " + request.sourceType()));
		}
		if (!request.sourceType().tissues().contains(request.tissue())) {
			problems.add(new FieldProblem("tissue", "not a tissue of source type " + request.sourceType()));
		}
		UUID relatedPatient = null;
		if (request.origin() == Origin.AUTOLOGOUS) {
			if (request.patientId() == null) {
				problems.add(new FieldProblem("patientId", "an autologous product needs the patient it comes from"));
			}
			if (request.donorId() != null) {
				problems.add(new FieldProblem("donorId", "an autologous product has no separate donor"));
			}
			if (request.recipientPatientId() != null && !request.recipientPatientId().equals(request.patientId())) {
				problems.add(new FieldProblem("recipientPatientId",
						"an autologous product can only go back to the patient it came from"));
			}
			relatedPatient = request.patientId();
		}
		else {
			if (request.donorId() == null) {
				problems.add(new FieldProblem("donorId", "an allogeneic product needs its donor"));
			}
			if (request.patientId() != null) {
				problems.add(new FieldProblem("patientId", "use recipientPatientId for the recipient of an allogeneic product"));
			}
			relatedPatient = request.recipientPatientId();
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		if (relatedPatient != null) {
			Patient patient = patients.get(relatedPatient);
			if (!patient.clinicId().equals(request.clinicId()) || patient.voided()) {
				throw Refusal.invalid(request.origin() == Origin.AUTOLOGOUS ? "patientId" : "recipientPatientId",
						"not a current patient of this clinic");
			}
		}
		if (request.donorId() != null) {
			Donor donor = donors.get(request.donorId());
			if (!donor.clinicId().equals(request.clinicId())) {
				throw Refusal.invalid("donorId", "the donor belongs to another clinic");
			}
			if (donor.recipientPatientId() != null && request.recipientPatientId() != null
					&& !donor.recipientPatientId().equals(request.recipientPatientId())) {
				throw Refusal.invalid("recipientPatientId", "the donor is related to another recipient");
			}
		}
		Clinic clinic = clinics.get(request.clinicId());
		if (clinic.fin() == null) {
			throw Refusal.conflict("The clinic has no facility identification number (FIN) for product labels",
					List.of(new FieldProblem("clinicId", "clinic has no FIN; an administrator can add it")));
		}
		int year = Instant.now().atZone(ZoneOffset.UTC).getYear();
		Din din = Din.of(clinic.fin(), year % 100, products.nextSequence(clinic.id(), year));
		CellProduct product = new CellProduct(UUID.randomUUID(), clinic.id(), din.value(), request.origin(),
				request.origin() == Origin.AUTOLOGOUS ? request.patientId() : null, request.donorId(),
				request.origin() == Origin.ALLOGENEIC ? request.recipientPatientId() : null, request.sourceType(),
				request.tissue(), request.intendedUse(), request.route(), request.sameSurgicalProcedure(),
				request.additives(), ProductState.COLLECTED, null, null, null, null, null, null, null, null, null,
				null, 0, null);
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

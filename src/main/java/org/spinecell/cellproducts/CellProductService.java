package org.spinecell.cellproducts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.spinecell.accounts.Clinic;
import org.spinecell.accounts.ClinicService;
import org.spinecell.accounts.ElectronicSignature;
import org.spinecell.accounts.ElectronicSignatures;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.cellproducts.regulatory.ClassificationInput;
import org.spinecell.cellproducts.regulatory.RegulatoryClassifier;
import org.spinecell.cellproducts.release.QcResult;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.patients.RecordAccess;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cell product's life from collection to release and beyond: every step is validated against
 * the product's state, written to its event log and the audit trail, and release is an electronic
 * signature given only when every release criterion is met.
 */
// Over 400 lines because it holds several use cases (registration, processing and QC, release and issue, custody and administration in one); the restructure (issue 14) splits it
// into one service per use case. Left whole here so that the day-one fixes did not move code too.
@Service
public class CellProductService {

	static final String ENTITY = "CellProduct";

	public static final String RELEASE_MEANING = "Released for clinical use";

	private static final Set<ProductState> ACTIVE = EnumSet.of(ProductState.COLLECTED, ProductState.IN_PROCESSING,
			ProductState.QUARANTINE, ProductState.RELEASED, ProductState.ISSUED);

	private final RecordAccess records;

	private final CellProductRepository products;

	private final DonorService donors;

	private final PatientService patients;

	private final ClinicService clinics;

	private final ElectronicSignatures signatures;

	private final AuditTrail audit;

	private final JsonMapper json;

	CellProductService(CellProductRepository products, DonorService donors, PatientService patients,
			ClinicService clinics, ElectronicSignatures signatures, AuditTrail audit, JsonMapper json,
			RecordAccess records) {
		this.products = products;
		this.donors = donors;
		this.patients = patients;
		this.clinics = clinics;
		this.signatures = signatures;
		this.audit = audit;
		this.json = json;
		this.records = records;
	}

	/** Derived figures of a product, from its latest QC results. */
	public record Metrics(BigDecimal tncPerMl, BigDecimal viabilityPercent, BigDecimal viableCellsPerMl,
			BigDecimal viableCellDose, BigDecimal concentrationFactor) {
	}

	/** The state of the release signature: who signed, and whether the signed content is unchanged. */
	public record SignatureStatus(String signerName, String meaning, Instant signedAt, boolean valid) {
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
		audit.created(ENTITY, product.id(), clinic.id(), values);
		return get(product.id());
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public CellProduct get(UUID id) {
		return records.read(ENTITY, clinics -> products.find(clinics, id), CellProduct::clinicId,
				CellProduct::intendedRecipient);
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

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<ProductEvent> events(UUID id) {
		CellProduct product = get(id);
		return products.events(product.clinicId(), id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct recordHarvest(UUID id, CellProductRequests.Harvest request) {
		CellProduct product = get(id);
		requireState(product, ProductState.COLLECTED);
		if (events(product, ProductEvent.Kind.HARVEST).size() > 0) {
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
		record(product, ProductEvent.Kind.HARVEST, request.endedAt(), data);
		products.updateVolume(product.clinicId(), id, request.volumeMl(), CurrentUser.get().id());
		return get(id);
	}

	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct addProcessingStep(UUID id, CellProductRequests.ProcessingStep request) {
		CellProduct product = get(id);
		if (product.state() == ProductState.COLLECTED) {
			if (events(product, ProductEvent.Kind.HARVEST).isEmpty()) {
				throw Refusal.conflict("Record the harvest before processing",
						List.of(new FieldProblem("state", "harvest not recorded")));
			}
			move(product, ProductState.IN_PROCESSING, "processing started");
		}
		else {
			requireState(product, ProductState.IN_PROCESSING);
		}
		timeline(product).checkLabStep(request.performedAt(), "performedAt");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", request.type().name());
		data.put("device", request.device());
		data.put("kit", request.kit());
		data.put("lot", request.lot());
		data.put("parameters", new TreeMap<>(request.parameters()));
		data.put("outputVolumeMl", request.outputVolumeMl());
		record(product, ProductEvent.Kind.PROCESSING_STEP, request.performedAt(), data);
		if (request.outputVolumeMl() != null) {
			products.updateVolume(product.clinicId(), id, request.outputVolumeMl(), CurrentUser.get().id());
		}
		return get(id);
	}

	/** Processing is finished: the product waits in quarantine for its test results and release. */
	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct completeProcessing(UUID id) {
		CellProduct product = get(id);
		move(product, ProductState.QUARANTINE, "processing complete");
		return get(id);
	}

	/**
	 * Records a QC result. Results may arrive after release (a 14-day sterility culture, say): the
	 * release signature then no longer matches and shows as invalidated.
	 */
	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct addQcResult(UUID id, CellProductRequests.Qc request) {
		CellProduct product = get(id);
		if (!ACTIVE.contains(product.state())) {
			throw Refusal.conflict("No results can be added to a product that is " + product.state(),
					List.of(new FieldProblem("state", product.state().name())));
		}
		List<FieldProblem> problems = QcResult.validate(request.test(), request.value(), request.result(),
				request.unit(), request.markers(), request.method(), request.performedAt());
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		timeline(product).checkLabStep(request.performedAt(), "performedAt");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("test", request.test().name());
		data.put("value", request.value());
		data.put("result", request.result() == null ? null : request.result().name());
		data.put("unit", request.unit());
		data.put("markers", request.markers() == null ? null : new TreeMap<>(request.markers()));
		data.put("method", request.method());
		data.put("sample", request.sample().name());
		record(product, ProductEvent.Kind.QC_RESULT, request.performedAt(), data);
		return get(id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct recordCustody(UUID id, CellProductRequests.Custody request) {
		CellProduct product = get(id);
		if (!ACTIVE.contains(product.state())) {
			throw Refusal.conflict("The product is " + product.state() + "; its custody has ended",
					List.of(new FieldProblem("state", product.state().name())));
		}
		if (request.action() == CellProductRequests.CustodyAction.DISCARDED) {
			throw Refusal.invalid("action", "use the discard action, which needs a reason");
		}
		timeline(product).checkLabStep(request.at(), "at");
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("action", request.action().name());
		data.put("fromPerson", request.fromPerson());
		data.put("toPerson", request.toPerson());
		data.put("location", request.location());
		data.put("temperature", request.temperature());
		data.put("expiresAt", request.expiresAt() == null ? null : request.expiresAt().toString());
		record(product, ProductEvent.Kind.CUSTODY, request.at(), data);
		products.updateStorage(product.clinicId(), id, request.location(), request.temperature(), request.expiresAt(),
				CurrentUser.get().id());
		return get(id);
	}

	/** Runs the 21 CFR 1271 decision procedure on what is recorded about the product. */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public Classification classify(UUID id, CellProductRequests.ClassificationFlags flags) {
		CellProduct product = get(id);
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
		record(product, ProductEvent.Kind.CLASSIFICATION, Instant.now(), stored);
		audit.record(product.clinicId(), AuditAction.UPDATE, ENTITY, id,
				Map.of("pathway", new FieldChange(name(product.pathway()), classification.pathway().name())), null);
		return classification;
	}

	/** A physician confirms the classification as recorded. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public CellProduct confirmClassification(UUID id) {
		CellProduct product = get(id);
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
		record(product, ProductEvent.Kind.CLASSIFICATION, Instant.now(),
				Map.of("pathway", product.pathway().name(), "confirmed", true));
		audit.record(product.clinicId(), AuditAction.SIGN, ENTITY, id,
				Map.of("classificationConfirmed", new FieldChange(null, product.pathway().name())),
				"regulatory classification confirmed");
		return get(id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct setIndNumber(UUID id, CellProductRequests.Ind request) {
		CellProduct product = get(id);
		if (!ACTIVE.contains(product.state())) {
			throw Refusal.conflict("The product is " + product.state());
		}
		String ind = request.indNumber().replaceFirst("^(IND|BLA)([0-9])", "$1 $2");
		products.updateIndNumber(product.clinicId(), id, ind, CurrentUser.get().id());
		audit.updated(ENTITY, id, product.clinicId(), single("indNumber", product.indNumber()),
				single("indNumber", ind), null);
		return get(id);
	}

	/** Every release criterion with whether it is met, in the order the lab checks them. */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<ReleaseCriterion> releaseChecklist(UUID id) {
		CellProduct product = get(id);
		return checklist(product, products.events(product.clinicId(), id));
	}

	/**
	 * Releases the product under the signer's electronic signature. Refused with every unmet
	 * criterion listed; two concurrent releases cannot both succeed.
	 */
	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct release(UUID id, CellProductRequests.Release request) {
		CellProduct product = get(id);
		if (product.state() != ProductState.QUARANTINE) {
			throw Refusal.conflict("Only a product in quarantine can be released; this one is " + product.state(),
					List.of(new FieldProblem("state", product.state().name())));
		}
		List<ProductEvent> events = products.events(product.clinicId(), id);
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
		ElectronicSignature signature = signatures.sign(product.clinicId(), ENTITY, id.toString(), request.password(),
				request.meaning(), contentHash(product, events));
		if (!products.release(product.clinicId(), id, signature.id(), CurrentUser.get().id())) {
			throw Refusal.conflict("The product was released or changed by someone else",
					List.of(new FieldProblem("state", "changed concurrently")));
		}
		record(product, ProductEvent.Kind.RELEASE,
				request.releasedAt() == null ? signature.signedAt() : request.releasedAt(),
				Map.of("signer", signature.signerName(), "meaning", signature.meaning(), "contentHash",
						signature.contentHash(), "signedAt", signature.signedAt().toString()));
		audit.record(product.clinicId(), AuditAction.UPDATE, ENTITY, id,
				Map.of("state", new FieldChange(ProductState.QUARANTINE.name(), ProductState.RELEASED.name())),
				request.meaning());
		return get(id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public Optional<SignatureStatus> releaseSignature(UUID id) {
		CellProduct product = get(id);
		if (product.releaseSignatureId() == null) {
			return Optional.empty();
		}
		String current = contentHash(product, products.events(product.clinicId(), id));
		return signatures.find(product.clinicId(), product.releaseSignatureId())
			.map(s -> new SignatureStatus(s.signerName(), s.meaning(), s.signedAt(), s.matches(current)));
	}

	/** The lab hands a released product over for a procedure. */
	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public CellProduct issue(UUID id) {
		CellProduct product = get(id);
		if (product.isExpired(Instant.now())) {
			throw Refusal.conflict("The product expired at " + product.expiresAt(),
					List.of(new FieldProblem("expiresAt", "expired")));
		}
		if (releaseSignature(id).map(signature -> !signature.valid()).orElse(false)) {
			throw Refusal.conflict("The release signature no longer matches the product's data",
					List.of(new FieldProblem("releaseSignature", "invalidated by a change after release")));
		}
		move(product, ProductState.ISSUED, "issued for administration");
		return get(id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct returnToStorage(UUID id) {
		move(get(id), ProductState.RELEASED, "returned to storage unused");
		return get(id);
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public CellProduct discard(UUID id, CellProductRequests.Discard request) {
		move(get(id), ProductState.DISCARDED, request.reason());
		return get(id);
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
		CellProduct product = get(id);
		if (product.state() != ProductState.RELEASED && product.state() != ProductState.ISSUED) {
			return false;
		}
		if (!products.moveState(product.clinicId(), id, product.state(), ProductState.ADMINISTERED,
				CurrentUser.get().id())) {
			return false;
		}
		record(product, ProductEvent.Kind.STATE_CHANGE, Instant.now(), Map.of("from", product.state().name(), "to",
				ProductState.ADMINISTERED.name(), "reason", "administered in procedure " + procedureId));
		audit.record(product.clinicId(), AuditAction.UPDATE, ENTITY, id,
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
		CellProduct product = get(id);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("action", action == RemainderAction.DISCARDED ? "REMAINDER_DISCARDED" : "REMAINDER_RETURNED");
		data.put("volumeMl", volumeMl);
		data.put("location", location);
		record(product, ProductEvent.Kind.CUSTODY, Instant.now(), data);
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
				record(product, ProductEvent.Kind.STATE_CHANGE, product.expiresAt(),
						Map.of("from", product.state().name(), "to", ProductState.EXPIRED.name(), "reason",
								"expiry date and time passed"));
				audit.record(product.clinicId(), AuditAction.UPDATE, ENTITY, product.id(),
						Map.of("state", new FieldChange(product.state().name(), ProductState.EXPIRED.name())),
						"expired");
				expired++;
			}
		}
		return expired;
	}

	/** Concentration, viability and dose from the product's latest QC results and volume. */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public Metrics metrics(UUID id) {
		CellProduct product = get(id);
		return metrics(product, products.events(product.clinicId(), id));
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

	private ClassificationInput classificationInput(CellProduct product, CellProductRequests.ClassificationFlags flags) {
		DonorRelation relation = product.origin() == Origin.ALLOGENEIC ? donors.get(product.donorId()).relation()
				: null;
		Set<ProcessingStepType> steps = EnumSet.noneOf(ProcessingStepType.class);
		for (ProductEvent event : products.events(product.clinicId(), product.id())) {
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

	private void move(CellProduct product, ProductState to, String reason) {
		product.state().checkMoveTo(to);
		if (!products.moveState(product.clinicId(), product.id(), product.state(), to, CurrentUser.get().id())) {
			throw Refusal.conflict("The product was changed by someone else; reload it",
					List.of(new FieldProblem("state", "changed concurrently")));
		}
		record(product, ProductEvent.Kind.STATE_CHANGE, Instant.now(),
				Map.of("from", product.state().name(), "to", to.name(), "reason", reason));
		audit.record(product.clinicId(), AuditAction.UPDATE, ENTITY, product.id(),
				Map.of("state", new FieldChange(product.state().name(), to.name())), reason);
	}

	private static void requireState(CellProduct product, ProductState required) {
		if (product.state() != required) {
			throw Refusal.conflict("The product is " + product.state() + "; this step needs " + required,
					List.of(new FieldProblem("state", product.state().name())));
		}
	}

	/** When the product was harvested, released and issued, for checking the order of later steps. */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public ProductTimeline timeline(UUID id) {
		return timeline(get(id));
	}

	private ProductTimeline timeline(CellProduct product) {
		return ProductTimeline.of(products.events(product.clinicId(), product.id()));
	}

	private List<ProductEvent> events(CellProduct product, ProductEvent.Kind kind) {
		return products.events(product.clinicId(), product.id()).stream().filter(e -> e.kind() == kind).toList();
	}

	private void record(CellProduct product, ProductEvent.Kind kind, Instant occurredAt, Object data) {
		CurrentUser user = CurrentUser.get();
		products.insertEvent(product.clinicId(), product.id(), kind, occurredAt, user.id(), user.displayName(), data);
		if (kind != ProductEvent.Kind.STATE_CHANGE && kind != ProductEvent.Kind.CLASSIFICATION
				&& kind != ProductEvent.Kind.RELEASE) {
			audit.record(product.clinicId(), AuditAction.CREATE, ENTITY + "." + kind, product.id(),
					Map.of(kind.name().toLowerCase(), new FieldChange(null, json.writeValueAsString(data))), null);
		}
	}

	private static Map<String, Object> single(String key, Object value) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(key, value);
		return map;
	}

	private static String string(UUID id) {
		return id == null ? null : id.toString();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

}

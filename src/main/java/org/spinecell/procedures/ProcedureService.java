package org.spinecell.procedures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.spinecell.accounts.StaffDirectory;
import org.spinecell.audit.AuditTrail;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.cellproducts.ProductCustodyService;
import org.spinecell.cellproducts.ProductReleaseService;
import org.spinecell.cellproducts.Din;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.ProductState;
import org.spinecell.patients.CandidacyAssessment;
import org.spinecell.patients.CandidacyDecision;
import org.spinecell.patients.CandidacyService;
import org.spinecell.patients.ConsentType;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.patients.PatientService;
import org.spinecell.patients.RecordAccess;
import org.spinecell.patients.SpinalLevel;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Role;
import org.spinecell.platform.SpineCellProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documenting an injection: a draft is recorded, then completed by a physician only when every
 * administration check passes. Completion consumes the product units (once, even under
 * concurrency), stores the delivered viable-cell dose per level and publishes
 * {@link ProcedureCompleted}.
 */
// Over 400 lines because it holds several use cases (drafting, completion with its checks, and corrections in one); the restructure (issue 14) splits it
// into one service per use case. Left whole here so that the day-one fixes did not move code too.
@Service
public class ProcedureService {

	static final String ENTITY = "Procedure";

	private final RecordAccess records;

	private final ProcedureRepository procedures;

	private final PatientService patients;

	private final PatientHistoryService history;

	private final CandidacyService candidacy;

	private final CellProductService products;

	private final ProductReleaseService release;

	private final ProductCustodyService custody;

	private final StaffDirectory staff;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final ZoneId zone;

	ProcedureService(ProcedureRepository procedures, PatientService patients, PatientHistoryService history,
			CandidacyService candidacy, CellProductService products, ProductReleaseService release,
			ProductCustodyService custody, StaffDirectory staff, AuditTrail audit,
			ApplicationEventPublisher events, JsonMapper json, RecordAccess records, SpineCellProperties properties) {
		this.zone = properties.timeZone();
		this.procedures = procedures;
		this.patients = patients;
		this.history = history;
		this.candidacy = candidacy;
		this.products = products;
		this.release = release;
		this.custody = custody;
		this.staff = staff;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.records = records;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Procedure create(ProcedureRequests.Create request) {
		Patient patient = patients.get(request.patientId());
		if (patient.voided()) {
			throw Refusal.conflict("The patient record is voided");
		}
		List<FieldProblem> problems = new ArrayList<>();
		StaffDirectory.StaffMember operator = staff.find(request.operatorId()).orElse(null);
		if (operator == null || !operator.enabled() || !operator.roles().contains(Role.PHYSICIAN)
				|| !operator.worksAt(patient.clinicId())) {
			problems.add(new FieldProblem("operatorId", "must be an active physician of the patient's clinic"));
		}
		if (request.date().isAfter(LocalDate.now().plusDays(1))) {
			problems.add(new FieldProblem("date", "must not be in the future"));
		}
		problems.addAll(Procedure.timeProblems(request.startedAt(), request.endedAt(), request.dischargedAt()));
		List<String> levels = new ArrayList<>();
		for (int i = 0; i < request.levels().size(); i++) {
			Optional<SpinalLevel> level = SpinalLevel.tryParse(request.levels().get(i));
			if (level.isEmpty()) {
				problems.add(new FieldProblem("levels[" + i + "]", "not a spinal level such as L4-L5 or L5-S1"));
			}
			else if (levels.contains(level.get().toString())) {
				problems.add(new FieldProblem("levels[" + i + "]", "listed twice"));
			}
			else {
				levels.add(level.get().toString());
			}
		}
		List<Procedure.Unit> units = new ArrayList<>();
		Set<String> unitKeys = new HashSet<>();
		for (int i = 0; i < request.productUnits().size(); i++) {
			ProcedureRequests.UnitRequest unit = request.productUnits().get(i);
			String level = SpinalLevel.tryParse(unit.level()).map(SpinalLevel::toString).orElse(unit.level());
			if (!levels.contains(level)) {
				problems.add(new FieldProblem("productUnits[" + i + "].level", "not one of the procedure's levels"));
			}
			if (!unitKeys.add(unit.productId() + "@" + level)) {
				problems.add(new FieldProblem("productUnits[" + i + "]", "the same product at the same level twice"));
			}
			CellProduct product = findProduct(unit.productId());
			String productField = "productUnits[" + i + "].productId";
			if (product == null || !product.clinicId().equals(patient.clinicId())) {
				problems.add(new FieldProblem(productField, "no such product in this clinic"));
				continue;
			}
			if (product.intendedRecipient() != null && !product.intendedRecipient().equals(patient.id())) {
				problems.add(new FieldProblem(productField, "is another patient's product"));
				continue;
			}
			if (product.state().isFinal()) {
				problems.add(new FieldProblem(productField, "is " + product.state() + " and can no longer be used"));
				continue;
			}
			problems.addAll(products.timeline(product.id())
				.administrationProblems(request.date(), request.startedAt(), zone,
						request.startedAt() == null ? "date" : "startedAt", "product " + product.din()));
			units.add(new Procedure.Unit(UUID.randomUUID(), product.id(), product.din(), level, unit.volumeMl(), null));
		}
		if (problems.isEmpty() && !request.levelsConfirmed()) {
			Set<String> diagnosed = diagnosedLevels(patient.id());
			List<String> undiagnosed = levels.stream().filter(level -> !diagnosed.contains(level)).toList();
			if (!undiagnosed.isEmpty()) {
				problems.add(new FieldProblem("levels", "not among the patient's diagnosed levels: "
						+ String.join(", ", undiagnosed) + "; set levelsConfirmed to proceed"));
			}
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		Procedure procedure = Procedure.draft(patient.clinicId(), patient.id(),
				new Procedure.Times(request.date(), request.startedAt(), request.endedAt(), request.dischargedAt()),
				request.setting(), new Procedure.Operator(operator.id(), operator.displayName()),
				new Procedure.Site(request.target(), levels, request.side(), request.approach()),
				new Procedure.Technique(request.guidance(), request.placementConfirmed(), request.contrastPattern(),
						request.needleTipConfirmed(), request.adjuncts(), request.anaesthesia()),
				request.immediateComplications(), request.levelsConfirmed(), units);
		procedures.insert(procedure, CurrentUser.get().id());
		audit.created(ENTITY, procedure.id(), procedure.clinicId(), procedure.snapshot());
		return get(procedure.id());
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Procedure get(UUID id) {
		return records.read(ENTITY, clinics -> procedures.find(clinics, id), Procedure::clinicId, Procedure::patientId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public List<Procedure> forPatient(UUID patientId) {
		Patient patient = patients.get(patientId);
		return procedures.forPatient(patient.clinicId(), patientId);
	}

	/** The administration checks as they stand now, each failure naming what is wrong. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<FieldProblem> checks(UUID id, List<ProcedureRequests.RemainderRequest> remainders) {
		Procedure procedure = get(id);
		return failedChecks(procedure, remainders);
	}

	/**
	 * Completes the procedure. Refused with 409 listing every failed check; otherwise the units are
	 * administered, the dose per level stored, and {@link ProcedureCompleted} published.
	 */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public Procedure complete(UUID id, ProcedureRequests.Complete request) {
		Procedure procedure = get(id);
		if (procedure.status() == Procedure.Status.COMPLETED) {
			throw Refusal.conflict("The procedure is already completed",
					List.of(new FieldProblem("status", "COMPLETED")));
		}
		Set<UUID> used = productIds(procedure);
		for (int i = 0; i < request.remainders().size(); i++) {
			if (!used.contains(request.remainders().get(i).productId())) {
				throw Refusal.invalid("remainders[" + i + "].productId", "not a product of this procedure");
			}
		}
		List<FieldProblem> failed = new ArrayList<>(failedChecks(procedure, request.remainders()));
		if (request.timeOut() != null) {
			failed.addAll(timeOutProblems(procedure, request.timeOut()));
		}
		if (!failed.isEmpty()) {
			throw Refusal.conflict("The procedure cannot be completed: administration checks failed", failed);
		}
		List<Procedure.Unit> dosed = new ArrayList<>();
		for (Procedure.Unit unit : procedure.productUnits()) {
			CellProductService.Metrics metrics = products.metrics(unit.productId());
			BigDecimal cells = unit.volumeMl().multiply(metrics.viableCellsPerMl()).setScale(2, RoundingMode.HALF_UP);
			dosed.add(new Procedure.Unit(unit.id(), unit.productId(), unit.din(), unit.level(), unit.volumeMl(), cells));
		}
		for (UUID productId : productIds(procedure)) {
			if (!custody.administer(productId, id)) {
				throw Refusal.conflict("A product unit was used by another procedure at the same time",
						List.of(new FieldProblem("productUnits", "product " + products.get(productId).din()
								+ " is no longer available")));
			}
		}
		for (ProcedureRequests.RemainderRequest remainder : request.remainders()) {
			BigDecimal left = remainder(procedure, remainder.productId());
			if (left.signum() > 0) {
				custody.recordRemainder(remainder.productId(), left, remainder.action(), remainder.location());
			}
		}
		String timeOut = request.timeOut() == null ? null : json.writeValueAsString(Map.of("patientIdentityConfirmed",
				request.timeOut().patientIdentityConfirmed(), "dins", request.timeOut().dins(), "levelsConfirmed",
				request.timeOut().levelsConfirmed(), "by", CurrentUser.get().displayName(), "at", Instant.now().toString()));
		if (!procedures.complete(procedure.clinicId(), id, timeOut, dosed, CurrentUser.get().id())) {
			throw Refusal.conflict("The procedure was completed by someone else");
		}
		Procedure completed = get(id);
		audit.updated(ENTITY, id, completed.clinicId(), procedure.snapshot(), completed.snapshot(), "completed");
		events.publishEvent(new ProcedureCompleted(id, completed.clinicId(), completed.patientId(), completed.date(),
				completed.levels()));
		return completed;
	}

	/** A correction of a completed (or draft) record's narrative fields, with the reason audited. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public Procedure correct(UUID id, ProcedureRequests.Correction correction) {
		Procedure before = get(id);
		if (correction.dischargedAt() != null) {
			List<FieldProblem> problems = Procedure.timeProblems(before.startedAt(), before.endedAt(),
					correction.dischargedAt());
			if (!problems.isEmpty()) {
				throw Refusal.invalid(problems);
			}
		}
		if (!procedures.correct(before.clinicId(), id, correction, CurrentUser.get().id())) {
			throw Refusal.conflict("The procedure was changed by someone else; reload it",
					List.of(new FieldProblem("version", "stale version")));
		}
		Procedure after = get(id);
		audit.updated(ENTITY, id, after.clinicId(), before.snapshot(), after.snapshot(), correction.reason());
		return after;
	}

	private List<FieldProblem> failedChecks(Procedure procedure, List<ProcedureRequests.RemainderRequest> remainders) {
		List<FieldProblem> failed = new ArrayList<>();
		UUID patientId = procedure.patientId();
		boolean needsTrialConsent = false;
		Map<UUID, ProcedureRequests.RemainderRequest> remainderFor = new HashMap<>();
		remainders.forEach(r -> remainderFor.put(r.productId(), r));
		Instant now = Instant.now();
		for (UUID productId : productIds(procedure)) {
			CellProduct product = products.get(productId);
			String label = "product " + Din.parse(product.din()).printed();
			String field = "productUnits[" + product.din() + "]";
			if (product.state() != ProductState.RELEASED && product.state() != ProductState.ISSUED) {
				failed.add(new FieldProblem(field, label + " is " + product.state() + ", not released"));
			}
			if (product.isExpired(now)) {
				failed.add(new FieldProblem(field, label + " expired at " + product.expiresAt()));
			}
			if (release.releaseSignature(productId).map(signature -> !signature.valid()).orElse(false)) {
				failed.add(new FieldProblem(field, label + " has a release signature invalidated by a change to its data"
						+ " after release; the lab must review it"));
			}
			if (procedures.usedElsewhere(procedure.clinicId(), productId, procedure.id())) {
				failed.add(new FieldProblem(field, label + " was already used in another procedure"));
			}
			failed.addAll(products.timeline(productId)
				.administrationProblems(procedure.date(), procedure.startedAt(), zone, field, label));
			if (product.origin() == Origin.AUTOLOGOUS && !patientId.equals(product.patientId())) {
				failed.add(new FieldProblem(field, label + " is autologous from another patient"));
			}
			if (product.origin() == Origin.ALLOGENEIC && product.recipientPatientId() != null
					&& !patientId.equals(product.recipientPatientId())) {
				failed.add(new FieldProblem(field, label + " is intended for another recipient"));
			}
			if (product.pathway() == null || product.classificationConfirmedAt() == null) {
				failed.add(new FieldProblem(field, label + " has no confirmed regulatory classification"));
			}
			else if (product.pathway().requiresInd()) {
				needsTrialConsent = true;
				if (product.indNumber() == null) {
					failed.add(new FieldProblem(field, label + " is a 351 biologic without an IND or BLA on file"));
				}
			}
			BigDecimal left = remainder(procedure, productId);
			if (left.signum() < 0) {
				failed.add(new FieldProblem(field, "the volumes used exceed the " + product.volumeMl() + " mL of " + label));
			}
			else if (left.signum() > 0 && !remainderFor.containsKey(productId)) {
				failed.add(new FieldProblem("remainders", "record whether the remaining " + left.stripTrailingZeros()
						.toPlainString() + " mL of " + label + " was discarded or returned to storage"));
			}
		}
		if (!history.hasCurrentConsent(patientId, ConsentType.TREATMENT)) {
			failed.add(new FieldProblem("consent", "the patient has no current treatment consent"));
		}
		if (needsTrialConsent && !history.hasCurrentConsent(patientId, ConsentType.TRIAL)) {
			failed.add(new FieldProblem("consent", "a product used under an IND needs the patient's trial consent"));
		}
		Optional<CandidacyAssessment> screening = candidacy.latest(patientId);
		if (screening.isEmpty()) {
			failed.add(new FieldProblem("candidacy", "the patient has not been screened"));
		}
		else if (screening.get().effectiveDecision() != CandidacyDecision.Decision.ELIGIBLE) {
			failed.add(new FieldProblem("candidacy", "the latest screening decided "
					+ screening.get().effectiveDecision() + " and no physician override makes the patient eligible"));
		}
		return failed;
	}

	private List<FieldProblem> timeOutProblems(Procedure procedure, ProcedureRequests.TimeOut timeOut) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!Boolean.TRUE.equals(timeOut.patientIdentityConfirmed())) {
			problems.add(new FieldProblem("timeOut.patientIdentityConfirmed", "confirm the patient's identity"));
		}
		if (!Boolean.TRUE.equals(timeOut.levelsConfirmed())) {
			problems.add(new FieldProblem("timeOut.levelsConfirmed", "confirm the levels to be injected"));
		}
		Set<String> scanned = new LinkedHashSet<>();
		for (int i = 0; i < timeOut.dins().size(); i++) {
			try {
				scanned.add(Din.parse(timeOut.dins().get(i)).value());
			}
			catch (Refusal ex) {
				problems.add(new FieldProblem("timeOut.dins[" + i + "]", ex.getMessage()));
			}
		}
		Set<String> expected = new LinkedHashSet<>();
		procedure.productUnits().forEach(unit -> expected.add(unit.din()));
		for (String din : expected) {
			if (!scanned.contains(din)) {
				problems.add(new FieldProblem("timeOut.dins", "product " + Din.parse(din).printed() + " was not checked"));
			}
		}
		for (String din : scanned) {
			if (!expected.contains(din)) {
				problems.add(new FieldProblem("timeOut.dins", "product " + Din.parse(din).printed()
						+ " is not a unit of this procedure: wrong product"));
			}
		}
		return problems;
	}

	private BigDecimal remainder(Procedure procedure, UUID productId) {
		CellProduct product = products.get(productId);
		BigDecimal used = procedure.productUnits()
			.stream()
			.filter(unit -> unit.productId().equals(productId))
			.map(Procedure.Unit::volumeMl)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return product.volumeMl() == null ? BigDecimal.ZERO : product.volumeMl().subtract(used);
	}

	private static Set<UUID> productIds(Procedure procedure) {
		Set<UUID> ids = new LinkedHashSet<>();
		procedure.productUnits().forEach(unit -> ids.add(unit.productId()));
		return ids;
	}

	private Set<String> diagnosedLevels(UUID patientId) {
		Set<String> levels = new HashSet<>();
		history.historyOf(patientId)
			.activeDiagnoses()
			.forEach(diagnosis -> diagnosis.levels().forEach(level -> levels.add(level.toString())));
		return levels;
	}

	private CellProduct findProduct(UUID id) {
		try {
			return products.get(id);
		}
		catch (Refusal notFound) {
			return null;
		}
	}

}

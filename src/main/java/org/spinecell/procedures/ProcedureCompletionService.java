package org.spinecell.procedures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.patients.RecordAccess;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.SpineCellProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completing a procedure: the administration checks (released, unexpired, unused product for the
 * right patient, consent, candidacy, regulatory pathway), the time-out, then the units administered
 * (once, even under concurrency), the delivered viable-cell dose per level stored and
 * {@link ProcedureCompleted} published.
 */
@Service
public class ProcedureCompletionService {

	private final RecordAccess records;

	private final ProcedureRepository procedures;

	private final PatientHistoryService history;

	private final CandidacyService candidacy;

	private final CellProductService products;

	private final ProductReleaseService release;

	private final ProductCustodyService custody;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JsonMapper json;

	private final ZoneId zone;

	ProcedureCompletionService(RecordAccess records, ProcedureRepository procedures, PatientHistoryService history,
			CandidacyService candidacy, CellProductService products, ProductReleaseService release,
			ProductCustodyService custody, AuditTrail audit, ApplicationEventPublisher events, JsonMapper json,
			SpineCellProperties properties) {
		this.records = records;
		this.procedures = procedures;
		this.history = history;
		this.candidacy = candidacy;
		this.products = products;
		this.release = release;
		this.custody = custody;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.zone = properties.timeZone();
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
		audit.updated(ProcedureService.ENTITY, id, completed.clinicId(), procedure.snapshot(), completed.snapshot(), "completed");
		events.publishEvent(new ProcedureCompleted(id, completed.clinicId(), completed.patientId(), completed.date(),
				completed.levels()));
		return completed;
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

	private Procedure get(UUID id) {
		return records.read(ProcedureService.ENTITY, clinics -> procedures.find(clinics, id), Procedure::clinicId,
				Procedure::patientId);
	}

}

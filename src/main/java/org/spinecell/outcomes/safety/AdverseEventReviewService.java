package org.spinecell.outcomes.safety;

import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import org.spinecell.procedures.Procedure;
import org.spinecell.procedures.ProcedureService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A physician's review of patient-reported adverse events: the list awaiting review and the review
 * itself, which classifies an ungraded report and opens its safety task if that makes it serious
 * (DOMAIN §6, 21 CFR 312.32(c)).
 */
@Service
class AdverseEventReviewService {

	static final int MAX_LIST = 500;

	private final AdverseEventService adverseEvents;

	private final AdverseEventRepository events;

	private final SafetyTaskService tasks;

	private final ProcedureService procedures;

	private final CellProductService products;

	private final AuditTrail audit;

	AdverseEventReviewService(AdverseEventService adverseEvents, AdverseEventRepository events, SafetyTaskService tasks,
			ProcedureService procedures, CellProductService products, AuditTrail audit) {
		this.adverseEvents = adverseEvents;
		this.events = events;
		this.tasks = tasks;
		this.procedures = procedures;
		this.products = products;
		this.audit = audit;
	}

	/** Events of the caller's clinics that await a physician's review, the oldest report first. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<AdverseEvent> awaitingReview() {
		return events.awaitingReview(CurrentUser.get().clinicIds(), MAX_LIST);
	}

	/** How many events of the caller's clinics await a physician's review. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public long countAwaitingReview() {
		return events.countAwaitingReview(CurrentUser.get().clinicIds());
	}

	/**
	 * A physician reviews a patient-reported event; an event is reviewed once. An ungraded report
	 * gets its classification here, under the same rules as a clinician's report, and if that makes
	 * it serious the safety task opens now, its deadline counted from the day the patient reported.
	 */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public AdverseEvent review(UUID id, AdverseEventRequests.Review request) {
		AdverseEvent before = adverseEvents.get(id);
		if (before.reviewed()) {
			throw Refusal.conflict("The adverse event is already reviewed");
		}
		int expected = request.version() == null ? before.version() : request.version();
		boolean stored;
		if (before.ungraded()) {
			AdverseEvent classified = AdverseEventRules.classified(before, request);
			stored = events.classify(classified, AdverseEventRules.blankToNull(request.note()), expected, CurrentUser.get().id());
		}
		else {
			if (request.classifies()) {
				throw Refusal.invalid("grade", "is already assigned; only a report awaiting grading is classified at review");
			}
			stored = events.review(before.clinicId(), id, AdverseEventRules.blankToNull(request.note()), expected, CurrentUser.get().id());
		}
		if (!stored) {
			throw Refusal.conflict("The adverse event was changed by someone else; reload it and try again",
					List.of(new FieldProblem("version", "stale version")));
		}
		AdverseEvent after = load(before.clinicId(), id);
		audit.updated(AdverseEventService.ENTITY, id, after.clinicId(), before.snapshot(), after.snapshot(), null);
		if (after.isSerious() && tasks.forEvent(after).isEmpty()) {
			tasks.open(after, underInd(after));
		}
		return after;
	}

	/** Whether the event's product, or failing that any product given in its procedure, is under an IND. */
	private boolean underInd(AdverseEvent event) {
		if (event.productId() != null) {
			return products.get(event.productId()).indNumber() != null;
		}
		if (event.procedureId() == null) {
			return false;
		}
		return procedures.get(event.procedureId())
			.productUnits()
			.stream()
			.map(Procedure.Unit::productId)
			.distinct()
			.anyMatch(productId -> products.get(productId).indNumber() != null);
	}

	private AdverseEvent load(UUID clinicId, UUID id) {
		return events.find(List.of(clinicId), id).orElseThrow(() -> Refusal.notFound(AdverseEventService.ENTITY));
	}

}

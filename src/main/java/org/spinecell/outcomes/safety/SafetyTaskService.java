package org.spinecell.outcomes.safety;

import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.patients.RecordAccess;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports the clinic owes for serious adverse events: opened with a deadline when such an
 * event is recorded, listed by due date, completed with a note of what was reported.
 */
@Service
public class SafetyTaskService {

	static final String ENTITY = "SafetyTask";

	static final int MAX_LIST = 500;

	private final RecordAccess records;

	private final SafetyTaskRepository tasks;

	private final AuditTrail audit;

	SafetyTaskService(SafetyTaskRepository tasks, AuditTrail audit, RecordAccess records) {
		this.tasks = tasks;
		this.audit = audit;
		this.records = records;
	}

	/**
	 * Opens the task a serious event calls for, in the caller's transaction: due 15 calendar days
	 * after the clinic became aware of it, or 7 under the expedited rule.
	 *
	 * @param underInd whether the event's product is used under an IND
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public SafetyTask open(AdverseEvent event, boolean underInd) {
		SafetyTask.Rule rule = SafetyTask.Rule.forEvent(event, underInd);
		SafetyTask task = new SafetyTask(UUID.randomUUID(), event.clinicId(), event.id(), event.patientId(), rule,
				event.awarenessDate(), event.awarenessDate().plusDays(rule.days()), SafetyTask.Status.OPEN, null, null,
				null, 0, null);
		tasks.insert(task, CurrentUser.get().id());
		audit.created(ENTITY, task.id(), task.clinicId(), task.snapshot());
		return task;
	}

	/** Tasks of the caller's clinics in the status, the earliest due first. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<SafetyTask> list(SafetyTask.Status status) {
		return tasks.list(CurrentUser.get().clinicIds(), status, MAX_LIST);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public SafetyTask get(UUID id) {
		return records.read(ENTITY, clinics -> tasks.find(clinics, id), SafetyTask::clinicId, SafetyTask::patientId);
	}

	/** The tasks one adverse event opened; the caller has already checked the event is visible. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<SafetyTask> forEvent(AdverseEvent event) {
		return tasks.forEvent(event.clinicId(), event.id());
	}

	/** Marks the report made; a task is completed once. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public SafetyTask complete(UUID id, String note, Integer version) {
		SafetyTask before = get(id);
		if (before.status() == SafetyTask.Status.COMPLETED) {
			throw Refusal.conflict("The safety task is already completed");
		}
		int expected = version == null ? before.version() : version;
		if (!tasks.complete(before.clinicId(), id, note, expected, CurrentUser.get().id())) {
			throw Refusal.conflict("The safety task was changed by someone else; reload it and try again",
					List.of(new FieldProblem("version", "stale version")));
		}
		SafetyTask after = get(id);
		audit.updated(ENTITY, id, after.clinicId(), before.snapshot(), after.snapshot(), note);
		return after;
	}

}

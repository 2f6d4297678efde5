package org.spinecell.outcomes.followup;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.procedures.ProcedureCompleted;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts a patient's follow-up schedule once their procedure's completion has committed. It runs as
 * the system within the procedure's clinic, because the schedule belongs to the clinic, not to the
 * physician who completed the procedure. A patient without registry consent still gets the schedule:
 * follow-up is clinical care; the worklist shows the missing consent.
 * <p>
 * Delivery is durable: Spring Modulith's JDBC event publication registry stores the event in the
 * procedure's own transaction, and marks it complete only when this method returns. A failure is
 * not caught here: it leaves the publication incomplete (logged by Spring, visible in
 * {@code event_publication}), the completed procedure stands, and {@code platform.EventRetry}
 * delivers the event again. Starting a schedule twice is safe, since it adds only the time points
 * that are missing. The listener runs synchronously after the commit, so a procedure's schedule
 * exists when the request that completed it answers.
 */
@Component
class ScheduleStarter {

	private static final Logger log = LoggerFactory.getLogger(ScheduleStarter.class);

	private final FollowUpService followUps;

	ScheduleStarter(FollowUpService followUps) {
		this.followUps = followUps;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	public void procedureCompleted(ProcedureCompleted event) {
		int created = CurrentUser.callAsSystem(Set.of(event.clinicId()), () -> followUps.startSchedule(event));
		log.info("Started follow-up for procedure {}: {} time points added", event.procedureId(), created);
	}

}

package org.spinecell.outcomes;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Spring Modulith's {@code @ApplicationModuleListener} is not used: without the JDBC
 * event-publication registry it gives no delivery guarantee either, and it would run asynchronously.
 * A failure here is logged and does not undo the completed procedure; starting the schedule again
 * is safe, since it adds only the time points that are missing.
 */
@Component
class ScheduleStarter {

	private static final Logger log = LoggerFactory.getLogger(ScheduleStarter.class);

	private final FollowUpService followUps;

	ScheduleStarter(FollowUpService followUps) {
		this.followUps = followUps;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void procedureCompleted(ProcedureCompleted event) {
		try {
			int created = CurrentUser.callAsSystem(Set.of(event.clinicId()), () -> followUps.startSchedule(event));
			log.info("Started follow-up for procedure {}: {} time points added", event.procedureId(), created);
		}
		catch (RuntimeException ex) {
			log.error("Could not start follow-up for procedure {} of patient {}", event.procedureId(),
					event.patientId(), ex);
		}
	}

}

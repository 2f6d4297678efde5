package org.spinecell.outcomes;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.spinecell.outcomes.survey.mail.MailJob;
import org.spinecell.outcomes.survey.mail.MailOutboxService;
import org.spinecell.platform.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;

/** Shared set-up of the survey e-mail tests: a patient with an address and an open baseline follow-up. */
abstract class MailTest extends FollowUpTest {

	@Autowired
	MailJob job;

	@Autowired
	MailOutboxService outbox;

	protected String email;

	protected String givenName;

	/** Completes a procedure, gives the patient a unique address and first name; returns the baseline follow-up. */
	protected UUID patientWithEmailAndOpenBaseline(boolean registryConsent) {
		completeProcedure(registryConsent);
		email = "patient." + unique() + "@" + unique() + ".example";
		givenName = "Zelphine" + unique().replaceAll("[0-9]", "x");
		ownerJdbc().sql("UPDATE patient SET email = :email, given_name = :given WHERE id = :id")
			.param("email", email)
			.param("given", givenName)
			.param("id", patientId)
			.update();
		return UUID.fromString(find(followUps(), "timePoint", "BASELINE").get("id").asString());
	}

	protected MailJob.RunResult runAt(Instant now) {
		return job.run(Set.of(clinicId), now);
	}

	/** Queues only, as the system of the test clinic, without sending. */
	protected MailOutboxService.Queued queueAt(Instant now) {
		return CurrentUser.callAsSystem(Set.of(clinicId), () -> outbox.queue(clinicId, now));
	}

	/** The follow-up's messages as stored: kind, sequence, status, attempts, reason, error. */
	protected List<Stored> stored(UUID followUpId) {
		return ownerJdbc().sql("""
				SELECT id, kind, sequence, status, attempts, cancel_reason, last_error
				  FROM mail_outbox WHERE follow_up_id = :f ORDER BY sequence
				""")
			.param("f", followUpId)
			.query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getInt("sequence"),
					rs.getString("status"), rs.getInt("attempts"), rs.getString("cancel_reason"),
					rs.getString("last_error")))
			.list();
	}

	record Stored(UUID id, String kind, int sequence, String status, int attempts, String cancelReason,
			String lastError) {
	}

}

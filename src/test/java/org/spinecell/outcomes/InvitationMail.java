package org.spinecell.outcomes;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.spinecell.TestApp;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.survey.mail.MailJob;
import org.spinecell.outcomes.survey.mail.MailOutboxService;
import org.spinecell.platform.CurrentUser;

import static org.spinecell.TestApp.find;
import static org.spinecell.TestApp.unique;

/**
 * A test fixture for the survey e-mail: the patient of a {@link Treatment} given an address and an
 * open baseline follow-up, the mail job run at times the test chooses, and the outbox as stored.
 */
public final class InvitationMail {

	private final Treatment treatment;

	private final MailJob job;

	private final MailOutboxService outbox;

	private String email;

	private String givenName;

	public InvitationMail(Treatment treatment) {
		this.treatment = treatment;
		this.job = app().bean(MailJob.class);
		this.outbox = app().bean(MailOutboxService.class);
	}

	public MailJob job() {
		return job;
	}

	/** The address {@link #patientWithEmailAndOpenBaseline} gave the patient. */
	public String email() {
		return email;
	}

	/** The unique first name {@link #patientWithEmailAndOpenBaseline} gave the patient. */
	public String givenName() {
		return givenName;
	}

	/** Completes a procedure, gives the patient a unique address and first name; returns the baseline follow-up. */
	public UUID patientWithEmailAndOpenBaseline(boolean registryConsent) {
		treatment.aCompletedProcedure(registryConsent);
		email = "patient." + unique() + "@" + unique() + ".example";
		givenName = "Zelphine" + unique().replaceAll("[0-9]", "x");
		app().ownerJdbc().sql("UPDATE patient SET email = :email, given_name = :given WHERE id = :id")
			.param("email", email)
			.param("given", givenName)
			.param("id", cells().patientId())
			.update();
		return UUID.fromString(find(treatment.followUps(), "timePoint", "BASELINE").get("id").asString());
	}

	public MailJob.RunResult runAt(Instant now) {
		return job.run(Set.of(cells().clinicId()), now);
	}

	/** Queues only, as the system of the test clinic, without sending. */
	public MailOutboxService.Queued queueAt(Instant now) {
		UUID clinicId = cells().clinicId();
		return CurrentUser.callAsSystem(Set.of(clinicId), () -> outbox.queue(clinicId, now));
	}

	/** The follow-up's messages as stored: kind, sequence, status, attempts, reason, error. */
	public List<Stored> stored(UUID followUpId) {
		return app().ownerJdbc().sql("""
				SELECT id, kind, sequence, status, attempts, cancel_reason, last_error
				  FROM mail_outbox WHERE follow_up_id = :f ORDER BY sequence
				""")
			.param("f", followUpId)
			.query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getInt("sequence"),
					rs.getString("status"), rs.getInt("attempts"), rs.getString("cancel_reason"),
					rs.getString("last_error")))
			.list();
	}

	/** One stored message of the outbox. */
	public record Stored(UUID id, String kind, int sequence, String status, int attempts, String cancelReason,
			String lastError) {
	}

	private CellLab cells() {
		return treatment.cells();
	}

	private TestApp app() {
		return cells().app();
	}

}

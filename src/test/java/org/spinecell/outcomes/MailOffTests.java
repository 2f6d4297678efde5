package org.spinecell.outcomes;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an SMTP server (as in the demo) invitations are queued, nothing is sent, and the page says so. */
class MailOffTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The patient's e-mail and the mail job. */
	private InvitationMail invitations;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		invitations = new InvitationMail(treatment);
	}

	@Test
	void invitationsAreQueuedButNotSentAndThePageSaysSendingIsOff() {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		assertThat(invitations.job().sendingEnabled()).isFalse();

		TestApi coordinator = login(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		TestApi.Response run = coordinator.post("/api/v1/mail/run", java.util.Map.of());
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(run.json().get("invitationsQueued").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(run.json().get("sent").asInt()).isZero();
		assertThat(run.json().get("sendingEnabled").asBoolean()).isFalse();
		assertThat(invitations.stored(baseline)).singleElement().satisfies(m -> {
			assertThat(m.kind()).isEqualTo("INVITATION");
			assertThat(m.status()).isEqualTo("PENDING");
			assertThat(m.attempts()).isZero();
		});
		// Queuing again adds nothing.
		assertThat(invitations.runAt(Instant.now()).invitationsQueued()).isZero();
		assertThat(invitations.stored(baseline)).hasSize(1);

		WebSession browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		WebSession.Page page = browser.get("/follow-up/mail?status=PENDING");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("Mail sending is off").contains("Pending").contains("Quinn, "
				+ invitations.givenName());
		WebSession.Page ran = browser.post("/follow-up/mail/run", java.util.Map.of("_csrf", page.csrf()));
		assertThat(ran.status()).isEqualTo(200);
		assertThat(ran.html()).contains("Mail sending is off, so nothing was sent.");
	}

	@Test
	void anEmailedLinkIsQueuedAndThePageSaysNoMailIsSentHere() {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		WebSession browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		String csrf = browser.get("/follow-up/" + baseline + "/answers").csrf();
		WebSession.Page page = browser.post("/follow-up/" + baseline + "/link",
				java.util.Map.of("_csrf", csrf, "channel", "email"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("The e-mail is queued but this server sends no mail")
			.contains("Show a link to copy");
		assertThat(invitations.stored(baseline)).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo("PENDING"));
	}

	@Test
	void aPatientWithoutAnAddressIsShownAsNeedingALetterAndNothingIsQueued() {
		treatment.aCompletedProcedure(true);
		UUID baseline = UUID.fromString(find(treatment.followUps(), "timePoint", "BASELINE").get("id").asString());
		assertThat(invitations.runAt(Instant.now()).invitationsQueued()).isZero();
		assertThat(invitations.stored(baseline)).isEmpty();

		var item = find(ok(cells.physician().get("/api/v1/follow-ups/worklist?clinicId="
				+ cells.clinicId())).get("items"), "id", baseline.toString());
		assertThat(item.get("hasEmail").asBoolean()).isFalse();
		WebSession browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		assertThat(browser.get("/follow-up?clinicId=" + cells.clinicId()).html()).contains("No e-mail: send a letter");
	}

}

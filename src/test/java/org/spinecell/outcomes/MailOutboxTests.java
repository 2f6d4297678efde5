package org.spinecell.outcomes;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.InvitationMail.Stored;
import org.spinecell.outcomes.survey.SurveyService;
import org.spinecell.outcomes.survey.mail.MailJob;
import org.spinecell.outcomes.survey.mail.MailOutboxService;
import org.spinecell.platform.CurrentUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Survey invitations and reminders sent to an in-process SMTP server (GreenMail). Runs in its own
 * application context, with its own database directory, since it configures an SMTP server.
 * <p>
 * Over 400 lines because invitations, reminders, retries, cancellations and consent withdrawal
 * share one SMTP server and context.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "spinecell.mail.from=Test Clinic <follow-up@clinic.example>",
		"spinecell.mail.base-url=https://survey.clinic.example/", "spinecell.mail.retry-backoff=PT1M",
		// The test SMTP server logs the mailboxes it creates; the application itself must not.
		"logging.level.com.icegreen=WARN" })
class MailOutboxTests extends IntegrationTest {

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

	private static final int SMTP_PORT = freePort();

	private static final Pattern LINK = Pattern.compile("https://survey\\.clinic\\.example/s/([A-Za-z0-9_-]{43})");

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@Autowired
	JavaMailSenderImpl mailSender;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SurveyService surveys;

	@Value("${spinecell.data-dir}")
	String dataDir;

	/**
	 * This context's database lives in a directory of its own, since the shared context may still be
	 * running on the shared one.
	 */
	@DynamicPropertySource
	static void mailContext(DynamicPropertyRegistry registry) throws IOException {
		Path base = Files.createDirectories(Path.of("target", "test-data"));
		Path dir = Files.createTempDirectory(base.toAbsolutePath(), "mail-");
		registry.add("spinecell.data-dir", dir::toString);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	@Test
	void theContextHasItsOwnDatabaseDirectoryAndSendsMail() {
		assertThat(dataDir).contains("mail-");
		assertThat(invitations.job().sendingEnabled()).isTrue();
	}

	@Test
	void anInvitationIsSentOnceWithALinkThatOpensTheSurvey() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		Instant now = Instant.now();

		MailJob.RunResult first = invitations.runAt(now);
		assertThat(first.invitationsQueued()).isEqualTo(1);
		assertThat(first.sent()).isEqualTo(1);
		assertThat(first.sendingEnabled()).isTrue();
		MailJob.RunResult again = invitations.runAt(now.plusSeconds(60));
		assertThat(again.invitationsQueued()).isZero();
		assertThat(again.sent()).isZero();

		MimeMessage[] received = received();
		assertThat(received).hasSize(1);
		MimeMessage mail = received[0];
		assertThat(mail.getSubject()).startsWith("Your follow-up questions from Cell lab ");
		assertThat(mail.getFrom()[0].toString()).contains("follow-up@clinic.example");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("Dear " + invitations.givenName()
				+ ",").contains("before your treatment").contains("Austin");
		assertThat(body).doesNotContain("Quinn").doesNotContain("CP-").doesNotContain("M51").doesNotContain("L4-L5");

		String token = token(body);
		assertThat(surveys.state(token).givenName()).isEqualTo(invitations.givenName());
		WebSession.Page page = new WebSession(port).get("/s/" + token);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("Hello <span>" + invitations.givenName() + "</span>");

		List<Stored> messages = invitations.stored(baseline);
		assertThat(messages).hasSize(1);
		assertThat(messages.get(0).kind()).isEqualTo("INVITATION");
		assertThat(messages.get(0).status()).isEqualTo("SENT");
		assertThat(messages.get(0).attempts()).isEqualTo(1);
		String row = ownerJdbc().sql("SELECT m::text FROM mail_outbox m WHERE follow_up_id = :f")
			.param("f", baseline)
			.query(String.class)
			.single();
		assertThat(row).doesNotContain(invitations.email()).doesNotContain(token).doesNotContain(invitations.givenName());

		List<String> audited = ownerJdbc()
			.sql("SELECT action || ' ' || coalesce(changes->'status'->>'newValue', '') FROM audit_event WHERE entity_type = 'MailMessage' AND entity_id = :id ORDER BY seq")
			.param("id", messages.get(0).id().toString())
			.query(String.class)
			.list();
		assertThat(audited).first().asString().startsWith("CREATE");
		assertThat(audited).last().isEqualTo("UPDATE SENT");
		assertThat(ownerJdbc().sql("SELECT count(*) FROM audit_event WHERE entity_type = 'SurveyLink' AND clinic_id = :c")
			.param("c", cells.clinicId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void remindersFollowAfterTheIntervalWithANewLinkUpToTheMaximum() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		treatment.shift(baseline, 0, 5, 60);
		Instant start = Instant.now();

		assertThat(invitations.runAt(start).sent()).isEqualTo(1);
		String firstToken = token(GreenMailUtil.getBody(received()[0]));
		assertThat(invitations.runAt(start.plus(Duration.ofDays(3))).remindersQueued()).isZero();

		MailJob.RunResult week = invitations.runAt(start.plus(Duration.ofDays(7)).plusSeconds(60));
		assertThat(week.remindersQueued()).isEqualTo(1);
		assertThat(received()).hasSize(2);
		MimeMessage reminder = received()[1];
		assertThat(reminder.getSubject()).startsWith("Reminder: ");
		String secondToken = token(GreenMailUtil.getBody(reminder));
		assertThat(secondToken).isNotEqualTo(firstToken);
		assertThat(new WebSession(port).get("/s/" + secondToken).status()).isEqualTo(200);
		assertThat(new WebSession(port).get("/s/" + firstToken).status()).isEqualTo(404);

		invitations.runAt(start.plus(Duration.ofDays(14)).plusSeconds(120));
		invitations.runAt(start.plus(Duration.ofDays(21)).plusSeconds(180));
		invitations.runAt(start.plus(Duration.ofDays(28)).plusSeconds(240));
		assertThat(invitations.stored(baseline)).extracting(Stored::kind, Stored::sequence, Stored::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("INVITATION", 0, "SENT"),
					org.assertj.core.groups.Tuple.tuple("REMINDER", 1, "SENT"),
					org.assertj.core.groups.Tuple.tuple("REMINDER", 2, "SENT"));
		assertThat(received()).hasSize(3);
	}

	@Test
	void staffSendTheSurveyLinkByEmailAtOnceThroughTheOutboxAndEachSendReplacesTheLink() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		WebSession browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		String csrf = browser.get("/follow-up/" + baseline + "/answers").csrf();

		WebSession.Page sent = browser.post("/follow-up/" + baseline + "/link",
				Map.of("_csrf", csrf, "channel", "email"));
		assertThat(sent.status()).as(sent.html()).isEqualTo(200);
		assertThat(sent.html()).contains("The survey link was e-mailed to the address on file.")
			.doesNotContain(invitations.email())
			.doesNotContain("id=\"survey-url\"");
		assertThat(received()).hasSize(1);
		String first = token(GreenMailUtil.getBody(received()[0]));
		assertThat(new WebSession(port).get("/s/" + first).status()).isEqualTo(200);
		// The outbox row holds neither the address nor the token (ADR 0010), and it is recorded as sent.
		assertThat(invitations.stored(baseline)).extracting(Stored::kind, Stored::sequence, Stored::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("INVITATION", 0, "SENT"));
		assertThat(ownerJdbc().sql("SELECT string_agg(m::text, ' ') FROM mail_outbox m WHERE follow_up_id = :f")
			.param("f", baseline)
			.query(String.class)
			.single()).doesNotContain(invitations.email()).doesNotContain(first);

		// Sending again e-mails a new link, which revokes the first one.
		browser.post("/follow-up/" + baseline + "/link", Map.of("_csrf", csrf, "channel", "email"));
		assertThat(received()).hasSize(2);
		String second = token(GreenMailUtil.getBody(received()[1]));
		assertThat(second).isNotEqualTo(first);
		assertThat(new WebSession(port).get("/s/" + first).status()).isEqualTo(404);
		assertThat(invitations.stored(baseline)).extracting(Stored::sequence, Stored::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, "SENT"), org.assertj.core.groups.Tuple.tuple(1, "SENT"));

		// SMS is not configured here: refused, nothing sent; the page says why.
		WebSession.Page sms = browser.post("/follow-up/" + baseline + "/link", Map.of("_csrf", csrf, "channel", "sms"));
		assertThat(sms.status()).isEqualTo(409);
		assertThat(sms.html()).contains("SMS is not set up on this server");
		// Copying stays as the fallback: the address is shown once, with a copy button (script from a file).
		WebSession.Page copy = browser.post("/follow-up/" + baseline + "/link", Map.of("_csrf", csrf, "channel", "copy"));
		assertThat(copy.html()).contains("id=\"survey-url\"").contains("data-copy=\"survey-url\"")
			.contains("/js/copy.js")
			.doesNotContain("<script>");
		assertThat(received()).hasSize(2);
		// An unknown channel is a clear 422, not a 500.
		assertThat(browser.post("/follow-up/" + baseline + "/link", Map.of("_csrf", csrf, "channel", "pigeon"))
			.status()).isEqualTo(422);
	}

	@Test
	void theLinkIsNotEmailedWithoutRegistryConsentOrAnAddressAndThePageSaysWhy() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(false);
		WebSession browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		String csrf = browser.get("/follow-up/" + baseline + "/answers").csrf();
		WebSession.Page refused = browser.post("/follow-up/" + baseline + "/link",
				Map.of("_csrf", csrf, "channel", "email"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.html()).contains("no current registry consent");
		ownerJdbc().sql("UPDATE patient SET email = NULL WHERE id = :id").param("id", cells.patientId()).update();
		treatment.consent("REGISTRY");
		assertThat(browser.post("/follow-up/" + baseline + "/link", Map.of("_csrf", csrf, "channel", "email")).html())
			.contains("no e-mail address");
		assertThat(received()).isEmpty();
		assertThat(invitations.stored(baseline)).isEmpty();
	}

	@Test
	void aPatientWhoWithdrewRegistryConsentGetsNothingAndTheQueuedMessageIsCancelled() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		Instant now = Instant.now();
		assertThat(invitations.queueAt(now).invitations()).isEqualTo(1);
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/consents", Map.of("type", "REGISTRY",
				"status",
				"WITHDRAWN", "effectiveDate", java.time.LocalDate.now().toString(), "note", "No more e-mails")));

		sendsNothingAndCancels(baseline, now.plusSeconds(1), "no current registry consent");
		assertThat(invitations.runAt(now.plus(Duration.ofDays(8))).invitationsQueued()).isZero();
		assertThat(received()).isEmpty();
	}

	@Test
	void registryConsentGivenAgainAfterAWithdrawalQueuesTheCancelledInvitationAnew() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		Instant now = Instant.now();
		assertThat(invitations.queueAt(now).invitations()).isEqualTo(1);
		String today = java.time.LocalDate.now().toString();
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/consents",
				Map.of("type", "REGISTRY", "status", "WITHDRAWN", "effectiveDate", today)));
		sendsNothingAndCancels(baseline, now.plusSeconds(1), "no current registry consent");

		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/consents",
				Map.of("type", "REGISTRY", "status", "GIVEN", "effectiveDate", today, "formVersion", "RC-2")));
		MailJob.RunResult run = invitations.runAt(now.plusSeconds(2));

		assertThat(run.remindersQueued()).isEqualTo(1);
		assertThat(run.sent()).isEqualTo(1);
		assertThat(received()).hasSize(1);
		assertThat(invitations.stored(baseline)).extracting(Stored::status).containsExactly("CANCELLED", "SENT");
		assertThat(invitations.stored(baseline)).extracting(Stored::kind).containsExactly("INVITATION", "REMINDER");
	}

	@Test
	void aCompletedFollowUpGetsNoMail() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		Instant now = Instant.now();
		assertThat(invitations.queueAt(now).invitations()).isEqualTo(1);
		ok(cells.physician().post("/api/v1/follow-ups/" + baseline + "/complete", Map.of()));

		sendsNothingAndCancels(baseline, now.plusSeconds(1), "follow-up completed");
	}

	@Test
	void twoInstancesQueuingAtOnceQueueOneInvitation() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		Instant now = Instant.now();
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<MailOutboxService.Queued>> runs = new java.util.ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return invitations.queueAt(now);
				}));
			}
			start.countDown();
			int queued = 0;
			for (var run : runs) {
				queued += run.get(60, java.util.concurrent.TimeUnit.SECONDS).invitations();
			}
			assertThat(queued).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(invitations.stored(baseline)).hasSize(1);
		assertThat(ownerJdbc()
			.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'MailMessage' AND action = 'CREATE' AND clinic_id = :c")
			.param("c", cells.clinicId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aPatientWithoutRegistryConsentIsNeverQueued() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(false);
		assertThat(invitations.runAt(Instant.now()).invitationsQueued()).isZero();
		assertThat(invitations.stored(baseline)).isEmpty();
		assertThat(received()).isEmpty();
	}

	@Test
	void whenTheSmtpServerIsDownTheMessageIsRetriedThenFailedAndNothingPersonalIsLogged(CapturedOutput output)
			throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		int port = mailSender.getPort();
		Instant start = Instant.now();
		List<MailJob.RunResult> runs = new java.util.ArrayList<>();
		try {
			mailSender.setPort(freePort());
			for (int i = 0; i < 6; i++) {
				runs.add(invitations.runAt(start.plus(Duration.ofHours(i))));
			}
		}
		finally {
			mailSender.setPort(port);
		}
		assertThat(runs).extracting(MailJob.RunResult::retrying).containsExactly(1, 1, 1, 1, 0, 0);
		assertThat(runs).extracting(MailJob.RunResult::failed).containsExactly(0, 0, 0, 0, 1, 0);
		Stored message = invitations.stored(baseline).get(0);
		assertThat(message.status()).isEqualTo("FAILED");
		assertThat(message.attempts()).isEqualTo(5);
		assertThat(message.lastError()).startsWith("Mail").doesNotContain("@");
		assertThat(received()).isEmpty();

		// The failures were logged, by message id and without the address, the name or the text.
		assertThat(output.getAll()).contains("Mail message " + message.id() + " not sent (attempt 1)")
			.contains("Mail message " + message.id() + " failed for good after 5 attempts");
		assertThat(output.getAll()).doesNotContain(invitations.email()).doesNotContain(invitations.givenName()).doesNotContain("Dear ");
	}

	@Test
	void aSentInvitationLeavesNoAddressOrNameInTheLogs(CapturedOutput output) throws Exception {
		invitations.patientWithEmailAndOpenBaseline(true);
		assertThat(invitations.runAt(Instant.now()).sent()).isEqualTo(1);
		assertThat(received()).hasSize(1);
		assertThat(output.getAll()).doesNotContain(invitations.email()).doesNotContain(invitations.givenName()).doesNotContain("/s/");
	}

	@Test
	void coordinatorsRunTheJobAndListTheirClinicsMessagesOnly() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		// An administrator of another clinic runs the job for its own clinic only (ADR 0016).
		TestApi otherAdmin = login(createUser("ADMIN", Set.of(createClinic("Other mail"))), USER_PASSWORD);
		TestApi.Response otherRun = otherAdmin.post("/api/v1/mail/run", Map.of());
		assertThat(otherRun.status()).as(otherRun.body()).isEqualTo(200);
		assertThat(received()).isEmpty();
		TestApi coordinator = login(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		TestApi.Response run = coordinator.post("/api/v1/mail/run", Map.of());
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(run.json().get("sent").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(received()).hasSize(1);
		assertThat(cells.physician().post("/api/v1/mail/run", Map.of()).status()).isEqualTo(403);
		assertThat(cells.lab().post("/api/v1/mail/run", Map.of()).status()).isEqualTo(403);
		assertThat(cells.lab().get("/api/v1/mail/outbox").status()).isEqualTo(403);
		assertThat(anonymous.post("/api/v1/mail/run", Map.of()).status()).isEqualTo(401);

		TestApi.Response list = coordinator.get("/api/v1/mail/outbox?status=SENT");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("sendingEnabled").asBoolean()).isTrue();
		var item = find(list.json().get("items"), "followUpId", baseline.toString());
		assertThat(item.get("patientName").asString()).isEqualTo("Quinn, " + invitations.givenName());
		assertThat(item.get("timePoint").asString()).isEqualTo("BASELINE");
		assertThat(item.get("kind").asString()).isEqualTo("INVITATION");
		assertThat(item.get("attempts").asInt()).isEqualTo(1);
		assertThat(item.get("sentAt").isNull()).isFalse();
		assertThat(list.body()).doesNotContain(invitations.email());

		TestApi.Response bad = coordinator.get("/api/v1/mail/outbox?status=LOST");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"status\"");

		// Another clinic's coordinator sees none of it, and asking for the clinic is a 404.
		UUID other = createClinic("Mail elsewhere");
		TestApi stranger = login(createUser("COORDINATOR", Set.of(other)), USER_PASSWORD);
		assertThat(stranger.get("/api/v1/mail/outbox").body()).doesNotContain(baseline.toString());
		assertThat(stranger.get("/api/v1/mail/outbox?clinicId=" + cells.clinicId()).status()).isEqualTo(404);

		// Row-level security: a transaction scoped to the other clinic sees no row of this one.
		assertThat(countInScope(other, baseline)).isZero();
		assertThat(countInScope(cells.clinicId(), baseline)).isEqualTo(1);
	}

	@Test
	void theMailPageListsMessagesAndSaysSendingIsOn() throws Exception {
		UUID baseline = invitations.patientWithEmailAndOpenBaseline(true);
		invitations.runAt(Instant.now());
		WebSession browser = new WebSession(port);
		browser.signIn(createUser("COORDINATOR", Set.of(cells.clinicId())), USER_PASSWORD);
		WebSession.Page page = browser.get("/follow-up/mail?clinicId=" + cells.clinicId());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html()).contains("Mail sending is on").doesNotContain("Mail sending is off");
		assertThat(page.html()).contains("Quinn, "
				+ invitations.givenName()).contains(">Baseline<").contains("Invitation")
			.contains("Sent");
		assertThat(page.html()).doesNotContain(invitations.email()).doesNotContain("<script>");
		assertThat(invitations.stored(baseline)).hasSize(1);
		assertThat(browser.get("/follow-up").html()).contains("/follow-up/mail");
	}

	/** A run at the time sends nothing and cancels the follow-up's one queued message with the reason. */
	private void sendsNothingAndCancels(UUID followUp, Instant at, String reason) {
		MailJob.RunResult run = invitations.runAt(at);
		assertThat(run.sent()).isZero();
		assertThat(run.cancelled()).isEqualTo(1);
		assertThat(received()).isEmpty();
		assertThat(invitations.stored(followUp)).singleElement().satisfies(m -> {
			assertThat(m.status()).isEqualTo("CANCELLED");
			assertThat(m.cancelReason()).isEqualTo(reason);
		});
	}

	private long countInScope(UUID clinic, UUID followUp) {
		return CurrentUser.callAsSystem(Set.of(clinic),
				() -> transactions.execute(status -> JdbcClient.create(appDataSource)
					.sql("SELECT count(*) FROM mail_outbox WHERE follow_up_id = :f")
					.param("f", followUp)
					.query(Long.class)
					.single()));
	}

	/** The messages this test's patient received. */
	private MimeMessage[] received() {
		return smtp.getReceivedMessagesForDomain(invitations.email().substring(invitations.email().indexOf('@') + 1));
	}

	private static String token(String body) {
		Matcher m = LINK.matcher(body.replace("=\r\n", "").replace("=\n", ""));
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

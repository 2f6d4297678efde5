package org.spinecell.outcomes.survey.mail;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The survey e-mail's text and the mail settings' rules. */
class SurveyMailTests {

	@Test
	void anInvitationGreetsByFirstNameAndSaysUntilWhenTheLinkWorks() {
		SurveyMail mail = SurveyMail.compose(MailMessage.Kind.INVITATION, " Ada ", "Riverside Spine", "Austin",
				"3 months after your treatment", "https://x.example/s/abc", LocalDate.of(2026, 3, 12));
		assertThat(mail.subject()).isEqualTo("Your follow-up questions from Riverside Spine");
		assertThat(mail.body()).startsWith("Dear Ada,\n")
			.contains("how you are doing 3 months after your treatment")
			.contains("https://x.example/s/abc\n")
			.contains("works until 12 March 2026")
			.contains("call Riverside Spine in Austin")
			.doesNotContain("Reminder")
			.doesNotContain("earlier link");
	}

	@Test
	void aReminderSaysTheEarlierLinkNoLongerWorks() {
		SurveyMail mail = SurveyMail.compose(MailMessage.Kind.REMINDER, "Ada", "Riverside Spine", null,
				"before your treatment", "https://x.example/s/abc", LocalDate.of(2026, 1, 2));
		assertThat(mail.subject()).isEqualTo("Reminder: your follow-up questions from Riverside Spine");
		assertThat(mail.body()).contains("not received your answers").contains("earlier link we sent you no longer works")
			.contains("call Riverside Spine.");
	}

	@Test
	void theBackoffDoublesWithEachFailedAttempt() {
		MailSettings settings = new MailSettings(null, "a@b.example", null, "https://x.example/", Duration.ofDays(7), 2,
				5, Duration.ofMinutes(5), 200);
		assertThat(settings.baseUrl()).isEqualTo("https://x.example");
		assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(10));
		assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMinutes(40));
	}

	@Test
	void aBaseUrlThatIsNotHttpIsRefused() {
		assertThatThrownBy(() -> new MailSettings(null, "a@b.example", null, "javascript:alert(1)", Duration.ofDays(7), 2,
				5, Duration.ofMinutes(5), 200))
			.isInstanceOf(IllegalArgumentException.class);
	}

}

package org.spinecell.outcomes.survey.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the survey e-mails, under {@code spinecell.mail.*}. The SMTP server itself is set
 * with Spring Boot's {@code spring.mail.*} properties.
 *
 * @param enabled whether to send; when unset, sending is on exactly when {@code spring.mail.host}
 * is set. Messages are queued either way.
 * @param from the sender, such as {@code "Riverside Spine Clinic <follow-up@example.org>"}
 * @param replyTo where patients' replies go, if not to {@code from}
 * @param baseUrl the address patients open the survey at; the link is {@code baseUrl/s/<token>}
 * @param reminderInterval how long after the last e-mail a reminder is queued
 * @param maxReminders how many reminders follow an invitation at most
 * @param maxAttempts how many times a message is tried before it is marked FAILED
 * @param retryBackoff the wait after the first failed attempt; it doubles with each further one
 * @param batchSize how many messages one run sends per clinic at most
 */
@ConfigurationProperties("spinecell.mail")
public record MailSettings(Boolean enabled, @DefaultValue("SpineCell <no-reply@localhost>") String from, String replyTo,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("P7D") Duration reminderInterval,
		@DefaultValue("2") int maxReminders, @DefaultValue("5") int maxAttempts,
		@DefaultValue("PT5M") Duration retryBackoff, @DefaultValue("200") int batchSize) {

	public MailSettings {
		if (maxReminders < 0 || maxAttempts < 1 || batchSize < 1) {
			throw new IllegalArgumentException(
					"spinecell.mail: max-reminders must be at least 0, max-attempts and batch-size at least 1");
		}
		if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
			throw new IllegalArgumentException("spinecell.mail.base-url must start with http:// or https://");
		}
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The wait before the next attempt after {@code attempts} failed ones: the backoff, doubled each time. */
	Duration backoffAfter(int attempts) {
		return retryBackoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
	}

}

package org.spinecell.outcomes.survey.mail;

import java.util.Optional;

import org.spinecell.outcomes.FollowUp;
import org.spinecell.patients.Patient;

/**
 * A way of getting a follow-up's survey link to the patient without staff copying it by hand: by
 * e-mail through the mail outbox ({@link EmailSurveyLinkChannel}), by SMS where a provider is
 * configured ({@link SmsSurveyLinkChannel}). Staff pick a channel on the follow-up; copying the
 * address and the printed letter remain the fallbacks. A channel never stores the link's token.
 */
public interface SurveyLinkChannel {

	/** The name used in forms and addresses: {@code email}, {@code sms}. */
	String id();

	/** The channel for people: "E-mail". */
	String label();

	/**
	 * Why the link cannot go this way to this patient now (no address, sending not configured ...),
	 * worded for staff without patient data; empty when it can.
	 */
	Optional<String> unavailable(FollowUp followUp, Patient patient);

	/**
	 * Sends a fresh link (revoking the previous one) now, or queues it where sending must wait.
	 * Call only when {@link #unavailable} is empty; refuses (409) otherwise.
	 */
	Delivery send(FollowUp followUp);

	/** What sending came to, for the page that reports it. */
	record Delivery(Outcome outcome, String message) {
	}

	enum Outcome {

		/** Handed to the mail server or SMS provider. */
		SENT,
		/** Stored to be sent later: sending is off, or the server did not take it and it is retried. */
		QUEUED,
		/** Not sent: the checks at sending time failed (consent withdrawn meanwhile, for example). */
		NOT_SENT

	}

}

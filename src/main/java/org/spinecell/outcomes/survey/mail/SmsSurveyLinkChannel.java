package org.spinecell.outcomes.survey.mail;

import java.util.List;
import java.util.Optional;

import org.spinecell.outcomes.FollowUp;
import org.spinecell.patients.Patient;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.stereotype.Component;

/**
 * Survey links by SMS. SpineCell ships no SMS provider yet, so this channel is always off and says
 * so on the page: no message is pretended to be sent. A provider goes behind this class (an HTTP
 * gateway configured from the environment) together with a test against a stub of that gateway;
 * until then staff e-mail the link, copy it into their own messaging, or print the letter.
 */
@Component
class SmsSurveyLinkChannel implements SurveyLinkChannel {

	static final String NOT_CONFIGURED = "SMS is not set up on this server (no SMS provider is configured)";

	@Override
	public String id() {
		return "sms";
	}

	@Override
	public String label() {
		return "Text message (SMS)";
	}

	@Override
	public Optional<String> unavailable(FollowUp followUp, Patient patient) {
		return Optional.of(NOT_CONFIGURED);
	}

	@Override
	public Delivery send(FollowUp followUp) {
		throw Refusal.conflict(NOT_CONFIGURED, List.of(new FieldProblem("channel", "sms is not configured")));
	}

}

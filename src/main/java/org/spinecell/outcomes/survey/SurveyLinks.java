package org.spinecell.outcomes.survey;

import org.spinecell.outcomes.survey.mail.MailSettings;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of a survey link, on SpineCell's configured public address
 * ({@code spinecell.mail.base-url}) and never on the host a request named: a forged {@code Host}
 * header must not put a link to somebody else's server in front of a patient. The API's answer,
 * the link page, the printed letter and the e-mails all take their links from here.
 */
@Component
public class SurveyLinks {

	private final String baseUrl;

	SurveyLinks(MailSettings settings) {
		this.baseUrl = settings.baseUrl();
	}

	public String url(String token) {
		return UriComponentsBuilder.fromUriString(baseUrl).path("/s/{token}").buildAndExpand(token).toUriString();
	}

}

package org.spinecell.outcomes.survey.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The plain-text e-mail that invites a patient to a follow-up survey or reminds them of it. It says
 * only what the patient needs: their first name, the clinic, the link and until when it works, and
 * how to reach the clinic. No diagnosis, no treatment details, no record numbers.
 */
record SurveyMail(String subject, String body) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	/**
	 * @param when the time point in plain words ("3 months after your treatment")
	 * @param lastDay the last day the link works
	 */
	static SurveyMail compose(MailMessage.Kind kind, String givenName, String clinicName, String clinicCity, String when,
			String link, LocalDate lastDay) {
		String clinic = clinicName.strip();
		boolean reminder = kind == MailMessage.Kind.REMINDER;
		String subject = (reminder ? "Reminder: your follow-up questions from " : "Your follow-up questions from ")
				+ clinic;
		StringBuilder body = new StringBuilder();
		body.append("Dear ").append(givenName.strip()).append(",\n\n");
		if (reminder) {
			body.append("A few days ago we asked how you are doing ").append(when)
				.append(". We have not received your answers yet, so here is a new link.\n\n");
		}
		else {
			body.append(clinic).append(" would like to know how you are doing ").append(when).append(".\n\n");
		}
		body.append("Please answer a few short questions about your pain and your daily activities. ")
			.append("It takes about ten minutes, on a phone or a computer.\n\n");
		body.append("Your personal link:\n").append(link).append("\n\n");
		body.append("The link works until ").append(DAY.format(lastDay)).append(". It is for you only, ")
			.append("so please do not forward this e-mail.")
			.append(reminder ? " Any earlier link we sent you no longer works.\n\n" : "\n\n");
		body.append("If you have questions, or would rather answer by phone, reply to this e-mail or call ")
			.append(clinic)
			.append(clinicCity == null || clinicCity.isBlank() ? "" : " in " + clinicCity.strip())
			.append(".\n\n");
		body.append("You receive this e-mail because you agreed to take part in the clinic's outcome registry. ")
			.append("If you no longer want these e-mails, tell the clinic and they will stop.\n\n");
		body.append("With best wishes,\n").append(clinic).append('\n');
		return new SurveyMail(subject, body.toString());
	}

}

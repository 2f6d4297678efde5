/**
 * Follow-up: outcome instruments, schedules, the patient survey portal, medication use and
 * adverse events. Instruments are FHIR R4 Questionnaire definitions held as data with SpineCell's
 * scoring extension; licensed item text and scoring tables are loaded by each installation, never
 * shipped. {@link org.spinecell.outcomes.ResponseService} records and scores a patient's answers;
 * a completed procedure starts the patient's follow-up schedule; medications carry morphine
 * milligram equivalents, and serious adverse events open reporting tasks with their deadlines.
 * Through the survey link a patient can also update their pain medicines and report a problem,
 * which waits ungraded for a physician's review.
 * {@link org.spinecell.outcomes.survey.mail.MailJob} e-mails survey invitations and reminders
 * through an outbox that stores neither address nor token.
 * <p>
 * The root holds only what other modules use (the follow-up, response, medication, adverse-event
 * and intervention services and their records). The features live in sub-packages:
 * <ul>
 * <li>{@code instruments}: the instrument library, its FHIR format, the scorer and scoring tables,
 * and the instruments API;</li>
 * <li>{@code responses}: stored responses and their scored observations, and the responses API;</li>
 * <li>{@code followup}: schedule protocols, completion rules, the worklist and staff follow-up
 * (answers taken by staff, survey letters and links handed out);</li>
 * <li>{@code survey}: the patient portal behind a survey link, its links and rate limiter;</li>
 * <li>{@code survey.mail}: the mail outbox and job, survey letters and the link channels;</li>
 * <li>{@code medication}: medication records and the morphine milligram equivalent conversion;</li>
 * <li>{@code safety}: adverse events, their review and the safety tasks they open;</li>
 * <li>{@code interventions}: later interventions on a treated patient;</li>
 * <li>{@code chart}: the outcome sections and charts of the patient chart, the progress report and
 * the forms reached from the chart.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcomes",
		allowedDependencies = { "platform", "platform :: chart", "audit", "accounts", "patients", "cellproducts", "procedures" })
package org.spinecell.outcomes;

/**
 * Follow-up: outcome instruments, schedules, the patient survey portal, medication use and
 * adverse events. Instruments are FHIR R4 Questionnaire definitions held as data with SpineCell's
 * scoring extension; licensed item text and scoring tables are loaded by each installation, never
 * shipped. {@link org.spinecell.outcomes.ResponseService} records and scores a patient's answers;
 * a completed procedure starts the patient's follow-up schedule; medications carry morphine
 * milligram equivalents, and serious adverse events open reporting tasks with their deadlines.
 * Through the survey link a patient can also update their pain medicines and report a problem,
 * which waits ungraded for a physician's review.
 * {@link org.spinecell.outcomes.MailJob} e-mails survey invitations and reminders through an outbox
 * that stores neither address nor token.
 */
package org.spinecell.outcomes;

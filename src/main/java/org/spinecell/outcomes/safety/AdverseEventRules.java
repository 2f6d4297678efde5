package org.spinecell.outcomes.safety;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.platform.ClinicalDate;
import org.spinecell.platform.ClinicalDates;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

/**
 * The rules an adverse event's data must meet, whoever reports or classifies it: dates in order and
 * not in the future, the grade-5 (fatal) rules, a resolution date only once resolved, and what a
 * patient's own report must carry. They refuse with {@link Refusal}; they know nothing of Spring.
 */
public final class AdverseEventRules {

	/** The longest description a patient can send through the portal. */
	public static final int PATIENT_TEXT_MAX = 2000;

	/** Dates are "in the future" only once the day has begun nowhere (UTC+14), whatever the clinic's zone. */
	private static final Clock LATEST_DAY = Clock.system(ZoneOffset.ofHours(14));

	private AdverseEventRules() {
	}

	/**
	 * The problem a patient reports through the portal: a description of at most
	 * {@value #PATIENT_TEXT_MAX} characters, an onset not in the future, and the care they sought.
	 * The portal's report is not bound by Bean Validation, so these are checked here.
	 */
	public static void checkPatientProblem(AdverseEventRequests.PatientProblem problem) {
		List<FieldProblem> problems = new ArrayList<>();
		String description = problem.description();
		if (description == null || description.isBlank()) {
			problems.add(new FieldProblem("description", "is required"));
		}
		else if (description.length() > PATIENT_TEXT_MAX) {
			problems.add(new FieldProblem("description", "must be at most " + PATIENT_TEXT_MAX + " characters"));
		}
		if (problem.onset() == null) {
			problems.add(new FieldProblem("onset", "is required"));
		}
		else {
			notInFuture(problem.onset(), "onset", LocalDate.now(LATEST_DAY), problems);
		}
		if (problem.careSought() == null) {
			problems.add(new FieldProblem("careSought", "is required"));
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
	}

	/** The ungraded event with the reviewer's classification, checked like a clinician's report. */
	public static AdverseEvent classified(AdverseEvent event, AdverseEventRequests.Review request) {
		List<FieldProblem> missing = new ArrayList<>();
		if (request.category() == null || request.category().isBlank()) {
			missing.add(new FieldProblem("category", "is required to review a patient's report"));
		}
		if (request.grade() == null) {
			missing.add(new FieldProblem("grade", "is required to review a patient's report"));
		}
		if (request.outcome() == null) {
			missing.add(new FieldProblem("outcome", "is required to review a patient's report"));
		}
		if (request.expected() == null) {
			missing.add(new FieldProblem("expected", "is required to review a patient's report"));
		}
		if (!missing.isEmpty()) {
			throw Refusal.invalid(missing);
		}
		checkGraded(event.onset(), null, event.awarenessDate(), request.deathDate(), request.resolutionDate(),
				request.grade(), request.outcome(), request.serious());
		return new AdverseEvent(event.id(), event.clinicId(), event.patientId(), event.procedureId(), event.productId(),
				event.onset(), event.awarenessDate(), event.description(), request.category().strip(), request.grade(),
				request.serious(), request.deathDate(), request.relatednessProcedure(), request.relatednessProduct(),
				request.expected(), blankToNull(request.action()), request.outcome(), request.resolutionDate(),
				event.reporter(), event.reviewed(), event.reviewedAt(), event.reviewedBy(), event.reviewNote(),
				event.version(), event.createdAt(), event.followUpId(), event.careSought());
	}

	/** The dating and grade-5 rules of every graded event; {@code awarenessGiven} only if the caller gave one. */
	public static void checkGraded(LocalDate onset, LocalDate awarenessGiven, LocalDate awareness, LocalDate deathDate,
			LocalDate resolutionDate, int grade, AdverseEvent.Outcome outcome, Set<AdverseEvent.Seriousness> serious) {
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate latest = LocalDate.now(LATEST_DAY);
		notInFuture(onset, "onset", latest, problems);
		notInFuture(awarenessGiven, "awarenessDate", latest, problems);
		notInFuture(deathDate, "deathDate", latest, problems);
		notInFuture(resolutionDate, "resolutionDate", latest, problems);
		notBeforeOnset(awareness, "awarenessDate", onset, problems);
		notBeforeOnset(deathDate, "deathDate", onset, problems);
		notBeforeOnset(resolutionDate, "resolutionDate", onset, problems);

		boolean fatalGrade = grade == 5;
		if (fatalGrade) {
			if (deathDate == null) {
				problems.add(new FieldProblem("deathDate", "is required for a grade 5 (fatal) event"));
			}
			if (outcome != AdverseEvent.Outcome.FATAL) {
				problems.add(new FieldProblem("outcome", "must be FATAL for a grade 5 event"));
			}
			if (!serious.contains(AdverseEvent.Seriousness.DEATH)) {
				problems.add(new FieldProblem("serious", "must include DEATH for a grade 5 event"));
			}
		}
		else {
			if (deathDate != null) {
				problems.add(new FieldProblem("deathDate", "is recorded only for a grade 5 (fatal) event"));
			}
			if (outcome == AdverseEvent.Outcome.FATAL) {
				problems.add(new FieldProblem("outcome", "FATAL requires grade 5"));
			}
			if (serious.contains(AdverseEvent.Seriousness.DEATH)) {
				problems.add(new FieldProblem("serious", "DEATH requires grade 5"));
			}
		}
		if (resolutionDate != null && !outcome.resolved()) {
			problems.add(new FieldProblem("resolutionDate",
					"is recorded only when the outcome is RECOVERED or RECOVERED_WITH_SEQUELAE"));
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
	}

	static void notInFuture(LocalDate date, String field, LocalDate latest, List<FieldProblem> problems) {
		if (date != null && date.isAfter(latest)) {
			problems.add(new FieldProblem(field, "must not be in the future"));
		}
		else if (ClinicalDates.problem(date, ClinicalDate.Kind.HAPPENED) != null) {
			// The portal's problem report is not bound by Bean Validation: the same bounds, here.
			problems.add(new FieldProblem(field, ClinicalDates.problem(date, ClinicalDate.Kind.HAPPENED)));
		}
	}

	private static void notBeforeOnset(LocalDate date, String field, LocalDate onset, List<FieldProblem> problems) {
		if (date != null && date.isBefore(onset)) {
			problems.add(new FieldProblem(field, "must not be before onset (" + onset + ")"));
		}
	}

	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}

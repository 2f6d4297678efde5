package org.spinecell.patients.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.spinecell.patients.Patient;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

/** Rules shared by every part of a patient's clinical history. */
public final class HistoryRules {

	/**
	 * The clock dates are checked against: the earliest time zone to start a new day (UTC+14), so a
	 * date is "in the future" only once it has not yet begun anywhere, whatever the clinic's zone.
	 */
	public static final Clock LATEST_DAY = Clock.system(ZoneOffset.ofHours(14));

	private HistoryRules() {
	}

	/** The patient, if history may still be added to or changed on the record; a voided one is a 409. */
	public static Patient writable(Patient patient) {
		if (patient.voided()) {
			throw Refusal.conflict("The patient record is voided; its clinical history cannot be added to or changed");
		}
		return patient;
	}

	public static void notInFuture(LocalDate date, String field, Clock clock, List<FieldProblem> problems) {
		if (date != null && date.isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem(field, "must not be in the future"));
		}
	}

	public static void refuseIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
	}

	/** @param noun what the record is called in a sentence, such as "diagnosis" */
	public static Refusal stale(String noun) {
		return Refusal.conflict("The " + noun + " was changed by someone else; reload it and apply your change again",
				List.of(new FieldProblem("version", "stale version")));
	}

	public static Refusal alreadyVoided(String noun) {
		return Refusal.conflict("The " + noun + " is already voided");
	}

}

package org.spinecell.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.spinecell.demo.DemoCellProducts.Staff;
import org.spinecell.demo.DemoProcedures.Treated;
import org.spinecell.outcomes.AdverseEvent;
import org.spinecell.outcomes.AdverseEvent.Outcome;
import org.spinecell.outcomes.AdverseEvent.Relatedness;
import org.spinecell.outcomes.AdverseEvent.Reporter;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.procedures.Procedure;

import org.springframework.stereotype.Component;

/**
 * Adverse events after the demo injections, at the low rates the cohorts report: mostly a grade 1-2
 * flare of back pain within days, which the operator records; now and then a grade 3 flare; one
 * discitis that needed a hospital stay, which opens a safety task; and two problems patients reported
 * through their survey links (one sent through an open follow-up's link), each ungraded until a
 * physician reviews it in the browser.
 */
@Component
class DemoSafety {

	private final AdverseEventService events;

	private final FollowUpService followUps;

	DemoSafety(AdverseEventService events, FollowUpService followUps) {
		this.events = events;
		this.followUps = followUps;
	}

	/** Adds one clinic's events; returns how many. */
	int add(List<Treated> treated, Staff coordinator, Random random) {
		LocalDate today = LocalDate.now();
		int added = 0;
		int severe = 0;
		for (Treated t : treated) {
			double roll = random.nextDouble();
			LocalDate onset = t.procedure().date().plusDays(random.nextInt(3));
			int lasting = 3 + random.nextInt(12);
			if (onset.plusDays(lasting).isAfter(today)) {
				continue;
			}
			if (roll < 0.03 && severe < 1) {
				severe++;
				added += report(t, onset, "Severe flare of back pain after the injection; bed rest and oral opioids"
						+ " for a week", "Procedural pain", 3, Set.of(), Relatedness.PROBABLE, false, Outcome.RECOVERED,
						onset.plusDays(lasting + 10), Reporter.CLINICIAN, t.operator());
			}
			else if (roll < 0.16) {
				int grade = roll < 0.1 ? 1 : 2;
				added += report(t, onset, "Flare of back pain at the injection site", "Procedural pain", grade,
						Set.of(), Relatedness.PROBABLE, true, Outcome.RECOVERED, onset.plusDays(lasting),
						Reporter.CLINICIAN, t.operator());
			}
		}
		// The serious one: discitis after the most recent intradiscal injection at least three weeks old.
		Optional<Treated> discitis = treated.stream()
			.filter(t -> t.procedure().target() == Procedure.Target.INTRADISCAL
					&& ChronoUnit.DAYS.between(t.procedure().date(), today) >= 21)
			.max(Comparator.comparing(t -> t.procedure().date()));
		if (discitis.isPresent()) {
			Treated t = discitis.get();
			added += report(t, t.procedure().date().plusDays(9), "Fever and worsening back pain; MRI showed discitis at"
					+ " the injected level. Admitted for intravenous antibiotics.", "Infection", 3,
					Set.of(AdverseEvent.Seriousness.HOSPITALISATION), Relatedness.PROBABLE, false, Outcome.RECOVERING, null,
					Reporter.CLINICIAN, t.operator());
		}
		// A patient's own report through the survey link of their latest follow-up, awaiting review.
		Optional<Treated> reported = treated.stream()
			.filter(t -> ChronoUnit.DAYS.between(t.procedure().date(), today) >= 7 && !discitis.equals(Optional.of(t)))
			.max(Comparator.comparing(t -> t.procedure().date()));
		if (reported.isPresent()) {
			added += reportedByPatient(reported.get());
		}
		// A patient's report through the survey link, as the portal stores it: no grade until reviewed.
		Optional<Treated> sent = treated.stream()
			.filter(t -> ChronoUnit.DAYS.between(t.procedure().date(), today) >= 10 && !discitis.equals(Optional.of(t))
					&& !reported.equals(Optional.of(t)))
			.max(Comparator.comparing(t -> t.procedure().date()));
		if (sent.isPresent()) {
			Treated t = sent.get();
			Optional<FollowUp> open = CurrentUser.callAs(coordinator.user(), () -> followUps
				.forPatient(t.procedure().patientId())
				.stream()
				.filter(f -> f.procedureId().equals(t.procedure().id()) && f.statusOn(today).isOpen())
				.min(Comparator.comparing(FollowUp::dueDate)));
			if (open.isPresent()) {
				// The portal records the patient's report as the system, in the patient's clinic.
				CurrentUser.callAsSystem(Set.of(t.procedure().clinicId()), () -> events.reportByPatient(open.get().id(),
						new AdverseEventRequests.PatientProblem("The skin where the needle went in is red and warm, and"
								+ " I have had a temperature since yesterday", today.minusDays(2),
								AdverseEvent.CareSought.DOCTOR)));
				added++;
			}
		}
		return added;
	}

	/** The problem as the portal records it: ungraded, from the patient, through a follow-up of the procedure. */
	private int reportedByPatient(Treated t) {
		Procedure procedure = t.procedure();
		return CurrentUser.callAsSystem(Set.of(procedure.clinicId()), () -> followUps.forPatient(procedure.patientId())
			.stream()
			.filter(f -> f.procedureId().equals(procedure.id()) && f.recorded() != FollowUp.Status.CANCELLED)
			.filter(f -> !f.windowStart().isAfter(LocalDate.now()))
			.max(Comparator.comparing(FollowUp::dueDate))
			.map(f -> {
				events.reportByPatient(f.id(), new AdverseEventRequests.PatientProblem("Tingling in my foot on the"
						+ " treated side since a few days after the injection", procedure.date().plusDays(4),
						AdverseEvent.CareSought.NONE));
				return 1;
			})
			.orElse(0));
	}

	private int report(Treated t, LocalDate onset, String description, String category, int grade,
			Set<AdverseEvent.Seriousness> serious, Relatedness procedure, boolean expected, Outcome outcome,
			LocalDate resolved, Reporter reporter, Staff by) {
		LocalDate awareness = reporter == Reporter.PATIENT ? LocalDate.now().minusDays(1) : onset.plusDays(1);
		CurrentUser.callAs(by.user(), () -> events.report(new AdverseEventRequests.Report(t.procedure().patientId(),
				t.procedure().id(), t.product().id(), onset, awareness, description, category, grade, serious, null,
				procedure, procedure == null ? null : Relatedness.POSSIBLE, expected, serious.isEmpty() ? null
						: "Admitted; blood cultures and intravenous antibiotics", outcome, resolved, reporter)));
		return 1;
	}

}

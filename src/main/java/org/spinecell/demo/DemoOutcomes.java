package org.spinecell.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.spinecell.demo.DemoCellProducts.Staff;
import org.spinecell.demo.DemoPatients.Family;
import org.spinecell.demo.DemoProcedures.Treated;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.Intervention;
import org.spinecell.outcomes.InterventionRequest;
import org.spinecell.outcomes.InterventionService;
import org.spinecell.outcomes.ResponseService;
import org.spinecell.patients.ConsentRequest;
import org.spinecell.patients.ConsentService;
import org.spinecell.patients.ConsentStatus;
import org.spinecell.patients.ConsentType;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.procedures.Procedure;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-up data for the demo's injections, as a coordinator would have typed it in from paper
 * forms and phone calls: scores along each patient's {@link DemoTrajectory}, answered inside each
 * time point's window, fewer the longer after the injection (patients drop out for good, and now
 * and then one misses a single time point). Missed follow-ups stay missed; some of today's open
 * ones are already collected, the rest are on the worklist. Non-responders more often have a later
 * surgery or repeat injection; a couple of patients move away or withdraw, and their remaining
 * follow-ups are cancelled with the reason.
 */
@Component
class DemoOutcomes {

	/** Chance of dropping out for good before each time point after the baseline, in protocol order. */
	private static final double[] DROPOUT = { 0.05, 0.05, 0.06, 0.07, 0.08, 0.12 };

	/** The instruments the demo fills in; EQ-5D-5L and PROMIS-29 need licensed text and tables. */
	private static final Set<String> ENTERED = Set.of("nrs-back", "nrs-leg", "odi-2.1a", "pgic", "medication-work");

	private final FollowUpService followUps;

	private final ResponseService responses;

	private final InterventionService interventions;

	private final ConsentService consents;

	private final PatientHistoryService history;

	private final DemoMedications medications;

	private final TransactionTemplate transaction;

	DemoOutcomes(FollowUpService followUps, ResponseService responses, InterventionService interventions,
			ConsentService consents, PatientHistoryService history, DemoMedications medications,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.followUps = followUps;
		this.responses = responses;
		this.interventions = interventions;
		this.consents = consents;
		this.history = history;
		this.medications = medications;
	}

	/** Why the rest of a patient's follow-up is cancelled, from which day. */
	private record Ending(LocalDate from, String reason) {
	}

	/** Counts across one clinic's patients. */
	private static final class Tally {

		final DemoMedications.Rare rare = new DemoMedications.Rare();

		int recorded;

		int movedAway;

		int withdrawn;

	}

	/**
	 * Adds the follow-up data of one clinic's injections; returns how many responses were recorded.
	 * Each patient's data is written in one transaction, which keeps seeding fast with fsync on; the
	 * services still check and audit every record.
	 */
	int add(List<Treated> treated, Staff coordinator, Staff weakerOperator, Random random) {
		Tally tally = new Tally();
		for (Treated t : treated) {
			CurrentUser.callAs(coordinator.user(), () -> transaction.execute(status -> {
				addPatient(t, coordinator, weakerOperator, tally, random);
				return null;
			}));
		}
		return tally.recorded;
	}

	private void addPatient(Treated t, Staff coordinator, Staff weakerOperator, Tally tally, Random random) {
		LocalDate today = LocalDate.now();
		Procedure procedure = t.procedure();
		UUID patientId = procedure.patientId();
		LocalDate day = procedure.date();
		double cells = procedure.productUnits().stream().mapToDouble(u -> u.viableCells().doubleValue()).sum();
		DemoTrajectory course = DemoTrajectory.draw(t.patient().family(), cells, t.product().sourceType(),
				procedure.placementConfirmed(),
				t.operator().user().id().equals(weakerOperator == null ? null : weakerOperator.user().id()), random);
		boolean responder = course.improvement(182) >= 0.45;
		Ending ending = null;

		boolean nonResponder = course.improvement(182) < 0.2;
		long after = 200 + random.nextInt(200);
		if (random.nextDouble() < (nonResponder ? 0.4 : 0.04) && day.plusDays(after).isBefore(today)) {
			boolean surgery = nonResponder && random.nextBoolean();
			LocalDate on = day.plusDays(after);
			CurrentUser.callAs(t.operator().user(), () -> interventions.record(patientId, new InterventionRequest(
					surgery ? Intervention.Type.SURGERY : Intervention.Type.REPEAT_INJECTION, on,
					procedure.levels().get(0), surgery ? "Persistent pain and disability at the treated level; "
							+ "fusion after failed injection" : "Partial response; repeat injection at the same level",
					procedure.id())));
			course = course.boosted(after, surgery ? 0.25 : 0.12);
			if (surgery && random.nextBoolean()) {
				ending = new Ending(on, "Had surgery at the treated level on " + on
						+ "; follow-up of the injection ended");
			}
		}
		else if (day.isBefore(today.minusDays(400)) && tally.movedAway == 0 && random.nextDouble() < 0.2) {
			tally.movedAway++;
			ending = new Ending(day.plusDays(200 + random.nextInt(150)),
					"Moved out of state; care transferred to a local physician");
		}
		else if (day.isBefore(today.minusDays(200)) && tally.withdrawn < 2 && random.nextDouble() < 0.15) {
			tally.withdrawn++;
			LocalDate on = day.plusDays(100 + random.nextInt(90));
			boolean leavesFollowUp = tally.withdrawn == 1;
			if (leavesFollowUp) {
				ending = new Ending(on, "Patient withdrew from follow-up");
			}
			withdrawRegistryConsent(patientId, on, leavesFollowUp ? "Withdrew by letter"
					: "Asked to leave the registry by phone; clinical follow-up continues", coordinator.user());
		}

		int legAtBaseline = (int) Math.round(course.leg());
		List<DemoMedications.Statement> meds = medications.add(patientId, day, legAtBaseline, responder, tally.rare,
				coordinator.user(), random);
		String work = baselineWork(t.patient(), random);
		tally.recorded += collect(t, course, meds, work, ending, coordinator.user(), random);
	}

	private void withdrawRegistryConsent(UUID patientId, LocalDate on, String note, CurrentUser coordinator) {
		CurrentUser.callAs(coordinator, () -> {
			if (history.hasCurrentConsent(patientId, ConsentType.REGISTRY)) {
				consents.record(patientId,
						new ConsentRequest(ConsentType.REGISTRY, ConsentStatus.WITHDRAWN, on, null, note));
			}
			return null;
		});
	}

	private int collect(Treated t, DemoTrajectory course, List<DemoMedications.Statement> meds, String work,
			Ending ending, CurrentUser coordinator, Random random) {
		LocalDate today = LocalDate.now();
		LocalDate day = t.procedure().date();
		List<FollowUp> schedule = CurrentUser.callAs(coordinator, () -> followUps.forPatient(t.procedure().patientId()))
			.stream()
			.filter(f -> f.procedureId().equals(t.procedure().id()))
			.toList();
		boolean stillIn = true;
		int recorded = 0;
		for (int i = 0; i < schedule.size(); i++) {
			FollowUp f = schedule.get(i);
			double drop = random.nextDouble();
			double miss = random.nextDouble();
			double offset = random.nextGaussian();
			if (i > 0 && drop < DROPOUT[Math.min(i - 1, DROPOUT.length - 1)]) {
				stillIn = false;
			}
			if (ending != null && !f.windowEnd().isBefore(ending.from())) {
				CurrentUser.callAs(coordinator, () -> followUps.cancel(f.id(), ending.reason()));
				continue;
			}
			if (f.windowStart().isAfter(today) || !stillIn) {
				continue;
			}
			LocalDate answered;
			if (i == 0) {
				// The baseline is taken in the days before the injection.
				if (miss < 0.03) {
					continue;
				}
				answered = day.minusDays(1 + (long) (Math.abs(offset) * 5) % 14);
			}
			else if (!f.windowEnd().isBefore(today)) {
				// The window is open today: about a third are already collected.
				if (miss >= 0.35) {
					continue;
				}
				long open = ChronoUnit.DAYS.between(f.windowStart(), today);
				answered = f.windowStart().plusDays((long) (Math.abs(offset) * open / 2) % (open + 1));
			}
			else {
				if (miss < 0.03) {
					continue;
				}
				long spread = ChronoUnit.DAYS.between(f.dueDate(), f.windowEnd()) / 3;
				answered = clamp(f.dueDate().plusDays(Math.round(offset * spread)), f.windowStart(), f.windowEnd());
			}
			recorded += record(t, f, course, meds, work, at(answered, random), coordinator, random);
		}
		return recorded;
	}

	private int record(Treated t, FollowUp f, DemoTrajectory course, List<DemoMedications.Statement> meds, String work,
			Instant at, CurrentUser coordinator, Random random) {
		UUID patientId = t.procedure().patientId();
		LocalDate on = at.atZone(ZoneOffset.UTC).toLocalDate();
		long days = Math.max(0, ChronoUnit.DAYS.between(t.procedure().date(), on));
		Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
		answers.put("nrs-back", Map.of("nrs", course.backOn(days, random)));
		answers.put("nrs-leg", Map.of("nrs", course.legOn(days, random)));
		answers.put("odi-2.1a", DemoTrajectory.odiAnswers(course.odiOn(days, random), random));
		answers.put("pgic", Map.of("pgic", course.pgicOn(days, random)));
		answers.put("medication-work", medicationWork(meds, on, work, course.improvement(days), days));
		return CurrentUser.callAs(coordinator, () -> {
			int count = 0;
			for (String instrument : f.instruments()) {
				if (ENTERED.contains(instrument) && answers.containsKey(instrument)) {
					responses.record(patientId, f.id(), instrument, answers.get(instrument), true, at);
					count++;
				}
			}
			followUps.markCompleted(f.id());
			return count;
		});
	}

	private static Map<String, Object> medicationWork(List<DemoMedications.Statement> meds, LocalDate on, String work,
			double improvement, long days) {
		Map<String, Object> answers = new HashMap<>();
		boolean any = meds.stream().anyMatch(s -> s.takenOn(on));
		answers.put("pain-medication", any);
		if (any) {
			answers.put("opioid", meds.stream().anyMatch(s -> s.opioid() && s.takenOn(on)));
		}
		boolean backAtWork = work.equals("off-work-back") && improvement >= 0.4 && days >= 91;
		answers.put("work-status", backAtWork ? (improvement >= 0.55 ? "full-time" : "part-time") : work);
		return answers;
	}

	private static String baselineWork(DemoPatients.DemoPatient patient, Random random) {
		double roll = random.nextDouble();
		boolean older = patient.family() == Family.SPINAL_STENOSIS || patient.family() == Family.FACET_ARTHROPATHY;
		if (roll < (older ? 0.45 : 0.1)) {
			return "retired";
		}
		if (roll < 0.45) {
			return "full-time";
		}
		if (roll < 0.6) {
			return "part-time";
		}
		return roll < 0.9 ? "off-work-back" : "not-working-other";
	}

	/** A time in the clinic's working day (15:00-21:00 UTC), never in the future. */
	private static Instant at(LocalDate day, Random random) {
		Instant at = day.atTime(15, 0).toInstant(ZoneOffset.UTC).plus(random.nextInt(360), ChronoUnit.MINUTES);
		Instant latest = Instant.now().minus(5, ChronoUnit.MINUTES);
		return at.isAfter(latest) ? latest : at;
	}

	private static LocalDate clamp(LocalDate day, LocalDate min, LocalDate max) {
		return day.isBefore(min) ? min : day.isAfter(max) ? max : day;
	}

}

package org.spinecell.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationRequests;
import org.spinecell.outcomes.MedicationService;
import org.spinecell.platform.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * The demo patients' pain medication: about half take an opioid at baseline (mostly oxycodone,
 * hydrocodone or tramadol, a couple methadone or a fentanyl patch), many an NSAID, those with leg
 * pain often a gabapentinoid. Responders often stop or taper the opioid months after the injection.
 * The coordinator records the statements from the chart; the medication form's answers follow them.
 */
@Component
class DemoMedications {

	private final MedicationService medications;

	DemoMedications(MedicationService medications) {
		this.medications = medications;
	}

	/** One statement as planned; {@code stop} null while it is taken. */
	record Statement(String drug, BigDecimal dose, String unit, Medication.Route route, BigDecimal perDay,
			LocalDate start, LocalDate stop, boolean opioid) {

		boolean takenOn(LocalDate day) {
			return !start.isAfter(day) && (stop == null || stop.isAfter(day));
		}

		Statement stoppedOn(LocalDate day) {
			return new Statement(drug, dose, unit, route, perDay, start, day, opioid);
		}

	}

	/** How many patients take the rarer opioids, so that only a couple do. */
	static final class Rare {

		int methadone;

		int fentanyl;

	}

	/**
	 * Plans and records the statements of one patient treated on {@code day}; {@code responder} says
	 * whether the injection helped enough for the patient to cut down.
	 */
	List<Statement> add(UUID patientId, LocalDate day, int legPain, boolean responder, Rare rare, CurrentUser coordinator,
			Random random) {
		LocalDate since = day.minusDays(90 + random.nextInt(900));
		LocalDate today = LocalDate.now();
		List<Statement> plan = new ArrayList<>();
		if (random.nextDouble() < 0.5) {
			Statement opioid = opioid(since, rare, random);
			double roll = random.nextDouble();
			LocalDate change = day.plusDays(60 + random.nextInt(240));
			if (responder && roll < 0.8 && change.isBefore(today)) {
				plan.add(opioid.stoppedOn(change));
				if (roll >= 0.55) {
					// Tapered: half the dose from the same day.
					plan.add(new Statement(opioid.drug(), opioid.dose().divide(BigDecimal.valueOf(2)), opioid.unit(),
							opioid.route(), opioid.perDay(), change, null, true));
				}
			}
			else {
				plan.add(opioid);
			}
		}
		if (random.nextDouble() < 0.4) {
			Statement nsaid = pick(random, statement("ibuprofen", 600, "mg", 3, since),
					statement("naproxen", 500, "mg", 2, since), statement("meloxicam", 15, "mg", 1, since));
			LocalDate stop = day.plusDays(30 + random.nextInt(150));
			plan.add(responder && random.nextDouble() < 0.5 && stop.isBefore(today) ? nsaid.stoppedOn(stop) : nsaid);
		}
		if (random.nextDouble() < (legPain >= 5 ? 0.6 : 0.15)) {
			plan.add(random.nextBoolean() ? statement("gabapentin", 300, "mg", 3, since)
					: statement("pregabalin", 75, "mg", 2, since));
		}
		CurrentUser.callAs(coordinator, () -> {
			for (Statement s : plan) {
				Medication recorded = medications.record(patientId, new MedicationRequests.Record(s.drug(), s.dose(),
						s.unit(), s.route(), s.perDay(), s.start(), null, Medication.Source.STAFF));
				if (s.stop() != null) {
					medications.stop(patientId, recorded.id(), new MedicationRequests.Stop(s.stop(), recorded.version()));
				}
			}
			return null;
		});
		return plan;
	}

	private static Statement opioid(LocalDate since, Rare rare, Random random) {
		double roll = random.nextDouble();
		if (roll < 0.06 && rare.methadone < 2) {
			rare.methadone++;
			return new Statement("methadone", BigDecimal.TEN, "mg", Medication.Route.ORAL, BigDecimal.valueOf(2), since, null,
					true);
		}
		if (roll < 0.12 && rare.fentanyl < 2) {
			rare.fentanyl++;
			return new Statement("fentanyl", BigDecimal.valueOf(random.nextBoolean() ? 25 : 50), "mcg/hr",
					Medication.Route.TRANSDERMAL, null, since, null, true);
		}
		int perDay = 3 + random.nextInt(2);
		if (roll < 0.45) {
			return opioidStatement("oxycodone", random.nextBoolean() ? 5 : 10, perDay, since);
		}
		if (roll < 0.75) {
			return opioidStatement("hydrocodone", random.nextBoolean() ? 5 : 10, perDay, since);
		}
		return opioidStatement("tramadol", 50, perDay, since);
	}

	private static Statement opioidStatement(String drug, int mg, int perDay, LocalDate since) {
		return new Statement(drug, BigDecimal.valueOf(mg), "mg", Medication.Route.ORAL, BigDecimal.valueOf(perDay), since,
				null, true);
	}

	private static Statement statement(String drug, int dose, String unit, int perDay, LocalDate since) {
		return new Statement(drug, BigDecimal.valueOf(dose), unit, Medication.Route.ORAL, BigDecimal.valueOf(perDay),
				since, null, false);
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... options) {
		return options[random.nextInt(options.length)];
	}

}

package org.spinecell.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientRequest;
import org.spinecell.patients.PatientService;
import org.spinecell.patients.Sex;

import org.springframework.stereotype.Component;

/**
 * A synthetic patient population for the demo clinics: invented names, and ages and sexes that
 * follow each spine condition's usual patient (younger for disc herniation and disc degeneration,
 * older for stenosis and facet arthropathy). Deterministic for a given seed.
 */
@Component
class DemoPatients {

	private static final String[] FEMALE = { "Maria", "Aisha", "Elena", "Grace", "Priya", "Sofia", "Hannah", "Keiko",
			"Olivia", "Fatima", "Ingrid", "Lucia", "Nadia", "Chloe", "Amara", "Yuki", "Rosa", "Leah", "Zara", "Helen" };

	private static final String[] MALE = { "James", "Mateo", "Omar", "Daniel", "Wei", "Lukas", "Samuel", "Ravi",
			"Thomas", "Kwame", "Andre", "Hiro", "Noah", "Ivan", "Diego", "Felix", "Arjun", "Paul", "Tariq", "Eric" };

	private static final String[] FAMILY = { "Garcia", "Nguyen", "Okafor", "Schmidt", "Kowalski", "Haddad", "Silva",
			"Johansson", "Tanaka", "Patel", "Murphy", "Rossi", "Dubois", "Cohen", "Mensah", "Novak", "Larsen", "Moreau",
			"Ibrahim", "Fischer", "Costa", "Yamamoto", "O'Brien", "Horvat", "Alvarez", "Kim", "Andersen", "Bauer",
			"Chen", "Walker" };

	/** The condition families the demo covers, with the age range typical for each. */
	enum Family {

		DEGENERATIVE_DISC_DISEASE(30, 60, 0.50), HERNIATED_DISC(25, 55, 0.42), SPINAL_STENOSIS(55, 85, 0.52),
		FACET_ARTHROPATHY(45, 80, 0.55), TRAUMATIC_INJURY(20, 65, 0.38), LOW_BACK_PAIN(25, 70, 0.50);

		final int minAge;

		final int maxAge;

		final double femaleShare;

		Family(int minAge, int maxAge, double femaleShare) {
			this.minAge = minAge;
			this.maxAge = maxAge;
			this.femaleShare = femaleShare;
		}

	}

	/**
	 * A generated patient, the condition family the rest of the demo builds on, and the day their
	 * injection is planned, on which their history, product and follow-up are dated.
	 */
	record DemoPatient(Patient patient, Family family, LocalDate plannedDay) {
	}

	private final PatientService patients;

	DemoPatients(PatientService patients) {
		this.patients = patients;
	}

	List<DemoPatient> create(UUID clinicId, String mrnPrefix, int count, Random random) {
		List<DemoPatient> created = new ArrayList<>();
		Family[] families = Family.values();
		for (int i = 0; i < count; i++) {
			// Degenerative disc disease and herniation are the commonest reasons for referral.
			Family family = random.nextDouble() < 0.45 ? (random.nextBoolean() ? Family.DEGENERATIVE_DISC_DISEASE
					: Family.HERNIATED_DISC) : families[random.nextInt(families.length)];
			boolean female = random.nextDouble() < family.femaleShare;
			int age = family.minAge + random.nextInt(family.maxAge - family.minAge + 1);
			LocalDate birthDate = LocalDate.now().minusYears(age).minusDays(random.nextInt(365));
			String given = female ? FEMALE[random.nextInt(FEMALE.length)] : MALE[random.nextInt(MALE.length)];
			String familyName = FAMILY[random.nextInt(FAMILY.length)];
			String email = random.nextDouble() < 0.8
					? (given + "." + familyName).toLowerCase().replace("'", "") + (i + 1) + "@example.org" : null;
			String phone = String.format("+1 555 %03d %04d", random.nextInt(1000), random.nextInt(10000));
			String language = random.nextDouble() < 0.15 ? "es" : "en";
			PatientRequest request = new PatientRequest(clinicId, String.format("%s-%05d", mrnPrefix, i + 1), given,
					familyName, birthDate, female ? Sex.FEMALE : Sex.MALE, String.format("%05d", 10000 + random.nextInt(89999)),
					email, phone, language, null);
			created.add(new DemoPatient(patients.register(request), family, plannedDay(random)));
		}
		return created;
	}

	/**
	 * Most injections are spread over the past three years, so that the earliest have reached their
	 * 24-month follow-up; some fall in the last weeks, so that the worklist has follow-ups due and
	 * overdue today, and a few in the last days, whose first follow-ups are still to come.
	 */
	private static LocalDate plannedDay(Random random) {
		LocalDate today = LocalDate.now();
		double roll = random.nextDouble();
		if (roll < 0.07) {
			return today.minusDays(random.nextInt(6));
		}
		if (roll < 0.17) {
			return today.minusDays(8 + random.nextInt(53));
		}
		return today.minusDays(61 + random.nextInt(1035));
	}

}

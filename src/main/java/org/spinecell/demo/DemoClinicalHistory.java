package org.spinecell.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.spinecell.demo.DemoPatients.DemoPatient;
import org.spinecell.demo.DemoPatients.Family;
import org.spinecell.patients.CandidacyAssessment;
import org.spinecell.patients.CandidacyDecision.Decision;
import org.spinecell.patients.CandidacyInput;
import org.spinecell.patients.CandidacyService;
import org.spinecell.patients.ConsentRequest;
import org.spinecell.patients.ConsentService;
import org.spinecell.patients.ConsentStatus;
import org.spinecell.patients.ConsentType;
import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.DiagnosisRequests;
import org.spinecell.patients.DiagnosisService;
import org.spinecell.patients.ImagingFinding.Herniation;
import org.spinecell.patients.ImagingFinding.Modality;
import org.spinecell.patients.ImagingFinding.PfirrmannScale;
import org.spinecell.patients.ImagingFinding.StenosisGrade;
import org.spinecell.patients.ImagingRequest;
import org.spinecell.patients.ImagingService;
import org.spinecell.patients.PriorTreatment;
import org.spinecell.patients.PriorTreatmentRequest;
import org.spinecell.patients.PriorTreatmentService;

import org.spinecell.platform.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * The clinical picture of each demo patient, drawn so that it looks like the condition family:
 * codes and levels where that condition usually sits, MRI grades that fit it (collapsed discs
 * now and then, severe stenosis in some older patients), conservative care that mostly did not
 * help, consents, and a candidacy screening for most patients with the occasional contraindication,
 * red flag and physician override.
 */
@Component
class DemoClinicalHistory {

	private final DiagnosisService diagnoses;

	private final ImagingService imaging;

	private final PriorTreatmentService treatments;

	private final ConsentService consents;

	private final CandidacyService candidacy;

	DemoClinicalHistory(DiagnosisService diagnoses, ImagingService imaging, PriorTreatmentService treatments,
			ConsentService consents, CandidacyService candidacy) {
		this.diagnoses = diagnoses;
		this.imaging = imaging;
		this.treatments = treatments;
		this.consents = consents;
		this.candidacy = candidacy;
	}

	/** A diagnosis code and the disc level it is recorded at. */
	private record Coded(String icd10, String level) {
	}

	/** Adds the patient's history; returns whether their screening ended eligible. */
	boolean add(DemoPatient demo, CurrentUser physician, Random random) {
		UUID patient = demo.patient().id();
		// The history is dated as it stood at intake, a few weeks before the planned injection.
		LocalDate today = demo.plannedDay().minusDays(14 + random.nextInt(28));
		Coded coded = code(demo.family(), random);
		int months = random.nextDouble() < 0.05 ? 1 + random.nextInt(2) : 4 + (int) Math.abs(random.nextGaussian() * 30);
		Diagnosis.Side side = switch (demo.family()) {
			case HERNIATED_DISC -> random.nextBoolean() ? Diagnosis.Side.LEFT : Diagnosis.Side.RIGHT;
			case FACET_ARTHROPATHY, SPINAL_STENOSIS -> Diagnosis.Side.BILATERAL;
			default -> Diagnosis.Side.CENTRAL;
		};
		diagnoses.record(patient, new DiagnosisRequests.Create(coded.icd10(), List.of(coded.level()), side,
				today.minusMonths(months), Math.min(months, 1200), true, Diagnosis.Status.ACTIVE));

		if (demo.family() != Family.TRAUMATIC_INJURY || random.nextBoolean()) {
			addMri(patient, demo.family(), coded.level(), today, random);
		}
		addPriorCare(patient, demo.family(), months, today, random);
		addConsents(patient, months, today, random);
		return random.nextDouble() < 0.85 && screen(patient, physician, random);
	}

	private static Coded code(Family family, Random random) {
		boolean lowest = random.nextDouble() < 0.4;
		String lumbar = random.nextDouble() < 0.7 ? "L4-L5" : "L3-L4";
		return switch (family) {
			case DEGENERATIVE_DISC_DISEASE -> random.nextDouble() < 0.1 ? new Coded("M50.322", "C5-C6")
					: lowest ? new Coded(random.nextBoolean() ? "M51.370" : "M51.372", "L5-S1")
							: new Coded(random.nextBoolean() ? "M51.360" : "M51.362", lumbar);
			case HERNIATED_DISC -> lowest ? new Coded("M51.17", "L5-S1") : new Coded("M51.16", "L4-L5");
			case SPINAL_STENOSIS -> new Coded(random.nextDouble() < 0.7 ? "M48.062" : "M48.061", lumbar);
			case FACET_ARTHROPATHY -> lowest ? new Coded("M47.817", "L5-S1") : new Coded("M47.816", "L4-L5");
			case TRAUMATIC_INJURY -> new Coded(random.nextDouble() < 0.15 ? "S32.001A" : "S32.001D",
					random.nextBoolean() ? "L1" : "L2");
			case LOW_BACK_PAIN -> new Coded("M54.50", lumbar);
		};
	}

	private void addMri(UUID patient, Family family, String level, LocalDate today, Random random) {
		boolean disc = level.contains("-");
		int pfirrmann = switch (family) {
			case DEGENERATIVE_DISC_DISEASE -> random.nextDouble() < 0.08 ? 5 : 3 + random.nextInt(2);
			case HERNIATED_DISC -> 3 + random.nextInt(2);
			case SPINAL_STENOSIS, FACET_ARTHROPATHY -> 3 + random.nextInt(3) == 5 ? 5 : 3 + random.nextInt(2);
			default -> 2 + random.nextInt(2);
		};
		Herniation herniation = switch (family) {
			case HERNIATED_DISC -> random.nextDouble() < 0.2 ? Herniation.EXTRUSION : Herniation.PROTRUSION;
			case DEGENERATIVE_DISC_DISEASE -> random.nextDouble() < 0.5 ? Herniation.BULGE : Herniation.NONE;
			default -> Herniation.NONE;
		};
		StenosisGrade stenosis = family == Family.SPINAL_STENOSIS
				? (random.nextDouble() < 0.25 ? StenosisGrade.SEVERE : StenosisGrade.MODERATE)
				: (random.nextDouble() < 0.3 ? StenosisGrade.MILD : StenosisGrade.NONE);
		int modic = family == Family.DEGENERATIVE_DISC_DISEASE ? random.nextInt(3) : random.nextInt(2);
		String impression = switch (family) {
			case DEGENERATIVE_DISC_DISEASE -> "Loss of disc height and T2 signal at " + level + ".";
			case HERNIATED_DISC -> "Disc herniation at " + level + " contacting the traversing nerve root.";
			case SPINAL_STENOSIS -> "Central canal narrowing at " + level + " with ligamentum flavum thickening.";
			case FACET_ARTHROPATHY -> "Facet joint hypertrophy and effusion at " + level + ".";
			case TRAUMATIC_INJURY -> "Healing vertebral body fracture without retropulsion.";
			case LOW_BACK_PAIN -> "Mild degenerative change without nerve compression.";
		};
		imaging.record(patient, new ImagingRequest(Modality.MRI, today.minusDays(20 + random.nextInt(150)), level,
				disc ? PfirrmannScale.FIVE_GRADE : null, disc ? pfirrmann : null, disc ? modic : null,
				disc ? herniation : null, stenosis, disc ? random.nextDouble() < 0.4 : null, impression));
	}

	private void addPriorCare(UUID patient, Family family, int months, LocalDate today, Random random) {
		if (random.nextDouble() < 0.08) {
			return; // a few patients arrive without any documented conservative care
		}
		LocalDate start = today.minusMonths(Math.max(1, months - 1));
		treatments.record(patient, new PriorTreatmentRequest(PriorTreatment.Type.MEDICATION,
				"Anti-inflammatory medication, regular use", start, notAfter(start.plusWeeks(8 + random.nextInt(30)), today),
				random.nextDouble() < 0.8 ? PriorTreatment.Response.PARTIAL : PriorTreatment.Response.NONE));
		if (random.nextDouble() < 0.8) {
			LocalDate pt = notAfter(start.plusWeeks(2 + random.nextInt(8)), today);
			treatments.record(patient, new PriorTreatmentRequest(PriorTreatment.Type.PHYSICAL_THERAPY,
					(8 + random.nextInt(8)) + " sessions of supervised physical therapy", pt,
					notAfter(pt.plusWeeks(6 + random.nextInt(8)), today),
					pick(random, PriorTreatment.Response.NONE, PriorTreatment.Response.PARTIAL,
							PriorTreatment.Response.PARTIAL)));
		}
		if (family != Family.LOW_BACK_PAIN && random.nextDouble() < 0.45) {
			LocalDate shot = today.minusMonths(Math.max(1, months / 2));
			treatments.record(patient, new PriorTreatmentRequest(PriorTreatment.Type.INJECTION,
					family == Family.FACET_ARTHROPATHY ? "Facet joint steroid injection" : "Epidural steroid injection",
					shot, shot, random.nextDouble() < 0.7 ? PriorTreatment.Response.PARTIAL : PriorTreatment.Response.NONE));
		}
		if (random.nextDouble() < 0.05) {
			LocalDate surgery = today.minusYears(2 + random.nextInt(6));
			treatments.record(patient, new PriorTreatmentRequest(PriorTreatment.Type.SURGERY,
					"Microdiscectomy at another level", surgery, surgery, PriorTreatment.Response.GOOD));
		}
	}

	private void addConsents(UUID patient, int months, LocalDate today, Random random) {
		LocalDate signed = today.minusDays(5 + random.nextInt(Math.max(10, Math.min(months, 6) * 30)));
		if (random.nextDouble() < 0.92) {
			consents.record(patient, new ConsentRequest(ConsentType.TREATMENT, ConsentStatus.GIVEN, signed,
					"TX-2026.1", null));
		}
		if (random.nextDouble() < 0.85) {
			consents.record(patient, new ConsentRequest(ConsentType.REGISTRY, ConsentStatus.GIVEN, signed,
					"REG-3", null));
			if (random.nextDouble() < 0.03) {
				consents.record(patient, new ConsentRequest(ConsentType.REGISTRY, ConsentStatus.WITHDRAWN,
						signed.plusDays(3), null, "Patient asked to leave the registry by phone"));
			}
		}
		if (random.nextDouble() < 0.6) {
			consents.record(patient, new ConsentRequest(ConsentType.RESEARCH, ConsentStatus.GIVEN, signed,
					"RES-1.2", null));
		}
	}

	private boolean screen(UUID patient, CurrentUser physician, Random random) {
		Map<String, Boolean> checklist = new HashMap<>();
		for (String item : CandidacyInput.STANDARD_CHECKLIST) {
			checklist.put(item, false);
		}
		double roll = random.nextDouble();
		if (roll < 0.04) {
			checklist.put(pick(random, "activeInfection", "bleedingRisk", "activeMalignancy"), true);
		}
		else if (roll < 0.07) {
			checklist.put(pick(random, "progressiveNeurologicalDeficit", "myelopathy"), true);
		}
		CandidacyAssessment assessment = candidacy.assess(patient, checklist);
		if (assessment.decision() == Decision.NOT_ELIGIBLE && random.nextDouble() < 0.08) {
			CandidacyAssessment screened = assessment;
			assessment = CurrentUser.callAs(physician, () -> candidacy.override(patient, screened.id(), Decision.ELIGIBLE,
					"Reviewed at the multidisciplinary spine meeting: conservative care documented elsewhere",
					screened.version()));
		}
		return assessment.effectiveDecision() == Decision.ELIGIBLE;
	}

	private static LocalDate notAfter(LocalDate date, LocalDate today) {
		return date.isAfter(today) ? today : date;
	}

	@SafeVarargs
	private static <T> T pick(Random random, T... options) {
		return options[random.nextInt(options.length)];
	}

}

package org.spinecell.patients.candidacy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.spinecell.patients.CandidacyInput;
import org.spinecell.patients.ConditionFamily;
import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.ImagingFinding.Herniation;
import org.spinecell.patients.ImagingFinding.PfirrmannScale;
import org.spinecell.patients.ImagingFinding.StenosisGrade;
import org.spinecell.patients.ImagingFinding;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientHistory;
import org.spinecell.patients.PriorTreatment.Response;
import org.spinecell.patients.PriorTreatment.Type;
import org.spinecell.patients.PriorTreatment;

/**
 * Derives the facts a candidacy rule set reads from the patient's record on a given day. Kept
 * apart from the rules so that what counts as, say, "failed conservative care" is one definition.
 */
public final class CandidacyFacts {

	/** Treatments that count as conservative care. */
	private static final Set<Type> CONSERVATIVE = EnumSet.of(Type.MEDICATION, Type.PHYSICAL_THERAPY, Type.INJECTION);

	/** Responses that mean the treatment did not solve the problem. */
	private static final Set<Response> FAILED = EnumSet.of(Response.NONE, Response.PARTIAL);

	private CandidacyFacts() {
	}

	public static CandidacyInput.Facts of(Patient patient, PatientHistory history, LocalDate today) {
		Set<String> families = new TreeSet<>();
		Integer duration = null;
		boolean recentTrauma = false;
		for (Diagnosis diagnosis : history.activeDiagnoses()) {
			families.add(diagnosis.family().name());
			Integer months = diagnosis.symptomDurationMonths();
			if (months == null && diagnosis.onsetDate() != null) {
				months = (int) ChronoUnit.MONTHS.between(diagnosis.onsetDate(), today);
			}
			if (months != null && (duration == null || months > duration)) {
				duration = months;
			}
			// ICD-10-CM injury codes end in A for the initial encounter, i.e. active treatment.
			if (diagnosis.family() == ConditionFamily.TRAUMATIC_INJURY && diagnosis.icd10().endsWith("A")) {
				recentTrauma = true;
			}
		}
		Integer worstPfirrmann = history.imaging()
			.stream()
			.filter(finding -> finding.pfirrmannGrade() != null && finding.pfirrmannScale() != null)
			.map(finding -> onFiveGradeScale(finding.pfirrmannScale(), finding.pfirrmannGrade()))
			.max(Integer::compare)
			.orElse(null);
		Integer worstModic = history.imaging()
			.stream()
			.map(ImagingFinding::modicType)
			.filter(Objects::nonNull)
			.max(Integer::compare)
			.orElse(null);
		String worstStenosis = history.imaging()
			.stream()
			.map(ImagingFinding::stenosisGrade)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.map(StenosisGrade::name)
			.orElse(null);
		boolean extrusion = history.imaging()
			.stream()
			.anyMatch(f -> f.herniation() == Herniation.EXTRUSION || f.herniation() == Herniation.SEQUESTRATION);
		int failed = 0;
		long conservativeMonths = 0;
		boolean surgery = false;
		for (PriorTreatment treatment : history.priorTreatments()) {
			if (treatment.type() == Type.SURGERY) {
				surgery = true;
			}
			if (CONSERVATIVE.contains(treatment.type())) {
				if (FAILED.contains(treatment.response())) {
					failed++;
				}
				if (treatment.startDate() != null) {
					LocalDate end = treatment.endDate() != null ? treatment.endDate() : today;
					conservativeMonths += Math.max(0, ChronoUnit.MONTHS.between(treatment.startDate(), end));
				}
			}
		}
		return new CandidacyInput.Facts(patient.ageOn(today), patient.sex().name(), history.activeDiagnoses().size(),
				families, duration, worstPfirrmann, worstModic, worstStenosis, extrusion, failed,
				(int) Math.min(conservativeMonths, Integer.MAX_VALUE), surgery, recentTrauma);
	}

	/**
	 * Maps a grade to Pfirrmann's original five grades. The modified eight-grade scale splits the
	 * same range more finely, so grade g of 8 becomes ceil(5g/8): 8 → 5 (collapsed), 1 → 1.
	 */
	static int onFiveGradeScale(PfirrmannScale scale, int grade) {
		if (scale == PfirrmannScale.FIVE_GRADE) {
			return grade;
		}
		return (int) Math.ceil(grade * 5.0 / 8.0);
	}

}

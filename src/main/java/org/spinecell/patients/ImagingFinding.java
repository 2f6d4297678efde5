package org.spinecell.patients;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What one imaging study showed at one spinal level (or for the study as a whole when no level is
 * given). Disc grades are MRI grades: the Pfirrmann grade is stored with its scale, because the
 * original scale has five grades and the modified one, used in trials, eight.
 *
 * @param modicType Modic endplate change: 0 none, 1 oedema, 2 fatty, 3 sclerosis
 * @param impression the radiologist's or physician's summary, as typed
 */
public record ImagingFinding(UUID id, UUID clinicId, UUID patientId, Modality modality, LocalDate studyDate,
		SpinalLevel level, PfirrmannScale pfirrmannScale, Integer pfirrmannGrade, Integer modicType,
		Herniation herniation, StenosisGrade stenosisGrade, Boolean annularFissure, String impression, boolean voided,
		String voidReason, int version, Instant createdAt, Instant updatedAt) {

	public enum Modality {

		MRI, CT, XRAY

	}

	public enum PfirrmannScale {

		/** Pfirrmann's original grades I–V, from a bright homogeneous disc to a collapsed black one. */
		FIVE_GRADE(5),
		/** The modified scale used in trials, grades 1–8. */
		EIGHT_GRADE(8);

		private final int highestGrade;

		PfirrmannScale(int highestGrade) {
			this.highestGrade = highestGrade;
		}

		public int highestGrade() {
			return highestGrade;
		}

		public boolean hasGrade(int grade) {
			return grade >= 1 && grade <= highestGrade;
		}

	}

	public enum Herniation {

		NONE, BULGE, PROTRUSION, EXTRUSION, SEQUESTRATION

	}

	public enum StenosisGrade {

		NONE, MILD, MODERATE, SEVERE

	}

	/** The audited fields. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("modality", modality.name());
		values.put("studyDate", studyDate.toString());
		values.put("level", level == null ? null : level.toString());
		values.put("pfirrmannScale", pfirrmannScale == null ? null : pfirrmannScale.name());
		values.put("pfirrmannGrade", pfirrmannGrade);
		values.put("modicType", modicType);
		values.put("herniation", herniation == null ? null : herniation.name());
		values.put("stenosisGrade", stenosisGrade == null ? null : stenosisGrade.name());
		values.put("annularFissure", annularFissure);
		values.put("impression", impression);
		values.put("voided", voided);
		values.put("voidReason", voidReason);
		return values;
	}

}

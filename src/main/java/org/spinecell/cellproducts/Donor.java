package org.spinecell.cellproducts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.spinecell.platform.Refusal;

/**
 * A donor of allogeneic cells, identified by a clinic-assigned code (never by name), with the
 * infectious-disease screening of 21 CFR 1271 subpart C and the eligibility derived from it.
 */
public record Donor(UUID id, UUID clinicId, String code, DonorRelation relation, UUID recipientPatientId,
		List<ScreeningResult> screening, Determination determination, String reviewedByName, Instant reviewedAt,
		int version) {

	public Donor {
		screening = List.copyOf(screening);
	}

	/**
	 * Checks that this donor may give the cells of a product registered in the clinic for the
	 * recipient (if one is named).
	 *
	 * @throws Refusal invalid when the donor belongs to another clinic or is related to another
	 * recipient
	 */
	public void checkGivesTo(UUID productClinicId, UUID recipientPatientId) {
		if (!clinicId.equals(productClinicId)) {
			throw Refusal.invalid("donorId", "the donor belongs to another clinic");
		}
		if (this.recipientPatientId != null && recipientPatientId != null
				&& !this.recipientPatientId.equals(recipientPatientId)) {
			throw Refusal.invalid("recipientPatientId", "the donor is related to another recipient");
		}
	}

	/** The screening tests a determination needs (relevant communicable disease agents). */
	public enum ScreeningTest {

		HIV_1_2, HBV_SURFACE_ANTIGEN, HBV_CORE_ANTIBODY, HCV, SYPHILIS, HTLV_1_2, WEST_NILE_VIRUS

	}

	public enum ScreeningOutcome {

		NEGATIVE, POSITIVE, INDETERMINATE

	}

	public enum Determination {

		/** Screening incomplete or not yet reviewed. */
		PENDING,
		/** Every required test negative. */
		ELIGIBLE,
		/** A required test positive or indeterminate. */
		INELIGIBLE

	}

	public record ScreeningResult(ScreeningTest test, ScreeningOutcome outcome, LocalDate sampleDate) {
	}

	/** The eligibility that follows from the results: any non-negative result makes the donor ineligible. */
	public static Determination determine(List<ScreeningResult> results) {
		Set<ScreeningTest> negative = EnumSet.noneOf(ScreeningTest.class);
		for (ScreeningResult result : results) {
			if (result.outcome() != ScreeningOutcome.NEGATIVE) {
				return Determination.INELIGIBLE;
			}
			negative.add(result.test());
		}
		return negative.containsAll(EnumSet.allOf(ScreeningTest.class)) ? Determination.ELIGIBLE
				: Determination.PENDING;
	}

	/** Eligible by the results and confirmed by a reviewer. */
	public boolean eligibleAndReviewed() {
		return determination == Determination.ELIGIBLE && reviewedAt != null;
	}

}

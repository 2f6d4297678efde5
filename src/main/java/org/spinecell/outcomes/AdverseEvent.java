package org.spinecell.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An adverse event: graded by CTCAE v5 (1 mild … 5 death), serious by the criteria of 21 CFR
 * 312.32(a), with its relatedness to the procedure and to the product, whether it was expected,
 * its outcome, and who reported it. A patient's report stays unreviewed until a physician reviews
 * it. {@code description} is the reporter's text exactly as entered.
 *
 * <p>A problem the patient reports through the survey portal arrives ungraded: {@code grade},
 * {@code category}, {@code outcome} and {@code expected} are {@code null} until a physician's review
 * assigns them. {@code followUpId} names the follow-up whose link it came through and
 * {@code careSought} what care the patient says they sought, a hint for the reviewer.
 */
public record AdverseEvent(UUID id, UUID clinicId, UUID patientId, UUID procedureId, UUID productId, LocalDate onset,
		LocalDate awarenessDate, String description, String category, Integer grade, Set<Seriousness> serious,
		LocalDate deathDate, Relatedness relatednessProcedure, Relatedness relatednessProduct, Boolean expected,
		String action, Outcome outcome, LocalDate resolutionDate, Reporter reporter, boolean reviewed,
		Instant reviewedAt, UUID reviewedBy, String reviewNote, int version, Instant createdAt, UUID followUpId,
		CareSought careSought) {

	public AdverseEvent {
		serious = Set.copyOf(serious);
	}

	/** The seriousness criteria of 21 CFR 312.32(a); an event meeting any of them is serious. */
	public enum Seriousness {

		DEATH, LIFE_THREATENING, HOSPITALISATION, PERSISTENT_DISABILITY, CONGENITAL_ANOMALY, IMPORTANT_MEDICAL_EVENT

	}

	public enum Relatedness {

		NOT_RELATED, UNLIKELY, POSSIBLE, PROBABLE, DEFINITE;

		/** Possible, probable or definite: a "suspected adverse reaction" in the sense of 312.32(a). */
		public boolean suspected() {
			return this == POSSIBLE || this == PROBABLE || this == DEFINITE;
		}

	}

	public enum Outcome {

		RECOVERED, RECOVERING, NOT_RECOVERED, RECOVERED_WITH_SEQUELAE, FATAL;

		public boolean resolved() {
			return this == RECOVERED || this == RECOVERED_WITH_SEQUELAE;
		}

	}

	public enum Reporter {

		PATIENT, CLINICIAN

	}

	/** The care a patient says they sought for a problem: a hint about seriousness, not a grade. */
	public enum CareSought {

		NONE, DOCTOR, HOSPITAL

	}

	/** A patient's report that no physician has reviewed yet. */
	public boolean awaitingReview() {
		return !reviewed;
	}

	/** Whether the event still lacks the grade, category, outcome and expectedness a review assigns. */
	public boolean ungraded() {
		return grade == null;
	}

	public boolean isSerious() {
		return !serious.isEmpty();
	}

	/** Related (possible, probable or definite) to the procedure or to the product. */
	public boolean isSuspectedReaction() {
		return (relatednessProcedure != null && relatednessProcedure.suspected())
				|| (relatednessProduct != null && relatednessProduct.suspected());
	}

	/** Fatal or life-threatening in the regulatory sense. */
	public boolean isFatalOrLifeThreatening() {
		return serious.contains(Seriousness.DEATH) || serious.contains(Seriousness.LIFE_THREATENING)
				|| outcome == Outcome.FATAL;
	}

	/** The audited fields. */
	public Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("patientId", patientId.toString());
		values.put("procedureId", procedureId == null ? null : procedureId.toString());
		values.put("productId", productId == null ? null : productId.toString());
		values.put("onset", onset.toString());
		values.put("awarenessDate", awarenessDate.toString());
		values.put("description", description);
		values.put("category", category);
		values.put("grade", grade);
		values.put("serious", List.copyOf(serious.stream().map(Enum::name).sorted().toList()));
		values.put("deathDate", deathDate == null ? null : deathDate.toString());
		values.put("relatednessProcedure", relatednessProcedure == null ? null : relatednessProcedure.name());
		values.put("relatednessProduct", relatednessProduct == null ? null : relatednessProduct.name());
		values.put("expected", expected);
		values.put("action", action);
		values.put("outcome", outcome == null ? null : outcome.name());
		values.put("resolutionDate", resolutionDate == null ? null : resolutionDate.toString());
		values.put("reporter", reporter.name());
		values.put("reviewed", reviewed);
		values.put("reviewNote", reviewNote);
		values.put("followUpId", followUpId == null ? null : followUpId.toString());
		values.put("careSought", careSought == null ? null : careSought.name());
		return values;
	}

}

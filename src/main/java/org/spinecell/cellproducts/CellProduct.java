package org.spinecell.cellproducts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A cell product as it stands now; its history is the list of {@link ProductEvent}s.
 *
 * @param patientId the patient an autologous product was taken from (and may only go back to)
 * @param donorId the donor of an allogeneic product
 * @param recipientPatientId the intended recipient of an allogeneic product, if known
 * @param classification the latest regulatory classification with its inputs, as JSON
 */
public record CellProduct(UUID id, UUID clinicId, String din, Origin origin, UUID patientId, UUID donorId,
		UUID recipientPatientId, SourceType sourceType, Tissue tissue, IntendedUse intendedUse, Route route,
		boolean sameSurgicalProcedure, Set<Additive> additives, ProductState state, BigDecimal volumeMl,
		Instant expiresAt, String storageLocation, String storageTemperature, String indNumber, Pathway pathway,
		@JsonRawValue String classification, String classificationConfirmedBy, Instant classificationConfirmedAt,
		UUID releaseSignatureId, int version, Instant createdAt) {

	public CellProduct {
		additives = Set.copyOf(additives);
	}

	/**
	 * Where the cells come from: the patient's own (autologous) or a donor's (allogeneic), of which
	 * source type and tissue. Built only through {@link #of}, which holds the origin rules.
	 *
	 * @param patientId the patient an autologous product is taken from; {@code null} when allogeneic
	 * @param recipientPatientId the intended recipient of an allogeneic product, if known;
	 * {@code null} when autologous
	 */
	public record Source(Origin origin, UUID patientId, UUID donorId, UUID recipientPatientId, SourceType sourceType,
			Tissue tissue) {

		/**
		 * The source as registered: the source type must allow the origin and the tissue, an
		 * autologous product names the patient it comes from (and goes back to no one else) and has no
		 * donor, an allogeneic product names its donor and its recipient, if any, as recipient.
		 *
		 * @throws Refusal invalid, with every problem found
		 */
		public static Source of(Origin origin, UUID patientId, UUID donorId, UUID recipientPatientId,
				SourceType sourceType, Tissue tissue) {
			List<FieldProblem> problems = new ArrayList<>();
			if (!sourceType.origins().contains(origin)) {
				problems.add(new FieldProblem("origin", "not possible for source type " + sourceType));
			}
			if (!sourceType.tissues().contains(tissue)) {
				problems.add(new FieldProblem("tissue", "not a tissue of source type " + sourceType));
			}
			if (origin == Origin.AUTOLOGOUS) {
				if (patientId == null) {
					problems.add(new FieldProblem("patientId", "an autologous product needs the patient it comes from"));
				}
				if (donorId != null) {
					problems.add(new FieldProblem("donorId", "an autologous product has no separate donor"));
				}
				if (recipientPatientId != null && !recipientPatientId.equals(patientId)) {
					problems.add(new FieldProblem("recipientPatientId",
							"an autologous product can only go back to the patient it came from"));
				}
			}
			else {
				if (donorId == null) {
					problems.add(new FieldProblem("donorId", "an allogeneic product needs its donor"));
				}
				if (patientId != null) {
					problems.add(new FieldProblem("patientId",
							"use recipientPatientId for the recipient of an allogeneic product"));
				}
			}
			if (!problems.isEmpty()) {
				throw Refusal.invalid(problems);
			}
			return origin == Origin.AUTOLOGOUS ? new Source(origin, patientId, null, null, sourceType, tissue)
					: new Source(origin, null, donorId, recipientPatientId, sourceType, tissue);
		}

		/** The patient whose cells these are (autologous) or who is to receive them (allogeneic). */
		public UUID relatedPatient() {
			return origin == Origin.AUTOLOGOUS ? patientId : recipientPatientId;
		}

		/** The field that names {@link #relatedPatient()} in a request. */
		public String relatedPatientField() {
			return origin == Origin.AUTOLOGOUS ? "patientId" : "recipientPatientId";
		}

	}

	/** What the product is for and how it is given: what 21 CFR 1271 asks about besides the source. */
	public record Use(IntendedUse intendedUse, Route route, boolean sameSurgicalProcedure, Set<Additive> additives) {

		public Use {
			additives = Set.copyOf(additives);
		}

	}

	/** A product just collected, under a new DIN: nothing processed, measured, classified or released yet. */
	public static CellProduct collected(UUID clinicId, Din din, Source source, Use use) {
		return new CellProduct(UUID.randomUUID(), clinicId, din.value(), source.origin(), source.patientId(),
				source.donorId(), source.recipientPatientId(), source.sourceType(), source.tissue(), use.intendedUse(),
				use.route(), use.sameSurgicalProcedure(), use.additives(), ProductState.COLLECTED, null, null, null,
				null, null, null, null, null, null, null, 0, null);
	}

	public Din dinValue() {
		return Din.parse(din);
	}

	/**
	 * @throws Refusal conflict when the product is not in the state a step needs, with a problem on
	 * field {@code state}
	 */
	public void requireState(ProductState required) {
		if (state != required) {
			throw Refusal.conflict("The product is " + state + "; this step needs " + required,
					List.of(new FieldProblem("state", state.name())));
		}
	}

	public boolean isExpired(Instant now) {
		return expiresAt != null && !expiresAt.isAfter(now);
	}

	/** The patient whose cells these are (autologous) or who is to receive them (allogeneic). */
	public UUID intendedRecipient() {
		return origin == Origin.AUTOLOGOUS ? patientId : recipientPatientId;
	}

	public static List<String> names(Set<Additive> additives) {
		return additives.stream().map(Enum::name).sorted().toList();
	}

}

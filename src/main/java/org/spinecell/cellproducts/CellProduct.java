package org.spinecell.cellproducts;

import java.math.BigDecimal;
import java.time.Instant;
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

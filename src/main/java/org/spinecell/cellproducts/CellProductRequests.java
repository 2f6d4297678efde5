package org.spinecell.cellproducts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

/** Request bodies of the cell-product endpoints. */
public final class CellProductRequests {

	private CellProductRequests() {
	}

	public record Create(@NotNull UUID clinicId, @NotNull Origin origin, UUID patientId, UUID donorId,
			UUID recipientPatientId, @NotNull SourceType sourceType, @NotNull Tissue tissue,
			@NotNull IntendedUse intendedUse, @NotNull Route route, @NotNull Boolean sameSurgicalProcedure,
			@Size(max = 20) Set<@NotNull Additive> additives) {

		public Create {
			additives = additives == null ? Set.of() : additives;
		}

	}

	public record Harvest(@NotBlank @Size(max = 100) String site,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal volumeMl,
			@Size(max = 100) String anticoagulant, @NotBlank @Size(max = 200) String operator,
			@NotNull @ClinicalDate Instant startedAt, @NotNull @ClinicalDate Instant endedAt) {
	}

	public record ProcessingStep(@NotNull ProcessingStepType type, @Size(max = 200) String device,
			@Size(max = 200) String kit, @Size(max = 100) String lot,
			@Size(max = 20) Map<@Size(max = 60) String, @Size(max = 200) String> parameters,
			@NotNull @ClinicalDate Instant performedAt,
			@DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal outputVolumeMl) {

		public ProcessingStep {
			parameters = parameters == null ? Map.of() : parameters;
		}

	}

	/** Which sample a QC result describes: the material before processing or the final product. */
	public enum Sample {

		PRE_PROCESSING, FINAL

	}

	public record Qc(@NotNull QcTest test, BigDecimal value, QualitativeResult result, @Size(max = 20) String unit,
			@Size(max = 20) Map<String, BigDecimal> markers, @Size(max = 200) String method,
			@NotNull @ClinicalDate Instant performedAt, Sample sample) {

		public Qc {
			sample = sample == null ? Sample.FINAL : sample;
		}

	}

	/** What happened in a hand-off; every custody event names where the product is and at what temperature. */
	public enum CustodyAction {

		RECEIVED, STORED, TRANSFERRED, RETURNED_TO_STORAGE, DISCARDED

	}

	public record Custody(@NotNull CustodyAction action, @Size(max = 200) String fromPerson,
			@Size(max = 200) String toPerson, @NotBlank @Size(max = 200) String location,
			@NotBlank @Size(max = 60) String temperature, @NotNull @ClinicalDate Instant at,
			@ClinicalDate(ClinicalDate.Kind.PLANNED) Instant expiresAt) {
	}

	public record ClassificationFlags(Boolean systemicEffect, Boolean dependsOnMetabolicActivity,
			Boolean reproductiveUse) {
	}

	public record Ind(@NotBlank @Pattern(regexp = "(IND|BLA) ?[0-9]{4,7}",
			message = "an IND or BLA number such as IND 012345 or BLA 125123") String indNumber) {
	}

	/**
	 * The release, signed now. {@code releasedAt} is when the product was released if that was
	 * earlier (a release decided on paper and signed here afterwards); it defaults to the signing time.
	 */
	public record Release(@NotNull @Size(max = 128) String password, @NotBlank @Size(max = 200) String meaning,
			@ClinicalDate Instant releasedAt) {

		public Release(String password, String meaning) {
			this(password, meaning, null);
		}

	}

	public record Discard(@NotBlank @Size(max = 500) String reason) {
	}

}

package org.spinecell.procedures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.spinecell.cellproducts.ProductCustodyService.RemainderAction;
import org.spinecell.platform.ClinicalDate;

/** Request bodies of the procedure endpoints. */
public final class ProcedureRequests {

	/** The most that is injected into one level in one procedure; more is refused as absurd. */
	static final String MAX_VOLUME_PER_LEVEL = "20";

	private ProcedureRequests() {
	}

	public record Create(@NotNull UUID patientId, @NotNull @ClinicalDate LocalDate date,
			@ClinicalDate Instant startedAt, @ClinicalDate Instant endedAt,
			Procedure.Setting setting, @NotNull UUID operatorId, @NotNull Procedure.Target target,
			@NotEmpty @Size(max = 6) List<@NotBlank String> levels, @Size(max = 20) String side,
			@Size(max = 200) String approach, @NotNull Procedure.Guidance guidance, @NotNull Boolean placementConfirmed,
			@Size(max = 200) String contrastPattern, Boolean needleTipConfirmed,
			@NotEmpty @Size(max = 12) List<@Valid @NotNull UnitRequest> productUnits,
			@Size(max = 5) List<@NotBlank @Size(max = 60) String> adjuncts, @Size(max = 200) String anaesthesia,
			@Size(max = 2000) String immediateComplications, @ClinicalDate Instant dischargedAt, Boolean levelsConfirmed) {

		public Create {
			setting = setting == null ? Procedure.Setting.OUTPATIENT : setting;
			adjuncts = adjuncts == null ? List.of() : adjuncts;
			levelsConfirmed = levelsConfirmed != null && levelsConfirmed;
		}

	}

	public record UnitRequest(@NotNull UUID productId, @NotBlank String level,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(MAX_VOLUME_PER_LEVEL) BigDecimal volumeMl) {
	}

	/** The time-out before the injection: right patient, right product (by DIN), right level. */
	public record TimeOut(@NotNull Boolean patientIdentityConfirmed, @NotEmpty @Size(max = 12) List<@NotBlank @Size(max = 40) String> dins,
			@NotNull Boolean levelsConfirmed) {
	}

	public record RemainderRequest(@NotNull UUID productId, @NotNull RemainderAction action,
			@Size(max = 200) String location) {
	}

	public record Complete(@Valid TimeOut timeOut, @Size(max = 12) List<@Valid @NotNull RemainderRequest> remainders) {

		public Complete {
			remainders = remainders == null ? List.of() : remainders;
		}

	}

	/** A change after completion; only the narrative fields, always with a reason. */
	public record Correction(@Size(max = 2000) String immediateComplications, @ClinicalDate Instant dischargedAt,
			@Size(max = 200) String contrastPattern, @Size(max = 200) String anaesthesia,
			@NotBlank @Size(max = 500) String reason, @NotNull Integer version) {
	}

}

package org.spinecell.patients;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.ClinicalDate;

/**
 * A patient as the API and forms submit it. {@code version} is required on updates: it is the
 * version the client read, and a stale one is refused.
 */
public record PatientRequest(@NotNull UUID clinicId,
		@NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*",
				message = "letters, digits and hyphens only") String mrn,
		@NotBlank @Size(max = 100) String givenName, @NotBlank @Size(max = 100) String familyName,
		@NotNull @ClinicalDate LocalDate birthDate, @NotNull Sex sex,
		@Size(max = 12) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 -]*", message = "letters, digits, spaces and hyphens only") String postalCode,
		@Size(max = 254) @Email String email,
		@Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "digits, spaces, parentheses, hyphens and an optional leading +") String phone,
		@Size(max = 35) @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "a language tag such as en or es-MX") String preferredLanguage,
		Integer version) {

	public PatientRequest {
		mrn = strip(mrn);
		givenName = strip(givenName);
		familyName = strip(familyName);
		postalCode = blankToNull(postalCode);
		email = blankToNull(email);
		phone = blankToNull(phone);
		preferredLanguage = blankToNull(preferredLanguage) == null ? "en" : preferredLanguage.strip();
	}

	private static String strip(String value) {
		return value == null ? null : value.strip();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

package org.spinecell.accounts.clinics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A clinic as the API and the form submit it; {@code version} is the one read, required on changes. */
public record ClinicRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String city,
		@Size(max = 100) String region,
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US") String country,
		@Pattern(regexp = "[A-Z][0-9]{4}", message = "must be one letter and four digits, such as A1234") String fin,
		Integer version) {

	public ClinicRequest {
		name = strip(name);
		city = strip(city);
		region = blankToNull(region);
		country = strip(country);
		fin = blankToNull(fin);
	}

	private static String strip(String value) {
		return value == null ? null : value.strip();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

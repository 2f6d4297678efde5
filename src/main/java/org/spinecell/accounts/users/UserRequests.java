package org.spinecell.accounts.users;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.spinecell.platform.Role;

/** Request bodies of the user endpoints. */
public final class UserRequests {

	private UserRequests() {
	}

	public record Create(
			@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}",
					message = "3 to 64 letters, digits, dots, hyphens or underscores") String username,
			@NotNull @Size(max = 128, message = "at most 128 characters") String password,
			@NotBlank @Size(max = 200) String displayName, @NotEmpty @Size(max = 10) Set<@NotNull Role> roles,
			@Size(max = 100) Set<@NotNull UUID> clinicIds) {

		public Create {
			clinicIds = clinicIds == null ? Set.of() : clinicIds;
			displayName = displayName == null ? null : displayName.strip();
		}

	}

	public record Update(@NotBlank @Size(max = 200) String displayName,
			@NotEmpty @Size(max = 10) Set<@NotNull Role> roles, @Size(max = 100) Set<@NotNull UUID> clinicIds,
			@NotNull Integer version) {

		public Update {
			clinicIds = clinicIds == null ? Set.of() : clinicIds;
			displayName = displayName == null ? null : displayName.strip();
		}

	}

	record PasswordReset(@NotNull @Size(max = 128, message = "at most 128 characters") String password) {
	}

}

package org.spinecell.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.accounts.users.AdministratorScope;
import org.spinecell.platform.Role;

/**
 * A staff account as the API returns it: never with the password or its hash.
 */
public record UserAccount(UUID id, String username, String displayName, Set<Role> roles, Set<UUID> clinicIds,
		boolean enabled, boolean locked, int version) {

	public UserAccount {
		roles = Set.copyOf(roles);
		clinicIds = Set.copyOf(clinicIds);
	}

	/** Whether the account holds the administrator role, of its clinics or of the installation. */
	public boolean administrator() {
		return roles.contains(Role.ADMIN);
	}

	/** An administrator without a clinic: manages the whole installation (ADR 0016). */
	public boolean installationAdmin() {
		return AdministratorScope.isInstallationAdmin(roles, clinicIds);
	}

	/** The audited fields, with sets in a stable order. */
	Map<String, Object> snapshot() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("username", username);
		values.put("displayName", displayName);
		values.put("roles", roles.stream().map(Role::name).sorted().toList());
		values.put("clinicIds", clinicIds.stream().map(UUID::toString).sorted().toList());
		values.put("enabled", enabled);
		return values;
	}

}

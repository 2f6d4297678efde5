package org.spinecell.accounts;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works where, for clinical modules that must check a named person: the operator of a
 * procedure, say. Shows only staff of the caller's own clinics, and nothing about passwords.
 */
@Service
public class StaffDirectory {

	private final UserRepository users;

	StaffDirectory(UserRepository users) {
		this.users = users;
	}

	/** A staff member as other modules see them. */
	public record StaffMember(UUID id, String displayName, Set<Role> roles, Set<UUID> clinicIds, boolean enabled) {

		public boolean worksAt(UUID clinicId) {
			return clinicIds.contains(clinicId);
		}

	}

	@Transactional(readOnly = true)
	public Optional<StaffMember> find(UUID userId) {
		Set<UUID> callerClinics = CurrentUser.get().clinicIds();
		return users.find(userId)
			.filter(account -> account.clinicIds().stream().anyMatch(callerClinics::contains))
			.map(account -> new StaffMember(account.id(), account.displayName(), account.roles(), account.clinicIds(),
					account.enabled()));
	}

}

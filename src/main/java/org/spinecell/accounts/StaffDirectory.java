package org.spinecell.accounts;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.spinecell.accounts.users.UserRepository;
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

	/**
	 * The active physicians of a clinic, by name, for choosing a procedure's operator; nothing for a
	 * clinic the caller does not work in.
	 */
	@Transactional(readOnly = true)
	public List<StaffMember> physiciansOf(UUID clinicId) {
		return withRoleAt(Role.PHYSICIAN, clinicId);
	}

	/** The active staff of a clinic with a role, by name; nothing for a clinic the caller does not work in. */
	@Transactional(readOnly = true)
	public List<StaffMember> withRoleAt(Role role, UUID clinicId) {
		if (!CurrentUser.get().clinicIds().contains(clinicId)) {
			return List.of();
		}
		return users.enabledWithRoleAt(role, clinicId)
			.stream()
			.map(account -> new StaffMember(account.id(), account.displayName(), account.roles(), account.clinicIds(),
					account.enabled()))
			.toList();
	}

}

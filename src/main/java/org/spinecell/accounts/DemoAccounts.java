package org.spinecell.accounts;

import java.util.Set;
import java.util.UUID;

import org.spinecell.accounts.clinics.ClinicRequest;
import org.spinecell.accounts.users.AdminBootstrap;
import org.spinecell.accounts.users.UserRequests;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the demo seeder needs from accounts: clinics and users created through the regular,
 * audited paths, with generated passwords handed back once.
 */
@Service
public class DemoAccounts {


	private final ClinicService clinics;

	private final UserService users;

	DemoAccounts(ClinicService clinics, UserService users) {
		this.clinics = clinics;
		this.users = users;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public Clinic createClinic(String name, String city, String region, String country, String fin) {
		return clinics.create(new ClinicRequest(name, city, region, country, fin, null));
	}

	/** A demo account as created, with its generated password. */
	public record CreatedUser(CurrentUser user, String password) {
	}

	/** Creates an account with a generated password. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public CreatedUser createUser(String username, String displayName, Set<Role> roles, Set<UUID> clinicIds) {
		String password = AdminBootstrap.generatePassword(16);
		UserAccount account = users.create(new UserRequests.Create(username, password, displayName, roles, clinicIds));
		return new CreatedUser(new CurrentUser(account.id(), account.username(), account.displayName(), account.roles(),
				account.clinicIds()), password);
	}

}

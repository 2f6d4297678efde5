package org.spinecell.accounts.signin;

import org.spinecell.accounts.users.UserRepository;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	AccountUserDetailsService(UserRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.findCredentials(username)
			.map(c -> AccountPrincipal.of(c.account(), c.passwordHash(), c.lockedUntil()))
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

}

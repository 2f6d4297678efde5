package org.spinecell.accounts.signin;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.spinecell.accounts.UserAccount;
import org.spinecell.platform.CurrentUser;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/**
 * The signed-in account, for browser sessions (as {@link UserDetails}) and for API tokens (as an
 * introspected token principal). Equal by user id so the session registry can find a user's
 * sessions.
 */
public final class AccountPrincipal implements UserDetails, OAuth2AuthenticatedPrincipal, CurrentUser.Holder {

	private final CurrentUser user;

	private final transient String passwordHash;

	private final boolean enabled;

	private final Instant lockedUntil;

	AccountPrincipal(CurrentUser user, String passwordHash, boolean enabled, Instant lockedUntil) {
		this.user = user;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.lockedUntil = lockedUntil;
	}

	public static AccountPrincipal of(UserAccount account, String passwordHash, Instant lockedUntil) {
		CurrentUser user = new CurrentUser(account.id(), account.username(), account.displayName(), account.roles(),
				account.clinicIds());
		return new AccountPrincipal(user, passwordHash, account.enabled(), lockedUntil);
	}

	@Override
	public CurrentUser currentUser() {
		return user;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return user.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || lockedUntil.isBefore(Instant.now());
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of("sub", user.id().toString(), "username", user.username());
	}

	@Override
	public String getName() {
		return user.username();
	}

	List<String> roleNames() {
		return user.roles().stream().map(Enum::name).sorted().toList();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal that && user.id().equals(that.user.id());
	}

	@Override
	public int hashCode() {
		return Objects.hash(user.id());
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + user.username() + "]";
	}

}

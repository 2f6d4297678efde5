package org.spinecell.platform;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is acting: the signed-in staff member, or the system itself during start-up tasks.
 *
 * @param id the user's id (the nil UUID for the system)
 * @param username login name, recorded in the audit trail
 * @param displayName printed name
 * @param roles the roles held
 * @param clinicIds the clinics whose records this user may see
 */
public record CurrentUser(UUID id, String username, String displayName, Set<Role> roles, Set<UUID> clinicIds) {

	public static final UUID SYSTEM_ID = new UUID(0, 0);

	public CurrentUser {
		roles = Set.copyOf(roles);
		clinicIds = Set.copyOf(clinicIds);
	}

	/** Anything that carries a {@link CurrentUser}, such as the principal of an authentication. */
	public interface Holder {

		CurrentUser currentUser();

	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public boolean isMemberOf(UUID clinicId) {
		return clinicIds.contains(clinicId);
	}

	public boolean isSystem() {
		return SYSTEM_ID.equals(id);
	}

	/**
	 * An installation administrator: an administrator who belongs to no clinic (the bootstrap
	 * {@code admin}), or the system itself. Only they create clinics, manage every account and every
	 * clinic, and make other installation administrators. An administrator with clinics is a clinic
	 * administrator and manages only the accounts and clinics of those clinics (see ADR 0016).
	 */
	public boolean isInstallationAdmin() {
		return isSystem() || (hasRole(Role.ADMIN) && clinicIds.isEmpty());
	}

	/** Whether this user administers the clinic: an installation administrator, or an administrator of it. */
	public boolean administers(UUID clinicId) {
		return isInstallationAdmin() || (hasRole(Role.ADMIN) && isMemberOf(clinicId));
	}

	/** The user of the current request or task, if any. */
	public static Optional<CurrentUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Holder holder) {
			return Optional.of(holder.currentUser());
		}
		return Optional.empty();
	}

	/** The user of the current request or task; fails when nobody is signed in. */
	public static CurrentUser get() {
		return find().orElseThrow(() -> new IllegalStateException("No signed-in user"));
	}

	/**
	 * Runs a start-up or background task as the system, with every role and the given clinics in
	 * scope, then restores the previous security context. Only trusted code (start-up tasks, the
	 * demo generator, scheduled jobs) runs as the system; it is recorded as "system" in the trail.
	 */
	public static <T> T callAsSystem(Set<UUID> clinicIds, Supplier<T> task) {
		return callAs(new CurrentUser(SYSTEM_ID, "system", "SpineCell system", Set.of(Role.values()), clinicIds), task);
	}

	/**
	 * Runs a task as the given user, then restores the previous security context. For trusted
	 * server-side tasks only, such as the demo generator acting as its demo staff.
	 */
	public static <T> T callAs(CurrentUser user, Supplier<T> task) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		Holder principal = () -> user;
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				user.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
		SecurityContextHolder.setContext(context);
		try {
			return task.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void runAsSystem(Set<UUID> clinicIds, Runnable task) {
		callAsSystem(clinicIds, () -> {
			task.run();
			return null;
		});
	}

}

package org.spinecell.accounts.signin;

import java.util.UUID;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/** Ends the browser sessions of an account whose access changed, such as on disabling. */
@Component
public class SessionTerminator {

	private final SessionRegistry registry;

	SessionTerminator(SessionRegistry registry) {
		this.registry = registry;
	}

	public void endSessionsOf(UUID userId) {
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof AccountPrincipal account && account.currentUser().id().equals(userId)) {
				registry.getAllSessions(principal, false).forEach(session -> session.expireNow());
			}
		}
	}

}

package org.spinecell.accounts.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinecell.accounts.users.UserRepository;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.LogSafe;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins (browser and API alike) and locks an account for a while after too many
 * in a row; logs every outcome with the username and never the password.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final UserRepository users;

	private final SpineCellProperties.Security settings;

	LoginThrottle(UserRepository users, SpineCellProperties properties) {
		this.users = users;
		this.settings = properties.security();
	}

	@EventListener
	@Transactional
	public void onFailure(AbstractAuthenticationFailureEvent event) {
		if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
			return; // a bad API token is not a sign-in attempt, and its value must not be logged
		}
		String username = String.valueOf(event.getAuthentication().getName());
		log.warn("Sign-in failed for username '{}': {}", LogSafe.text(username),
				event.getException().getClass().getSimpleName());
		users.recordFailedLogin(username.length() > 64 ? username.substring(0, 64) : username,
				settings.maxFailedLogins(), settings.lockout());
	}

	@EventListener
	@Transactional
	public void onSuccess(AuthenticationSuccessEvent event) {
		Authentication authentication = event.getAuthentication();
		if (authentication instanceof UsernamePasswordAuthenticationToken
				&& authentication.getPrincipal() instanceof AccountPrincipal principal) {
			CurrentUser user = principal.currentUser();
			log.info("Sign-in succeeded for username '{}'", LogSafe.text(user.username()));
			users.recordSuccessfulLogin(user.id());
		}
	}

}

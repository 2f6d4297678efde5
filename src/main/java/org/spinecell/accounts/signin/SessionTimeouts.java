package org.spinecell.accounts.signin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in browser session after {@code idle} without a request or {@code absolute} after
 * it began (the session is new at sign-in, so its creation time is the sign-in time), whichever
 * comes first. The servlet container's own idle time-out stays as a backstop. Sessions that never
 * signed in (the login page's CSRF token) are left alone.
 */
public class SessionTimeouts extends OncePerRequestFilter {

	static final String LAST_SEEN = SessionTimeouts.class.getName() + ".LAST_SEEN";

	private final Duration idle;

	private final Duration absolute;

	private final Clock clock;

	public SessionTimeouts(Duration idle, Duration absolute, Clock clock) {
		this.idle = idle;
		this.absolute = absolute;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null
				&& session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null) {
			long now = clock.millis();
			Object lastSeen = session.getAttribute(LAST_SEEN);
			boolean idleTooLong = lastSeen instanceof Long last && now - last > idle.toMillis();
			boolean tooOld = now - session.getCreationTime() > absolute.toMillis();
			if (idleTooLong || tooOld) {
				session.invalidate();
				response.sendRedirect(request.getContextPath() + "/login?expired");
				return;
			}
			session.setAttribute(LAST_SEEN, now);
		}
		chain.doFilter(request, response);
	}

}

package org.spinecell.accounts.mfa;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.spinecell.accounts.signin.AccountPrincipal;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second step of the browser sign-in. After the password, an account that needs a second
 * factor gets a session marked "second factor pending"; while that mark is there, every request
 * other than the code page, the enrolment page (only for a user not yet enrolled), sign-out and
 * static files is sent to the step still missing. The mark goes, and the session id changes
 * again, once a code is accepted.
 */
@Component
public class MfaLoginFlow implements AuthenticationSuccessHandler {

	static final String PENDING = MfaLoginFlow.class.getName() + ".PENDING";

	static final String CHALLENGE_PATH = "/login/mfa";

	static final String ENROL_PATH = "/account/mfa";

	private static final Set<String> ALWAYS_OPEN = Set.of("/logout", "/error", "/favicon.svg");

	private final MfaService mfa;

	MfaLoginFlow(MfaService mfa) {
		this.mfa = mfa;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		String target = "/";
		if (authentication.getPrincipal() instanceof AccountPrincipal principal
				&& mfa.appliesTo(principal.currentUser().id())) {
			request.getSession().setAttribute(PENDING, Boolean.TRUE);
			target = mfa.enrolled(principal.currentUser().id()) ? CHALLENGE_PATH : ENROL_PATH;
		}
		response.sendRedirect(request.getContextPath() + target);
	}

	/** Called once the second factor was accepted (or set up): the session becomes a full one. */
	static void completed(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(PENDING) != null) {
			session.removeAttribute(PENDING);
			request.changeSessionId();
		}
	}

	public static boolean pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(PENDING) != null;
	}

	/**
	 * The filter that keeps a half-signed-in session to the missing step; made here rather than
	 * declared as a bean so that the servlet container does not register it a second time.
	 */
	public OncePerRequestFilter gate() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				gate(request, response, chain);
			}

		};
	}

	private void gate(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!pending(request)) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (ALWAYS_OPEN.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")) {
			chain.doFilter(request, response);
			return;
		}
		boolean enrolled = AccountPrincipalLookup.userId()
			.map(mfa::enrolled)
			.orElse(false);
		String allowed = enrolled ? CHALLENGE_PATH : ENROL_PATH;
		if (path.equals(allowed) || path.startsWith(allowed + "/")) {
			chain.doFilter(request, response);
			return;
		}
		response.sendRedirect(request.getContextPath() + allowed);
	}

	/** The signed-in account's id from the security context, if any. */
	static final class AccountPrincipalLookup {

		private AccountPrincipalLookup() {
		}

		static java.util.Optional<java.util.UUID> userId() {
			Authentication authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
				.getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
				return java.util.Optional.of(principal.currentUser().id());
			}
			return java.util.Optional.empty();
		}

	}

}

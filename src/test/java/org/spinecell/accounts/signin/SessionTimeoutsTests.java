package org.spinecell.accounts.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;


import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTimeoutsTests {

	private final MovableClock clock = new MovableClock();

	private final SessionTimeouts filter = new SessionTimeouts(Duration.ofMinutes(30), Duration.ofHours(12), clock);

	private final MockHttpSession session = signedInSession();

	@Test
	void aBusySessionLivesUntilTheAbsoluteTimeOut() throws Exception {
		for (int i = 0; i < 12 * 3; i++) {
			assertThat(request().getRedirectedUrl()).isNull();
			clock.advance(Duration.ofMinutes(20));
		}
		assertThat(session.isInvalid()).isFalse();
		clock.advance(Duration.ofMinutes(1)); // 12 h 1 min after sign-in, 21 min after the last request
		assertThat(request().getRedirectedUrl()).isEqualTo("/login?expired");
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void aSessionIdleLongerThanTheIdleTimeOutEnds() throws Exception {
		assertThat(request().getRedirectedUrl()).isNull();
		clock.advance(Duration.ofMinutes(29));
		assertThat(request().getRedirectedUrl()).isNull();
		clock.advance(Duration.ofMinutes(31));
		MockHttpServletResponse response = request();
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void sessionsThatNeverSignedInAreLeftAlone() throws Exception {
		MockHttpSession anonymous = new MockHttpSession();
		clock.advance(Duration.ofDays(2));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
		request.setSession(anonymous);
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		assertThat(chain.getRequest()).isNotNull();
		assertThat(anonymous.isInvalid()).isFalse();
	}

	private MockHttpServletResponse request() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/patients");
		request.setSession(session);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		assertThat(chain.getRequest() != null).isEqualTo(response.getRedirectedUrl() == null);
		return response;
	}

	private static MockHttpSession signedInSession() {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl());
		return session;
	}

	/** Starts at the real now, since a servlet session's creation time is the real clock's. */
	private static final class MovableClock extends Clock {

		private Instant now = Instant.now();

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}

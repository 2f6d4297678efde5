package org.spinecell.accounts;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.spinecell.accounts.mfa.MfaLoginFlow;
import org.spinecell.accounts.signin.SessionTimeouts;
import org.spinecell.accounts.tokens.ApiTokenService;
import org.spinecell.platform.ProblemResponses;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Two filter chains: the JSON API under {@code /api/**} is stateless and authenticated by bearer
 * token (no cookies, so no CSRF exposure); everything else is the browser UI with form login, a
 * session and CSRF tokens. Both answer with the headers SECURITY.md asks for.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	/**
	 * Argon2id with OWASP's minimum cost (19 MiB, 2 iterations, 1 lane), set explicitly because
	 * Spring's preset is weaker.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder,
			AuthenticationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwordEncoder);
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, ApiTokenService tokens) throws Exception {
		BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
		BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				// The patient survey's JSON equivalent: the link's token is the credential (rate limited).
				.requestMatchers(HttpMethod.POST, "/api/v1/surveys/*/responses", "/api/v1/surveys/*/medications",
						"/api/v1/surveys/*/problems")
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.oauth2ResourceServer(server -> server.opaqueToken(opaque -> opaque.introspector(tokens))
				.authenticationEntryPoint((request, response, ex) -> {
					bearerEntryPoint.commence(request, response, ex);
					problem(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
							"A valid bearer token is required; obtain one from POST /api/v1/auth/token");
				})
				.accessDeniedHandler((request, response, ex) -> {
					bearerDenied.handle(request, response, ex);
					problem(request, response, HttpStatus.FORBIDDEN, "Forbidden", "Your roles do not allow this request");
				}))
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> {
				bearerEntryPoint.commence(request, response, ex);
				problem(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
						"A valid bearer token is required; obtain one from POST /api/v1/auth/token");
			}))
			.headers(headers -> securityHeaders(headers));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authenticationManager,
			SessionRegistry sessionRegistry, MfaLoginFlow mfaLoginFlow, SpineCellProperties properties)
			throws Exception {
		SpineCellProperties.Security settings = properties.security();
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.svg",
						"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				// The patient survey pages: the link's token is the credential; CSRF stays on for the forms.
				.requestMatchers("/s/**")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/audit/**")
				.hasAnyRole("AUDITOR", "ADMIN")
				.anyRequest()
				.authenticated())
			// After the password, the second factor (or its enrolment) when it applies.
			.formLogin(form -> form.loginPage("/login").successHandler(mfaLoginFlow).permitAll())
			.addFilterBefore(new SessionTimeouts(settings.sessionIdleTimeout(), settings.sessionAbsoluteTimeout(),
					Clock.systemUTC()), SecurityContextHolderFilter.class)
			.addFilterAfter(mfaLoginFlow.gate(), AnonymousAuthenticationFilter.class)
			.logout(logout -> logout.logoutUrl("/logout")
				.logoutSuccessUrl("/login?logout")
				.invalidateHttpSession(true)
				.deleteCookies("JSESSIONID"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.newSession())
				.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl("/login?expired"))
			.headers(headers -> securityHeaders(headers));
		return http.build();
	}

	private static void securityHeaders(
			org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
			.frameOptions(frame -> frame.deny())
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000));
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String title, String detail) throws IOException {
		if (!response.isCommitted()) {
			ProblemResponses.write(request, response, status, title, detail);
		}
	}

}

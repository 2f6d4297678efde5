package org.spinecell.accounts.signin;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.spinecell.accounts.mfa.MfaService;
import org.spinecell.accounts.tokens.ApiTokenService;
import org.spinecell.platform.Refusal;

/** Exchanging a username and password for an API token, and giving the token back. */
@RestController
@RequestMapping("/api/v1/auth/token")
class AuthApiController {

	private final AuthenticationManager authenticationManager;

	private final ApiTokenService tokens;

	private final MfaService mfa;

	AuthApiController(AuthenticationManager authenticationManager, ApiTokenService tokens, MfaService mfa) {
		this.authenticationManager = authenticationManager;
		this.tokens = tokens;
		this.mfa = mfa;
	}

	/** {@code totp}: the authenticator app's current code (or a recovery code) where a second factor applies. */
	record TokenRequest(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 128) String password,
			@Size(max = 32) String totp) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	@PostMapping
	ResponseEntity<TokenResponse> issue(@Valid @RequestBody TokenRequest request) {
		Authentication authentication;
		try {
			authentication = authenticationManager
				.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
		}
		catch (AuthenticationException ex) {
			throw new TokenRefused();
		}
		AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
		checkSecondFactor(principal.currentUser().id(), request.totp());
		ApiTokenService.IssuedToken issued = tokens.issue(principal.currentUser().id());
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new TokenResponse(issued.token(), issued.expiresAt()));
	}

	@DeleteMapping
	ResponseEntity<Void> revoke(Authentication authentication) {
		if (authentication instanceof BearerTokenAuthentication bearer) {
			tokens.revoke(bearer.getToken().getTokenValue());
		}
		return ResponseEntity.noContent().build();
	}

	private void checkSecondFactor(java.util.UUID userId, String totp) {
		if (!mfa.appliesTo(userId)) {
			return;
		}
		if (!mfa.enrolled(userId)) {
			throw new TokenRefused("totp",
					"this account must set up two-step sign-in first: sign in to the web application (/account/mfa)");
		}
		if (totp == null || totp.isBlank()) {
			throw new TokenRefused("totp", "required: the 6-digit code of your authenticator app, or a recovery code");
		}
		if (mfa.verify(userId, totp) != MfaService.Outcome.ACCEPTED) {
			throw new TokenRefused("totp", "wrong, expired or already used code");
		}
	}

	/** Wrong credentials, unknown user, disabled or locked account: one answer for all. */
	static final class TokenRefused extends Refusal {

		TokenRefused() {
			super(Kind.UNAUTHENTICATED, "Unauthorized",
					"Wrong username or password, or the account is disabled or temporarily locked",
					java.util.List.of());
		}

		/** The password was right but the second factor is missing or wrong: the field says which. */
		TokenRefused(String field, String message) {
			super(Kind.UNAUTHENTICATED, "Unauthorized", "A second factor is needed: " + message,
					java.util.List.of(new org.spinecell.platform.FieldProblem(field, message)));
		}

	}

}

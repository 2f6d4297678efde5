package org.spinecell.accounts;

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

import org.spinecell.platform.ApiException;

/** Exchanging a username and password for an API token, and giving the token back. */
@RestController
@RequestMapping("/api/v1/auth/token")
class AuthApiController {

	private final AuthenticationManager authenticationManager;

	private final ApiTokenService tokens;

	AuthApiController(AuthenticationManager authenticationManager, ApiTokenService tokens) {
		this.authenticationManager = authenticationManager;
		this.tokens = tokens;
	}

	record TokenRequest(@NotNull @Size(max = 64) String username, @NotNull @Size(max = 128) String password) {
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

	/** Wrong credentials, unknown user, disabled or locked account: one answer for all. */
	static final class TokenRefused extends ApiException {

		TokenRefused() {
			super(HttpStatus.UNAUTHORIZED, "Unauthorized",
					"Wrong username or password, or the account is disabled or temporarily locked",
					java.util.List.of());
		}

	}

}

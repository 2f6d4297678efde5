package org.spinecell.accounts.tokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.spinecell.accounts.UserAccount;
import org.spinecell.accounts.signin.AccountPrincipal;
import org.spinecell.accounts.users.UserRepository;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the API: 256 random bits, handed out once, stored only as a SHA-256
 * hash, valid until they expire or are revoked, and only while the account is enabled.
 */
@Service
public class ApiTokenService implements OpaqueTokenIntrospector {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokenRepository tokens;

	private final UserRepository users;

	private final SpineCellProperties.Security settings;

	ApiTokenService(ApiTokenRepository tokens, UserRepository users, SpineCellProperties properties) {
		this.tokens = tokens;
		this.users = users;
		this.settings = properties.security();
	}

	public record IssuedToken(String token, Instant expiresAt) {
	}

	@Transactional
	public IssuedToken issue(UUID userId) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = Instant.now().plus(settings.tokenTtl());
		tokens.insert(UUID.randomUUID(), userId, hash(token), expiresAt);
		return new IssuedToken(token, expiresAt);
	}

	@Transactional
	public boolean revoke(String token) {
		return tokens.revoke(hash(token)) > 0;
	}

	@Override
	@Transactional(readOnly = true)
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		return tokens.findActiveOwner(hash(token))
			.flatMap(users::find)
			.filter(UserAccount::enabled)
			.map(account -> AccountPrincipal.of(account, null, null))
			.orElseThrow(() -> new BadOpaqueTokenException("The token is unknown, expired or revoked"));
	}

	public static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.spinecell.accounts.mfa;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spinecell.accounts.UserAccount;
import org.spinecell.accounts.UserService;
import org.spinecell.accounts.signin.SessionTerminator;
import org.spinecell.accounts.tokens.ApiTokenRepository;
import org.spinecell.accounts.tokens.ApiTokenService;
import org.spinecell.accounts.users.AdministratorScope;
import org.spinecell.accounts.users.UserRepository;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.LogSafe;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: TOTP enrolment with recovery codes, checking codes at sign-in (each usable
 * once, wrong guesses throttled like passwords), and turning it off by the user (password and code)
 * or by an administrator (the user enrols again at the next sign-in). Secrets and codes are never
 * logged or audited, only the fact of a change.
 */
@Service
public class MfaService {

	static final String ENTITY = "UserMfa";

	static final String ISSUER = "SpineCell";

	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger log = LoggerFactory.getLogger(MfaService.class);

	private final MfaRepository mfa;

	private final SecretCipher cipher;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final ApiTokenRepository tokens;

	private final SessionTerminator sessions;

	private final SpineCellProperties.Security settings;

	private final UserRepository users;

	MfaService(MfaRepository mfa, SecretCipher cipher, PasswordEncoder passwordEncoder, AuditTrail audit,
			ApiTokenRepository tokens, SessionTerminator sessions, SpineCellProperties properties,
			UserRepository users) {
		this.users = users;
		this.mfa = mfa;
		this.cipher = cipher;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.tokens = tokens;
		this.sessions = sessions;
		this.settings = properties.security();
	}

	/** What a new enrolment shows once: the secret (grouped for typing) and the URI for the QR code. */
	public record PendingEnrolment(String secretGroups, String otpauthUri) {
	}

	/** How a code was received. */
	public enum Outcome {

		ACCEPTED, REFUSED, LOCKED

	}

	/**
	 * Whether the user must give a second factor: every staff account in {@code required} mode (all
	 * roles, ADMIN included, since an administrator can grant any access), and in {@code optional}
	 * mode those who enrolled.
	 */
	@Transactional(readOnly = true)
	public boolean appliesTo(UUID userId) {
		return settings.mfa() == SpineCellProperties.Mfa.REQUIRED || mfa.confirmed(userId);
	}

	@Transactional(readOnly = true)
	public boolean enrolled(UUID userId) {
		return mfa.confirmed(userId);
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public boolean isEnrolled() {
		return mfa.confirmed(CurrentUser.get().id());
	}

	/** Starts (or shows again) the signed-in user's enrolment; refused once enrolled. */
	@PreAuthorize("isAuthenticated()")
	@Transactional
	public PendingEnrolment begin() {
		CurrentUser user = CurrentUser.get();
		MfaRepository.Enrolment existing = mfa.findForUpdate(user.id()).orElse(null);
		if (existing != null && existing.confirmed()) {
			throw Refusal.conflict("A second factor is already set up; turn it off first to enrol again");
		}
		byte[] secret;
		if (existing != null) {
			secret = cipher.decrypt(existing.secretEnc(), context(user.id()));
		}
		else {
			secret = Totp.newSecret();
			mfa.savePending(user.id(), cipher.encrypt(secret, context(user.id())));
		}
		String base32 = Totp.base32Encode(secret);
		return new PendingEnrolment(base32.replaceAll("(.{4})(?!$)", "$1 "),
				Totp.otpauthUri(ISSUER, user.username(), secret));
	}

	/** Confirms the enrolment with a first code; returns the recovery codes, shown this once. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(noRollbackFor = Refusal.class)
	public List<String> confirm(String code) {
		CurrentUser user = CurrentUser.get();
		MfaRepository.Enrolment pending = mfa.findForUpdate(user.id())
			.filter(enrolment -> !enrolment.confirmed())
			.orElseThrow(() -> Refusal.conflict("There is no enrolment waiting for a code; start again"));
		byte[] secret = cipher.decrypt(pending.secretEnc(), context(user.id()));
		OptionalLong step = Totp.matchingStep(secret, normalise(code), Instant.now(), pending.lastUsedStep());
		if (step.isEmpty()) {
			mfa.recordFailure(user.id(), settings.maxFailedLogins(), settings.lockout());
			throw Refusal.invalid("code", "wrong or expired code; enter the 6 digits your app shows now");
		}
		mfa.confirm(user.id(), step.getAsLong());
		List<String> codes = newRecoveryCodes(user.id());
		audit.created(ENTITY, user.id(), null, Map.of("method", "TOTP", "recoveryCodes", codes.size()));
		log.info("Second factor enrolled for username '{}'", LogSafe.text(user.username()));
		return codes;
	}

	/**
	 * Checks a TOTP or recovery code at sign-in. A code is accepted once; wrong codes count towards
	 * the same lock-out as wrong passwords, and a locked account accepts nothing.
	 */
	@Transactional(noRollbackFor = Refusal.class)
	public Outcome verify(UUID userId, String code) {
		MfaRepository.Enrolment enrolment = mfa.findForUpdate(userId)
			.filter(MfaRepository.Enrolment::confirmed)
			.orElse(null);
		if (enrolment == null) {
			return Outcome.REFUSED;
		}
		if (mfa.locked(userId)) {
			return Outcome.LOCKED;
		}
		String typed = normalise(code);
		byte[] secret = cipher.decrypt(enrolment.secretEnc(), context(userId));
		OptionalLong step = Totp.matchingStep(secret, typed, Instant.now(), enrolment.lastUsedStep());
		if (step.isPresent()) {
			mfa.acceptStep(userId, step.getAsLong());
			return Outcome.ACCEPTED;
		}
		if (typed.length() >= 12 && mfa.useRecoveryCode(userId, ApiTokenService.hash(typed))) {
			mfa.resetFailures(userId);
			log.info("Recovery code used for user {}; {} left", userId, mfa.unusedRecoveryCodes(userId));
			return Outcome.ACCEPTED;
		}
		log.warn("Wrong second-factor code for user {}", userId);
		return mfa.recordFailure(userId, settings.maxFailedLogins(), settings.lockout()) ? Outcome.LOCKED
				: Outcome.REFUSED;
	}

	/** Turns off the signed-in user's second factor; needs the password and a current code. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(noRollbackFor = Refusal.class)
	public void disableOwn(String password, String code) {
		CurrentUser user = CurrentUser.get();
		String hash = mfa.passwordHash(user.id()).orElseThrow(() -> Refusal.notFound("User"));
		if (password == null || !passwordEncoder.matches(password, hash)) {
			throw Refusal.invalid("password", "wrong password");
		}
		if (verify(user.id(), code) != Outcome.ACCEPTED) {
			throw Refusal.invalid("code", "wrong, expired or already used code");
		}
		remove(user.id(), "turned off by the user");
	}

	/** An administrator removes a user's second factor (lost phone); the user enrols at the next sign-in. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public void resetByAdmin(UUID userId) {
		UserAccount account = users.find(userId).orElseThrow(() -> Refusal.notFound(UserService.ENTITY));
		AdministratorScope.requireManageable(CurrentUser.get(), account);
		remove(userId, "reset by administrator");
		tokens.revokeAll(userId);
		sessions.endSessionsOf(userId);
	}

	private void remove(UUID userId, String reason) {
		if (mfa.delete(userId) == 0) {
			return;
		}
		Map<String, FieldChange> changes = new LinkedHashMap<>();
		changes.put("method", new FieldChange("TOTP", null));
		audit.record(null, AuditAction.UPDATE, ENTITY, userId, changes, reason);
	}

	private List<String> newRecoveryCodes(UUID userId) {
		List<String> codes = new ArrayList<>();
		List<byte[]> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 12; c++) {
				code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
			}
			hashes.add(ApiTokenService.hash(code.toString()));
			codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8));
		}
		mfa.replaceRecoveryCodes(userId, hashes);
		return codes;
	}

	/** Codes as people type them: spaces and hyphens dropped, letters in lower case. */
	static String normalise(String code) {
		return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	private static String context(UUID userId) {
		return "mfa:" + userId;
	}

}

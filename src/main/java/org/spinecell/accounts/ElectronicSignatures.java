package org.spinecell.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.accounts.users.UserRepository;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing records electronically: the signer re-enters their password, states the meaning, and
 * the signature is bound to a hash of the signed content. Wrong passwords count towards the same
 * lock-out as failed sign-ins, so the signing step cannot be used to guess a password.
 */
@Service
public class ElectronicSignatures {

	private final UserRepository users;

	private final SignatureRepository signatures;

	private final PasswordEncoder passwordEncoder;

	private final AuditTrail audit;

	private final FailedSignatures failures;

	ElectronicSignatures(UserRepository users, SignatureRepository signatures, PasswordEncoder passwordEncoder,
			AuditTrail audit, FailedSignatures failures) {
		this.users = users;
		this.signatures = signatures;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.failures = failures;
	}

	/**
	 * Signs as the current user. Joins the caller's transaction, so the signature is stored only if
	 * the signed action commits.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public ElectronicSignature sign(UUID clinicId, String entityType, String entityId, String password, String meaning,
			String contentHash) {
		CurrentUser signer = CurrentUser.get();
		UserRepository.Credentials credentials = users.findCredentials(signer.username())
			.orElseThrow(() -> Refusal.invalid("password", "the password is not correct"));
		if (credentials.account().locked()) {
			throw Refusal.conflict("The account is temporarily locked after repeated failures",
					List.of(new FieldProblem("password", "account temporarily locked")));
		}
		if (password == null || !passwordEncoder.matches(password, credentials.passwordHash())) {
			failures.record(signer.username());
			throw Refusal.invalid("password", "the password is not correct");
		}
		ElectronicSignature signature = signatures.insert(clinicId, entityType, entityId, signer.id(),
				signer.displayName(), meaning, contentHash);
		audit.record(clinicId, AuditAction.SIGN, entityType, entityId,
				Map.of("signature", new FieldChange(null, signature.signerName() + " — " + meaning),
						"contentHash", new FieldChange(null, contentHash)),
				meaning);
		return signature;
	}

	@Transactional(readOnly = true)
	public Optional<ElectronicSignature> find(UUID clinicId, UUID signatureId) {
		return signatures.find(clinicId, signatureId);
	}

	/** The SHA-256 of a canonical text form of the content, as lower-case hex. */
	public static String hash(String canonicalContent) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalContent.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Records a failed signing attempt in its own transaction, so the refusal's rollback keeps it. */
	@org.springframework.stereotype.Component
	static class FailedSignatures {

		private final UserRepository users;

		private final SpineCellProperties.Security settings;

		FailedSignatures(UserRepository users, SpineCellProperties properties) {
			this.users = users;
			this.settings = properties.security();
		}

		@Transactional(propagation = Propagation.REQUIRES_NEW)
		public void record(String username) {
			users.recordFailedLogin(username, settings.maxFailedLogins(), settings.lockout());
		}

	}

}

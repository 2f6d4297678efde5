package org.spinecell.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.spinecell.platform.SpineCellProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pseudonymous ids for de-identified exports: HMAC-SHA256 of a record's id under a key that never
 * leaves the server, so the same patient has the same pseudonym in every export, and nobody without
 * the key can link it back. The key is {@code spinecell.analytics.pseudonym-key} (base64, from the
 * environment) or, when that is unset, a random key generated once and kept in the data directory.
 */
@Component
class Pseudonyms {

	static final String KEY_FILE = "analytics-pseudonym.key";

	private final byte[] key;

	@Autowired
	Pseudonyms(SpineCellProperties properties, @Value("${spinecell.analytics.pseudonym-key:}") String configured) {
		this(configured.isBlank() ? persistedKey(properties.dataDir().resolve(KEY_FILE))
				: Base64.getDecoder().decode(configured.strip()));
	}

	Pseudonyms(byte[] key) {
		if (key.length < 16) {
			throw new IllegalArgumentException("The pseudonym key must have at least 128 bits");
		}
		this.key = key.clone();
	}

	/** The pseudonym of an id within a kind ("P" patient, "E" episode): 20 hex digits after the kind. */
	String of(String kind, UUID id) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
			return kind + HexFormat.of().formatHex(digest, 0, 10);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] persistedKey(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).strip());
			}
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), KEY_FILE, ".tmp");
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// Not a POSIX file system (Windows): the data directory's own permissions apply.
			}
			Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh));
			Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
			return fresh;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the pseudonym key " + file, ex);
		}
	}

}

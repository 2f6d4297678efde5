package org.spinecell.analytics.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.spinecell.platform.ServerKeyFile;
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
public class Pseudonyms {

	static final String KEY_FILE = "analytics-pseudonym.key";

	private final byte[] key;

	@Autowired
	Pseudonyms(SpineCellProperties properties, @Value("${spinecell.analytics.pseudonym-key:}") String configured) {
		this(configured.isBlank() ? ServerKeyFile.loadOrCreate(properties.dataDir().resolve(KEY_FILE), 32)
				: Base64.getDecoder().decode(configured.strip()));
	}

	public Pseudonyms(byte[] key) {
		if (key.length < 16) {
			throw new IllegalArgumentException("The pseudonym key must have at least 128 bits");
		}
		this.key = key.clone();
	}

	/** The pseudonym of an id within a kind ("P" patient, "E" episode): 20 hex digits after the kind. */
	public String of(String kind, UUID id) {
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

}

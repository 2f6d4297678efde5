package org.spinecell.accounts.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.spinecell.platform.ServerKeyFile;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.stereotype.Component;

/**
 * Encrypts small secrets at rest (MFA seeds) with AES-256-GCM. The key comes from
 * {@code spinecell.security.secret-key} (base64, for production) or, when that is not set, from
 * {@code secret.key} in the data dir, created on first start readable by the owner only. The key
 * and the plain secrets are never logged.
 */
@Component
class SecretCipher {

	private static final int IV_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	SecretCipher(SpineCellProperties properties) {
		this.key = new SecretKeySpec(loadKey(properties), "AES");
	}

	byte[] encrypt(byte[] plain, String context) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
			cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	/** Decrypts what {@link #encrypt} sealed for the same context (a row cannot be moved to another user). */
	byte[] decrypt(byte[] sealed, String context) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
			cipher.updateAAD(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("decryption failed: wrong server key or tampered data");
		}
	}

	private static byte[] loadKey(SpineCellProperties properties) {
		String configured = properties.security().secretKey();
		if (configured != null && !configured.isBlank()) {
			byte[] key = Base64.getDecoder().decode(configured.trim());
			if (key.length != 32) {
				throw new IllegalStateException("spinecell.security.secret-key must be 32 bytes in base64");
			}
			return key;
		}
		return ServerKeyFile.loadOrCreate(properties.dataDir().resolve("secret.key"), 32);
	}

}

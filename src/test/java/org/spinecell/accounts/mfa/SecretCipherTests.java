package org.spinecell.accounts.mfa;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spinecell.platform.SpineCellProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTests {

	private static SpineCellProperties properties(Path dataDir, String key) {
		return new SpineCellProperties(dataDir, false,
				new SpineCellProperties.Security(java.time.Duration.ofHours(8), 5, java.time.Duration.ofMinutes(15),
						SpineCellProperties.Mfa.REQUIRED, key, java.time.Duration.ofMinutes(30),
						java.time.Duration.ofHours(12)),
				new SpineCellProperties.Api(1048576), java.time.ZoneId.of("UTC"));
	}

	@Test
	void keepsItsKeyInSecretKeyInTheDataDirAcrossRestarts(@TempDir Path dir) throws Exception {
		byte[] secret = "a secret seed".getBytes(StandardCharsets.UTF_8);
		byte[] sealed = new SecretCipher(properties(dir, null)).encrypt(secret, "mfa:1");
		// The file itself (owner-only, created once) is ServerKeyFile's; see ServerKeyFileTests.
		assertThat(dir.resolve("secret.key")).exists();
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("a secret seed");
		// A restart reads the same key file and can still decrypt.
		assertThat(new SecretCipher(properties(dir, null)).decrypt(sealed, "mfa:1")).isEqualTo(secret);
	}

	@Test
	void refusesAnotherContextAnotherKeyOrTamperedData(@TempDir Path dir) {
		SecretCipher cipher = new SecretCipher(properties(dir, null));
		byte[] sealed = cipher.encrypt(new byte[] { 1, 2, 3 }, "mfa:1");
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed, "mfa:2"));
		String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretCipher(properties(dir, otherKey)).decrypt(sealed, "mfa:1"));
		sealed[sealed.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed, "mfa:1"));
	}

	@Test
	void aConfiguredKeyIsUsedInsteadOfAFileAndMustBe256Bits(@TempDir Path dir) {
		String key = Base64.getEncoder().encodeToString(new byte[32]);
		SecretCipher cipher = new SecretCipher(properties(dir, key));
		assertThat(cipher.decrypt(cipher.encrypt(new byte[] { 9 }, "c"), "c")).containsExactly(9);
		assertThat(dir.resolve("secret.key")).doesNotExist();
		assertThatIllegalStateException().isThrownBy(
				() -> new SecretCipher(properties(dir, Base64.getEncoder().encodeToString(new byte[16]))));
	}

}

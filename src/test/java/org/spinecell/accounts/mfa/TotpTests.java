package org.spinecell.accounts.mfa;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void codesMatchTheSha1VectorsOfRfc6238CutToSixDigits() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111111)))).isEqualTo("050471");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
	}

	@Test
	void base32RoundTripsAndReadsWhatPeopleType() {
		assertThat(Totp.base32Encode(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.base32Decode("gezd gnbv-gy3t qojq GEZDGNBVGY3TQOJQ")).isEqualTo(RFC_SECRET);
		byte[] secret = Totp.newSecret();
		assertThat(secret).hasSize(20);
		assertThat(Totp.base32Decode(Totp.base32Encode(secret))).isEqualTo(secret);
	}

	@Test
	void acceptsOneStepEitherSideAndNothingFurther() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.step(now);
		for (long offset = -1; offset <= 1; offset++) {
			assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + offset), now, 0))
				.hasValue(step + offset);
		}
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now, 0)).isEmpty();
	}

	@Test
	void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
		Instant now = Instant.ofEpochSecond(1111111109);
		long step = Totp.step(now);
		String code = Totp.code(RFC_SECRET, step);
		assertThat(Totp.matchingStep(RFC_SECRET, code, now, step - 1)).hasValue(step);
		assertThat(Totp.matchingStep(RFC_SECRET, code, now, step)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step)).isEmpty();
	}

	@Test
	void refusesAnythingButSixDigits() {
		Instant now = Instant.ofEpochSecond(59);
		assertThat(Totp.matchingStep(RFC_SECRET, null, now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "28708", now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "2870820", now, 0)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now, 0)).isEmpty();
	}

	@Test
	void provisioningUriNamesIssuerAccountAndParameters() {
		assertThat(Totp.otpauthUri("SpineCell", "dr.ada lovelace", RFC_SECRET)).isEqualTo(
				"otpauth://totp/SpineCell:dr.ada%20lovelace?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=SpineCell"
						+ "&algorithm=SHA1&digits=6&period=30");
	}

}

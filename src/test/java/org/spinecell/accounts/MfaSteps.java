package org.spinecell.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spinecell.WebSession;
import org.spinecell.accounts.mfa.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person does with an authenticator app, for tests: read the key off the enrolment page,
 * compute codes with SpineCell's own TOTP generator (checked against RFC 6238's vectors in
 * TotpTests), and type them in.
 */
final class MfaSteps {

	private static final Pattern SECRET = Pattern.compile("id=\"mfa-secret\">([A-Z2-7 ]+)<");

	private static final Pattern RECOVERY = Pattern.compile("class=\"recovery-code\">([a-z0-9-]+)<");

	private MfaSteps() {
	}

	/** An enrolment as the user saw it: the key (Base32) and the recovery codes. */
	record Enrolled(String secret, List<String> recoveryCodes) {

		/** The code of the current time step plus {@code offset} steps. */
		String code(int offset) {
			return MfaSteps.code(secret, offset);
		}

	}

	static String code(String secret, int offset) {
		return Totp.code(Totp.base32Decode(secret), Totp.step(Instant.now()) + offset);
	}

	/** Reads the key off the enrolment page (the session must be on it or allowed to reach it). */
	static String secretOn(WebSession.Page page) {
		Matcher matcher = SECRET.matcher(page.html());
		assertThat(matcher.find()).as("key on %s", page.uri()).isTrue();
		return matcher.group(1).replace(" ", "");
	}

	/** Enrols the signed-in user with the current code and returns what the pages showed. */
	static Enrolled enrol(WebSession web) {
		WebSession.Page page = web.get("/account/mfa");
		String secret = secretOn(page);
		WebSession.Page done = web.post("/account/mfa", Map.of("code", code(secret, 0), "_csrf", page.csrf()));
		assertThat(done.html()).as(done.html()).contains("Two-step sign-in is on");
		Matcher matcher = RECOVERY.matcher(done.html());
		List<String> codes = new java.util.ArrayList<>();
		while (matcher.find()) {
			codes.add(matcher.group(1));
		}
		return new Enrolled(secret, codes);
	}

	/** Types a code into the second sign-in step. */
	static WebSession.Page answer(WebSession web, String code) {
		WebSession.Page challenge = web.get("/login/mfa");
		return web.post("/login/mfa", Map.of("code", code, "_csrf", challenge.csrf()));
	}

}

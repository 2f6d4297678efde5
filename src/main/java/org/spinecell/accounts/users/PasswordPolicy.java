package org.spinecell.accounts.users;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The password rules of SECURITY.md (NIST SP 800-63B style): 12 to 128 characters taken as typed,
 * no composition rules, and no password from a ranked list of commonly used passwords (the
 * dictionary shipped with the MIT-licensed nbvcxz library, of which at least the
 * {@value #COMMON_PASSWORDS} most common are refused).
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	static final int COMMON_PASSWORDS = 3000;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = loadCommonPasswords();
	}

	/** Why the password is refused, or empty when it is acceptable. */
	public Optional<String> check(String password, String username) {
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("must be at least " + MIN_LENGTH + " characters");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("must be at most " + MAX_LENGTH + " characters");
		}
		String folded = password.toLowerCase(Locale.ROOT);
		if (common.contains(folded)) {
			return Optional.of("is one of the most commonly used passwords; choose another");
		}
		if (username != null && folded.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("must not contain the username");
		}
		return Optional.empty();
	}

	int commonPasswordCount() {
		return common.size();
	}

	private static Set<String> loadCommonPasswords() {
		Set<String> passwords = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/dictionaries/passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("Common-password dictionary missing from the class path");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					passwords.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (passwords.size() < COMMON_PASSWORDS) {
			throw new IllegalStateException("Common-password dictionary has only " + passwords.size() + " entries");
		}
		return Set.copyOf(passwords);
	}

}

package org.spinecell.accounts.users;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void acceptsALongUncommonPassphraseWithoutCompositionRules() {
		assertThat(policy.check("purple monkey dishwasher", "dana")).isEmpty();
	}

	@Test
	void refusesFewerThanTwelveCharacters() {
		assertThat(policy.check("Abc!1234xyz", "dana")).contains("must be at least 12 characters");
	}

	@Test
	void countsCharactersNotBytes() {
		// Twelve characters, many more bytes in UTF-8: accepted as typed.
		assertThat(policy.check("ääääääääääää", "dana")).isEmpty();
	}

	@Test
	void acceptsUpTo128CharactersAndRefusesMore() {
		assertThat(policy.check("a-long-passphrase-".repeat(8).substring(0, 128), "dana")).isEmpty();
		assertThat(policy.check("x".repeat(129), "dana")).contains("must be at most 128 characters");
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThat(policy.check("password1234", "dana")).isPresent();
		assertThat(policy.check("PASSWORD1234", "dana")).isPresent();
		assertThat(policy.check("qwertyuiop123", "dana")).isPresent();
	}

	@Test
	void refusesAPasswordContainingTheUsername() {
		assertThat(policy.check("my-name-is-dana-ok", "Dana")).contains("must not contain the username");
	}

	@Test
	void knowsAtLeastTheThreeThousandMostCommonPasswords() {
		assertThat(policy.commonPasswordCount()).isGreaterThanOrEqualTo(PasswordPolicy.COMMON_PASSWORDS);
	}

}

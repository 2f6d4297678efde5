package org.spinecell.accounts.users;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class AdminBootstrapTests {

	@Test
	void generatedPasswordsAreLongRandomAndPassThePolicy() {
		PasswordPolicy policy = new PasswordPolicy();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String password = AdminBootstrap.generatePassword(20);
			assertThat(password).hasSize(20).matches("[A-Za-z0-9]+").doesNotContain("0", "O", "l", "1", "I");
			assertThat(policy.check(password, AdminBootstrap.USERNAME)).isEmpty();
			seen.add(password);
		}
		assertThat(seen).hasSize(200);
	}

}

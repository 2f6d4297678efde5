package org.spinecell.accounts.users;

import java.security.SecureRandom;
import java.util.Set;

import org.spinecell.accounts.UserService;
import org.spinecell.platform.CurrentUser;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On the very first start (no accounts at all) creates the administrator {@code admin}, with the
 * password from {@code SPINECELL_ADMIN_PASSWORD} or, when that is unset, a generated one printed
 * once to standard output.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdminBootstrap implements ApplicationRunner {

	static final String USERNAME = "admin";

	static final String PASSWORD_VARIABLE = "SPINECELL_ADMIN_PASSWORD";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserService users;

	private final Environment environment;

	AdminBootstrap(UserService users, Environment environment) {
		this.users = users;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		String configured = environment.getProperty(PASSWORD_VARIABLE);
		boolean generated = configured == null || configured.isEmpty();
		String password = generated ? generatePassword(20) : configured;
		boolean created = CurrentUser.callAsSystem(Set.of(), () -> users.createInitialAdmin(USERNAME, password));
		if (created && generated) {
			System.out.println();
			System.out.println("SpineCell created the administrator account '" + USERNAME + "' with the password:");
			System.out.println("    " + password);
			System.out.println("It is shown only this once. Sign in and keep it somewhere safe.");
			System.out.println();
		}
		else if (created) {
			System.out.println("SpineCell created the administrator account '" + USERNAME + "' with the password from "
					+ PASSWORD_VARIABLE + ".");
		}
	}

	/** A random password of {@code length} characters from an alphabet without look-alikes. */
	public static String generatePassword(int length) {
		StringBuilder password = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}

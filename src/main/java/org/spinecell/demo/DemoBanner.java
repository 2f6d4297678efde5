package org.spinecell.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The block printed once at the very end of a first demo start: where to sign in, each demo
 * account with its role, clinic and password, how long seeding took, and whether a second factor
 * is asked for. One block, so the passwords are not lost among the start-up log lines.
 */
final class DemoBanner {

	/** One demo account as created. */
	record Account(String username, String role, String clinic, String password) {
	}

	private DemoBanner() {
	}

	static String render(String url, List<Account> accounts, Duration seeding, boolean mfaRequired) {
		int login = Math.max("Login".length(), accounts.stream().mapToInt(a -> a.username().length()).max().orElse(0));
		int role = Math.max("Role".length(), accounts.stream().mapToInt(a -> a.role().length()).max().orElse(0));
		int clinic = Math.max("Clinic".length(), accounts.stream().mapToInt(a -> a.clinic().length()).max().orElse(0));
		String format = "  %-" + login + "s  %-" + role + "s  %-" + clinic + "s  %s";
		List<String> lines = new ArrayList<>();
		lines.add("SpineCell demo is ready: open " + url + " and sign in with one of these accounts.");
		lines.add("Demo data seeded in " + seconds(seeding) + ". The passwords are shown only this once;"
				+ " a later start keeps the data and prints no passwords.");
		lines.add("");
		lines.add(String.format(format, "Login", "Role", "Clinic", "Password"));
		for (Account a : accounts) {
			lines.add(String.format(format, a.username(), a.role(), a.clinic(), a.password()));
		}
		lines.add("");
		lines.add(mfaRequired
				? "Second factor: required. Each account sets up an authenticator app at its first sign-in."
				: "Second factor: optional (spinecell.security.mfa=optional): the password alone signs in.");
		int width = lines.stream().mapToInt(String::length).max().orElse(0);
		String rule = "=".repeat(width);
		StringBuilder out = new StringBuilder().append('\n').append(rule).append('\n');
		lines.forEach(line -> out.append(line).append('\n'));
		return out.append(rule).append('\n').toString();
	}

	private static String seconds(Duration d) {
		long s = Math.max(0, d.toSeconds());
		return s < 60 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
	}

}

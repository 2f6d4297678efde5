/**
 * Clinics, staff accounts and how staff sign in: users with roles and clinic memberships,
 * password policy and Argon2id hashing, throttling of failed logins, opaque API tokens and the
 * security filter chains for the browser (session, CSRF) and the API (bearer token). The module
 * root holds the security configuration and what other modules use (clinics, users, the staff
 * directory, electronic signatures, the demo accounts); the features live in sub-packages:
 * <ul>
 * <li>{@code users}: user administration pages and API, the user SQL, password policy, administrator scope and the first administrator;</li>
 * <li>{@code clinics}: clinic administration pages and API and the clinic SQL;</li>
 * <li>{@code mfa}: TOTP, enrolment, recovery codes, the challenge after password sign-in and its pages;</li>
 * <li>{@code tokens}: opaque API tokens, issued and revoked;</li>
 * <li>{@code signin}: the signed-in principal, user details for Spring Security, login throttling, session time-outs and the sign-in API.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts",
		allowedDependencies = { "platform", "audit" })
package org.spinecell.accounts;

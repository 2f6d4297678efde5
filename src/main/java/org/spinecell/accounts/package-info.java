/**
 * Clinics, staff accounts and how staff sign in: users with roles and clinic memberships,
 * password policy and Argon2id hashing, throttling of failed logins, opaque API tokens and the
 * security filter chains for the browser (session, CSRF) and the API (bearer token).
 */
package org.spinecell.accounts;

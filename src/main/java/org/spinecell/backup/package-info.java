/**
 * Backup and restore of an instance on the embedded PostgreSQL: the {@code backup} and
 * {@code restore} commands of the jar, which run without the web application. A backup is one zip
 * file holding a stopped, consistent copy of the data directory and a manifest (versions, per-table
 * row counts and content hashes, audit chain heads); a restore checks every file and figure against
 * the manifest and re-verifies the audit chains before it puts the copy in place. An edge module:
 * nothing else depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Backup", allowedDependencies = { "platform", "audit" })
package org.spinecell.backup;

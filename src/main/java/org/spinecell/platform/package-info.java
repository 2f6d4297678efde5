/**
 * Shared kernel of SpineCell: starting the embedded PostgreSQL server when no external database
 * is configured, clinic-scoped transactions that feed PostgreSQL row-level security, the
 * signed-in user and roles every module reasons about, RFC 9457 problem details for the API and
 * the web layout. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.spinecell.platform;

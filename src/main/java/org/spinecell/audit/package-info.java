/**
 * The audit trail: one append-only table recording, in the same transaction as each change, who
 * changed what (field-level old and new values), when (database clock), why and from where. Each
 * clinic has its own hash chain, plus one global chain for events that belong to no clinic; the
 * application's database role may only read and insert. Auditors browse the trail and verify the
 * chains here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "platform" })
package org.spinecell.audit;

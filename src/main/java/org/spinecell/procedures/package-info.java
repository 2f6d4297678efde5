/**
 * Procedures: the outpatient, image-guided injection of cell products into the spine, the safety
 * checks that must pass before a procedure is completed (released, unexpired, unused product for
 * the right patient, consent, candidacy, regulatory pathway), the viable-cell dose delivered per
 * level, and the care plans (physical therapy, home exercise, restrictions) around it. Completing
 * a procedure publishes {@link org.spinecell.procedures.ProcedureCompleted}.
 * <p>
 * The root holds what other modules use: the procedure and care-plan records, requests, the
 * drafting, completion and correction services and the event. Feature packages:
 * {@code web} (the procedure form, page, time-out and completion, correction, printable note and
 * chart sections), {@code careplan} (care-plan pages and storage), {@code api} (the JSON API).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures",
		allowedDependencies = { "platform", "audit", "accounts", "patients", "cellproducts" })
package org.spinecell.procedures;

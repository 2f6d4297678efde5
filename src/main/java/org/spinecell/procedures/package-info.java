/**
 * Procedures: the outpatient, image-guided injection of cell products into the spine, the safety
 * checks that must pass before a procedure is completed (released, unexpired, unused product for
 * the right patient, consent, candidacy, regulatory pathway), the viable-cell dose delivered per
 * level, and the care plans (physical therapy, home exercise, restrictions) around it. Completing
 * a procedure publishes {@link org.spinecell.procedures.ProcedureCompleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures",
		allowedDependencies = { "platform", "audit", "accounts", "patients", "cellproducts" })
package org.spinecell.procedures;

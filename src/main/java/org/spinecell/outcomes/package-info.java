/**
 * Follow-up: outcome instruments, schedules, the patient survey portal, medication use and adverse events
 */
package org.spinecell.outcomes;

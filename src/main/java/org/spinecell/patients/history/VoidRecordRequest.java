package org.spinecell.patients.history;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Voiding a history record entered in error. {@code version} is optional: when given, a stale one
 * is refused, as on every other change.
 */
record VoidRecordRequest(@NotBlank @Size(max = 500) String reason, Integer version) {
}

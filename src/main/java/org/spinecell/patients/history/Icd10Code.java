package org.spinecell.patients.history;

import org.spinecell.patients.ConditionFamily;
import org.spinecell.patients.SpineRegion;

/**
 * One ICD-10-CM code of SpineCell's spine catalogue.
 *
 * @param code the code with its dot, such as {@code M51.360}
 * @param description SpineCell's short wording of what the code means
 * @param family the condition family the code belongs to
 * @param region the spine region the code names; a diagnosis's levels must lie in it
 * @param billable whether the code is complete enough to be recorded on a diagnosis
 */
public record Icd10Code(String code, String description, ConditionFamily family, SpineRegion region,
		boolean billable) {
}

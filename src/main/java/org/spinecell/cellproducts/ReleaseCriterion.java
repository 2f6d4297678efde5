package org.spinecell.cellproducts;

/**
 * One line of a release check: a required test, whether its latest result meets the limit, and
 * why.
 *
 * @param id the required test's name, e.g. {@code VIABILITY}
 * @param description the limit in words, e.g. "Viability ≥ 70 %"
 * @param met whether the latest result meets the limit
 * @param detail the result that decided it, or "no result recorded"
 */
public record ReleaseCriterion(String id, String description, boolean met, String detail) {
}

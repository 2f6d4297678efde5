package org.spinecell.audit;

/**
 * The result of checking every hash chain the caller can see.
 *
 * @param valid whether every entry's hash and link to its predecessor recompute correctly
 * @param entries how many entries were checked
 * @param firstBrokenId the lowest id of an entry that fails, or {@code null} when valid
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenId) {
}

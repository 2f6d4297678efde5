package org.spinecell.audit;

/**
 * The result of checking every hash chain of the trail.
 *
 * @param valid whether every entry's hash and link to its predecessor recompute correctly
 * @param entries how many entries were checked: every chain's, including those the caller is not
 * shown (other clinics' chains, clinic-less entries that concern none of the caller's clinics)
 * @param chains how many chains were checked: one per clinic with entries, plus the chain of
 * clinic-less events
 * @param brokenEntries how many entries fail
 * @param firstBrokenId the lowest id of an entry that fails, or {@code null} when valid or when
 * every failing entry is in a chain of a clinic the caller cannot read
 */
public record ChainVerification(boolean valid, long entries, long chains, long brokenEntries, Long firstBrokenId) {
}

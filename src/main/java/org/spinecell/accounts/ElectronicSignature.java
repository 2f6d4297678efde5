package org.spinecell.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * An electronic signature (21 CFR Part 11): who signed (printed name), when, what it means, and
 * the SHA-256 of the content signed. The signature holds only while the content still hashes to
 * the same value, so a later change shows.
 */
public record ElectronicSignature(UUID id, UUID clinicId, String entityType, String entityId, UUID signerId,
		String signerName, String meaning, Instant signedAt, String contentHash) {

	/** Whether the signed content is unchanged. */
	public boolean matches(String currentContentHash) {
		return contentHash.equals(currentContentHash);
	}

}

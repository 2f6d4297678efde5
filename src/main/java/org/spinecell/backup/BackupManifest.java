package org.spinecell.backup;

import java.time.Instant;
import java.util.List;

import org.spinecell.audit.AuditChainRepository.ChainHead;

/**
 * What a backup holds, written into it as {@code manifest.json} and checked by the restore.
 *
 * @param format version of this layout
 * @param appVersion version of the SpineCell that made the backup
 * @param schemaVersion the last Flyway migration applied to the database
 * @param createdAt when the backup was taken
 * @param tables every table of the schema with its row count and content hash
 * @param auditEntries how many audit entries there are, all verified when the backup was taken
 * @param auditChains the last entry of each audit chain
 * @param files every file of the data directory in the backup, with its SHA-256
 */
record BackupManifest(int format, String appVersion, String schemaVersion, Instant createdAt,
		List<TableSnapshot> tables, long auditEntries, List<ChainHead> auditChains, List<FileEntry> files) {

	static final int FORMAT = 1;

	static final String ENTRY = "manifest.json";

	/** A table's figures: its rows, and the MD5 of all its rows as text in primary-key order. */
	record TableSnapshot(String name, long rows, String hash) {
	}

	/** A file of the data directory, by its path relative to it. */
	record FileEntry(String path, long size, String sha256) {
	}

	long totalRows() {
		return tables.stream().mapToLong(TableSnapshot::rows).sum();
	}

}

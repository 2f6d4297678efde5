package org.spinecell.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.spinecell.audit.AuditChainRepository.ChainHead;
import org.spinecell.audit.ChainVerification;
import org.spinecell.backup.BackupManifest.TableSnapshot;

/**
 * The figures of a database that a backup records and a restore must reproduce.
 *
 * @param schemaVersion the last Flyway migration applied, or {@code null} on a database never migrated
 * @param tables every table with its row count and content hash
 * @param chains the audit chain heads
 * @param verification the audit chains recomputed
 */
record DatabaseSnapshot(String schemaVersion, List<TableSnapshot> tables, List<ChainHead> chains,
		ChainVerification verification) {

	/** Every way in which {@code restored} differs from what the manifest recorded; empty when none. */
	static List<String> differences(BackupManifest expected, DatabaseSnapshot restored) {
		List<String> differences = new ArrayList<>();
		if (!Objects.equals(expected.schemaVersion(), restored.schemaVersion())) {
			differences.add("schema version " + restored.schemaVersion() + ", expected " + expected.schemaVersion());
		}
		List<String> expectedNames = expected.tables().stream().map(TableSnapshot::name).toList();
		List<String> restoredNames = restored.tables().stream().map(TableSnapshot::name).toList();
		if (!expectedNames.equals(restoredNames)) {
			differences.add("tables " + restoredNames + ", expected " + expectedNames);
		}
		for (TableSnapshot table : restored.tables()) {
			expected.tables()
				.stream()
				.filter(t -> t.name().equals(table.name()))
				.findFirst()
				.filter(t -> !t.equals(table))
				.ifPresent(t -> differences.add("table " + table.name() + ": " + table.rows() + " rows with hash "
						+ table.hash() + ", expected " + t.rows() + " rows with hash " + t.hash()));
		}
		if (!expected.auditChains().equals(restored.chains())) {
			differences.add("audit chain heads differ from the backup's");
		}
		if (!restored.verification().valid()) {
			differences.add("audit chain broken at entry " + restored.verification().firstBrokenId());
		}
		else if (restored.verification().entries() != expected.auditEntries()) {
			differences.add("audit entries " + restored.verification().entries() + ", expected "
					+ expected.auditEntries());
		}
		return differences;
	}

}

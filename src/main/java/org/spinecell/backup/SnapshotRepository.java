package org.spinecell.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.spinecell.audit.AuditChainRepository;
import org.spinecell.audit.ChainVerification;
import org.spinecell.backup.BackupManifest.TableSnapshot;

/**
 * Reads the figures of a backup from the database, over a superuser connection so that row-level
 * security hides nothing. Plain JDBC: the commands run without the application context.
 */
final class SnapshotRepository {

	private SnapshotRepository() {
	}

	static DatabaseSnapshot read(Connection connection) throws SQLException {
		connection.setReadOnly(true);
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			// One snapshot for every figure, even if something else were writing.
			statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
			statement.execute("SET LOCAL TimeZone = 'UTC'");
		}
		try {
			List<TableSnapshot> tables = tables(connection);
			boolean migrated = tables.stream().anyMatch(t -> t.name().equals("flyway_schema_history"));
			boolean audited = tables.stream().anyMatch(t -> t.name().equals("audit_event"));
			return new DatabaseSnapshot(migrated ? schemaVersion(connection) : null, tables,
					audited ? AuditChainRepository.heads(connection) : List.of(),
					audited ? AuditChainRepository.verify(connection)
							: new ChainVerification(true, 0, 0, 0, null));
		}
		finally {
			connection.rollback();
		}
	}

	/** Row count and MD5 of the rows as text, in primary-key order, of every table in the schema. */
	private static List<TableSnapshot> tables(Connection connection) throws SQLException {
		List<Table> names = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT c.relname AS name, quote_ident(c.relname) AS quoted,
				       (SELECT string_agg('snapshot_row.' || quote_ident(a.attname), ', ' ORDER BY k.ord)
				        FROM pg_index i
				        CROSS JOIN unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
				        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
				        WHERE i.indrelid = c.oid AND i.indisprimary) AS key_columns
				FROM pg_class c
				JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relispartition
				ORDER BY c.relname
				""");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				String keys = rs.getString("key_columns");
				names.add(new Table(rs.getString("name"), rs.getString("quoted"), keys == null ? "snapshot_row::text" : keys));
			}
		}
		List<TableSnapshot> tables = new ArrayList<>();
		for (Table table : names) {
			// Identifiers come from the catalogue, quoted by PostgreSQL itself.
			String sql = "SELECT count(*) AS row_count, md5(coalesce(string_agg(snapshot_row::text, E'\\n' ORDER BY "
					+ table.orderBy() + "), '')) AS content_hash FROM public." + table.quoted() + " snapshot_row";
			try (PreparedStatement statement = connection.prepareStatement(sql);
					ResultSet rs = statement.executeQuery()) {
				rs.next();
				tables.add(new TableSnapshot(table.name(), rs.getLong("row_count"), rs.getString("content_hash")));
			}
		}
		return tables;
	}

	private record Table(String name, String quoted, String orderBy) {
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT version FROM flyway_schema_history
				WHERE success AND version IS NOT NULL
				ORDER BY installed_rank DESC
				LIMIT 1
				""");
				ResultSet rs = statement.executeQuery()) {
			return rs.next() ? rs.getString("version") : null;
		}
	}

}

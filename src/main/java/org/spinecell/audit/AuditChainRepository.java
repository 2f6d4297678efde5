package org.spinecell.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit chains read over a plain JDBC connection, for tools that run without the application
 * context (backup and restore). The connection must see every row, i.e. belong to a role that
 * row-level security does not filter.
 */
public final class AuditChainRepository {

	/** Recomputes every visible entry's hash and checks each link and sequence number in its chain. */
	static final String VERIFY = """
			WITH checked AS (
			    SELECT id, clinic_id,
			           hash = audit_entry_hash(prev_hash, clinic_id, seq, occurred_at, actor_id, actor_username,
			                                   action, entity_type, entity_id, changes, reason, remote_addr)
			           AND prev_hash = coalesce(lag(hash) OVER chain, '')
			           AND seq = coalesce(lag(seq) OVER chain, 0) + 1 AS ok
			    FROM audit_event
			    WINDOW chain AS (PARTITION BY clinic_id ORDER BY seq)
			)
			SELECT count(*) AS entries, count(*) FILTER (WHERE NOT ok) AS broken,
			       min(id) FILTER (WHERE NOT ok) AS first_broken, count(DISTINCT clinic_id) AS chains
			FROM checked
			""";

	/**
	 * The last entry of one chain.
	 *
	 * @param chain the clinic id, or the all-zero id of the chain of clinic-less events
	 * @param seq its sequence number, which is also the chain's length
	 * @param hash its hash, which commits to every earlier entry of the chain
	 */
	public record ChainHead(String chain, long seq, String hash) {
	}

	private AuditChainRepository() {
	}

	public static ChainVerification verify(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(VERIFY);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return verification(rs);
		}
	}

	static ChainVerification verification(ResultSet rs) throws SQLException {
		long broken = rs.getLong("broken");
		long firstBroken = rs.getLong("first_broken");
		Long located = rs.wasNull() ? null : firstBroken;
		return new ChainVerification(broken == 0, rs.getLong("entries"), rs.getLong("chains"), broken, located);
	}

	/** The head of every chain, ordered by chain. */
	public static List<ChainHead> heads(Connection connection) throws SQLException {
		List<ChainHead> heads = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				SELECT DISTINCT ON (clinic_id) clinic_id::text AS chain, seq, hash
				FROM audit_event
				ORDER BY clinic_id, seq DESC
				""");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				heads.add(new ChainHead(rs.getString("chain"), rs.getLong("seq"), rs.getString("hash")));
			}
		}
		return heads;
	}

}

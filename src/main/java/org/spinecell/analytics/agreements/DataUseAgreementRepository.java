package org.spinecell.analytics.agreements;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for data-use agreements. An agreement is never removed; ending one early uses the V20 void
 * columns ({@code voided_at} is when it ended, {@code void_reason} why), and an ended agreement
 * stays listed.
 */
@Repository
class DataUseAgreementRepository {

	private static final String COLUMNS = "id, clinic_id, recipient_id, title, purpose, start_date, end_date, reference,"
			+ " voided_at, void_reason";

	private final JdbcClient jdbc;

	DataUseAgreementRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(DataUseAgreement agreement, UUID actor) {
		jdbc.sql("""
				INSERT INTO data_use_agreement (clinic_id, id, recipient_id, title, purpose, start_date, end_date,
				                                reference, created_by, updated_by)
				VALUES (:clinicId, :id, :recipient, :title, :purpose, :start, :end, :reference, :actor, :actor)
				""")
			.param("clinicId", agreement.clinicId())
			.param("id", agreement.id())
			.param("recipient", agreement.recipientUserId())
			.param("title", agreement.title())
			.param("purpose", agreement.purpose())
			.param("start", agreement.startDate())
			.param("end", agreement.endDate())
			.param("reference", agreement.reference())
			.param("actor", actor)
			.update();
	}

	/** The agreements of some clinics, newest first; only those naming {@code recipient} when it is given. */
	List<DataUseAgreement> list(Collection<UUID> clinics, UUID recipient) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM data_use_agreement
				WHERE clinic_id IN (:clinics)
				  AND (CAST(:recipient AS uuid) IS NULL OR recipient_id = CAST(:recipient AS uuid))
				ORDER BY start_date DESC, created_at DESC, id
				""")
			.param("clinics", List.copyOf(clinics))
			.param("recipient", recipient)
			.query(DataUseAgreementRepository::map)
			.list();
	}

	Optional<DataUseAgreement> find(Collection<UUID> clinics, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS
				+ " FROM data_use_agreement WHERE clinic_id IN (:clinics) AND id = :id")
			.param("clinics", List.copyOf(clinics))
			.param("id", id)
			.query(DataUseAgreementRepository::map)
			.optional();
	}

	/**
	 * Ends an agreement early.
	 *
	 * @return whether it was in force until now (false: someone ended it first)
	 */
	boolean end(DataUseAgreement ended, UUID actor) {
		return jdbc.sql("""
				UPDATE data_use_agreement
				   SET voided = true, voided_at = :at, void_reason = :reason, voided_by = :actor,
				       updated_at = now(), updated_by = :actor, version = version + 1
				 WHERE clinic_id = :clinicId AND id = :id AND NOT voided
				""")
			.param("at", java.sql.Timestamp.from(ended.endedAt()))
			.param("reason", ended.endReason())
			.param("actor", actor)
			.param("clinicId", ended.clinicId())
			.param("id", ended.id())
			.update() == 1;
	}

	private static DataUseAgreement map(ResultSet rs, int row) throws SQLException {
		return new DataUseAgreement(rs.getObject("id", UUID.class), rs.getObject("clinic_id", UUID.class),
				rs.getObject("recipient_id", UUID.class), rs.getString("title"), rs.getString("purpose"),
				rs.getObject("start_date", java.time.LocalDate.class), rs.getObject("end_date", java.time.LocalDate.class),
				rs.getString("reference"),
				rs.getTimestamp("voided_at") == null ? null : rs.getTimestamp("voided_at").toInstant(),
				rs.getString("void_reason"));
	}

}

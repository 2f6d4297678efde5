package org.spinecell.patients.history;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The queries that the tables of a patient's clinical history share: void with the version the
 * caller read, find by clinic, patient and id, the paged list, every record, and the count. Every
 * query names the clinic as well as the patient. Each history repository builds one of these for
 * its table and keeps its own insert and update SQL; this is not a Spring bean.
 *
 * <p>The table name, the select text, the alias and the ORDER BY are concatenated into SQL, so
 * they must be compile-time constants of the repository that builds this, never input. Every value
 * travels as a bind parameter.
 */
public final class HistoryTableRepository<T> {

	private final JdbcClient jdbc;

	private final String table;

	/** The table's alias in {@link #select}, or empty where the SELECT does not alias it. */
	private final String alias;

	private final String select;

	private final String orderBy;

	private final RowMapper<T> mapper;

	/**
	 * For a table read on its own.
	 *
	 * @param table the table's name, a constant
	 * @param columns the columns the mapper reads, a constant
	 * @param orderBy the list order without {@code ORDER BY}, a constant
	 */
	HistoryTableRepository(JdbcClient jdbc, String table, String columns, String orderBy, RowMapper<T> mapper) {
		this(jdbc, table, "", "SELECT " + columns + " FROM " + table, orderBy, mapper);
	}

	/**
	 * For a table read through a SELECT that names it under an alias, such as a join.
	 *
	 * @param table the table's name, a constant
	 * @param alias the table's alias in {@code select}, a constant
	 * @param select the SELECT and FROM (with any joins) the mapper reads, no WHERE; a constant
	 * @param orderBy the list order without {@code ORDER BY}, its columns qualified; a constant
	 */
	HistoryTableRepository(JdbcClient jdbc, String table, String alias, String select, String orderBy,
			RowMapper<T> mapper) {
		this.jdbc = jdbc;
		this.table = table;
		this.alias = alias;
		this.select = select;
		this.orderBy = orderBy;
		this.mapper = mapper;
	}

	/** Voids a record if the stored version is still the one the caller read and it is not voided yet. */
	boolean voidRecord(UUID clinicId, UUID id, String reason, int expectedVersion, UUID actor) {
		return voidRow(jdbc, table, clinicId, id, reason, expectedVersion, actor);
	}

	/**
	 * Voids a row of a table with the void and version columns; the patient table is voided the
	 * same way as its history.
	 *
	 * @param table the table's name, a constant
	 */
	public static boolean voidRow(JdbcClient jdbc, String table, UUID clinicId, UUID id, String reason, int expectedVersion,
			UUID actor) {
		return jdbc.sql("UPDATE " + table + """
				 SET voided = true, void_reason = :reason, voided_at = now(), voided_by = :actor,
				       version = version + 1, updated_at = now(), updated_by = :actor
				WHERE clinic_id = :clinicId AND id = :id AND version = :version AND NOT voided
				""")
			.param("clinicId", clinicId)
			.param("id", id)
			.param("reason", reason)
			.param("version", expectedVersion)
			.param("actor", actor)
			.update() == 1;
	}

	/** The record, voided or not. */
	Optional<T> find(UUID clinicId, UUID patientId, UUID id) {
		return jdbc.sql(select + " " + where(true) + " AND " + column("id") + " = :id")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("id", id)
			.query(mapper)
			.optional();
	}

	/** A page of the patient's records, in the table's order. */
	List<T> list(UUID clinicId, UUID patientId, boolean includeVoided, int limit, long offset) {
		return jdbc.sql(select + " " + where(includeVoided) + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset")
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.param("limit", limit)
			.param("offset", offset)
			.query(mapper)
			.list();
	}

	/** Every record of the patient that is not voided, in list order. */
	List<T> all(UUID clinicId, UUID patientId) {
		return list(clinicId, patientId, false, Integer.MAX_VALUE, 0);
	}

	long count(UUID clinicId, UUID patientId, boolean includeVoided) {
		return jdbc.sql("SELECT count(*) FROM " + table + " " + alias + " " + where(includeVoided))
			.param("clinicId", clinicId)
			.param("patientId", patientId)
			.query(Long.class)
			.single();
	}

	/** The patient's rows in the clinic, without the voided ones unless asked. */
	private String where(boolean includeVoided) {
		return "WHERE " + column("clinic_id") + " = :clinicId AND " + column("patient_id") + " = :patientId"
				+ (includeVoided ? "" : " AND NOT " + column("voided"));
	}

	private String column(String name) {
		return alias.isEmpty() ? name : alias + "." + name;
	}

}

package org.spinecell.patients.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spinecell.patients.ConditionFamily;
import org.spinecell.patients.SpineRegion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the ICD-10-CM catalogue, a read-only reference table shared by every clinic. */
@Repository
class Icd10Repository {

	private static final String COLUMNS = "code, description, family, region, billable";

	private final JdbcClient jdbc;

	Icd10Repository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Icd10Code> find(String code) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM icd10_code WHERE code = :code")
			.param("code", code)
			.query(Icd10Repository::map)
			.optional();
	}

	List<Icd10Code> search(Query query, int page, int size) {
		JdbcClient.StatementSpec statement = jdbc
			.sql("SELECT " + COLUMNS + " FROM icd10_code " + query.where() + " ORDER BY code LIMIT :limit OFFSET :offset")
			.param("limit", size)
			.param("offset", (long) page * size);
		return query.bind(statement).query(Icd10Repository::map).list();
	}

	long count(Query query) {
		return query.bind(jdbc.sql("SELECT count(*) FROM icd10_code " + query.where())).query(Long.class).single();
	}

	/**
	 * A search: codes starting with the text (dots ignored, so {@code m51360} finds {@code M51.360}),
	 * or descriptions containing every word. The WHERE clause is fixed text with one parameter per
	 * word; the words themselves are escaped for LIKE and travel as parameters.
	 */
	record Query(String codePrefix, List<String> words) {

		static Query of(String text) {
			if (text == null || text.isBlank()) {
				return new Query(null, List.of());
			}
			String lower = text.strip().toLowerCase(Locale.ROOT);
			List<String> words = new ArrayList<>();
			for (String word : lower.split("\\s+")) {
				words.add("%" + escape(word) + "%");
			}
			return new Query(escape(lower.replace(".", "")) + "%", List.copyOf(words));
		}

		String where() {
			if (codePrefix == null) {
				return "";
			}
			StringBuilder where = new StringBuilder("WHERE replace(lower(code), '.', '') LIKE :prefix ESCAPE '\\' OR (");
			for (int i = 0; i < words.size(); i++) {
				where.append(i == 0 ? "" : " AND ").append("lower(description) LIKE :w").append(i).append(" ESCAPE '\\'");
			}
			return where.append(")").toString();
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			if (codePrefix == null) {
				return statement;
			}
			JdbcClient.StatementSpec bound = statement.param("prefix", codePrefix);
			for (int i = 0; i < words.size(); i++) {
				bound = bound.param("w" + i, words.get(i));
			}
			return bound;
		}

		private static String escape(String value) {
			return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		}

	}

	private static Icd10Code map(ResultSet rs, int row) throws SQLException {
		return new Icd10Code(rs.getString("code"), rs.getString("description"),
				ConditionFamily.valueOf(rs.getString("family")), SpineRegion.valueOf(rs.getString("region")),
				rs.getBoolean("billable"));
	}

}

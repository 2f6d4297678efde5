package org.spinecell.outcomes.instruments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the instrument reference table. The newest imported version of an id is its current one. */
@Repository
public class InstrumentRepository {

	private static final String COLUMNS = """
			id, version, definition::text AS definition, licence_note, text_licensed, text_loaded,
			item_text::text AS item_text, scoring_table::text AS scoring_table, source
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	InstrumentRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A stored definition with what the installation has loaded for it. */
	public record StoredInstrument(String id, String version, String definition, String licenceNote, boolean textLicensed,
			boolean textLoaded, Map<String, String> itemText, String scoringTable, String source) {
	}

	/** Inserts the definition unless this id and version exist; true when inserted. */
	boolean insertIfAbsent(InstrumentDefinition definition, String definitionJson, String source, UUID actor) {
		return jdbc.sql("""
				INSERT INTO instrument (id, version, title, method, definition, licence_note, text_licensed,
				    text_loaded, source, created_by, updated_by)
				VALUES (:id, :version, :title, :method, CAST(:definition AS jsonb), :licence, :textLicensed,
				    :textLoaded, :source, :actor, :actor)
				ON CONFLICT (id, version) DO NOTHING
				""")
			.param("id", definition.id())
			.param("version", definition.version())
			.param("title", definition.title())
			.param("method", definition.method().name())
			.param("definition", definitionJson)
			.param("licence", definition.licenceNote())
			.param("textLicensed", definition.textLicensed())
			.param("textLoaded", !definition.textLicensed())
			.param("source", source)
			.param("actor", actor)
			.update() == 1;
	}

	public Optional<StoredInstrument> current(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM instrument WHERE id = :id ORDER BY created_at DESC, version DESC LIMIT 1")
			.param("id", id)
			.query(this::map)
			.optional();
	}

	/** The current version of every instrument, by id. */
	List<StoredInstrument> currentAll() {
		return jdbc.sql("SELECT DISTINCT ON (id) " + COLUMNS
				+ " FROM instrument ORDER BY id, created_at DESC, version DESC")
			.query(this::map)
			.list();
	}

	void updateItemText(String id, String version, Map<String, String> itemText, boolean textLoaded, UUID actor) {
		jdbc.sql("""
				UPDATE instrument SET item_text = CAST(:itemText AS jsonb), text_loaded = :textLoaded,
				       updated_at = now(), updated_by = :actor
				WHERE id = :id AND version = :version
				""")
			.param("itemText", json.writeValueAsString(itemText))
			.param("textLoaded", textLoaded)
			.param("actor", actor)
			.param("id", id)
			.param("version", version)
			.update();
	}

	void updateScoringTable(String id, String version, String table, UUID actor) {
		jdbc.sql("""
				UPDATE instrument SET scoring_table = CAST(:table AS jsonb), updated_at = now(), updated_by = :actor
				WHERE id = :id AND version = :version
				""")
			.param("table", table)
			.param("actor", actor)
			.param("id", id)
			.param("version", version)
			.update();
	}

	private StoredInstrument map(ResultSet rs, int row) throws SQLException {
		String itemText = rs.getString("item_text");
		return new StoredInstrument(rs.getString("id"), rs.getString("version"), rs.getString("definition"),
				rs.getString("licence_note"), rs.getBoolean("text_licensed"), rs.getBoolean("text_loaded"),
				itemText == null ? Map.of() : json.readValue(itemText, new TypeReference<Map<String, String>>() {
				}), rs.getString("scoring_table"), rs.getString("source"));
	}

}

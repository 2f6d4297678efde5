package org.spinecell.outcomes.instruments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.outcomes.instruments.InstrumentDefinition.Method;
import org.spinecell.outcomes.instruments.InstrumentRepository.StoredInstrument;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome instruments this installation can record: the definitions shipped with SpineCell
 * (loaded at start-up if absent) and those an administrator imports, with the licensed item text
 * and scoring tables the installation has loaded. Instruments are shared by all clinics.
 */
@Service
public class InstrumentLibrary {

	static final String ENTITY = "Instrument";

	static final String SHIPPED = "SHIPPED";

	static final String IMPORTED = "IMPORTED";

	static final String SHIPPED_LOCATION = "classpath:instruments/*.json";

	static final int MAX_ITEM_TEXT = 4000;

	private final InstrumentRepository repository;

	private final AuditTrail audit;

	InstrumentLibrary(InstrumentRepository repository, AuditTrail audit) {
		this.repository = repository;
		this.audit = audit;
	}

	/** A definition ready to score with, and the scoring table loaded for it (or null). */
	public record Instrument(InstrumentDefinition definition, ScoringTable table) {
	}

	/**
	 * The library serves every clinic of the installation, so it is changed by an installation
	 * administrator, not by the administrator of one clinic (ADR 0016).
	 */
	private static void requireInstallationAdmin() {
		if (!CurrentUser.get().isInstallationAdmin()) {
			throw Refusal.forbidden("The instrument library serves every clinic; an installation administrator "
					+ "changes it");
		}
	}

	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<InstrumentSummary> list() {
		return repository.currentAll().stream().map(InstrumentLibrary::summary).toList();
	}

	/** The current Questionnaire of an instrument, with the licensed item text where it is loaded. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public String questionnaire(String id) {
		StoredInstrument stored = stored(id);
		return InstrumentFormat.withItemText(stored.definition(), stored.itemText());
	}

	/** Imports a new definition (or a new version of one); 422 naming the problem if it does not validate. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public InstrumentSummary importDefinition(String json) {
		requireInstallationAdmin();
		InstrumentDefinition definition = InstrumentFormat.parse(json);
		if (!repository.insertIfAbsent(definition, json, IMPORTED, CurrentUser.get().id())) {
			throw Refusal.conflict("Version " + definition.version() + " of " + definition.id()
					+ " exists; definitions are never changed, import a new version",
					List.of(new FieldProblem("version", "already imported")));
		}
		Map<String, Object> recorded = new LinkedHashMap<>();
		recorded.put("id", definition.id());
		recorded.put("version", definition.version());
		recorded.put("method", definition.method().name());
		recorded.put("items", definition.items().size());
		audit.created(ENTITY, definition.id() + ":" + definition.version(), null, recorded);
		return summary(stored(definition.id()));
	}

	/**
	 * Loads licensed item text for the current version, item by item; text already loaded for
	 * other items stays. The instrument counts as loaded once every item has text.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public InstrumentSummary loadItemText(String id, Map<String, String> text) {
		requireInstallationAdmin();
		StoredInstrument stored = stored(id);
		InstrumentDefinition definition = InstrumentFormat.parse(stored.definition());
		if (text == null || text.isEmpty()) {
			throw Refusal.invalid("items", "give the text of at least one item");
		}
		for (Map.Entry<String, String> entry : text.entrySet()) {
			if (definition.item(entry.getKey()).isEmpty()) {
				throw Refusal.invalid("items." + entry.getKey(), "is not an item of " + id);
			}
			String value = entry.getValue();
			if (value == null || value.isBlank() || value.length() > MAX_ITEM_TEXT) {
				throw Refusal.invalid("items." + entry.getKey(), "needs text of 1-" + MAX_ITEM_TEXT + " characters");
			}
		}
		Map<String, String> merged = new LinkedHashMap<>(stored.itemText());
		text.forEach((item, value) -> merged.put(item, value.strip()));
		boolean loaded = !definition.textLicensed()
				|| definition.items().stream().allMatch(item -> merged.containsKey(item.linkId()));
		repository.updateItemText(stored.id(), stored.version(), merged, loaded, CurrentUser.get().id());
		audit.record(null, AuditAction.UPDATE, ENTITY, stored.id() + ":" + stored.version(),
				Map.of("itemTextLoaded", new FieldChange(stored.itemText().keySet().stream().sorted().toList(),
						merged.keySet().stream().sorted().toList())),
				"licensed item text loaded");
		return summary(stored(id));
	}

	/** Loads the T-score table or value set of the current version, replacing any loaded before. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public InstrumentSummary loadScoringTable(String id, String json) {
		requireInstallationAdmin();
		StoredInstrument stored = stored(id);
		InstrumentDefinition definition = InstrumentFormat.parse(stored.definition());
		ScoringTable table = ScoringTable.parse(definition, json);
		repository.updateScoringTable(stored.id(), stored.version(), json, CurrentUser.get().id());
		audit.record(null, AuditAction.UPDATE, ENTITY, stored.id() + ":" + stored.version(),
				Map.of("scoringTable", new FieldChange(stored.scoringTable() == null ? null : "loaded", table.name())),
				"scoring table loaded");
		return summary(stored(id));
	}

	/** The current definition of an instrument for scoring; 422 on {@code field} when unknown. */
	@Transactional(readOnly = true)
	public Instrument instrument(String id, String field) {
		StoredInstrument stored = repository.current(id == null ? "" : id)
			.orElseThrow(() -> Refusal.invalid(field, "unknown instrument '" + id + "'"));
		InstrumentDefinition definition = InstrumentFormat.parse(stored.definition());
		ScoringTable table = stored.scoringTable() == null ? null
				: ScoringTable.parse(definition, stored.scoringTable());
		return new Instrument(definition, table);
	}

	/** Stores every shipped definition whose id and version are not stored yet; returns how many. */
	@Transactional
	int loadShipped() {
		int loaded = 0;
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(SHIPPED_LOCATION)) {
				String json = resource.getContentAsString(StandardCharsets.UTF_8);
				InstrumentDefinition definition = InstrumentFormat.parse(json);
				if (repository.insertIfAbsent(definition, json, SHIPPED, CurrentUser.SYSTEM_ID)) {
					loaded++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return loaded;
	}

	private StoredInstrument stored(String id) {
		return repository.current(id).orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	private static InstrumentSummary summary(StoredInstrument stored) {
		InstrumentDefinition definition = InstrumentFormat.parse(stored.definition());
		boolean tableNeeded = definition.method() == Method.PROMIS_T_SCORE || definition.method() == Method.EQ5D_INDEX;
		return new InstrumentSummary(definition.id(), definition.version(), definition.title(), definition.method(),
				definition.items().size(), stored.licenceNote(), stored.textLicensed(), stored.textLoaded(), tableNeeded,
				stored.scoringTable() != null, stored.source());
	}

}

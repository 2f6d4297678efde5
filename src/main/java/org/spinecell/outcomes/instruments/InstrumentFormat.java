package org.spinecell.outcomes.instruments;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Type;
import org.spinecell.outcomes.instruments.InstrumentDefinition.AnswerType;
import org.spinecell.outcomes.instruments.InstrumentDefinition.Domain;
import org.spinecell.outcomes.instruments.InstrumentDefinition.Item;
import org.spinecell.outcomes.instruments.InstrumentDefinition.Method;
import org.spinecell.platform.Refusal;

/**
 * Reads and checks instrument definitions: FHIR R4 Questionnaire JSON with SpineCell's scoring
 * extension, item ranges in the standard {@code minValue}/{@code maxValue} extensions and choice
 * codes in {@code answerOption}. Every refusal is a 422 whose field says what is wrong.
 * <p>
 * Over 300 lines because it is the one reader of one format: the Questionnaire's items, the scoring
 * extension and the check that the scoring method fits the items are read in one pass, and each
 * refusal names the field it came from; split, the rules of one format would sit in several classes
 * that must change together whenever the format does.
 */
public final class InstrumentFormat {

	static final String SCORING_EXTENSION = "https://spinecell.org/fhir/StructureDefinition/scoring";

	static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";

	static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

	static final String INSTRUMENT_CODE_SYSTEM = "https://spinecell.org/fhir/CodeSystem/instrument";

	static final String TEXT_NOT_LOADED = "[licensed text not loaded]";

	static final List<String> EQ5D_DIMENSIONS = List.of("eq5d-mo", "eq5d-sc", "eq5d-ua", "eq5d-pd", "eq5d-ad");

	static final String EQ5D_VAS = "eq5d-vas";

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");

	private static final Pattern MEASURE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	/** Building a FHIR context scans the whole R4 model; it is thread-safe, so it is built once. */
	private static final FhirContext FHIR = FhirContext.forR4Cached();

	private InstrumentFormat() {
	}

	public static InstrumentDefinition parse(String json) {
		return read(questionnaire(json));
	}

	/** The Questionnaire JSON with the loaded item text in place of the placeholders. */
	static String withItemText(String json, Map<String, String> itemText) {
		Questionnaire questionnaire = questionnaire(json);
		for (QuestionnaireItemComponent item : questionnaire.getItem()) {
			String text = itemText.get(item.getLinkId());
			if (text != null) {
				item.setText(text);
			}
		}
		return parser().setPrettyPrint(true).encodeResourceToString(questionnaire);
	}

	private static Questionnaire questionnaire(String json) {
		try {
			return parser().parseResource(Questionnaire.class, json);
		}
		catch (DataFormatException | ClassCastException ex) {
			throw invalid("definition", "not a FHIR R4 Questionnaire: " + firstLine(ex.getMessage()));
		}
	}

	/**
	 * The one extension with the url, or {@code null}; a repeated one is refused (HAPI's
	 * {@code getExtensionByUrl} would throw an IllegalArgumentException, a 500).
	 */
	private static Extension single(List<Extension> extensions, String url) {
		List<Extension> found = extensions.stream().filter(e -> url.equals(e.getUrl())).toList();
		if (found.size() > 1) {
			throw invalid("extension", "the extension " + url + " must appear at most once");
		}
		return found.isEmpty() ? null : found.get(0);
	}

	private static IParser parser() {
		return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
	}

	private static InstrumentDefinition read(Questionnaire questionnaire) {
		String id = questionnaire.getIdElement().getIdPart();
		if (id == null || !ID.matcher(id).matches()) {
			throw invalid("id", "must be 1-64 lower-case letters, digits, dots or hyphens");
		}
		String version = questionnaire.getVersion();
		if (version == null || version.isBlank() || version.length() > 40) {
			throw invalid("version", "is required (at most 40 characters)");
		}
		String title = questionnaire.hasTitle() ? questionnaire.getTitle() : id;
		String licence = questionnaire.getCopyright();
		if (licence == null || licence.isBlank()) {
			throw invalid("copyright", "must say who owns the instrument and under which terms it is used");
		}
		Extension scoring = single(questionnaire.getExtension(), SCORING_EXTENSION);
		if (scoring == null) {
			throw invalid("extension", "the scoring extension " + SCORING_EXTENSION + " is missing");
		}
		Method method = method(scoring);
		boolean textLicensed = bool(scoring, "licensedText", false);
		int maxMissing = integer(scoring, "maxMissing", method == Method.ODI_PERCENT ? 1 : 0);
		if (maxMissing < 0) {
			throw invalid("scoring.maxMissing", "must not be negative");
		}
		String measure = string(scoring, "measure");
		if (method != Method.NO_SCORE && (measure == null || !MEASURE.matcher(measure).matches())) {
			throw invalid("scoring.measure", "is required: upper-case letters, digits and underscores");
		}
		String codeSystem = INSTRUMENT_CODE_SYSTEM;
		String code = "spinecell:" + id;
		Extension codeExtension = single(scoring.getExtension(), "code");
		if (codeExtension != null) {
			if (!(codeExtension.getValue() instanceof Coding coding) || !coding.hasSystem() || !coding.hasCode()) {
				throw invalid("scoring.code", "must be a Coding with a system and a code");
			}
			codeSystem = coding.getSystem();
			code = coding.getCode();
		}
		String unit = string(scoring, "unit");
		List<Item> items = items(questionnaire, textLicensed);
		List<Domain> domains = domains(scoring, items);
		Integer improvedAtMost = null;
		Integer worseAtLeast = null;
		Extension direction = single(scoring.getExtension(), "direction");
		if (direction != null) {
			improvedAtMost = integer(direction, "improvedAtMost", -1);
			worseAtLeast = integer(direction, "worseAtLeast", -1);
			if (improvedAtMost < 0 || worseAtLeast <= improvedAtMost) {
				throw invalid("scoring.direction", "needs improvedAtMost below worseAtLeast");
			}
		}
		InstrumentDefinition definition = new InstrumentDefinition(id, version, title, method, measure, codeSystem,
				code, unit == null ? "{score}" : unit, maxMissing, licence.strip(), textLicensed, items, domains,
				improvedAtMost, worseAtLeast);
		checkMethod(definition);
		return definition;
	}

	private static Method method(Extension scoring) {
		String name = string(scoring, "method");
		if (name == null) {
			throw invalid("scoring.method", "is required");
		}
		try {
			return Method.valueOf(name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw invalid("scoring.method", "unknown method '" + name + "'; known: " + List.of(Method.values()));
		}
	}

	private static List<Item> items(Questionnaire questionnaire, boolean textLicensed) {
		if (questionnaire.getItem().isEmpty()) {
			throw invalid("item", "a questionnaire needs at least one item");
		}
		List<Item> items = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (QuestionnaireItemComponent component : questionnaire.getItem()) {
			String linkId = component.getLinkId();
			if (linkId == null || !ID.matcher(linkId).matches()) {
				throw invalid("item.linkId", "'" + linkId + "' must be 1-64 lower-case letters, digits, dots or hyphens");
			}
			if (!seen.add(linkId)) {
				throw invalid("item." + linkId, "the linkId is used twice");
			}
			if (!component.getItem().isEmpty()) {
				throw invalid("item." + linkId, "nested items are not supported");
			}
			String text = component.getText();
			if (textLicensed && text != null && !text.isBlank() && !TEXT_NOT_LOADED.equals(text)) {
				throw invalid("item." + linkId, "licensed item text is loaded separately, not in the definition; use \""
						+ TEXT_NOT_LOADED + "\"");
			}
			if (component.getType() == null) {
				throw invalid("item." + linkId, "has no type");
			}
			items.add(switch (component.getType()) {
				case INTEGER -> integerItem(component);
				case BOOLEAN -> new Item(linkId, text, AnswerType.BOOLEAN, component.getRequired(), null, null, List.of());
				case CHOICE -> choiceItem(component);
				default -> throw invalid("item." + linkId,
						"type '" + component.getType().toCode() + "' is not supported (integer, boolean, choice)");
			});
		}
		return items;
	}

	private static Item integerItem(QuestionnaireItemComponent component) {
		String field = "item." + component.getLinkId();
		Integer min = bound(component, MIN_VALUE, field);
		Integer max = bound(component, MAX_VALUE, field);
		if (min == null || max == null || min > max) {
			throw invalid(field, "an integer item needs minValue and maxValue extensions with minValue <= maxValue");
		}
		return new Item(component.getLinkId(), component.getText(), AnswerType.INTEGER, component.getRequired(), min,
				max, List.of());
	}

	private static Integer bound(QuestionnaireItemComponent component, String url, String field) {
		Extension extension = single(component.getExtension(), url);
		if (extension == null) {
			return null;
		}
		if (!(extension.getValue() instanceof IntegerType value) || value.getValue() == null) {
			throw invalid(field, url + " must be an integer");
		}
		return value.getValue();
	}

	private static Item choiceItem(QuestionnaireItemComponent component) {
		String field = "item." + component.getLinkId();
		List<String> codes = new ArrayList<>();
		for (QuestionnaireItemAnswerOptionComponent option : component.getAnswerOption()) {
			if (!option.hasValueCoding() || !option.getValueCoding().hasCode()) {
				throw invalid(field, "every answerOption of a choice item needs a valueCoding with a code");
			}
			codes.add(option.getValueCoding().getCode());
		}
		if (codes.isEmpty() || new HashSet<>(codes).size() != codes.size()) {
			throw invalid(field, "a choice item needs answerOptions with distinct codes");
		}
		return new Item(component.getLinkId(), component.getText(), AnswerType.CHOICE, component.getRequired(), null,
				null, codes);
	}

	private static List<Domain> domains(Extension scoring, List<Item> items) {
		List<Domain> domains = new ArrayList<>();
		Set<String> assigned = new HashSet<>();
		for (Extension domain : scoring.getExtensionsByUrl("domain")) {
			String name = string(domain, "name");
			if (name == null || !MEASURE.matcher(name).matches()) {
				throw invalid("scoring.domain", "every domain needs an upper-case name");
			}
			List<String> itemIds = new ArrayList<>();
			for (Extension item : domain.getExtensionsByUrl("item")) {
				String linkId = item.getValue() instanceof PrimitiveType<?> value ? value.getValueAsString() : null;
				if (items.stream().noneMatch(i -> i.linkId().equals(linkId) && i.type() == AnswerType.INTEGER)) {
					throw invalid("scoring.domain." + name, "item '" + linkId + "' is not an integer item of the questionnaire");
				}
				if (!assigned.add(linkId)) {
					throw invalid("scoring.domain." + name, "item '" + linkId + "' belongs to two domains");
				}
				itemIds.add(linkId);
			}
			if (itemIds.isEmpty()) {
				throw invalid("scoring.domain." + name, "lists no items");
			}
			domains.add(new Domain(name, itemIds, bool(domain, "reportRaw", false)));
		}
		return domains;
	}

	private static void checkMethod(InstrumentDefinition definition) {
		List<Item> items = definition.items();
		switch (definition.method()) {
			case SINGLE_ITEM -> {
				if (items.size() != 1 || items.get(0).type() != AnswerType.INTEGER) {
					throw invalid("item", "SINGLE_ITEM needs exactly one integer item");
				}
			}
			case SUM, ODI_PERCENT -> {
				if (items.stream().anyMatch(item -> item.type() != AnswerType.INTEGER)) {
					throw invalid("item", definition.method() + " needs integer items only");
				}
				if (definition.method() == Method.ODI_PERCENT
						&& items.stream().anyMatch(item -> item.min() != 0 || item.max() != 5)) {
					throw invalid("item", "ODI_PERCENT needs items scored 0-5");
				}
			}
			case COUNT_TRUE -> {
				if (items.stream().anyMatch(item -> item.type() != AnswerType.BOOLEAN)) {
					throw invalid("item", "COUNT_TRUE needs boolean items only");
				}
			}
			case PROMIS_T_SCORE -> {
				if (definition.domains().isEmpty()) {
					throw invalid("scoring.domain", "PROMIS_T_SCORE needs at least one domain");
				}
			}
			case EQ5D_INDEX -> {
				for (String dimension : EQ5D_DIMENSIONS) {
					if (definition.item(dimension)
						.filter(item -> item.type() == AnswerType.INTEGER && item.min() == 1 && item.max() == 5)
						.isEmpty()) {
						throw invalid("item", "EQ5D_INDEX needs the integer item " + dimension + " scored 1-5");
					}
				}
			}
			case NO_SCORE -> {
			}
		}
	}

	private static Type value(Extension parent, String url) {
		Extension extension = single(parent.getExtension(), url);
		return extension == null ? null : extension.getValue();
	}

	private static String string(Extension parent, String url) {
		Type value = value(parent, url);
		return value instanceof PrimitiveType<?> primitive ? primitive.getValueAsString() : null;
	}

	private static int integer(Extension parent, String url, int otherwise) {
		Type value = value(parent, url);
		if (value == null) {
			return otherwise;
		}
		if (!(value instanceof IntegerType integer) || integer.getValue() == null) {
			throw invalid("scoring." + url, "must be an integer");
		}
		return integer.getValue();
	}

	private static boolean bool(Extension parent, String url, boolean otherwise) {
		Type value = value(parent, url);
		if (value == null) {
			return otherwise;
		}
		if (!(value instanceof BooleanType bool) || bool.getValue() == null) {
			throw invalid("scoring." + url, "must be a boolean");
		}
		return bool.getValue();
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unreadable";
		}
		String line = message.lines().findFirst().orElse(message);
		return line.length() > 300 ? line.substring(0, 300) : line;
	}

	private static Refusal invalid(String field, String message) {
		return Refusal.invalid(field, message);
	}

}

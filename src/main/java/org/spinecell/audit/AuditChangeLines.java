package org.spinecell.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * An audit entry's recorded changes as lines a person reads on the audit page: the field, its old
 * value and its new value, with an empty side said in words, instead of the stored JSON. The API
 * keeps the JSON as recorded.
 */
@Component("auditChanges")
public class AuditChangeLines {

	/** One changed field; {@code before} or {@code after} is "(empty)" where the value was null. */
	public record Line(String field, String before, String after) {
	}

	static final String EMPTY = "(empty)";

	private final JsonMapper json;

	AuditChangeLines(JsonMapper json) {
		this.json = json;
	}

	/** The lines of a stored changes document, in its order; a document of another shape as one line. */
	public List<Line> of(String changes) {
		List<Line> lines = new ArrayList<>();
		if (changes == null || changes.isBlank()) {
			return lines;
		}
		JsonNode root = json.readTree(changes);
		if (!root.isObject()) {
			lines.add(new Line("", "", text(root)));
			return lines;
		}
		for (Map.Entry<String, JsonNode> field : root.properties()) {
			JsonNode change = field.getValue();
			if (change.isObject() && (change.has("oldValue") || change.has("newValue"))) {
				lines.add(new Line(field.getKey(), text(change.get("oldValue")), text(change.get("newValue"))));
			}
			else {
				lines.add(new Line(field.getKey(), "", text(change)));
			}
		}
		return lines;
	}

	private static String text(JsonNode value) {
		if (value == null || value.isNull()) {
			return EMPTY;
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

}

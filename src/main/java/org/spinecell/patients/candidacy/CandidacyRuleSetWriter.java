package org.spinecell.patients.candidacy;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.spinecell.patients.candidacy.CandidacyRule.Condition;

/** Writes a candidacy rule set as JSON in one canonical layout, the one {@link CandidacyRuleSetFormat} reads. */
final class CandidacyRuleSetWriter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CandidacyRuleSetWriter() {
	}

	static String write(CandidacyRuleSet ruleSet) {
		ObjectNode root = JSON.createObjectNode();
		root.put("name", ruleSet.name());
		root.put("version", ruleSet.version());
		if (ruleSet.note() != null) {
			root.put("note", ruleSet.note());
		}
		ArrayNode rules = root.putArray("rules");
		for (CandidacyRule rule : ruleSet.rules()) {
			ObjectNode node = rules.addObject();
			node.put("id", rule.id());
			node.put("decision", rule.decision().name());
			node.put("message", rule.message());
			ArrayNode when = node.putArray("when");
			for (Condition condition : rule.when()) {
				ObjectNode test = when.addObject();
				test.put("input", condition.input());
				test.put("op", condition.op().symbol());
				if (condition.value() != null) {
					test.set("value", JSON.valueToTree(condition.value()));
				}
			}
		}
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
	}

}

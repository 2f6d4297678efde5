package org.spinecell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes a test's figures: {@code target/assurance/<name>.json} for tools, and the block between
 * {@code <!-- <name>:begin -->} and {@code <!-- <name>:end -->} in {@code docs/assurance.md}, so that the
 * figures there are the ones the last run measured, never typed in by hand.
 */
public final class AssuranceReport {

	private static final Path DOC = Path.of("docs", "assurance.md");

	private AssuranceReport() {
	}

	public static void publish(String name, Map<String, ?> figures, String markdown) throws IOException {
		Path json = Files.createDirectories(Path.of("target", "assurance")).resolve(name + ".json");
		Files.write(json, JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(figures));
		if (!Files.exists(DOC)) {
			return;
		}
		String begin = "<!-- " + name + ":begin -->";
		String end = "<!-- " + name + ":end -->";
		String doc = Files.readString(DOC, StandardCharsets.UTF_8);
		int from = doc.indexOf(begin);
		int to = doc.indexOf(end);
		if (from < 0 || to < from) {
			return;
		}
		String updated = doc.substring(0, from + begin.length()) + "\n" + markdown.strip() + "\n" + doc.substring(to);
		Files.writeString(DOC, updated, StandardCharsets.UTF_8);
	}

}

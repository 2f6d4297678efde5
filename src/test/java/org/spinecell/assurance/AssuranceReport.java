package org.spinecell.assurance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes an assurance figure: a JSON file under {@code target/assurance/} and a block of
 * {@code docs/assurance.md} between markers of its own, so that other sections of the document
 * (written by other tests) are left alone.
 */
final class AssuranceReport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path DOC = Path.of("docs", "assurance.md");

	private AssuranceReport() {
	}

	static void write(String name, Map<String, Object> figures, String heading, String markdown) {
		try {
			Path dir = Path.of("target", "assurance");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
			updateDoc(name, heading, markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void updateDoc(String name, String heading, String markdown) throws IOException {
		String begin = "<!-- " + name + ":begin (written by the test suite; do not edit by hand) -->";
		String end = "<!-- " + name + ":end -->";
		String block = begin + "\n## " + heading + "\n\n" + markdown.strip() + "\n" + end;
		String doc = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8)
				: "# Assurance\n\nEach section gives a test, what it proves and its latest figures.\n";
		int from = doc.indexOf(begin);
		int to = doc.indexOf(end);
		if (from >= 0 && to > from) {
			doc = doc.substring(0, from) + block + doc.substring(to + end.length());
		}
		else {
			doc = doc.stripTrailing() + "\n\n" + block + "\n";
		}
		Files.writeString(DOC, doc, StandardCharsets.UTF_8);
	}

}

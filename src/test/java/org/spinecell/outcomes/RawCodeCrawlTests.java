package org.spinecell.outcomes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;

/**
 * Staff see people's words, not codes: starting from the chart of a patient taken through diagnosis,
 * imaging, screening, a procedure and answered follow-up, every read page the chart links to is
 * fetched and its visible text searched for the known kinds of raw code. A code shown on purpose
 * is marked {@code class="code"} (a DIN, an item number from a licensed paper form) and skipped;
 * an ICD-10 code beside its words does not match these patterns.
 */
class RawCodeCrawlTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
	}

	/** What counts as a raw code in visible text, each with a name for the failure message. */
	static final Map<String, Pattern> RAW = Map.of(
			"enum constant", Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b"),
			"ISO instant in UTC", Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?Z\\b"),
			"record id", Pattern.compile("\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b"),
			"instrument id",
			Pattern.compile("\\b(?:nrs-back|nrs-leg|odi-2\\.1a|eq-5d-5l|promis-29|medication-work|pgic)\\b(?![-.\\w])"),
			"time point code", Pattern.compile("\\b(?:BASELINE|W2|W6|M3|M6|M12|M24)\\b"),
			"property path", Pattern.compile("\\b(?:facts|checklist)\\.[a-zA-Z]+"),
			"operator code", Pattern.compile("\\bOP[0-9A-F]{4,}\\b"));

	/** The read pages of one patient the crawl follows from the chart; forms and PDFs are left out. */
	private static final Pattern FOLLOWED = Pattern.compile(
			"href=\"(/(?:patients/[0-9a-f-]{36}(?:/candidacy/[0-9a-f-]{36})?|procedures/[0-9a-f-]{36}(?:/note)?"
					+ "|follow-up/[0-9a-f-]{36}/(?:answers|responses/[0-9a-f-]{36})))\"");

	@Test
	void noStaffPageOfASeededPatientShowsARawCode() {
		treatment.aCompletedProcedure(true);
		UUID baseline = id(find(treatment.followUps(), "timePoint", "BASELINE"));
		ok(cells.physician().post("/api/v1/follow-ups/" + baseline + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 7))));
		Map<String, Object> odi = new java.util.HashMap<>();
		for (int i = 1; i <= 10; i++) {
			odi.put("odi-" + i, 3);
		}
		ok(cells.physician().post("/api/v1/follow-ups/" + baseline + "/responses",
				Map.of("instrument", "odi-2.1a", "answers", odi)));
		WebSession browser = new WebSession(port);
		browser.signIn(cells.physicianUsername(), USER_PASSWORD);

		Set<String> toVisit = new LinkedHashSet<>(List.of("/patients/" + cells.patientId()));
		Set<String> visited = new LinkedHashSet<>();
		List<String> found = new ArrayList<>();
		while (!toVisit.isEmpty() && visited.size() < 60) {
			String path = toVisit.iterator().next();
			toVisit.remove(path);
			visited.add(path);
			WebSession.Page page = browser.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			found.addAll(rawCodes(path, page.html()));
			Matcher link = FOLLOWED.matcher(page.html());
			while (link.find()) {
				String next = link.group(1);
				boolean samePatient = !next.startsWith("/patients/") || next.startsWith("/patients/"
						+ cells.patientId());
				if (samePatient && !visited.contains(next)) {
					toVisit.add(next);
				}
			}
		}
		// The crawl reached the chart, the procedure, its note, the screening result and the answers.
		assertThat(visited).anyMatch(p -> p.endsWith("/note"))
			.anyMatch(p -> p.contains("/candidacy/"))
			.anyMatch(p -> p.endsWith("/answers"))
			.anyMatch(p -> p.contains("/responses/"));
		assertThat(found).as("raw codes on staff pages").isEmpty();
	}

	@Test
	void theCrawlerFindsEachKindOfRawCode() {
		String page = "<html><head><title>BASELINE</title><script>var A_B = 1;</script></head><body>"
				+ "<p>DEGENERATIVE_DISC_DISEASE at 2026-03-01T10:15:00Z by OP1A2B3C</p>"
				+ "<p>record 3f2a1c9e-1111-4222-8333-944445555666, facts.worstModicType, odi-2.1a, M3</p>"
				+ "<p title=\"NO_GROWTH\">M51.36 (Other intervertebral disc degeneration), item odi-3, W1234 26 000123</p>"
				+ "<p>Item <strong class=\"code item-code\">promis-29</strong></p>"
				+ "</body></html>";
		assertThat(rawCodes("/x", page)).containsExactlyInAnyOrder("/x: enum constant DEGENERATIVE_DISC_DISEASE",
				"/x: ISO instant in UTC 2026-03-01T10:15:00Z", "/x: operator code OP1A2B3C",
				"/x: record id 3f2a1c9e-1111-4222-8333-944445555666", "/x: property path facts.worstModicType",
				"/x: instrument id odi-2.1a", "/x: time point code M3");
	}

	/** The raw codes in the page's visible text: tags, attributes, scripts and the head are skipped. */
	static List<String> rawCodes(String path, String html) {
		String text = html.replaceAll("(?is)<(script|style|head)\\b.*?</\\1>", " ")
			.replaceAll("(?is)<(\\w+)\\b[^>]*\\bclass=\"code\\b[^\"]*\"[^>]*>[^<]*</\\1>", " ")
			.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("(?s)<[^>]*>", " ")
			.replace("&amp;", "&")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'");
		List<String> found = new ArrayList<>();
		RAW.forEach((kind, pattern) -> {
			Matcher m = pattern.matcher(text);
			while (m.find()) {
				found.add(path + ": " + kind + " " + m.group());
			}
		});
		return found;
	}

}

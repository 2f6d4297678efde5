package org.spinecell.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard says only what is true: its "Coming next" card lists nothing that is already built. */
class DashboardTests extends IntegrationTest {

	/**
	 * Each feature the card may name, by a word its line uses, and the page that exists once it is
	 * built. A line that names none of them fails the test: add its feature here.
	 */
	private static final Map<String, String> FEATURES = Map.of("research export", "/research-export", "fhir",
			"/fhir/metadata", "trial", "/trials", "cost", "/costs", "analytics", "/analytics");

	private static final Pattern COMING_NEXT = Pattern.compile("<h2>Coming next</h2>.*?<ul>(.*?)</ul>", Pattern.DOTALL);

	private static final Pattern ITEM = Pattern.compile("<li>(.*?)</li>", Pattern.DOTALL);

	@Test
	void comingNextListsOnlyWhatIsNotBuilt() {
		String username = createUser("PHYSICIAN", Set.of(createClinic("Dashboard")));
		WebSession browser = new WebSession(port);
		browser.signIn(username, USER_PASSWORD);
		WebSession.Page dashboard = browser.get("/");
		assertThat(dashboard.status()).isEqualTo(200);
		Matcher card = COMING_NEXT.matcher(dashboard.html());
		assertThat(card.find()).as("the Coming next card").isTrue();
		List<String> items = new ArrayList<>();
		Matcher item = ITEM.matcher(card.group(1));
		while (item.find()) {
			items.add(item.group(1).strip());
		}
		assertThat(items).isNotEmpty().noneMatch(i -> i.toLowerCase().contains("research export"));
		for (String line : items) {
			List<String> named = FEATURES.keySet().stream().filter(line.toLowerCase()::contains).toList();
			assertThat(named).as("a feature for \"%s\" in FEATURES", line).isNotEmpty();
			for (String feature : named) {
				assertThat(browser.get(FEATURES.get(feature)).status())
					.as("\"%s\" is listed as coming next, but %s exists", line, FEATURES.get(feature))
					.isEqualTo(404);
			}
		}
		assertThat(browser.get("/research-export").status()).as("the probe sees a built feature").isEqualTo(200);
	}

}

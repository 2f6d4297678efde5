package org.spinecell.audit;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit page's two counts agree and say what they count: the entries listed are the reader's
 * (their clinics' chains and the clinic-less entries that concern them); verification checks every
 * chain, so it counts more, and the page says how many chains and how many entries the reader is not
 * shown.
 */
class AuditCountsTests extends IntegrationTest {

	private static final Pattern VERIFIED = Pattern.compile("All ([\\d,]+) entries in (\\d+) chains verified");

	private static final Pattern SCOPE = Pattern.compile("the ([\\d,]+) listed below .*? the other ([\\d,]+) belong");

	private static final Pattern LISTED = Pattern.compile("id=\"entry-count\">([\\d,]+) entries of your clinics");

	@Test
	void verificationSaysHowManyChainsAndEntriesItCheckedBeyondThoseListed() {
		UUID clinic = createClinic("Counted");
		String auditor = createUser("AUDITOR", Set.of(clinic));
		// An account of no clinic: its creation is a clinic-less entry that concerns none of the auditor's clinics.
		createUser("ADMIN", Set.of());
		WebSession browser = new WebSession(port);
		browser.signIn(auditor, USER_PASSWORD);
		TestApi api = login(auditor, USER_PASSWORD);

		WebSession.Page trail = browser.get("/audit");
		long visible = api.get("/api/v1/audit?size=1").json().get("total").asLong();
		Matcher listed = LISTED.matcher(trail.html());
		assertThat(listed.find()).as(trail.html()).isTrue();
		assertThat(number(listed.group(1))).isEqualTo(visible);
		// Changes are shown field by field, old value to new, never as the stored JSON.
		assertThat(trail.html()).contains("<dl class=\"changes\">").contains("(empty)")
			.doesNotContain("newValue").doesNotContain("oldValue");

		WebSession.Page verified = browser.post("/audit/verify", Map.of("_csrf", trail.csrf()));
		long all = ownerJdbc().sql("SELECT count(*) FROM audit_event").query(Long.class).single();
		long chains = ownerJdbc().sql("SELECT count(DISTINCT clinic_id) FROM audit_event").query(Long.class).single();
		Matcher result = VERIFIED.matcher(verified.html());
		assertThat(result.find()).as(verified.html()).isTrue();
		assertThat(number(result.group(1))).isEqualTo(all);
		assertThat(Long.parseLong(result.group(2))).isEqualTo(chains).isPositive();
		Matcher scope = SCOPE.matcher(verified.html());
		assertThat(scope.find()).as(verified.html()).isTrue();
		long shown = number(scope.group(1));
		assertThat(shown).isEqualTo(api.get("/api/v1/audit?size=1").json().get("total").asLong());
		assertThat(number(scope.group(2))).as("checked but not shown").isEqualTo(all - shown).isPositive();
		assertThat(api.get("/api/v1/audit/verify").json().get("chains").asLong()).isEqualTo(chains);
	}

	private static long number(String text) {
		return Long.parseLong(text.replace(",", ""));
	}

}

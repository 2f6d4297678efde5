package org.spinecell.platform;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /error} asked for directly is a page that does not exist, not a server error. */
class ErrorPathTests extends IntegrationTest {

	@Test
	void anApiClientAskingForTheErrorPathGetsA404ProblemDetails() {
		for (TestApi caller : new TestApi[] { anonymous, admin }) {
			TestApi.Response response = caller.get("/error");
			assertThat(response.status()).as(response.body()).isEqualTo(404);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("status").asInt()).isEqualTo(404);
			assertThat(response.json().get("instance").asString()).isEqualTo("/error");
		}
	}

	@Test
	void aBrowserAskingForTheErrorPathGetsTheNotFoundPage() {
		WebSession browser = new WebSession(port);
		WebSession.Page page = browser.getWithHeader("/error", "Accept", "text/html,application/xhtml+xml");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.html()).contains("Error 404").contains("We could not find that page");
	}

	@Test
	void realErrorsStillReachTheErrorPageWithTheirOwnStatus() {
		WebSession browser = new WebSession(port);
		browser.signIn("admin", ADMIN_PASSWORD);
		WebSession.Page missing = browser.getWithHeader("/no-such-page-" + unique(), "Accept", "text/html");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.header("Content-Type")).startsWith("text/html");
		TestApi.Response api = admin.get("/api/v1/no-such-endpoint");
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
	}

}

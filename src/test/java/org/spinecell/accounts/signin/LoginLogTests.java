package org.spinecell.accounts.signin;

import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** A login name with line breaks or other control characters reaches the log as one escaped line. */
class LoginLogTests extends IntegrationTest {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Logger logger;

	@BeforeEach
	void capture() {
		logger = (Logger) LoggerFactory.getLogger(LoginThrottle.class);
		appender.start();
		logger.addAppender(appender);
	}

	@AfterEach
	void release() {
		logger.detachAppender(appender);
	}

	@Test
	void aForgedLineInTheApiLoginNameStaysInOneEscapedLine() {
		// Line breaks and line separators are storable text, so the API takes the name and fails the sign-in.
		anonymous.post("/api/v1/auth/token", Map.of("username", "x\r\nFAKE INFO admin signed in\u2028",
				"password", "Definitely-Wrong-99"));
		String line = onlyLineAbout("FAKE");
		assertThat(line).contains("x\\r\\nFAKE INFO admin signed in\\u2028");
		assertThat(line).doesNotContain("\r", "\n", "\u2028");
	}

	@Test
	void anApiLoginNameWithAnEscapeCharacterIsRefusedNamingTheFieldAndNeverLogged() {
		TestApi.Response response = anonymous.post("/api/v1/auth/token",
				Map.of("username", "x\u001b[2KFAKE", "password", "Definitely-Wrong-99"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("username");
		assertThat(appender.list).noneMatch(e -> e.getFormattedMessage().contains("FAKE"));
	}

	@Test
	void aForgedLineInTheBrowserLoginNameStaysInOneEscapedLine() {
		new WebSession(port).signIn("y\nFORGED\u0085line", "Definitely-Wrong-99");
		String line = onlyLineAbout("FORGED");
		assertThat(line).contains("y\\nFORGED\\u0085line").doesNotContain("\n", "\u0085");
	}

	private String onlyLineAbout(String marker) {
		List<String> lines = appender.list.stream()
			.map(ILoggingEvent::getFormattedMessage)
			.filter(message -> message.contains(marker))
			.toList();
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).startsWith("Sign-in failed for username '");
		return lines.get(0);
	}

}

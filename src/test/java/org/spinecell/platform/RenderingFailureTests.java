package org.spinecell.platform;

import java.lang.reflect.Method;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An error while a page is being rendered shows the error page with status 500, never a 200 whose
 * page stops mid-way. Thymeleaf streams its output by default, so a failure after the first few
 * kilobytes used to leave the browser with a page cut off and a success status (the chart of a
 * patient with an ungraded problem report stopped at its adverse events). The page here is served
 * by a handler registered for this test only, so no other test (the authorisation matrix) sees it.
 */
class RenderingFailureTests extends IntegrationTest {

	private static final String PATH = "/test/rendering-failure";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private RequestMappingInfo mapping;

	/** The handler of the test page: many rows, then a value whose reading throws. */
	static class FailingPage {

		public String page(Model model) {
			model.addAttribute("rows", IntStream.range(0, 3000).mapToObj(i -> "row-" + i + " of a long page").toList());
			model.addAttribute("failing", new Failing());
			return "test/rendering-failure";
		}

	}

	/** A model value that fails when the template reads it, as {@code grade(null)} did. */
	public static class Failing {

		public String value() {
			throw new IllegalStateException("rendering failed on purpose");
		}

	}

	@BeforeEach
	void registerThePage() throws NoSuchMethodException {
		Method page = FailingPage.class.getMethod("page", Model.class);
		mapping = RequestMappingInfo.paths(PATH)
			.methods(RequestMethod.GET)
			.options(mappings.getBuilderConfiguration())
			.build();
		mappings.registerMapping(mapping, new FailingPage(), page);
	}

	@AfterEach
	void unregisterThePage() {
		mappings.unregisterMapping(mapping);
	}

	@Test
	void aTemplateThatFailsAfterManyKilobytesGivesTheErrorPageWith500NotACutOffPage() {
		WebSession browser = new WebSession(port);
		browser.signIn("admin", ADMIN_PASSWORD);
		WebSession.Page page = browser.getWithHeader(PATH, "Accept", "text/html");
		assertThat(page.status()).as("status of a page whose template fails").isEqualTo(500);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.html()).contains("Error 500")
			.contains("Something went wrong")
			.doesNotContain("row-0 of a long page")
			.doesNotContain("rendering failed on purpose");
		assertThat(page.html().strip()).endsWith("</html>");
	}

}

package org.spinecell.analytics.workspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.spinecell.Browser;
import org.spinecell.TestApi;
import org.spinecell.demo.SeededDemo;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.analytics.workspace.AnalyticsWorkspaceTests.number;

/**
 * The variability tab in a real browser on the seeded demo history ({@link SeededDemo}): a
 * physician of every demo clinic picks a measure and a time point, opens the tab, and each
 * coefficient and funnel row shows the JSON API's value for the same cohort.
 */
@SeededDemo
class AnalyticsVariabilityBrowserTests {

	private static final String USER_PASSWORD = "Sturdy-Umbrella-Lantern-7";

	@LocalServerPort
	int port;

	@Autowired
	@FlywayDataSource
	DataSource ownerDataSource;

	@Test
	void theVariabilityTabShowsTheApisModelsAndFunnelsOnTheDemoData() {
		Set<UUID> clinics = new HashSet<>(ownerJdbc().sql("SELECT id FROM clinic").query(UUID.class).list());
		String physician = createUser("PHYSICIAN", clinics);
		TestApi api = login(physician, USER_PASSWORD);
		TestApi.Response response = api.get("/api/v1/analytics/variability?measure=ODI&timePoint=M3");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode models = response.json().get("models");
		assertThat(models.get("n").asInt()).as("the demo history has episodes with an ODI change at M3")
			.isGreaterThan(20);
		assertThat(models.get("linear").get("status").asString()).as("fitted, aliased terms without values")
			.isNotEqualTo("NOT_FITTED");

		ChromeDriver driver = Browser.start(1280, 900);
		try {
			String base = "http://localhost:" + port;
			Browser.signIn(driver, base, physician, USER_PASSWORD);
			driver.get(base + "/analytics");
			new Select(driver.findElement(By.name("measure"))).selectByValue("ODI");
			new Select(driver.findElement(By.name("timePoint"))).selectByValue("M3");
			Browser.clickAndWait(driver, By.cssSelector("#cohort-form button[type=submit]"));
			Browser.clickAndWait(driver, By.id("tab-variability"));
			assertThat(driver.findElement(By.id("results-heading")).getText()).isEqualTo("Variability");
			assertThat(driver.findElement(By.cssSelector("#table-linear caption")).getText())
				.contains("Linear model of the change in ODI at M3");

			assertThat(cells(driver, "table-linear")).isEqualTo(coefficients(models.get("linear")));
			assertThat(cells(driver, "table-logistic")).isEqualTo(coefficients(models.get("logistic")));
			// The page names operators and clinics where the API gives their ids.
			Map<String, String> names = new HashMap<>();
			ownerJdbc().sql("SELECT DISTINCT operator_id::text AS id, operator_name AS name FROM analytics_episode_fact")
				.query((rs, n) -> names.put(rs.getString("id"), rs.getString("name")))
				.list();
			ownerJdbc().sql("SELECT id::text AS id, name FROM clinic")
				.query((rs, n) -> names.put(rs.getString("id"), rs.getString("name")))
				.list();
			assertThat(cells(driver, "table-funnel-operators")).isEqualTo(funnel(models.get("operators"), names));
			assertThat(cells(driver, "table-funnel-clinics")).isEqualTo(funnel(models.get("clinics"), names));
			assertThat(cells(driver, "table-funnel-clinics")).extracting(row -> row.get(0))
				.contains("Lakeside Spine & Regenerative Center");
			assertThat(driver.findElement(By.id("note-linear")).getText())
				.startsWith(models.get("n").asInt() + " episodes; R² ");
			// The demo has about 40 episodes at M3 for 17 coefficients: rare codes may separate the responders, so
			// the logistic model is not fitted and the page says why; the funnel then falls back to a case-mix
			// model or the cohort's rate, and says which.
			JsonNode logistic = models.get("logistic");
			if (logistic.get("status").asString().equals("NOT_FITTED")) {
				assertThat(driver.findElement(By.id("note-logistic")).getText())
					.isEqualTo("Not fitted: " + logistic.get("note").asString() + ".");
			}
			JsonNode operators = models.get("operators");
			assertThat(cells(driver, "table-funnel-operators")).hasSize(operators.get("units").size()).isNotEmpty();
			assertThat(driver.findElement(By.id("note-funnel-operators")).getText()).contains(
					operators.get("adjustmentNote").isNull() ? "on every covariate" : operators.get("adjustmentNote").asString());
			assertThat(driver.findElement(By.cssSelector("#forest-linear svg")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.cssSelector("#funnel-operators svg")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.id("svg-funnel-clinics")).getAttribute("href"))
				.contains("/analytics/variability/funnel-clinics.svg?").contains("timePoint=M3");
			assertThat(driver.findElement(By.id("definitions")).getText()).contains("Reference levels:")
				.contains("99.8 %");
			// Long codes (reference levels, unit ids) wrap or scroll inside their column, not the page.
			assertThat((Boolean) driver.executeScript(
					"return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"))
				.as("the page does not scroll sideways")
				.isTrue();
			driver.executeScript("document.getElementById('results-heading').scrollIntoView();");
			Browser.screenshot(driver, "analytics-variability");
		}
		finally {
			driver.quit();
		}
	}

	private JdbcClient ownerJdbc() {
		return JdbcClient.create(ownerDataSource);
	}

	private TestApi login(String username, String password) {
		TestApi.Response response = new TestApi(port, null).post("/api/v1/auth/token",
				Map.of("username", username, "password", password));
		assertThat(response.status()).as("token for %s: %s", username, response.body()).isEqualTo(201);
		return new TestApi(port, response.json().get("token").asString());
	}

	/** A staff account with the role and clinics, created by the seeded administrator; returns the username. */
	private String createUser(String role, Set<UUID> clinicIds) {
		String username = role.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8);
		TestApi.Response response = login("admin", SeededDemo.ADMIN_PASSWORD).post("/api/v1/users",
				Map.of("username", username, "password", USER_PASSWORD, "displayName", "Test " + role, "roles",
						List.of(role), "clinicIds", List.copyOf(clinicIds)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return username;
	}

	/** The body cells of a table, as the page holds them (cells scrolled out of view included). */
	private static List<List<String>> cells(ChromeDriver driver, String table) {
		List<List<String>> rows = new ArrayList<>();
		for (WebElement row : driver.findElements(By.cssSelector("#" + table + " tbody tr"))) {
			rows.add(row.findElements(By.tagName("td")).stream().map(td -> td.getDomProperty("textContent")).toList());
		}
		return rows;
	}

	private static List<List<String>> coefficients(JsonNode model) {
		List<List<String>> rows = new ArrayList<>();
		for (JsonNode c : model.get("coefficients")) {
			rows.add(c.get("aliased").asBoolean() ? List.of(c.get("name").asString(), "aliased", "", "")
					: List.of(c.get("name").asString(), WorkspaceResults.num(number(c, "estimate")),
							WorkspaceResults.interval(number(c, "ciLow"), number(c, "ciHigh")),
							WorkspaceResults.pValue(number(c, "p"))));
		}
		return rows.isEmpty() ? List.of(List.of("No data")) : rows;
	}

	private static List<List<String>> funnel(JsonNode funnel, Map<String, String> names) {
		List<List<String>> rows = new ArrayList<>();
		for (JsonNode u : funnel.get("units")) {
			rows.add(List.of(names.getOrDefault(u.get("unit").asString(), u.get("unit").asString()),
					WorkspaceResults.count(u.get("n").asLong(), u.get("tooSmall").asBoolean()),
					u.get("observed").asString(), WorkspaceResults.num(number(u, "expected")),
					WorkspaceResults.num(number(u, "ratio")), WorkspaceResults.interval(number(u, "low95"), number(u, "high95")),
					WorkspaceResults.interval(number(u, "low998"), number(u, "high998")),
					WorkspaceVariability.signal(u.get("signal").asString())));
		}
		return rows.isEmpty() ? List.of(List.of("No data")) : rows;
	}

}

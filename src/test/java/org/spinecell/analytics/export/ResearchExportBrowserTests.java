package org.spinecell.analytics.export;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.analytics.export.ResearchExportTests.unzip;

/**
 * A researcher finds the research export in the main navigation and fills in its form in a real
 * browser; the zip the form asks for is fetched with the browser's session, since headless Chromium
 * keeps downloads to itself.
 */
class ResearchExportBrowserTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The hand-computed data set, built by the tests that need it. */
	private AnalyticsDataset data;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		data = new AnalyticsDataset(treatment);
	}

	@Test
	void aResearcherOpensThePageFromTheNavigationAndDownloadsTheChosenCohort() throws Exception {
		data.buildDataset();
		String researcher = createUser("RESEARCHER", Set.of(cells.clinicId()));
		TestApi api = login(researcher, USER_PASSWORD);
		UUID cohort = id(ok(api.post("/api/v1/analytics/cohorts",
				Map.of("name", "Fluoroscopy guided", "filter", Map.of("guidance", "FLUOROSCOPY")))));
		ChromeDriver driver = Browser.start(1280, 900);
		try {
			String base = "http://localhost:" + port;
			Browser.signIn(driver, base, researcher, USER_PASSWORD);
			Browser.clickAndWait(driver, By.linkText("Research export"));
			assertThat(driver.getCurrentUrl()).isEqualTo(base + "/research-export");
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Research export");
			assertThat(driver.findElement(By.id("removed-heading")).getText()).isEqualTo("What is taken out");

			WebElement form = driver.findElement(By.id("research-export-form"));
			assertThat(form.getAttribute("method")).isEqualTo("get");
			assertThat(form.getAttribute("action")).isEqualTo(base + "/research-export/download");
			Select cohorts = new Select(driver.findElement(By.id("cohort")));
			assertThat(cohorts.getOptions()).extracting(WebElement::getText)
				.containsExactly("All episodes of my clinics", "Fluoroscopy guided");
			cohorts.selectByVisibleText("Fluoroscopy guided");
			WebElement deidentified = driver.findElement(By.cssSelector("input[name=variant][value=deidentified]"));
			assertThat(deidentified.isSelected()).isTrue();
			assertThat(driver.findElements(By.cssSelector("input[name=variant][value=limited]"))).isEmpty();
			assertThat(driver.findElement(By.id("no-agreement")).getText()).contains("No data-use agreement naming you");
			WebElement button = driver.findElement(By.id("download"));
			assertThat(button.getText()).isEqualTo("Download zip");
			assertThat(button.getAttribute("type")).isEqualTo("submit");
			Browser.screenshot(driver, "research-export");

			// The query the form submits, fetched with the browser's session cookie.
			String query = "cohort=" + cohorts.getFirstSelectedOption().getAttribute("value") + "&variant="
					+ deidentified.getAttribute("value");
			assertThat(query).isEqualTo("cohort=" + cohort + "&variant=deidentified");
			Cookie session = driver.manage().getCookieNamed("JSESSIONID");
			HttpResponse<byte[]> zip = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(form.getAttribute("action") + "?" + query))
					.header("Cookie", "JSESSIONID=" + session.getValue())
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			assertThat(zip.statusCode()).isEqualTo(200);
			assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
			Map<String, String> files = unzip(zip.body());
			assertThat(files.get("README.txt")).contains("saved cohort " + cohort);
			// Episode 1 alone: the one under fluoroscopy whose patient consents to registry and research.
			assertThat(ResearchExportTests.csv(files.get("episodes.csv"))).hasSize(1);
		}
		finally {
			driver.quit();
		}
	}

}

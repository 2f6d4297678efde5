package org.spinecell.analytics.workspace;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;
import org.spinecell.analytics.AnalyticsDataset;
import org.spinecell.cellproducts.CellLab;
import org.spinecell.outcomes.Treatment;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics workspace in a real browser: the live count follows a filter, and each tab shows its results. */
class AnalyticsBrowserTests extends IntegrationTest {

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
	void aPhysicianFiltersTheCohortAndClicksThroughTheTabs() {
		data.buildDataset();
		ChromeDriver driver = Browser.start(1280, 900);
		try {
			String base = "http://localhost:" + port;
			Browser.signIn(driver, base, cells.physicianUsername(), USER_PASSWORD);

			driver.get(base + "/analytics");
			assertThat(driver.findElement(By.id("cohort-count")).getText()).contains("3 procedures of 3 patients");
			assertThat(driver.findElement(By.id("table-outcomes")).getText()).contains("M3 2 (too small) 32.00");
			assertThat(driver.findElement(By.cssSelector("#trajectory svg")).isDisplayed()).isTrue();

			// htmx swaps in the new count when a filter changes, without leaving the page.
			new Select(driver.findElement(By.name("guidance"))).selectByValue("CT");
			new WebDriverWait(driver, java.time.Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
				.until(d -> d.findElement(By.id("cohort-count"))
				.getText()
				.contains("1 procedures of 1 patients"));
			new Select(driver.findElement(By.name("guidance"))).selectByValue("");

			Browser.clickAndWait(driver, By.id("tab-durability"));
			assertThat(driver.findElement(By.id("results-heading")).getText()).isEqualTo("Durability");
			assertThat(driver.findElement(By.cssSelector("#survival svg")).isDisplayed()).isTrue();
			assertThat(driver.findElement(By.id("table-risk-table")).getText()).contains("ALL 3");

			Browser.clickAndWait(driver, By.id("tab-medication"));
			assertThat(driver.findElement(By.id("results-heading")).getText()).isEqualTo("Medication");

			Browser.clickAndWait(driver, By.id("tab-safety"));
			assertThat(driver.findElement(By.id("results-heading")).getText()).isEqualTo("Safety");
			assertThat(driver.findElement(By.id("table-adverse-events")).getText()).contains("33.33");
			assertThat(driver.findElement(By.id("table-serious-events")).getText()).contains("not related").doesNotContain("NOT_RELATED");
			assertThat(driver.findElement(By.id("definitions")).getText()).contains("Clopper–Pearson");
			Browser.screenshot(driver, "analytics-safety");
		}
		finally {
			driver.quit();
		}
	}

}

package org.spinecell.outcomes;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;

/** The outcome sections in a real browser: a medication added through the form shows on the MME chart. */
class OutcomeBrowserTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	@BeforeEach
	void clinicWithStaff() {
		cells = new CellLab(app);
	}

	@Test
	void aPhysicianAddsAnOpioidAndSeesItsMmeOnTheChart() {
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 7))));
		ChromeDriver driver = Browser.start(1280, 900);
		try {
			String base = "http://localhost:" + port;
			driver.get(base + "/login");
			driver.findElement(By.id("username")).sendKeys(cells.physicianUsername());
			driver.findElement(By.id("password")).sendKeys(USER_PASSWORD);
			Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));

			driver.get(base + "/patients/" + cells.patientId());
			assertThat(driver.findElement(By.id("medications")).getText()).contains("No medication recorded.");
			Browser.clickAndWait(driver, By.linkText("Add medication"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Add a medication");
			driver.findElement(By.id("drug")).sendKeys("oxycodone");
			driver.findElement(By.id("dose")).sendKeys("10");
			driver.findElement(By.id("unit")).sendKeys("mg");
			driver.findElement(By.id("frequencyPerDay")).sendKeys("3");
			// A date input takes typed dates in the browser's locale; setting the value is locale-proof.
			driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("start")),
					LocalDate.now().minusDays(20).toString());
			Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));

			WebElement section = driver.findElement(By.id("medications"));
			assertThat(section.getText()).contains("Total today: 45 MME/day").contains("oxycodone");
			WebElement chart = driver.findElement(By.cssSelector("#mme-chart svg"));
			assertThat(chart.getRect().getWidth()).isGreaterThan(300);
			WebElement line = driver.findElement(By.cssSelector("#mme-chart path.chart-line"));
			// Styled by the app's style sheet (no inline styles under the CSP): a visible stroke, no fill.
			assertThat(line.getCssValue("fill")).isEqualTo("none");
			assertThat(line.getCssValue("stroke")).isNotEqualTo("none");
			assertThat(driver.findElement(By.cssSelector("#mme-chart table")).getAttribute("textContent"))
				.contains("Total MME/day" + LocalDate.now().minusDays(20) + "45");
			assertThat(driver.findElement(By.cssSelector("#pain-chart circle.chart-point")).isDisplayed()).isTrue();
			driver.executeScript("document.getElementById('outcomes').scrollIntoView();");
			Browser.screenshot(driver, "outcome-charts");
			driver.executeScript("document.getElementById('medications').scrollIntoView();");
			Browser.screenshot(driver, "medication-mme-chart");
		}
		finally {
			driver.quit();
		}
	}

}

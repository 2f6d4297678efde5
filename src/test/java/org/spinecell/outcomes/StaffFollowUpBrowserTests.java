package org.spinecell.outcomes;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;

/** A coordinator enters a phone follow-up's answers in a real browser, from the chart. */
class StaffFollowUpBrowserTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	/** The patient's side of the survey portal. */
	private Surveys surveys;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
		surveys = new Surveys(treatment);
	}

	@Test
	void answersEnteredFromTheChartAreStoredAndMarked() {
		UUID followUp = surveys.baselineFollowUp();
		ChromeDriver driver = Browser.start(1280, 900);
		try {
			String base = "http://localhost:" + port;
			driver.get(base + "/login");
			driver.findElement(By.id("username")).sendKeys(cells.physicianUsername());
			driver.findElement(By.id("password")).sendKeys(USER_PASSWORD);
			Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));

			driver.get(base + "/patients/" + cells.patientId());
			driver.executeScript("arguments[0].scrollIntoView();", driver.findElement(By.id("follow-up")));
			Browser.screenshot(driver, "staff-chart");
			Browser.clickAndWait(driver, By.cssSelector("a[href='/follow-up/" + followUp + "/answers']"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Enter answers: Baseline");
			new Select(driver.findElement(By.id("a-nrs-back-nrs"))).selectByValue("8");
			Browser.clickAndWait(driver, By.cssSelector("#instrument-nrs-back button[type=submit]"));

			assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("answers saved");
			assertThat(driver.findElement(By.id("instrument-nrs-back")).getText()).contains("Entered by phone/paper")
				.contains("Score: 8");
			Browser.screenshot(driver, "staff-answers");
			assertThat(surveys.responsesStored(followUp, "nrs-back")).isEqualTo(1);
		}
		finally {
			driver.quit();
		}
	}

}

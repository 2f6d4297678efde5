package org.spinecell.outcomes;

import java.time.LocalDate;
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

/**
 * The survey in a real browser at phone width: fits 360 px, labels click, answers go through, and
 * the optional medicines step stops and adds a medicine.
 */
class SurveyBrowserTests extends IntegrationTest {

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
	void theSurveyWorksAt360Pixels() {
		UUID followUp = surveys.baselineFollowUp();
		UUID oxycodone = surveys.staffMedication("oxycodone", 10, "mg", 2);
		String token = surveys.link(followUp);
		ChromeDriver driver = Browser.start(360, 800);
		try {
			driver.get("http://localhost:" + port + "/s/" + token);
			assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
			Object overflow = driver.executeScript(
					"return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
			Browser.screenshot(driver, "survey-360");
			assertThat(overflow).isEqualTo(Boolean.FALSE);
			driver.findElement(By.cssSelector("label[for='nrs-6']")).click();
			Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).containsIgnoringCase("leg");
			assertThat(surveys.responsesStored(followUp, "nrs-back")).isEqualTo(1);

			driver.findElement(By.cssSelector("label[for='nrs-2']")).click();
			Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
			driver.findElement(By.cssSelector("label[for='pain-medication-0']")).click();
			driver.findElement(By.cssSelector("label[for='opioid-1']")).click();
			driver.findElement(By.cssSelector("input[name='work-status'][value='full-time']")).click();
			Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));

			// The optional medicines step: stop the staff-recorded one, add one from the pick list.
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Your pain medicines now");
			Browser.screenshot(driver, "survey-medicines-360");
			assertThat(driver.executeScript(
					"return document.documentElement.scrollWidth > document.documentElement.clientWidth;"))
				.isEqualTo(Boolean.FALSE);
			driver.findElement(By.cssSelector("label[for='stop-" + oxycodone + "']")).click();
			new Select(driver.findElement(By.id("drug"))).selectByValue("tramadol");
			driver.findElement(By.id("dose")).sendKeys("50");
			new Select(driver.findElement(By.id("unit"))).selectByValue("mg");
			driver.findElement(By.id("timesPerDay")).sendKeys("2");
			Browser.clickAndWait(driver, By.cssSelector("main form button[value=continue]"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Report a problem");
			assertThat(surveys.medicationsStored("PATIENT")).isEqualTo(1);
			assertThat(ok(cells.physician().get("/api/v1/patients/" + cells.patientId() + "/medications/"
					+ oxycodone)).get("stop")
				.asString()).isEqualTo(LocalDate.now().toString());

			Browser.clickAndWait(driver, By.id("skip-problem"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you");
			assertThat(surveys.problemsStored()).isZero();
		}
		finally {
			driver.quit();
		}
	}

}

package org.spinecell.outcomes;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.spinecell.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The survey in a real browser at phone width: fits 360 px, labels click, answers go through. */
class SurveyBrowserTests extends SurveyTest {

	@Test
	void theSurveyWorksAt360Pixels() {
		UUID followUp = baselineFollowUp();
		String token = link(followUp);
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
			assertThat(responsesStored(followUp, "nrs-back")).isEqualTo(1);
		}
		finally {
			driver.quit();
		}
	}

}

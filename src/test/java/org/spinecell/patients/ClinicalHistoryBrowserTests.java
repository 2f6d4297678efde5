package org.spinecell.patients;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator's first history entry in a real browser: register a patient, find the code by
 * typing part of it, tick the levels, and see the diagnosis on the chart, on a desktop screen and
 * on a phone.
 */
class ClinicalHistoryBrowserTests extends IntegrationTest {

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void aCoordinatorAddsADiagnosisUsingTheCodeLookUp() {
		driver = Browser.start(1280, 900);
		UUID clinic = createClinic("Browser history");
		String username = createUser("COORDINATOR", Set.of(clinic));
		String base = "http://localhost:" + port;

		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(USER_PASSWORD);
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");

		driver.get(base + "/patients/new");
		String mrn = "BRH-" + unique();
		driver.findElement(By.id("mrn")).sendKeys(mrn);
		driver.findElement(By.id("givenName")).sendKeys("Ada");
		driver.findElement(By.id("familyName")).sendKeys("Lumbar");
		// A date control's typing order follows the browser's locale, so the value is set directly.
		driver.executeScript("arguments[0].value = '1968-03-14';", driver.findElement(By.id("birthDate")));
		new Select(driver.findElement(By.id("sex"))).selectByValue("FEMALE");
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Patient registered.");
		assertThat(driver.findElement(By.id("diagnoses")).getText()).contains("No diagnosis recorded.");

		Browser.clickAndWait(driver, By.linkText("Add diagnosis"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Add a diagnosis");

		// Typing part of a code asks the server for suggestions, which fill the field's datalist.
		WebElement code = driver.findElement(By.id("icd10"));
		code.sendKeys("M51.36");
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
		wait.until(d -> !d.findElements(By.cssSelector("#icd10-options option")).isEmpty());
		WebElement suggestion = driver.findElements(By.cssSelector("#icd10-options option")).get(0);
		assertThat(suggestion.getAttribute("value")).isEqualTo("M51.360");
		assertThat(suggestion.getAttribute("label")).isEqualTo("Lumbar disc degeneration with discogenic back pain only");
		code.clear();
		code.sendKeys(suggestion.getAttribute("value"));

		// Only the levels the lumbar code allows can be ticked: L4-L5, not C5-C6 nor the lumbosacral L5-S1.
		wait.until(d -> !d.findElement(By.id("level-C5-C6")).isEnabled());
		assertThat(driver.findElement(By.id("level-L5-S1")).isEnabled()).isFalse();
		assertThat(driver.findElement(By.id("level-L4-L5")).isEnabled()).isTrue();
		// A lumbosacral code allows L5-S1.
		code.clear();
		code.sendKeys("M51.37");
		wait.until(d -> d.findElements(By.cssSelector("#icd10-options option"))
			.stream()
			.anyMatch(o -> "LUMBOSACRAL".equals(o.getAttribute("data-region"))));
		code.clear();
		code.sendKeys(driver.findElements(By.cssSelector("#icd10-options option")).get(0).getAttribute("value"));
		wait.until(d -> d.findElement(By.id("level-L5-S1")).isEnabled());
		code.clear();
		code.sendKeys("M51.360");
		wait.until(d -> !d.findElement(By.id("level-L5-S1")).isEnabled());

		// Without the script (or with a code it does not know), the server still refuses a cervical level for
		// a lumbar code beside the levels, and the typed code is kept.
		driver.executeScript("arguments[0].removeAttribute('data-regions'); arguments[0].disabled = false;"
				+ " arguments[0].click();", driver.findElement(By.id("level-C5-C6")));
		Browser.screenshot(driver, "history-diagnosis-form");
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.id("levels-error")).getText()).contains("not a level of the LUMBAR region");
		assertThat(driver.findElement(By.id("icd10")).getAttribute("value")).isEqualTo("M51.360");
		Browser.screenshot(driver, "history-diagnosis-error");

		driver.findElement(By.id("level-C5-C6")).click();
		driver.findElement(By.id("level-L4-L5")).click();
		driver.findElement(By.id("primary")).click();
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));

		assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Diagnosis M51.360 recorded.");
		String section = driver.findElement(By.id("diagnoses")).getText();
		assertThat(section).contains("M51.360", "Lumbar disc degeneration with discogenic back pain only", "L4-L5",
				"Primary");
		Browser.screenshot(driver, "history-chart-desktop");

		// An imaging finding graded off its scale is refused beside the grade.
		Browser.clickAndWait(driver, By.linkText("Add imaging finding"));
		new Select(driver.findElement(By.id("modality"))).selectByValue("MRI");
		driver.executeScript("arguments[0].value = '2024-02-01';", driver.findElement(By.id("studyDate")));
		new Select(driver.findElement(By.id("level"))).selectByValue("L4-L5");
		new Select(driver.findElement(By.id("pfirrmannScale"))).selectByValue("FIVE_GRADE");
		driver.findElement(By.id("pfirrmannGrade")).sendKeys("6");
		new Select(driver.findElement(By.id("modicType"))).selectByValue("1");
		new Select(driver.findElement(By.id("herniation"))).selectByValue("PROTRUSION");
		driver.findElement(By.id("impression")).sendKeys("Dark L4-L5 disc.\nSmall central protrusion.");
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.id("pfirrmannGrade-error")).getText()).contains("between 1 and 5");
		Browser.screenshot(driver, "history-imaging-error");
		driver.findElement(By.id("pfirrmannGrade")).clear();
		driver.findElement(By.id("pfirrmannGrade")).sendKeys("4");
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.id("imaging")).getText()).contains("Pfirrmann grade 4 of 5",
				"Small central protrusion.");

		// The rest of the history through the API, so the chart shows every section filled in.
		TestApi api = login(username, USER_PASSWORD);
		String patient = driver.getCurrentUrl().replaceAll(".*/patients/([0-9a-f-]{36}).*", "$1");
		assertThat(api.post("/api/v1/patients/" + patient + "/prior-treatments", Map.of("type", "PHYSICAL_THERAPY",
				"description", "Twelve weeks of core stabilisation", "startDate", "2023-01-09", "endDate", "2023-04-03",
				"response", "PARTIAL")).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/patients/" + patient + "/consents", Map.of("type", "TREATMENT", "status", "GIVEN",
				"effectiveDate", "2024-03-01", "formVersion", "TX-2.0")).status()).isEqualTo(201);
		driver.navigate().refresh();
		driver.executeScript("document.getElementById('imaging').scrollIntoView();");
		Browser.screenshot(driver, "history-chart-desktop-all");

		// On a phone the history tables turn into labelled cards; nothing may run off the screen.
		driver.manage().window().setSize(new Dimension(390, 844));
		driver.navigate().refresh();
		assertThat(driver.findElement(By.id("diagnoses")).getText()).contains("M51.360");
		assertThat(pageOverflows()).as("the chart is wider than the phone").isFalse();
		Browser.screenshot(driver, "history-chart-phone");
		driver.executeScript("document.getElementById('imaging').scrollIntoView();");
		Browser.screenshot(driver, "history-chart-phone-imaging");
		driver.executeScript("document.getElementById('consents').scrollIntoView();");
		Browser.screenshot(driver, "history-chart-phone-consents");
		Browser.clickAndWait(driver, By.linkText("Add diagnosis"));
		assertThat(pageOverflows()).as("the form is wider than the phone").isFalse();
		Browser.screenshot(driver, "history-diagnosis-form-phone");
		driver.executeScript("document.querySelector('main form .actions').scrollIntoView(false);");
		Browser.screenshot(driver, "history-diagnosis-form-phone-end");
	}

	/** Whether the page scrolls sideways, which on a phone means something does not fit. */
	private boolean pageOverflows() {
		Object overflow = driver.executeScript(
				"return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
		return Boolean.TRUE.equals(overflow);
	}

}

package org.spinecell.procedures;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.procedures.ProcedureSteps.procedureIdIn;

/**
 * A physician documents an injection in a real browser: the form with the diagnosed level ticked,
 * the administration checks, the time-out with the DIN typed from the label, the dose on completion
 * and the printable note, on a desktop screen and on a phone.
 */
class ProcedureBrowserTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient diagnosed at L4-L5, and the steps to an injection. */
	private ProcedureSteps steps;

	@BeforeEach
	void patientWithALumbarDiagnosis() {
		cells = new CellLab(app);
		steps = new ProcedureSteps(cells);
	}

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void aPhysicianDocumentsAnInjectionPassesTheTimeOutAndSeesTheDose() {
		driver = Browser.start(1280, 900);
		steps.readyToTreat();
		UUID product = cells.aReleasedProduct();
		String base = "http://localhost:" + port;

		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(cells.physicianUsername());
		driver.findElement(By.id("password")).sendKeys(USER_PASSWORD);
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");

		driver.get(base + "/patients/" + cells.patientId());
		assertThat(driver.findElement(By.id("procedures")).getText()).contains("No procedure documented.");
		Browser.clickAndWait(driver, By.linkText("Document a procedure"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Document a procedure");
		Browser.screenshot(driver, "procedure-form-top");

		// The diagnosed level is ticked and the signed-in physician is the operator.
		assertThat(driver.findElement(By.id("level-L4-L5")).isSelected()).isTrue();
		assertThat(new Select(driver.findElement(By.id("operatorId"))).getFirstSelectedOption().getText())
			.isEqualTo("Test PHYSICIAN");
		new Select(driver.findElement(By.id("target"))).selectByValue("INTRADISCAL");
		new Select(driver.findElement(By.id("guidance"))).selectByValue("FLUOROSCOPY");
		driver.findElement(By.id("placementConfirmed")).click();
		driver.findElement(By.id("needleTipConfirmed")).click();
		driver.findElement(By.id("contrastPattern")).sendKeys("Nuclear, no annular leak");
		// A time control's typing order follows the browser's locale, so the value is set directly.
		driver.executeScript("arguments[0].value = '09:30';", driver.findElement(By.id("startTime")));
		driver.executeScript("arguments[0].value = '10:05';", driver.findElement(By.id("endTime")));
		new Select(driver.findElement(By.id("unit-0-product"))).selectByValue(product.toString());
		new Select(driver.findElement(By.id("unit-0-level"))).selectByValue("L4-L5");
		driver.findElement(By.id("unit-0-volume")).sendKeys("2");
		driver.findElement(By.id("anaesthesia")).sendKeys("Lidocaine 1 % local, 5 mL");
		Browser.screenshot(driver, "procedure-form");
		driver.executeScript("document.querySelector('fieldset.units').scrollIntoView();");
		Browser.screenshot(driver, "procedure-form-units");
		// A level without a diagnosis is a warning to confirm, shown beside the levels; unticking it will do too.
		driver.findElement(By.id("level-L3-L4")).click();
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.id("levels-error")).getText()).contains("diagnosed levels: L3-L4");
		assertThat(driver.findElement(By.id("levelsConfirmed")).isSelected()).isFalse();
		driver.executeScript("document.querySelector('fieldset.levels').scrollIntoView();");
		Browser.screenshot(driver, "procedure-form-level-warning");
		driver.findElement(By.id("level-L3-L4")).click();
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));

		assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("recorded as a draft");
		assertThat(driver.findElement(By.id("checks")).getText()).contains("All checks pass.");
		Browser.screenshot(driver, "procedure-draft");
		driver.executeScript("document.getElementById('checks').scrollIntoView();");
		Browser.screenshot(driver, "procedure-draft-checks");

		// The time-out: the DIN is typed from the label as printed, with its spaces.
		String procedureUrl = driver.getCurrentUrl();
		driver.findElement(By.id("patientIdentityConfirmed")).click();
		driver.findElement(By.id("din-0")).sendKeys(steps.printedDin(product));
		driver.findElement(By.id("levelsConfirmed")).click();
		new Select(driver.findElement(By.id("remainder-0-action"))).selectByValue("DISCARDED");
		driver.executeScript("document.getElementById('time-out').scrollIntoView();");
		Browser.screenshot(driver, "procedure-time-out");
		Browser.clickAndWait(driver, By.cssSelector("#time-out button[type=submit]"));

		assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Procedure completed.");
		assertThat(driver.findElement(By.cssSelector("td.dose")).getText()).isEqualTo("222 × 10⁶");
		assertThat(driver.findElement(By.id("time-out-record")).getText()).contains(steps.printedDin(product))
			.contains("Test PHYSICIAN");
		Browser.screenshot(driver, "procedure-completed");

		// A care plan beside it, so the chart shows both sections.
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/care-plans", Map.of("kind",
				"PHYSICAL_THERAPY",
				"description", "Core stabilisation, progressive loading", "goals", "Walk 30 minutes without pain",
				"plannedSessions", 8, "sessionsPerWeek", 2, "procedureId", procedureIdIn(procedureUrl), "startDate",
				LocalDate.now().toString())));
		driver.get(base + "/patients/" + cells.patientId());
		driver.executeScript("document.getElementById('procedures').scrollIntoView();");
		assertThat(driver.findElement(By.id("procedures")).getText()).contains("Completed", "222 × 10⁶");
		Browser.screenshot(driver, "procedure-chart-desktop");

		// On a phone nothing may run off the screen.
		driver.manage().window().setSize(new Dimension(390, 844));
		driver.navigate().refresh();
		driver.executeScript("document.getElementById('procedures').scrollIntoView();");
		assertThat(pageOverflows()).as("the chart is wider than the phone").isFalse();
		Browser.screenshot(driver, "procedure-chart-phone");
		driver.executeScript("document.getElementById('care-plans').scrollIntoView();");
		Browser.screenshot(driver, "procedure-care-plans-phone");
		driver.get(procedureUrl);
		assertThat(pageOverflows()).as("the procedure page is wider than the phone").isFalse();
		Browser.screenshot(driver, "procedure-completed-phone");
		driver.executeScript("document.getElementById('units').scrollIntoView();");
		Browser.screenshot(driver, "procedure-completed-phone-units");
		driver.get(base + "/patients/" + cells.patientId() + "/procedures/new");
		assertThat(pageOverflows()).as("the form is wider than the phone").isFalse();
		driver.executeScript("document.querySelector('fieldset.units').scrollIntoView();");
		Browser.screenshot(driver, "procedure-form-phone-units");

		// The note, on screen and as printed.
		driver.manage().window().setSize(new Dimension(1280, 900));
		driver.get(procedureUrl + "/note");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains(steps.printedDin(product), "222 × 10⁶",
				"Test PHYSICIAN", "M51.360");
		Browser.screenshot(driver, "procedure-note");
		driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(driver.findElement(By.cssSelector(".site-header")).isDisplayed()).isFalse();
		Browser.screenshot(driver, "procedure-note-print");
	}

	/** Whether the page scrolls sideways, which on a phone means something does not fit. */
	private boolean pageOverflows() {
		Object overflow = driver.executeScript(
				"return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
		return Boolean.TRUE.equals(overflow);
	}

}

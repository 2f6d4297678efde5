package org.spinecell.cellproducts;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;

/** A lab technologist releases a product in a real browser, at desktop and phone widths. */
class CellLabBrowserTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	@BeforeEach
	void clinicWithStaff() {
		cells = new CellLab(app);
	}

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void aTechnologistFindsAProductInQuarantineChecksItAndReleasesItWithTheirPassword() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		cells.classifyAndConfirm(product);
		String din = Din.parse(ok(cells.lab().get(path(product, ""))).get("din").asString()).printed();

		driver = Browser.start(1280, 900);
		String base = "http://localhost:" + port;
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(cells.labUsername());
		driver.findElement(By.id("password")).sendKeys(USER_PASSWORD);
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));

		Browser.clickAndWait(driver, By.linkText("Cell lab"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cell lab");
		driver.findElement(By.partialLinkText("Quarantine")).click();
		assertThat(driver.findElement(By.cssSelector("table.worklist")).getText()).contains(din).contains("Quinn, Iris");
		Browser.screenshot(driver, "lab-worklist");

		Browser.clickAndWait(driver, By.linkText(din));
		assertThat(driver.findElement(By.cssSelector("h1.din")).getText()).isEqualTo(din);
		assertThat(driver.findElement(By.id("release")).getText()).contains("Release checklist")
			.contains("Every criterion is met.")
			.contains("Viability");
		Browser.screenshot(driver, "lab-product-quarantine");

		// A mistyped QC value comes back beside its field; the unit follows the chosen test.
		driver.findElement(By.xpath("//summary[normalize-space()='QC result']")).click();
		new Select(driver.findElement(By.id("test"))).selectByValue("VIABILITY");
		assertThat(new Select(driver.findElement(By.id("unit"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("%");
		driver.findElement(By.id("value")).sendKeys("130");
		Browser.clickAndWait(driver, By.cssSelector("form[action$='/qc'] button[type=submit]"));
		assertThat(driver.findElement(By.id("value-error")).getText()).contains("between 0 and 100");
		assertThat(driver.findElement(By.id("value")).getAttribute("aria-invalid")).isEqualTo("true");
		Browser.screenshot(driver, "lab-qc-error");

		driver.findElement(By.id("password")).sendKeys(USER_PASSWORD);
		Browser.clickAndWait(driver, By.cssSelector("form.release-form button[type=submit]"));
		// The click returns before the next page has loaded: wait for the new state instead of racing it.
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBe(By.cssSelector(".product-kind .badge"), "Released"));
		assertThat(driver.findElement(By.cssSelector(".signature")).getText()).contains("Signature valid")
			.contains("Test LAB");
		Browser.screenshot(driver, "lab-product-released");

		driver.manage().window().setSize(new Dimension(1280, 3000));
		Browser.screenshot(driver, "lab-product-released-full");
		driver.manage().window().setSize(new Dimension(390, 3200));
		Browser.screenshot(driver, "lab-product-phone");
		driver.get(base + "/lab");
		Browser.screenshot(driver, "lab-worklist-phone");
		driver.get(base + "/lab/products/new");
		Browser.screenshot(driver, "lab-new-phone");
		driver.manage().window().setSize(new Dimension(1280, 1400));
		Browser.screenshot(driver, "lab-new");
	}

}

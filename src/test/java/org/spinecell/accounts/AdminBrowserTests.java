package org.spinecell.accounts;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator's first minutes, in a real browser: sign in, add a clinic, fix a mistake. */
class AdminBrowserTests extends IntegrationTest {

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void anAdministratorSignsInAndAddsAClinicAfterCorrectingAnError() {
		driver = Browser.start(1280, 900);
		String base = "http://localhost:" + port;
		driver.get(base + "/");
		assertThat(driver.getCurrentUrl()).endsWith("/login");
		Browser.screenshot(driver, "login");

		driver.findElement(By.id("username")).sendKeys("admin");
		driver.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
		Browser.screenshot(driver, "dashboard");

		Browser.clickAndWait(driver, By.linkText("Clinics"));
		String name = "Browser Clinic " + unique();
		driver.findElement(By.id("name")).sendKeys(name);
		driver.findElement(By.id("city")).sendKeys("Lyon");
		driver.findElement(By.id("country")).sendKeys("france");
		Browser.clickAndWait(driver, By.cssSelector("form[aria-labelledby=new-clinic] button[type=submit]"));

		// The mistake is shown beside the field, tied to it for screen readers.
		assertThat(driver.findElement(By.id("country-error")).getText()).contains("ISO 3166-1 alpha-2");
		assertThat(driver.findElement(By.id("country")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo(name);
		Browser.screenshot(driver, "clinic-error");

		driver.findElement(By.id("country")).clear();
		driver.findElement(By.id("country")).sendKeys("FR");
		Browser.clickAndWait(driver, By.cssSelector("form[aria-labelledby=new-clinic] button[type=submit]"));
		assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Clinic " + name + " created.");
		assertThat(driver.findElement(By.tagName("table")).getText()).contains(name).contains("Lyon");
		Browser.screenshot(driver, "clinics");

		driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
		// The click returns before the sign-out redirect has landed; wait for it rather than race it.
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
		assertThat(driver.getCurrentUrl()).contains("/login?logout");
	}

}

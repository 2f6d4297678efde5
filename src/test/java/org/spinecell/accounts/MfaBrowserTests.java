package org.spinecell.accounts;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A new user sets up two-step sign-in as the README tells, in a real browser, then signs in with it. */
class MfaBrowserTests extends IntegrationTest {

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (driver != null) {
			driver.quit();
		}
	}

	private void signIn(String base, String username) {
		driver.get(base + "/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(USER_PASSWORD);
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
	}

	@Test
	void aNewUserScansTheCodeConfirmsItKeepsTheRecoveryCodesAndSignsInWithACode() {
		String username = createUser("COORDINATOR", Set.of(createClinic("Mfa browser")));
		driver = Browser.start(1280, 1000);
		String base = "http://localhost:" + port;
		signIn(base, username);

		Browser.clickAndWait(driver, By.linkText("Two-step sign-in"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Set up two-step sign-in");
		assertThat(driver.findElement(By.id("mfa-qr")).getAttribute("naturalWidth")).isNotEqualTo("0");
		String secret = driver.findElement(By.id("mfa-secret")).getText().replace(" ", "");
		Browser.screenshot(driver, "mfa-enrol");

		driver.findElement(By.id("code")).sendKeys(MfaSteps.code(secret, 0));
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElements(By.cssSelector("#recovery-codes .recovery-code"))).hasSize(10);
		Browser.screenshot(driver, "mfa-recovery-codes");

		Browser.clickAndWait(driver, By.cssSelector(".logout-form button"));
		signIn(base, username);
		assertThat(driver.getCurrentUrl()).endsWith("/login/mfa");
		driver.findElement(By.id("code")).sendKeys("000000".equals(MfaSteps.code(secret, 1)) ? "111111" : "000000");
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.id("code-error")).getText()).contains("Wrong, expired or already used code");
		assertThat(driver.findElement(By.id("code")).getAttribute("aria-invalid")).isEqualTo("true");
		Browser.screenshot(driver, "mfa-challenge-error");

		driver.findElement(By.id("code")).sendKeys(MfaSteps.code(secret, 1));
		Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
	}

}

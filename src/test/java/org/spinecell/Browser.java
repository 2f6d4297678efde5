package org.spinecell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the machine's packages ({@code chromium}, {@code chromium-driver}); tests
 * that need it are skipped where they are not installed, and nothing is ever downloaded.
 */
public final class Browser {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Browser() {
	}

	public static ChromeDriver start(int width, int height) {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"chromium and chromium-driver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
		return driver;
	}

	/**
	 * Clicks an element that leads to another page and waits until the old page is gone, so the
	 * next look-up cannot find (and then lose) an element of the page being left.
	 */
	public static void clickAndWait(ChromeDriver driver, org.openqa.selenium.By target) {
		org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
		driver.findElement(target).click();
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> gone(page));
	}

	/**
	 * Whether the element's page has been left. While Chromium swaps documents, asking about an
	 * element of the old one can also fail with "Node with given id does not belong to the
	 * document" instead of a stale reference: that means gone as well.
	 */
	private static boolean gone(org.openqa.selenium.WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("does not belong to the document") || message.contains("No node with given id")) {
				return true;
			}
			throw ex;
		}
	}

	/** Signs in through the login form of the app at {@code base} and waits for the next page. */
	public static void signIn(ChromeDriver driver, String base, String username, String password) {
		driver.get(base + "/login");
		driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
		clickAndWait(driver, org.openqa.selenium.By.cssSelector("main form button[type=submit]"));
	}

	/** Saves a screenshot under {@code target/screenshots} for a person to look at. */
	public static void screenshot(ChromeDriver driver, String name) {
		try {
			Path dir = Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

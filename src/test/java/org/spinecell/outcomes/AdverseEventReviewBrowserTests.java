package org.spinecell.outcomes;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.spinecell.Browser;
import org.spinecell.IntegrationTest;
import org.spinecell.cellproducts.CellLab;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey of a patient's problem report in a real browser: the patient sends it through the
 * survey link, a physician sees it waiting on the dashboard and the safety page, opens the review
 * from there, is told what is missing, grades it, and the chart shows it reviewed.
 */
class AdverseEventReviewBrowserTests extends IntegrationTest {

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
	void aPatientsReportIsReviewedByAPhysicianThroughThePages() {
		String token = surveys.link(surveys.baselineFollowUp());
		ChromeDriver driver = Browser.start(1280, 900);
		try {
			String base = "http://localhost:" + port;
			driver.get(base + "/s/" + token + "/problem");
			driver.findElement(By.id("description")).sendKeys("Red and hot where the needle went in, and a fever");
			// A date input takes typed dates in the browser's locale; setting the value is locale-proof.
			driver.executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id("onset")),
					LocalDate.now().minusDays(1).toString());
			driver.findElement(By.id("care-doctor")).click();
			Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
			assertThat(driver.getCurrentUrl()).endsWith("/problem/sent");

			Browser.signIn(driver, base, cells.physicianUsername(), USER_PASSWORD);
			driver.get(base + "/");
			assertThat(driver.findElement(By.id("awaiting-review-count")).getText())
				.isEqualTo("1 adverse event is awaiting clinician review.");
			Browser.clickAndWait(driver, By.linkText("Review the waiting reports"));
			assertThat(driver.findElement(By.id("awaiting-review")).getText())
				.contains("Red and hot where the needle went in")
				.contains("Not graded yet: awaiting clinician review");
			Browser.screenshot(driver, "safety-awaiting-review");
			Browser.clickAndWait(driver, By.cssSelector("#awaiting-review a.button"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Review an adverse event");

			// Sent without a grade: the form comes back with the refusal beside the grade.
			driver.findElement(By.id("category")).sendKeys("Infection");
			new Select(driver.findElement(By.id("outcome"))).selectByVisibleText("Recovering");
			new Select(driver.findElement(By.id("expected"))).selectByVisibleText("No: unexpected");
			Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));
			assertThat(driver.findElement(By.id("grade-error")).getText()).contains("is required");
			assertThat(driver.findElement(By.id("category")).getAttribute("value")).isEqualTo("Infection");

			new Select(driver.findElement(By.id("grade"))).selectByVisibleText("3 — severe or medically significant");
			driver.findElement(By.cssSelector("input[name=serious][value=HOSPITALISATION]")).click();
			new Select(driver.findElement(By.id("relatednessProcedure"))).selectByVisibleText("Probable");
			driver.findElement(By.id("note")).sendKeys("Admitted for antibiotics");
			Browser.screenshot(driver, "adverse-event-review");
			Browser.clickAndWait(driver, By.cssSelector("main form button[type=submit]"));

			assertThat(driver.getCurrentUrl()).contains("/patients/" + cells.patientId());
			String section = driver.findElement(By.id("adverse-events")).getText();
			assertThat(section).contains("Infection").contains("3 — severe or medically significant")
				.contains("Hospitalisation").contains("Reviewed").doesNotContain("Awaiting clinician review");
			Browser.screenshot(driver, "adverse-event-reviewed");
		}
		finally {
			driver.quit();
		}
		JsonNode event = ok(cells.physician().get("/api/v1/patients/" + cells.patientId()
				+ "/adverse-events")).get("items").get(0);
		assertThat(event.get("grade").asInt()).isEqualTo(3);
		assertThat(event.get("reviewed").asBoolean()).isTrue();
		assertThat(ok(cells.physician().get("/api/v1/adverse-events/" + event.get("id").asString() + "/safety-tasks"))
			.get("items")
			.size()).isEqualTo(1);
	}

}

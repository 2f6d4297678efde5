package org.spinecell.cellproducts;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;

/**
 * The dashboard's "Waiting on you": the four people a release needs each see their own part early
 * (physician: classification confirmation and the IND number; coordinator: trial consent; lab: IND
 * number and the release signature), and a task goes away once done.
 */
class ReleaseTasksTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	@BeforeEach
	void clinicWithStaff() {
		cells = new CellLab(app);
	}

	@Test
	void eachRoleSeesWhatTheReleaseWaitsForFromThemAndTheTaskGoesAwayWhenDone() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		// Classified by the lab as a 351 biologic; not yet confirmed, no IND, no trial consent.
		assertThat(ok(cells.lab().post(path(product, "regulatory-classification"), Map.of())).get("pathway").asString())
			.isEqualTo("BIOLOGIC_351");
		String din = Din.parse(ok(cells.lab().get(path(product, ""))).get("din").asString()).printed();
		String coordinatorName = createUser("COORDINATOR", Set.of(cells.clinicId()));

		String physicianTasks = tasks(cells.physicianUsername());
		assertThat(physicianTasks).contains("Confirm the regulatory classification of product " + din)
			.contains("Record the IND or BLA number of product " + din)
			.contains("Record the trial consent of Quinn, Iris (product " + din + " is used under an IND)")
			.contains("href=\"/lab/products/" + product + "\"")
			.contains("href=\"/patients/" + cells.patientId() + "/consents/new\"");
		String labTasks = tasks(cells.labUsername());
		assertThat(labTasks).contains("Record the IND or BLA number of product " + din)
			.doesNotContain("Confirm the regulatory classification")
			.doesNotContain("trial consent")
			.doesNotContain("Sign the release");
		String coordinatorTasks = tasks(coordinatorName);
		assertThat(coordinatorTasks).contains("Record the trial consent of Quinn, Iris")
			.doesNotContain("Confirm the regulatory classification")
			.doesNotContain("IND or BLA number");

		ok(cells.physician().post(path(product, "regulatory-classification/confirm"), Map.of()));
		ok(cells.physician().put(path(product, "ind"), Map.of("indNumber", "IND 019876")));
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/consents", Map.of("type", "TRIAL",
				"status", "GIVEN", "effectiveDate", LocalDate.now().toString(), "formVersion", "v1")));

		assertThat(tasks(cells.physicianUsername())).doesNotContain(din);
		assertThat(tasks(coordinatorName)).doesNotContain(din).contains("Nothing is waiting on you.");
		// Every criterion passes now: the lab is asked to sign; after the release nothing is left.
		assertThat(tasks(cells.labUsername())).contains("Sign the release of product " + din
				+ ": every criterion passes")
			.doesNotContain("IND or BLA number");
		ok(cells.release(cells.lab(), product, USER_PASSWORD));
		assertThat(tasks(cells.labUsername())).doesNotContain(din);
	}

	@Test
	void anotherClinicsProductsGiveNoTasksAndAdministratorsAndResearchersSeeNoList() {
		UUID product = cells.createBmac();
		cells.processToQuarantine(product);
		ok(cells.lab().post(path(product, "regulatory-classification"), Map.of()));
		UUID otherClinic = createClinic("Tasks elsewhere");
		assertThat(tasks(createUser("PHYSICIAN", Set.of(otherClinic)))).contains("Nothing is waiting on you.");
		assertThat(tasks(createUser("RESEARCHER", Set.of(cells.clinicId())))).isEmpty();
	}

	/** The "Waiting on you" card of the user's dashboard, or "" when there is none. */
	private String tasks(String username) {
		WebSession browser = new WebSession(port);
		browser.signIn(username, USER_PASSWORD);
		String html = browser.get("/").html();
		int start = html.indexOf("id=\"tasks-card\"");
		if (start < 0) {
			return "";
		}
		int next = html.indexOf("<li class=\"card", start);
		return html.substring(start, next < 0 ? html.length() : next);
	}

}

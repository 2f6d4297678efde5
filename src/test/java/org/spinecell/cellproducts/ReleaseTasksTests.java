package org.spinecell.cellproducts;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's "Waiting on you": the four people a release needs each see their own part early
 * (physician: classification confirmation and the IND number; coordinator: trial consent; lab: IND
 * number and the release signature), and a task goes away once done.
 */
class ReleaseTasksTests extends CellProductTest {

	@Test
	void eachRoleSeesWhatTheReleaseWaitsForFromThemAndTheTaskGoesAwayWhenDone() {
		UUID product = createBmac();
		processToQuarantine(product);
		// Classified by the lab as a 351 biologic; not yet confirmed, no IND, no trial consent.
		assertThat(ok(lab.post(path(product, "regulatory-classification"), Map.of())).get("pathway").asString())
			.isEqualTo("BIOLOGIC_351");
		String din = Din.parse(ok(lab.get(path(product, ""))).get("din").asString()).printed();
		String coordinatorName = createUser("COORDINATOR", Set.of(clinicId));

		String physicianTasks = tasks(physicianUsername);
		assertThat(physicianTasks).contains("Confirm the regulatory classification of product " + din)
			.contains("Record the IND or BLA number of product " + din)
			.contains("Record the trial consent of Quinn, Iris (product " + din + " is used under an IND)")
			.contains("href=\"/lab/products/" + product + "\"")
			.contains("href=\"/patients/" + patientId + "/consents/new\"");
		String labTasks = tasks(labUsername);
		assertThat(labTasks).contains("Record the IND or BLA number of product " + din)
			.doesNotContain("Confirm the regulatory classification")
			.doesNotContain("trial consent")
			.doesNotContain("Sign the release");
		String coordinatorTasks = tasks(coordinatorName);
		assertThat(coordinatorTasks).contains("Record the trial consent of Quinn, Iris")
			.doesNotContain("Confirm the regulatory classification")
			.doesNotContain("IND or BLA number");

		ok(physician.post(path(product, "regulatory-classification/confirm"), Map.of()));
		ok(physician.put(path(product, "ind"), Map.of("indNumber", "IND 019876")));
		ok(physician.post("/api/v1/patients/" + patientId + "/consents", Map.of("type", "TRIAL", "status", "GIVEN",
				"effectiveDate", LocalDate.now().toString(), "formVersion", "v1")));

		assertThat(tasks(physicianUsername)).doesNotContain(din);
		assertThat(tasks(coordinatorName)).doesNotContain(din).contains("Nothing is waiting on you.");
		// Every criterion passes now: the lab is asked to sign; after the release nothing is left.
		assertThat(tasks(labUsername)).contains("Sign the release of product " + din + ": every criterion passes")
			.doesNotContain("IND or BLA number");
		ok(release(lab, product, USER_PASSWORD));
		assertThat(tasks(labUsername)).doesNotContain(din);
	}

	@Test
	void anotherClinicsProductsGiveNoTasksAndAdministratorsAndResearchersSeeNoList() {
		UUID product = createBmac();
		processToQuarantine(product);
		ok(lab.post(path(product, "regulatory-classification"), Map.of()));
		UUID otherClinic = createClinic("Tasks elsewhere");
		assertThat(tasks(createUser("PHYSICIAN", Set.of(otherClinic)))).contains("Nothing is waiting on you.");
		assertThat(tasks(createUser("RESEARCHER", Set.of(clinicId)))).isEmpty();
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

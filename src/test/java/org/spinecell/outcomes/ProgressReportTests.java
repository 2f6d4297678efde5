package org.spinecell.outcomes;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;

import static org.assertj.core.api.Assertions.assertThat;

/** The patient progress report: the patient's own scores, medicines and next follow-up, nobody else's. */
class ProgressReportTests extends IntegrationTest {

	/** A clinic with its lab technologist, physician and patient. */
	private CellLab cells;

	/** The patient's screening, injection and follow-ups. */
	private Treatment treatment;

	@BeforeEach
	void patientOfAClinic() {
		cells = new CellLab(app);
		treatment = new Treatment(cells);
	}

	@Test
	void reportShowsOwnScoresMedicinesAndNextFollowUpInPlainWords() throws IOException {
		treatment.prepareEligiblePatient(true);
		UUID procedure = treatment.injectAndComplete(Map.of("date", LocalDate.now().minusDays(10).toString()));
		assertThat(procedure).isNotNull();
		String responses = "/api/v1/patients/" + cells.patientId() + "/responses";
		ok(cells.physician().post(responses, Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 7))));
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/medications", Map.of("drug",
				"oxycodone", "dose", 10,
				"unit", "mg", "route", "ORAL", "frequencyPerDay", 3, "start", LocalDate.now().minusDays(30).toString())));
		UUID mine = cells.patientId();
		String myMrn = ownerJdbc().sql("SELECT mrn FROM patient WHERE id = :id").param("id", mine)
			.query(String.class).single();
		String myGivenName = ownerJdbc().sql("SELECT given_name FROM patient WHERE id = :id").param("id", mine)
			.query(String.class).single();
		String myFamilyName = ownerJdbc().sql("SELECT family_name FROM patient WHERE id = :id").param("id", mine)
			.query(String.class).single();

		// Another patient of the same clinic with a very different score and medicine.
		TestApi.Response other = cells.physician().post("/api/v1/patients", Map.of("clinicId", cells.clinicId(), "mrn",
				"PR-" + unique(), "givenName", "Otto", "familyName", "Other" + unique(), "birthDate", "1960-05-05",
				"sex", "MALE"));
		assertThat(other.status()).as(other.body()).isEqualTo(201);
		cells.switchToPatient(id(other.json()));
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 1))));
		ok(cells.physician().post("/api/v1/patients/" + cells.patientId() + "/medications", Map.of("drug",
				"tapentadol", "dose", 50,
				"unit", "mg", "route", "ORAL", "frequencyPerDay", 2, "start", LocalDate.now().minusDays(5).toString())));

		HttpResponse<byte[]> response = cells.physician().getBytes("/api/v1/patients/" + mine + "/progress-report.pdf");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		String text = text(response.body());
		assertThat(text).contains("Your progress report")
			.contains("Prepared for " + myGivenName)
			.contains("Back pain (0-10)")
			.contains("oxycodone")
			// 10 mg oxycodone three times a day is 45 MME a day (factor 1.5).
			.contains("Total morphine equivalent today: 45 mg a day.")
			.contains("Your next follow-up")
			.contains("after your treatment, around")
			.contains("dashed line");
		assertThat(text).doesNotContain(myMrn)
			.doesNotContain(myFamilyName)
			.doesNotContain(mine.toString())
			.doesNotContain("tapentadol")
			.doesNotContain("Otto");
		assertThat(scoreLines(text)).containsExactly("7");
	}

	@Test
	void patientChartHasTheReportButtonAndTheSessionCanDownloadIt() {
		treatment.prepareEligiblePatient(true);
		WebSession browser = new WebSession(port);
		browser.signIn(cells.physicianUsername(), USER_PASSWORD);
		assertThat(browser.get("/patients/" + cells.patientId()).html())
			.contains("href=\"/patients/" + cells.patientId() + "/progress-report.pdf\"");
		WebSession.Page pdf = browser.get("/patients/" + cells.patientId() + "/progress-report.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
	}

	@Test
	void otherClinicsPatientIsNotFound() {
		treatment.prepareEligiblePatient(true);
		UUID otherClinic = createClinic("PR");
		var outsider = login(createUser("PHYSICIAN", java.util.Set.of(otherClinic)), USER_PASSWORD);
		assertThat(outsider.getBytes("/api/v1/patients/" + cells.patientId() + "/progress-report.pdf").statusCode())
			.isEqualTo(404);
	}

	/** The scores in the "All your scores" table: the last cell of each row under it. */
	private static java.util.List<String> scoreLines(String text) {
		String table = text.substring(text.indexOf("All your scores"), text.indexOf("Your medicines"));
		return table.lines().filter(l -> l.contains("Back pain (0-10)")).map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}

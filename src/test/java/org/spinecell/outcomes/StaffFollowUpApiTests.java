package org.spinecell.outcomes;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.TestApi;
import org.spinecell.WebSession;
import org.spinecell.cellproducts.CellLab;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.CellLab.path;

/** Staff entering a follow-up's answers through the API, and the printed survey letter. */
class StaffFollowUpApiTests extends IntegrationTest {

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

	private static final Map<String, Object> ODI = odi(2);

	@Test
	void staffAnswersAreStoredOnceScoredAndAudited() {
		UUID followUp = surveys.baselineFollowUp();
		TestApi.Response created = enter(followUp, "odi-2.1a", ODI);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.get("instrument").asString()).isEqualTo("odi-2.1a");
		assertThat(body.get("score").decimalValue()).isEqualByComparingTo("40.0");
		assertThat(body.get("valid").asBoolean()).isTrue();
		assertThat(body.get("enteredByStaff").asBoolean()).isTrue();
		assertThat(body.get("followUpId").asString()).isEqualTo(followUp.toString());
		assertThat(body.get("followUpStatus").asString()).isEqualTo("DUE");
		assertThat(created.header("Location")).endsWith("/responses/" + body.get("id").asString());

		TestApi.Response again = enter(followUp, "odi-2.1a", ODI);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(created.body());

		TestApi.Response different = enter(followUp, "odi-2.1a", odi(3));
		assertThat(different.status()).as(different.body()).isEqualTo(409);
		assertThat(surveys.responsesStored(followUp, "odi-2.1a")).isEqualTo(1);
		boolean staff = ownerJdbc()
			.sql("SELECT entered_by_staff FROM instrument_response WHERE follow_up_id = :f AND instrument_id = 'odi-2.1a'")
			.param("f", followUp)
			.query(Boolean.class)
			.single();
		assertThat(staff).isTrue();
		String audited = ownerJdbc()
			.sql("SELECT changes::text FROM audit_event WHERE entity_type = 'InstrumentResponse' AND entity_id = :id")
			.param("id", body.get("id").asString())
			.query(String.class)
			.single();
		assertThat(audited).contains("\"enteredByStaff\"").contains("40.0").contains(followUp.toString());
	}

	@Test
	void invalidAnswersAndForeignInstrumentsAre422NamingTheFieldAndStoreNothing() {
		UUID followUp = surveys.baselineFollowUp();
		Map<String, Object> answers = new HashMap<>(ODI);
		answers.put("odi-4", 9);
		TestApi.Response invalid = enter(followUp, "odi-2.1a", answers);
		assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
		assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("odi-4");

		// rmdq-24 is a known instrument, but not one of the baseline's.
		TestApi.Response foreign = enter(followUp, "rmdq-24", Map.of());
		assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
		assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("instrument");

		assertThat(cells.physician().post("/api/v1/follow-ups/" + followUp + "/responses", Map.of("answers",
				ODI)).status())
			.isEqualTo(422);
		assertThat(surveys.responsesStored(followUp, "odi-2.1a")).isZero();
		assertThat(surveys.responsesStored(followUp, "rmdq-24")).isZero();
	}

	@Test
	void aCancelledFollowUpIs409AndAnotherClinicsIs404() {
		UUID followUp = surveys.baselineFollowUp();
		UUID w2 = id(find(treatment.followUps(), "timePoint", "W2"));
		ok(cells.physician().post("/api/v1/follow-ups/" + w2 + "/cancel", Map.of("reason", "Moved abroad")));
		TestApi.Response cancelled = enter(w2, "nrs-back", Map.of("nrs", 4));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(409);
		assertThat(surveys.responsesStored(w2, "nrs-back")).isZero();

		UUID otherClinic = createClinic("Staff entry elsewhere");
		TestApi elsewhere = login(createUser("COORDINATOR", Set.of(otherClinic)), USER_PASSWORD);
		TestApi.Response foreign = elsewhere.post("/api/v1/follow-ups/" + followUp + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 4)));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(elsewhere.post("/api/v1/follow-ups/" + followUp + "/letter", Map.of()).status()).isEqualTo(404);
		assertThat(enter(UUID.randomUUID(), "nrs-back", Map.of("nrs", 4)).status()).isEqualTo(404);
		TestApi.Response labEntry = cells.lab().post("/api/v1/follow-ups/" + followUp + "/responses",
				Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 4)));
		assertThat(labEntry.status()).isEqualTo(403);
		assertThat(surveys.responsesStored(followUp, "nrs-back")).isZero();
	}

	@Test
	void theLastInstrumentCompletesTheFollowUpInTheSameTransaction() {
		UUID followUp = surveys.baselineFollowUp();
		List<String> instruments = List.of("nrs-back", "nrs-leg", "odi-2.1a", "medication-work");
		narrow(followUp, instruments);
		assertThat(enter(followUp, "nrs-back", Map.of("nrs", 6)).json().get("followUpStatus").asString())
			.isEqualTo("DUE");
		assertThat(enter(followUp, "nrs-leg", Map.of("nrs", 2)).json().get("followUpStatus").asString())
			.isEqualTo("DUE");
		assertThat(enter(followUp, "odi-2.1a", ODI).json().get("followUpStatus").asString()).isEqualTo("DUE");
		assertThat(ok(cells.physician().get("/api/v1/follow-ups/"
				+ followUp)).get("status").asString()).isEqualTo("DUE");

		TestApi.Response last = enter(followUp, "medication-work",
				Map.of("pain-medication", true, "opioid", false, "work-status", "full-time"));
		assertThat(last.status()).as(last.body()).isEqualTo(201);
		assertThat(last.json().get("followUpStatus").asString()).isEqualTo("COMPLETED");
		assertThat(ok(cells.physician().get("/api/v1/follow-ups/" + followUp)).get("status").asString())
			.isEqualTo("COMPLETED");
		List<String> reasons = ownerJdbc()
			.sql("SELECT coalesce(reason, '') FROM audit_event WHERE entity_type = 'FollowUp' AND entity_id = :id AND action = 'UPDATE'")
			.param("id", followUp.toString())
			.query(String.class)
			.list();
		assertThat(reasons).containsExactly("completed");
		// The same answers again after completion give the stored response.
		assertThat(enter(followUp, "nrs-back", Map.of("nrs", 6)).status()).isEqualTo(200);
	}

	@Test
	void aRefusedLastAnswerLeavesTheFollowUpOpen() {
		UUID followUp = surveys.baselineFollowUp();
		narrow(followUp, List.of("nrs-back", "nrs-leg"));
		ok(enter(followUp, "nrs-back", Map.of("nrs", 6)));
		assertThat(enter(followUp, "nrs-leg", Map.of("nrs", 12)).status()).isEqualTo(422);
		assertThat(ok(cells.physician().get("/api/v1/follow-ups/"
				+ followUp)).get("status").asString()).isEqualTo("DUE");
	}

	@Test
	void staffAndPatientAnswersTogetherCompleteTheFollowUp() {
		UUID followUp = surveys.baselineFollowUp();
		narrow(followUp, List.of("nrs-back", "nrs-leg"));
		String token = surveys.link(followUp);
		assertThat(enter(followUp, "nrs-back", Map.of("nrs", 5)).json().get("followUpStatus").asString())
			.isEqualTo("DUE");
		TestApi.Response patient = surveys.submit(token, "nrs-leg", Map.of("nrs", 2));
		assertThat(patient.status()).as(patient.body()).isEqualTo(201);
		assertThat(patient.json().get("surveyCompleted").asBoolean()).isTrue();
		assertThat(ok(cells.physician().get("/api/v1/follow-ups/" + followUp)).get("status").asString())
			.isEqualTo("COMPLETED");
	}

	@Test
	void theSurveyCannotCompleteTheFollowUpWithoutItsLicensedPrimaryOutcomeAndStaffEntryDoes() {
		UUID followUp = surveys.baselineFollowUp();
		narrow(followUp, List.of("nrs-back", "odi-2.1a"));
		String token = surveys.link(followUp);
		// The ODI text is licensed and not loaded: the survey cannot ask it, and it is a primary outcome ...
		assertThat(surveys.submit(token, "nrs-back", Map.of("nrs", 5)).status()).isEqualTo(201);
		assertThat(ok(cells.physician().get("/api/v1/follow-ups/"
				+ followUp)).get("status").asString()).isEqualTo("DUE");
		WebSession browser = new WebSession(port);
		browser.signIn(cells.physicianUsername(), USER_PASSWORD);
		assertThat(browser.get("/follow-up/" + followUp + "/answers").html())
			.contains("Still needed before this follow-up is complete")
			.contains("(primary outcome)")
			.contains("its licensed text is not loaded, so the survey cannot ask it");
		// ... so staff collect it by phone, which completes the follow-up.
		TestApi.Response odi = enter(followUp, "odi-2.1a", ODI);
		assertThat(odi.status()).as(odi.body()).isEqualTo(201);
		assertThat(odi.json().get("followUpStatus").asString()).isEqualTo("COMPLETED");
		assertThat(surveys.responsesStored(followUp, "odi-2.1a")).isEqualTo(1);
		assertThat(browser.get("/follow-up/" + followUp + "/answers").html())
			.doesNotContain("Still needed before this follow-up is complete");
	}

	@Test
	void aPhoneEntryCompletesTheFollowUpWithoutTheLicensedInstrumentsNobodyCanAnswer() {
		// The whole baseline: NRS back and leg, ODI, medication and work, EQ-5D-5L and PROMIS-29; the last
		// two are licensed with no text loaded and not primary outcomes, so they are optional.
		UUID followUp = surveys.baselineFollowUp();
		ok(enter(followUp, "nrs-back", Map.of("nrs", 6)));
		ok(enter(followUp, "nrs-leg", Map.of("nrs", 2)));
		TestApi.Response withoutOdi = enter(followUp, "medication-work",
				Map.of("pain-medication", true, "opioid", false, "work-status", "full-time"));
		// Everything the survey could ask is answered, but not the primary outcome: still open.
		assertThat(withoutOdi.json().get("followUpStatus").asString()).isEqualTo("DUE");
		TestApi.Response odi = enter(followUp, "odi-2.1a", ODI);
		assertThat(odi.json().get("followUpStatus").asString()).isEqualTo("COMPLETED");
		assertThat(surveys.responsesStored(followUp, "eq-5d-5l")).isZero();
		assertThat(surveys.responsesStored(followUp, "promis-29")).isZero();
	}

	@Test
	void theLetterCarriesFirstNameAddressAndQrCodeButNoOtherIdentifier() throws Exception {
		UUID followUp = surveys.baselineFollowUp();
		String previous = surveys.link(followUp);
		HttpResponse<byte[]> response = postForBytes("/api/v1/follow-ups/" + followUp + "/letter");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		byte[] pdf = response.body();
		String text = text(pdf);
		String url = text.lines()
			.filter(line -> line.contains("/s/"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no address in the letter:\n" + text))
			.strip();
		// The configured public address (spinecell.mail.base-url), not the host the request named.
		assertThat(url).startsWith("http://localhost:8080/s/");
		String token = url.substring(url.lastIndexOf('/') + 1);
		assertThat(token).hasSize(43);
		assertThat(text).contains("Dear Iris,").contains("Cell lab ").contains("This link works until ");
		String mrn = ok(cells.physician().get("/api/v1/patients/" + cells.patientId())).get("mrn").asString();
		assertThat(text).doesNotContain("Quinn").doesNotContain(mrn).doesNotContain("1968");
		assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Quinn")
			.doesNotContain(mrn);

		BufferedImage page = render(pdf);
		// Kept for a person to look at, like the browser tests' screenshots.
		ImageIO.write(page, "png",
				Files.createDirectories(Path.of("target", "screenshots")).resolve("survey-letter.png").toFile());
		assertThat(qrCode(page)).isEqualTo(url);
		// The printed link works, and the one sent before it no longer does.
		assertThat(surveys.submit(token, "nrs-back", Map.of("nrs", 3)).status()).isEqualTo(201);
		assertThat(surveys.submit(previous, "nrs-leg", Map.of("nrs", 3)).status()).isEqualTo(404);
	}

	@Test
	void noLetterForAClosedFollowUp() {
		UUID followUp = surveys.baselineFollowUp();
		ok(cells.physician().post("/api/v1/follow-ups/" + followUp + "/complete", Map.of()));
		assertThat(postForBytes("/api/v1/follow-ups/" + followUp + "/letter").statusCode()).isEqualTo(409);
	}

	private TestApi.Response enter(UUID followUp, String instrument, Map<String, Object> answers) {
		return cells.physician().post("/api/v1/follow-ups/" + followUp + "/responses",
				Map.of("instrument", instrument, "answers", answers));
	}

	/** Limits the follow-up to these instruments, so a test need not answer all six of the baseline. */
	private void narrow(UUID followUp, List<String> instruments) {
		ownerJdbc().sql("UPDATE follow_up SET instruments = CAST(:i AS text[]) WHERE id = :id")
			.param("i", "{" + String.join(",", instruments) + "}")
			.param("id", followUp)
			.update();
	}

	private static Map<String, Object> odi(int each) {
		Map<String, Object> answers = new HashMap<>();
		for (int i = 1; i <= 10; i++) {
			answers.put("odi-" + i, each);
		}
		return answers;
	}

	private HttpResponse<byte[]> postForBytes(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + cells.physician().token())
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		try {
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	static BufferedImage render(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.GRAY);
		}
	}

	static String qrCode(BufferedImage page) throws Exception {
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
		return new MultiFormatReader()
			.decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE),
					DecodeHintType.TRY_HARDER, Boolean.TRUE))
			.getText();
	}

}

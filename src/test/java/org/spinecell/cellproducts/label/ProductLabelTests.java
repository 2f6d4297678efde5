package org.spinecell.cellproducts.label;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import org.spinecell.cellproducts.Din;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ProductLabelTests {

	private static final Din DIN = Din.of("W1234", 26, 123);

	private static final Instant COLLECTED = Instant.parse("2026-03-16T13:30:00Z");

	private static final Instant EXPIRES = Instant.parse("2026-03-16T17:30:00Z");

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final String STORAGE = "Store at 15–25 °C. Do not refrigerate.";

	private static final String REGULATORY = "PHS Act 361 HCT/P";

	static LabelData autologousBmac() {
		return new LabelData(DIN, "Bone marrow aspirate concentrate (BMAC)", "8.0 mL", COLLECTED, EXPIRES, NEW_YORK,
				STORAGE, REGULATORY, new LabelData.Autologous("Jane Q. Public", "MRN-004711", LocalDate.of(1961, 4, 23)),
				"SpineCell Demo Clinic – Cell Therapy Laboratory", null);
	}

	static LabelData allogeneicMsc() {
		return new LabelData(Din.of("W1234", 26, 4567), "Culture-expanded allogeneic MSC", "2.0 mL", COLLECTED,
				Instant.parse("2027-03-16T13:30:00Z"), NEW_YORK, "Store in vapour-phase liquid nitrogen, ≤ −150 °C.",
				"Investigational: IND 12345 — for use in clinical investigation only", null,
				"SpineCell Demo Clinic – Cell Therapy Laboratory",
				"Caution: New Drug—Limited by Federal law to investigational use");
	}

	@Test
	void showsTheDinThePatientTheTimesStorageAndRegulatoryStatus() throws IOException {
		String text = text(ProductLabel.render(autologousBmac()));

		assertThat(text).contains("W1234 26 000123 3")
			.contains("SpineCell Demo Clinic – Cell Therapy Laboratory")
			.contains("Bone marrow aspirate concentrate (BMAC)")
			.contains("8.0 mL")
			.contains("16 MAR 2026 09:30 EDT")
			.contains("Expires")
			.contains("16 MAR 2026 13:30 EDT")
			.contains("Store at 15–25 °C. Do not refrigerate.")
			.contains("PHS Act 361 HCT/P")
			.contains("FOR AUTOLOGOUS USE ONLY")
			.contains("Jane Q. Public")
			.contains("MRN-004711")
			.contains("23 APR 1961");
	}

	@Test
	void barCodesDecodeToTheDinValue() throws IOException, NotFoundException {
		for (LabelData label : List.of(autologousBmac(), allogeneicMsc())) {
			Map<BarcodeFormat, String> decoded = decode(image(ProductLabel.render(label)));

			assertThat(decoded).containsOnlyKeys(BarcodeFormat.CODE_128, BarcodeFormat.DATA_MATRIX);
			assertThat(decoded).allSatisfy((format, text) -> assertThat(text).isEqualTo(label.din().value()));
			assertThat(Din.parse(decoded.get(BarcodeFormat.CODE_128))).isEqualTo(label.din());
		}
	}

	@Test
	void allogeneicLabelNamesNoPatient() throws IOException {
		String text = text(ProductLabel.render(allogeneicMsc()));

		assertThat(text).contains(Din.of("W1234", 26, 4567).printed())
			.contains("Investigational: IND 12345")
			.contains("Caution: New Drug")
			.doesNotContain("AUTOLOGOUS")
			.doesNotContain("Patient")
			.doesNotContain("MRN")
			.doesNotContain("DOB");
	}

	/** Every text as long as it can be, and a name the label's fonts cannot spell. */
	static LabelData overfullLabel() {
		String longText = "Culture-expanded allogeneic mesenchymal stromal cells from umbilical cord tissue, "
			.repeat(8);
		String noSpaces = "X".repeat(300);
		return new LabelData(DIN, longText, noSpaces, COLLECTED, EXPIRES, ZoneId.of("America/Argentina/ComodRivadavia"),
				"Store at 15–25 °C. " + longText, "PHS Act 361 HCT/P. " + longText,
				new LabelData.Autologous("王小明 Dvořák 😀 Ünal\tSmith\nJr.", noSpaces, LocalDate.of(1961, 4, 23)),
				longText, "For research use only. " + longText);
	}

	@Test
	void longTextAndUnencodableCharactersStayOnTheLabel() throws IOException {
		byte[] pdf = ProductLabel.render(overfullLabel());

		List<TextPosition> positions = positions(pdf);
		assertThat(positions).isNotEmpty().allSatisfy(position -> {
			assertThat(position.getXDirAdj()).isGreaterThanOrEqualTo(ProductLabel.MARGIN - 0.01f);
			assertThat(position.getXDirAdj() + position.getWidthDirAdj())
				.isLessThanOrEqualTo(ProductLabel.SIZE - ProductLabel.MARGIN + 0.01f);
			assertThat(position.getYDirAdj() - position.getHeightDir()).isGreaterThanOrEqualTo(ProductLabel.MARGIN);
			assertThat(position.getYDirAdj()).isLessThanOrEqualTo(ProductLabel.SIZE - ProductLabel.MARGIN);
		});
		String text = text(pdf);
		assertThat(text).contains("??? Dvo?ák ? Ünal Smith Jr.")
			.contains("…")
			.contains("W1234 26 000123 3")
			.contains("16 MAR 2026 14:30 ART")
			.contains("Store at 15–25 °C.")
			.contains("PHS Act 361 HCT/P.")
			.contains("FOR AUTOLOGOUS USE ONLY")
			.contains("23 APR 1961")
			.contains("For research use only.");
		assertThat(image(pdf).getWidth()).isEqualTo(1181);
	}

	@Test
	void isOnePageOfOneHundredMillimetresTitledWithTheDin() throws IOException {
		try (PDDocument document = Loader.loadPDF(ProductLabel.render(autologousBmac()))) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			PDRectangle size = document.getPage(0).getMediaBox();
			assertThat(size.getWidth()).isCloseTo(283.46f, within(0.01f));
			assertThat(size.getHeight()).isCloseTo(283.46f, within(0.01f));
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Label W1234 26 000123 3");
		}
	}

	@Test
	void namesTheZoneOfTheTimes() {
		assertThat(ProductLabel.dateTime(EXPIRES, ZoneId.of("Europe/Berlin"))).isEqualTo("16 MAR 2026 18:30 CET");
		assertThat(ProductLabel.dateTime(EXPIRES, ZoneOffset.UTC)).isEqualTo("16 MAR 2026 17:30 GMT");
		assertThat(ProductLabel.dateTime(EXPIRES, ZoneOffset.ofHours(2))).isEqualTo("16 MAR 2026 19:30 GMT+2");
	}

	@Test
	void refusesAProductThatExpiresBeforeItWasCollected() {
		LabelData label = autologousBmac();
		assertThatIllegalArgumentException().isThrownBy(() -> new LabelData(label.din(), label.productDescription(),
				label.volume(), EXPIRES, COLLECTED, NEW_YORK, STORAGE, REGULATORY, null, "Facility", null));
	}

	/** Not a check: writes the label where a person can look at it. */
	@Test
	void writesAPreview() throws IOException {
		Path target = Path.of("target");
		Files.createDirectories(target);
		ImageIO.write(image(ProductLabel.render(autologousBmac())), "png", target.resolve("label-preview.png").toFile());
		ImageIO.write(image(ProductLabel.render(allogeneicMsc())), "png",
				target.resolve("label-preview-allogeneic.png").toFile());
		ImageIO.write(image(ProductLabel.render(overfullLabel())), "png",
				target.resolve("label-preview-overfull.png").toFile());
		assertThat(target.resolve("label-preview.png")).isNotEmptyFile();
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private static BufferedImage image(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);
		}
	}

	/**
	 * Decodes the symbols in the bar-code row, each from its own part of the page: ZXing's Data
	 * Matrix detector looks outwards from the middle of the image and gets lost in a whole label.
	 */
	private static Map<BarcodeFormat, String> decode(BufferedImage page) throws NotFoundException {
		int row = page.getHeight() / 10;
		int rowHeight = page.getHeight() / 4;
		Map<BarcodeFormat, String> decoded = new EnumMap<>(BarcodeFormat.class);
		for (BufferedImage part : List.of(page.getSubimage(0, row, page.getWidth() * 7 / 10, rowHeight),
				page.getSubimage(page.getWidth() * 3 / 4, row, page.getWidth() / 4, rowHeight))) {
			Result result = decodeOne(part);
			assertThat(decoded.put(result.getBarcodeFormat(), result.getText())).isNull();
		}
		return decoded;
	}

	private static Result decodeOne(BufferedImage image) throws NotFoundException {
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128, BarcodeFormat.DATA_MATRIX));
		hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		return new MultiFormatReader().decode(bitmap, hints);
	}

	private static List<TextPosition> positions(byte[] pdf) throws IOException {
		List<TextPosition> positions = new ArrayList<>();
		PDFTextStripper stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> textPositions) {
				positions.addAll(textPositions);
			}
		};
		try (PDDocument document = Loader.loadPDF(pdf)) {
			stripper.getText(document);
		}
		return positions;
	}

}

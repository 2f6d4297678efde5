package org.spinecell.cellproducts.label;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import org.spinecell.cellproducts.Din;

/**
 * A cell-product label as a one-page PDF, 100 mm square: the facility, the DIN eye-readable and
 * as Code 128 and Data Matrix symbols, the product, its volume, collection and expiry times,
 * storage, regulatory status, the patient of an autologous product and an optional warning.
 * Text is set in the standard Helvetica fonts, so characters outside WinAnsi print as {@code ?};
 * text too long for its place is wrapped and then cut with an ellipsis, never run off the label.
 *
 * <p>
 * The bar codes carry the 14 characters of {@link Din#value()}, the form {@link Din#parse}
 * reads; they are not the ISBT 128 data structure with its {@code =} identifier and flag
 * characters.
 */
public final class ProductLabel {

	static final float MM = 72 / 25.4f;

	static final float SIZE = 100 * MM;

	static final float MARGIN = 4 * MM;

	/** Code 128 module width: three dots of a 203 dpi label printer. */
	private static final float BAR_MODULE = 0.375f * MM;

	/** Code 128 wants ten modules of blank on each side. */
	private static final float BAR_QUIET_ZONE = 10 * BAR_MODULE;

	/** Data Matrix module size: six dots of a 203 dpi label printer. */
	private static final float MATRIX_MODULE = 0.75f * MM;

	/** Data Matrix wants one module of blank around it; two leave room for print spread. */
	private static final float MATRIX_QUIET_ZONE = 2 * MATRIX_MODULE;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM uuuu", Locale.ENGLISH);

	private ProductLabel() {
	}

	/** The label as the bytes of a PDF document titled "Label" and the printed DIN. */
	public static byte[] render(LabelData label) {
		try (PDDocument document = new PDDocument()) {
			document.getDocumentInformation().setTitle("Label " + label.din().printed());
			document.getDocumentInformation().setCreator("SpineCell");
			PDPage page = new PDPage(new PDRectangle(SIZE, SIZE));
			document.addPage(page);
			int maxLines = linesThatFit(label);
			try (PDPageContentStream contents = new PDPageContentStream(document, page)) {
				draw(cursor(contents), label, maxLines);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			// Nothing here reads or writes a file: an IOException is a bug, not a condition.
			throw new UncheckedIOException("cannot render the label of " + label.din(), ex);
		}
	}

	/**
	 * How many lines each wrapped text may take. Two if everything then fits; otherwise one,
	 * which always fits, so that no line, least of all the warning at the bottom, is left out.
	 */
	private static int linesThatFit(LabelData label) throws IOException {
		LabelCursor trial = cursor(null);
		draw(trial, label, 2);
		return trial.overflowed() ? 1 : 2;
	}

	private static LabelCursor cursor(PDPageContentStream contents) {
		return new LabelCursor(contents, MARGIN, SIZE - MARGIN, SIZE - 2 * MARGIN, MARGIN);
	}

	private static void draw(LabelCursor page, LabelData label, int maxLines) throws IOException {
		PDFont regular = page.regular();
		PDFont bold = page.bold();
		page.lines(bold, 9, label.facilityName(), 1);
		page.gap(1 * MM);
		page.din(bold, 18, label.din().printed());
		page.gap(1.5f * MM);
		barcodes(page, label.din());
		page.gap(1.5f * MM);
		page.rule();
		page.gap(1.5f * MM);
		page.lines(bold, 11, label.productDescription(), maxLines);
		page.gap(0.5f * MM);
		page.field("Volume", regular, label.volume(), 1);
		page.field("Collected", regular, dateTime(label.collectedAt(), label.zone()), 1);
		page.field("Expires", bold, dateTime(label.expiresAt(), label.zone()), 1);
		page.gap(1 * MM);
		page.lines(regular, 8, label.storage(), maxLines);
		page.lines(bold, 8, label.regulatoryStatus(), maxLines);
		if (label.isAutologous()) {
			page.gap(1.5f * MM);
			autologous(page, label.autologous(), maxLines);
		}
		if (label.warning() != null) {
			page.gap(1.5f * MM);
			page.lines(bold, 8, label.warning(), maxLines);
		}
	}

	private static void barcodes(LabelCursor page, Din din) throws IOException {
		BitMatrix bars = LabelBarcodes.code128(din.value());
		BitMatrix matrix = LabelBarcodes.dataMatrix(din.value());
		float height = matrix.getHeight() * MATRIX_MODULE;
		// The page margin is at least as wide as the quiet zone, so the bars start at the margin,
		// in line with the text, and the Data Matrix ends at the right margin.
		float matrixLeft = page.right() - matrix.getWidth() * MATRIX_MODULE;
		float barsRight = page.left() + bars.getWidth() * BAR_MODULE;
		if (barsRight + BAR_QUIET_ZONE + MATRIX_QUIET_ZONE > matrixLeft || MARGIN < BAR_QUIET_ZONE) {
			throw new IllegalStateException("the bar codes of " + din + " do not fit on the label");
		}
		page.barcode(bars, page.left(), BAR_MODULE, height);
		page.barcode(matrix, matrixLeft, MATRIX_MODULE, MATRIX_MODULE);
		page.gap(height);
	}

	private static void autologous(LabelCursor page, LabelData.Autologous patient, int maxLines) throws IOException {
		PDFont bold = page.bold();
		float padding = 1.5f * MM;
		float boxTop = page.top();
		page.gap(padding);
		page.indent(padding);
		page.centred(bold, 11, "FOR AUTOLOGOUS USE ONLY");
		page.gap(0.5f * MM);
		page.field("Patient", bold, patient.patientName(), maxLines);
		page.field("MRN", bold, patient.mrn(), 1);
		page.field("DOB", bold, patient.birthDate().format(DATE).toUpperCase(Locale.ROOT), 1);
		page.indent(-padding);
		page.gap(padding);
		page.box(boxTop, page.top(), 1.2f);
	}

	/**
	 * ISBT 128 labels spell the month, which no reader can take for a day, and the zone is named
	 * by its abbreviation, which shows summer time (EDT rather than EST); a fixed offset is named
	 * as one.
	 */
	static String dateTime(Instant instant, ZoneId zone) {
		String pattern = zone instanceof ZoneOffset ? "dd MMM uuuu HH:mm O" : "dd MMM uuuu HH:mm z";
		return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(instant.atZone(zone))
			.toUpperCase(Locale.ROOT);
	}

}

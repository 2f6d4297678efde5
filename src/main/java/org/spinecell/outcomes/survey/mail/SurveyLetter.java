package org.spinecell.outcomes.survey.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The survey letter a clinic posts or hands to a patient: one A4 page with the clinic's name, the
 * patient's first name, plain instructions, the survey address as text and as a QR code, and the
 * last day the link works. It names the patient by first name only, since a letter can be seen by
 * others; no family name, record number or birth date is printed.
 */
public final class SurveyLetter {

	private static final float MM = 72 / 25.4f;

	private static final float MARGIN = 25 * MM;

	private static final float QR_SIZE = 45 * MM;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

	private SurveyLetter() {
	}

	/**
	 * What the letter says.
	 * @param when the time point in plain words ("3 months after your treatment")
	 * @param expiresAt the moment the link stops working
	 */
	public record Content(String clinicName, String givenName, String when, String url, Instant expiresAt) {

		/** The last day the link works (it expires at the start of the next day, UTC). */
		LocalDate lastDay() {
			return LocalDate.ofInstant(expiresAt.minusSeconds(1), ZoneOffset.UTC);
		}

	}

	public static byte[] render(Content content) {
		try (PDDocument document = new PDDocument()) {
			document.getDocumentInformation().setTitle("Follow-up questionnaire");
			document.getDocumentInformation().setCreator("SpineCell");
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			try (PDPageContentStream contents = new PDPageContentStream(document, page)) {
				new Writer(contents, page.getMediaBox()).write(content);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			// Nothing here reads or writes a file: an IOException is a bug, not a condition.
			throw new UncheckedIOException("cannot render the survey letter", ex);
		}
	}

	static BitMatrix qrCode(String url) {
		try {
			return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
		}
		catch (WriterException ex) {
			throw new IllegalStateException("cannot encode the survey address as a QR code", ex);
		}
	}

	/** Sets the letter from the top down; y grows upwards in PDF coordinates. */
	private static final class Writer {

		private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

		private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

		private final PDFont mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);

		private final PDPageContentStream contents;

		private final float width;

		private float top;

		Writer(PDPageContentStream contents, PDRectangle page) {
			this.contents = contents;
			this.width = page.getWidth() - 2 * MARGIN;
			this.top = page.getHeight() - MARGIN;
		}

		void write(Content c) throws IOException {
			paragraph(bold, 16, c.clinicName());
			top -= 10 * MM;
			paragraph(regular, 12, "Dear " + c.givenName() + ",");
			top -= 4 * MM;
			paragraph(regular, 11, "We would like to know how you are doing " + c.when()
					+ ". Please answer a few short questionnaires about your pain and daily life. "
					+ "It takes about 10 to 15 minutes, and your answers go straight to your care team.");
			top -= 4 * MM;
			paragraph(bold, 11, "How to answer");
			paragraph(regular, 11, "1. Scan the square code below with your phone's camera, or type the web "
					+ "address below into a browser on your phone, tablet or computer.");
			paragraph(regular, 11, "2. Answer the questions on each page and press the button at the bottom to send "
					+ "them. You can stop and come back later with the same address.");
			paragraph(regular, 11, "3. When you see the thank-you page, you are done.");
			top -= 4 * MM;
			paragraph(bold, 11, "Web address");
			paragraph(mono, 10, c.url());
			// The QR code wants four modules of blank around it; 6 mm is more than that.
			top -= 6 * MM;
			qr(c.url());
			top -= 6 * MM;
			paragraph(bold, 11, "This link works until " + DATE.format(c.lastDay()) + ".");
			paragraph(regular, 11, "The link is for you alone: please do not share it. If you would rather answer "
					+ "by phone, or have any questions, please call your clinic.");
			top -= 4 * MM;
			paragraph(regular, 11, "Thank you,");
			paragraph(regular, 11, c.clinicName());
		}

		private void paragraph(PDFont font, float size, String text) throws IOException {
			for (String line : wrap(font, size, printable(font, text))) {
				contents.beginText();
				contents.setFont(font, size);
				contents.newLineAtOffset(MARGIN, top - size);
				contents.showText(line);
				contents.endText();
				top -= size * 1.35f;
			}
		}

		private void qr(String url) throws IOException {
			BitMatrix matrix = qrCode(url);
			float module = QR_SIZE / matrix.getWidth();
			float left = MARGIN;
			contents.setNonStrokingColor(0f);
			for (int row = 0; row < matrix.getHeight(); row++) {
				for (int column = 0; column < matrix.getWidth(); column++) {
					if (matrix.get(column, row)) {
						contents.addRect(left + column * module, top - (row + 1) * module, module, module);
					}
				}
			}
			contents.fill();
			top -= QR_SIZE;
		}

		/** Lines no wider than the page: broken between words, or inside a word (an address) too long for one. */
		private List<String> wrap(PDFont font, float size, String text) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			for (String word : text.split(" ")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (width(font, size, candidate) <= width) {
					line.setLength(0);
					line.append(candidate);
					continue;
				}
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				String rest = word;
				while (width(font, size, rest) > width) {
					int end = rest.length();
					while (end > 1 && width(font, size, rest.substring(0, end)) > width) {
						end--;
					}
					lines.add(rest.substring(0, end));
					rest = rest.substring(end);
				}
				line.append(rest);
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
			}
			return lines;
		}

		private static float width(PDFont font, float size, String text) throws IOException {
			return font.getStringWidth(text) / 1000 * size;
		}

		/** The standard fonts carry WinAnsi only: any other character prints as '?' rather than failing. */
		private static String printable(PDFont font, String text) {
			StringBuilder result = new StringBuilder();
			text.codePoints().forEach(codePoint -> {
				String character = Character.isWhitespace(codePoint) ? " " : Character.toString(codePoint);
				try {
					font.encode(character);
					result.append(character);
				}
				catch (IllegalArgumentException | IOException ex) {
					result.append('?');
				}
			});
			return result.toString();
		}

	}

}

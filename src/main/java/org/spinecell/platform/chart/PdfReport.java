package org.spinecell.platform.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A report set from the top down on A4 pages: headings, wrapped paragraphs, simple tables and
 * {@link Chart}s drawn by {@link PdfChart}; a new page starts whenever the next block does not fit.
 * Use it in a try-with-resources block and take the bytes with {@link #toBytes()}.
 */
public final class PdfReport implements AutoCloseable {

	private static final float MM = 72 / 25.4f;

	private static final float MARGIN = 18 * MM;

	private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDDocument document = new PDDocument();

	private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private PDPageContentStream contents;

	private float top;

	public PdfReport(String title) {
		document.getDocumentInformation().setTitle(title);
		document.getDocumentInformation().setCreator("SpineCell");
		newPage();
	}

	public PdfReport heading(String text) {
		space(14 * 2.5f);
		return lines(bold, 14, text);
	}

	public PdfReport subheading(String text) {
		space(11 * 2.5f);
		return lines(bold, 11, text);
	}

	public PdfReport paragraph(String text) {
		lines(regular, 10, text);
		top -= 4;
		return this;
	}

	/** A table with a bold header; columns share the width equally, long values wrap in their cell. */
	public PdfReport table(List<String> header, List<List<String>> rows) {
		float column = width / Math.max(1, header.size());
		float size = header.size() > 8 ? 7 : 8.5f;
		row(bold, size, header, column);
		for (List<String> row : rows) {
			row(regular, size, row, column);
		}
		top -= 6;
		return this;
	}

	public PdfReport chart(Chart chart) {
		return drawing(PdfChart.height(chart, width), () -> PdfChart.draw(contents, chart, MARGIN, top, width));
	}

	public PdfReport chart(Forest forest) {
		return drawing(PdfChart.height(forest, width), () -> PdfChart.draw(contents, forest, MARGIN, top, width));
	}

	private interface Drawing {

		void draw() throws IOException;

	}

	/** Draws a figure {@code height} points high, on a new page unless it fits on this one. */
	private PdfReport drawing(float height, Drawing drawing) {
		space(height);
		try {
			drawing.draw();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		top -= height + 6;
		return this;
	}

	public byte[] toBytes() {
		try {
			contents.close();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			document.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			// Nothing here reads or writes a file: an IOException is a bug, not a condition.
			throw new UncheckedIOException("cannot render the report", ex);
		}
	}

	@Override
	public void close() {
		try {
			document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void row(PDFont font, float size, List<String> cells, float column) {
		List<List<String>> wrapped = new ArrayList<>();
		int height = 1;
		for (String cell : cells) {
			List<String> lines = wrap(font, size, PdfChart.printable(font, cell), column - 4);
			wrapped.add(lines);
			height = Math.max(height, lines.size());
		}
		space(height * size * 1.3f);
		for (int c = 0; c < wrapped.size(); c++) {
			for (int l = 0; l < wrapped.get(c).size(); l++) {
				show(font, size, MARGIN + c * column, top - size - l * size * 1.3f, wrapped.get(c).get(l));
			}
		}
		top -= height * size * 1.3f + 2;
	}

	private PdfReport lines(PDFont font, float size, String text) {
		for (String line : wrap(font, size, PdfChart.printable(font, text), width)) {
			space(size * 1.35f);
			show(font, size, MARGIN, top - size, line);
			top -= size * 1.35f;
		}
		return this;
	}

	private void show(PDFont font, float size, float x, float y, String text) {
		try {
			contents.beginText();
			contents.setFont(font, size);
			contents.newLineAtOffset(x, y);
			contents.showText(text);
			contents.endText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts a new page unless {@code height} more points fit on this one. */
	private void space(float height) {
		if (top - height < MARGIN) {
			newPage();
		}
	}

	private void newPage() {
		try {
			if (contents != null) {
				contents.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			document.addPage(page);
			contents = new PDPageContentStream(document, page);
			top = page.getMediaBox().getHeight() - MARGIN;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> wrap(PDFont font, float size, String text, float width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (!line.isEmpty() && widthOf(font, size, candidate) > width) {
				lines.add(line.toString());
				line = new StringBuilder(word);
			}
			else {
				line = new StringBuilder(candidate);
			}
		}
		lines.add(line.toString());
		return lines;
	}

	private static float widthOf(PDFont font, float size, String text) {
		try {
			return font.getStringWidth(text) / 1000 * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package org.spinecell.cellproducts.label;

import java.io.IOException;
import java.util.List;

import com.google.zxing.common.BitMatrix;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Sets a label from the top down in PDF coordinates (points, y growing upwards). A line that
 * would reach below the bottom margin is left out rather than printed off the label, and the
 * cursor remembers it. Without a content stream it only measures, so a layout can be tried
 * before it is drawn.
 */
final class LabelCursor {

	/** Baseline below the top of a line, as a fraction of the font size. */
	private static final float ASCENT = 0.95f;

	private static final float LEADING = 1.2f;

	private static final float CAPTION_SIZE = 8;

	private static final float VALUE_SIZE = 9;

	private static final float CAPTION_WIDTH = 15 * ProductLabel.MM;

	// Per label, not shared: PDFBox fonts cache glyph widths in unsynchronised maps.
	private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	/** {@code null} when only measuring. */
	private final PDPageContentStream contents;

	private final float floor;

	private boolean overflowed;

	private float left;

	private float width;

	private float top;

	LabelCursor(PDPageContentStream contents, float left, float top, float width, float floor) {
		this.contents = contents;
		this.left = left;
		this.top = top;
		this.width = width;
		this.floor = floor;
	}

	PDFont regular() {
		return regular;
	}

	PDFont bold() {
		return bold;
	}

	/** Whether a line was left out for want of room. */
	boolean overflowed() {
		return overflowed;
	}

	float left() {
		return left;
	}

	float right() {
		return left + width;
	}

	float top() {
		return top;
	}

	void gap(float height) {
		top -= height;
	}

	/** Narrows (or, negative, widens again) the text column on both sides. */
	void indent(float inset) {
		left += inset;
		width -= 2 * inset;
	}

	/** The text wrapped to the column in at most {@code maxLines} lines. */
	void lines(PDFont font, float size, String text, int maxLines) throws IOException {
		for (String line : LabelText.wrap(font, size, LabelText.encodable(font, text), width, maxLines)) {
			show(font, size, left, line);
		}
	}

	void centred(PDFont font, float size, String text) throws IOException {
		String line = LabelText.fit(font, size, LabelText.encodable(font, text), width);
		show(font, size, left + (width - LabelText.width(font, size, line)) / 2, line);
	}

	/** A caption with its value beside it in at most {@code maxLines} lines. */
	void field(String caption, PDFont font, String value, int maxLines) throws IOException {
		float valueWidth = width - CAPTION_WIDTH;
		List<String> lines = LabelText.wrap(font, VALUE_SIZE, LabelText.encodable(font, value), valueWidth, maxLines);
		if (!fits(VALUE_SIZE)) {
			return;
		}
		text(regular, CAPTION_SIZE, left, top - ASCENT * VALUE_SIZE, caption);
		for (String line : lines) {
			show(font, VALUE_SIZE, left + CAPTION_WIDTH, line);
		}
		if (lines.isEmpty()) {
			top -= LEADING * VALUE_SIZE;
		}
	}

	/**
	 * The eye-readable DIN, its check character boxed as ISBT 128 prints it, set apart from the
	 * number it checks. The whole DIN is one run of text, so it is copied and searched as printed.
	 */
	void din(PDFont font, float size, String printed) throws IOException {
		String line = LabelText.fit(font, size, printed, width);
		float baseline = top - ASCENT * size;
		if (!show(font, size, left, line) || line.endsWith(LabelText.ELLIPSIS) || contents == null) {
			return;
		}
		String check = line.substring(line.length() - 1);
		float checkLeft = left + LabelText.width(font, size, line.substring(0, line.length() - 1));
		float pad = 0.15f * size;
		contents.setLineWidth(0.8f);
		contents.addRect(checkLeft - pad, baseline - pad, LabelText.width(font, size, check) + 2 * pad,
				0.72f * size + 2 * pad);
		contents.stroke();
	}

	/**
	 * The dark modules of a bar code matrix, its top-left corner at the cursor's height, and moves
	 * below it.
	 */
	void barcode(BitMatrix matrix, float x, float moduleWidth, float moduleHeight) throws IOException {
		float height = matrix.getHeight() * moduleHeight;
		if (top - height < floor) {
			overflowed = true;
			return;
		}
		if (contents != null) {
			contents.setNonStrokingColor(0f);
			LabelBarcodes.draw(contents, matrix, x, top, moduleWidth, moduleHeight);
		}
	}

	/** A thin line across the column. */
	void rule() throws IOException {
		if (contents == null) {
			return;
		}
		contents.setLineWidth(0.5f);
		contents.moveTo(left, top);
		contents.lineTo(right(), top);
		contents.stroke();
	}

	/** A frame around the column between two heights, as far down as the bottom margin. */
	void box(float boxTop, float boxBottom, float lineWidth) throws IOException {
		if (contents == null) {
			return;
		}
		float bottom = Math.max(boxBottom, floor);
		float inset = lineWidth / 2;
		contents.setLineWidth(lineWidth);
		contents.addRect(left + inset, bottom + inset, width - lineWidth, boxTop - bottom - lineWidth);
		contents.stroke();
	}

	/** Shows one line at the cursor and moves below it; false if it would cross the margin. */
	private boolean show(PDFont font, float size, float x, String line) throws IOException {
		if (!fits(size)) {
			return false;
		}
		text(font, size, x, top - ASCENT * size, line);
		top -= LEADING * size;
		return true;
	}

	private boolean fits(float size) {
		boolean fits = top - LEADING * size >= floor;
		overflowed |= !fits;
		return fits;
	}

	private void text(PDFont font, float size, float x, float baseline, String line) throws IOException {
		if (contents == null) {
			return;
		}
		contents.beginText();
		contents.setFont(font, size);
		contents.newLineAtOffset(x, baseline);
		contents.showText(line);
		contents.endText();
	}

}

package org.spinecell.cellproducts.label;

import java.io.IOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * The bar codes on a label, encoded by ZXing one module per matrix cell, without quiet zones (the
 * layout leaves those blank), and drawn as filled vector rectangles so they stay sharp at any
 * printer resolution.
 */
final class LabelBarcodes {

	private LabelBarcodes() {
	}

	/** A Code 128 symbol: one row, one cell per module. */
	static BitMatrix code128(String contents) {
		return encode(() -> new Code128Writer().encode(contents, BarcodeFormat.CODE_128, 0, 1,
				Map.of(EncodeHintType.MARGIN, 0)));
	}

	/** A square Data Matrix (ECC 200) symbol, one cell per module. */
	static BitMatrix dataMatrix(String contents) {
		return encode(() -> new DataMatrixWriter().encode(contents, BarcodeFormat.DATA_MATRIX, 0, 0,
				Map.of(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE)));
	}

	/**
	 * Fills the dark modules of the matrix with the current colour, its top-left corner at
	 * ({@code left}, {@code top}) in PDF coordinates (y grows upwards).
	 */
	static void draw(PDPageContentStream contents, BitMatrix matrix, float left, float top, float moduleWidth,
			float moduleHeight) throws IOException {
		// Each run of dark modules in a row is one rectangle, and all of them are filled as one
		// path: separate fills leave hairline gaps between neighbours on anti-aliased renderers.
		for (int row = 0; row < matrix.getHeight(); row++) {
			float y = top - (row + 1) * moduleHeight;
			int column = 0;
			while (column < matrix.getWidth()) {
				if (!matrix.get(column, row)) {
					column++;
					continue;
				}
				int start = column;
				while (column < matrix.getWidth() && matrix.get(column, row)) {
					column++;
				}
				contents.addRect(left + start * moduleWidth, y, (column - start) * moduleWidth, moduleHeight);
			}
		}
		contents.fill();
	}

	private static BitMatrix encode(Encoding encoding) {
		try {
			return encoding.encode();
		}
		catch (WriterException ex) {
			// A DIN is 14 ASCII letters and digits, which both symbologies always encode.
			throw new IllegalStateException("cannot encode the bar code", ex);
		}
	}

	@FunctionalInterface
	private interface Encoding {

		BitMatrix encode() throws WriterException;

	}

}

package org.spinecell.cellproducts.label;

import java.util.List;

import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelTextTests {

	private static final PDFont HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	@Test
	void keepsWinAnsiCharactersAndReplacesOthersWithAQuestionMark() {
		String winAnsi = "Store at 15–25 °C — µL, José, Œuvre";
		assertThat(LabelText.encodable(HELVETICA, winAnsi)).isEqualTo(winAnsi);
		assertThat(LabelText.encodable(HELVETICA, "王小明 Dvořák 😀")).isEqualTo("??? Dvo?ák ?");
	}

	@Test
	void composesAccentsBeforeLookingThemUp() {
		assertThat(LabelText.encodable(HELVETICA, "Jose\u0301")).isEqualTo("José");
	}

	@Test
	void turnsLineBreaksTabsAndOtherSpacesIntoOneSpace() {
		assertThat(LabelText.encodable(HELVETICA, " Smith\t\nJr.\u00a0\u2009III ")).isEqualTo("Smith Jr. III");
	}

	@Test
	void spellsMinusAndComparisonSignsRatherThanHidingALimit() {
		assertThat(LabelText.encodable(HELVETICA, "≤ −150 °C, ≥ 70 %")).isEqualTo("<= -150 °C, >= 70 %");
	}

	@Test
	void wrapsBetweenWordsAndEndsCutTextWithAnEllipsis() {
		String text = "one two three four five six seven eight nine ten";
		float width = LabelText.width(HELVETICA, 10, "one two three");

		List<String> lines = LabelText.wrap(HELVETICA, 10, text, width, 2);

		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).isEqualTo("one two three");
		assertThat(lines.get(1)).startsWith("four").endsWith(LabelText.ELLIPSIS);
		assertThat(lines).allSatisfy(line -> assertThat(LabelText.width(HELVETICA, 10, line)).isLessThanOrEqualTo(width));
	}

	@Test
	void breaksAWordTooLongForALine() {
		String word = "X".repeat(100);
		float width = LabelText.width(HELVETICA, 10, "XXXXXXXXXX");

		List<String> lines = LabelText.wrap(HELVETICA, 10, word, width, 3);

		assertThat(lines).containsExactly("XXXXXXXXXX", "XXXXXXXXXX", "XXXXXXXX" + LabelText.ELLIPSIS);
	}

	@Test
	void leavesTextThatFitsAlone() {
		assertThat(LabelText.wrap(HELVETICA, 10, "8.0 mL", 100, 2)).containsExactly("8.0 mL");
		assertThat(LabelText.fit(HELVETICA, 10, "8.0 mL", 100)).isEqualTo("8.0 mL");
		assertThat(LabelText.wrap(HELVETICA, 10, "", 100, 2)).isEmpty();
	}

}

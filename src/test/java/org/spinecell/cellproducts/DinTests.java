package org.spinecell.cellproducts;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DinTests {

	@Test
	void buildsTheDinFromFinYearAndSequenceWithItsCheckCharacter() {
		Din din = Din.of("W1234", 26, 123);
		assertThat(din.value()).isEqualTo("W1234260001233");
		assertThat(din.dataCharacters()).isEqualTo("W123426000123");
		assertThat(din.checkCharacter()).isEqualTo('3');
		assertThat(din.facilityNumber()).isEqualTo("W1234");
		assertThat(din.year()).isEqualTo(26);
		assertThat(din.sequence()).isEqualTo(123);
	}

	@Test
	void reproducesThePublishedWorkedExample() {
		assertThat(Din.of("G1234", 98, 654321).checkCharacter()).isEqualTo('H');
	}

	@Test
	void printsWithTheSpacesUsedOnLabels() {
		assertThat(Din.of("W1234", 26, 123).printed()).isEqualTo("W1234 26 000123 3");
		assertThat(Din.of("W1234", 5, 7).printed()).isEqualTo("W1234 05 000007 " + Din.of("W1234", 5, 7).checkCharacter());
	}

	@Test
	void parsesThePrintedFormTheCompactFormAndLowerCase() {
		Din expected = Din.of("W1234", 26, 123);
		assertThat(Din.parse("W1234 26 000123 3")).isEqualTo(expected);
		assertThat(Din.parse("W1234260001233")).isEqualTo(expected);
		assertThat(Din.parse("  w1234 26000123 3 ")).isEqualTo(expected);
		assertThat(Din.parse("G1234 98 654321 H").value()).isEqualTo("G123498654321H");
	}

	@Test
	void parsesAStarCheckCharacter() {
		assertThat(Din.parse("A0000 00 000000 *").checkCharacter()).isEqualTo('*');
	}

	@Test
	void roundTripsRandomDinsThroughPrintedAndParse() {
		Random random = new Random(128);
		for (int i = 0; i < 1_000; i++) {
			Din din = Mod37_2Tests.randomDin(random);
			assertThat(Din.parse(din.printed())).isEqualTo(din);
			assertThat(new Din(din.value())).isEqualTo(din);
		}
	}

	@Test
	void refusesAWrongCheckCharacterAndSaysSo() {
		// K is not the check character of W123426000123 (3 is).
		Refusal refusal = refusal(() -> Din.parse("W1234 26 000123 K"));
		assertThat(ApiProblemHandler.status(refusal)).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusal.errors()).singleElement().satisfies(problem -> {
			assertThat(problem.field()).isEqualTo("din");
			assertThat(problem.message()).contains("check character 'K' does not match W123426000123");
		});
	}

	@Test
	void refusesAMistypedDigit() {
		assertThat(refusal(() -> Din.parse("W1234 26 000124 3")).getMessage()).contains("check character");
	}

	@Test
	void refusesTheWrongLengthSayingHowLongADinIs() {
		assertThat(refusal(() -> Din.parse("W1234 26 000123")).getMessage())
			.contains("13 data characters and a check character").contains("got 13");
		assertThat(refusal(() -> Din.parse("W1234 26 000123 3 00")).getMessage()).contains("got 16");
		assertThat(refusal(() -> Din.parse("W".repeat(41))).getMessage()).contains("too long");
	}

	@Test
	void refusesCharactersInTheWrongPlaceNamingThePosition() {
		assertThat(refusal(() -> Din.parse("91234260001233")).getMessage())
			.contains("character 1 ('9') must be a letter");
		assertThat(refusal(() -> Din.parse("W12X4260001233")).getMessage())
			.contains("character 4 ('X') must be a digit");
		assertThat(refusal(() -> Din.parse("W123426000123-")).getMessage())
			.contains("check character '-' must be a digit, a letter A-Z or *");
	}

	@Test
	void refusesMissingInput() {
		assertThat(refusal(() -> Din.parse(null)).errors()).containsExactly(new FieldProblem("din", "DIN is required"));
		assertThat(refusal(() -> Din.parse("   ")).getMessage()).isEqualTo("DIN is required");
	}

	@Test
	void theConstructorAcceptsOnlyTheCanonicalForm() {
		assertThat(refusal(() -> new Din("W1234 26 000123 3")).getMessage()).contains("got 17");
		assertThat(refusal(() -> new Din("W1234260001234")).getMessage()).contains("does not match");
	}

	@Test
	void refusesABadFinYearOrSequenceOnTheirOwnFields() {
		assertThat(refusal(() -> Din.of("1234W", 26, 1)).errors()).extracting(FieldProblem::field).containsExactly("fin");
		assertThat(refusal(() -> Din.of("W123", 26, 1)).errors()).extracting(FieldProblem::field).containsExactly("fin");
		assertThat(refusal(() -> Din.of(null, 26, 1)).errors()).extracting(FieldProblem::field).containsExactly("fin");
		assertThat(refusal(() -> Din.of("W1234", 100, 1)).errors()).extracting(FieldProblem::field)
			.containsExactly("year");
		assertThat(refusal(() -> Din.of("W1234", -1, 1)).errors()).extracting(FieldProblem::field)
			.containsExactly("year");
		assertThat(refusal(() -> Din.of("W1234", 26, 1_000_000)).errors()).extracting(FieldProblem::field)
			.containsExactly("sequence");
		assertThat(refusal(() -> Din.of("W1234", 26, -1)).errors()).extracting(FieldProblem::field)
			.containsExactly("sequence");
	}

	@Test
	void acceptsALowerCaseFin() {
		assertThat(Din.of("w1234", 26, 123)).isEqualTo(Din.of("W1234", 26, 123));
	}

	@Test
	void printsAsTheCompactValue() {
		assertThat(Din.of("W1234", 26, 123)).hasToString("W1234260001233");
	}

	private static Refusal refusal(Runnable action) {
		return assertThatExceptionOfType(Refusal.class).isThrownBy(action::run).actual();
	}

}

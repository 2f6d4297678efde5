package org.spinecell.cellproducts;

import java.util.Random;

import org.junit.jupiter.api.Test;

import org.spinecell.cellproducts.label.Mod37_2;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The MOD 37-2 implementation checked against the standard's definition of a pure system, and
 * the error-detection properties that follow from it, over many random DINs (fixed seeds, so a
 * failure can be replayed).
 */
class Mod37_2Tests {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

	private static final int RANDOM_DINS = 2_000;

	@Test
	void mapsDigitsLettersAndStarToZeroThroughThirtySix() {
		assertThat(Mod37_2.value('0')).isZero();
		assertThat(Mod37_2.value('9')).isEqualTo(9);
		assertThat(Mod37_2.value('A')).isEqualTo(10);
		assertThat(Mod37_2.value('Z')).isEqualTo(35);
		assertThat(Mod37_2.value('*')).isEqualTo(36);
		assertThat(Mod37_2.value('a')).isEqualTo(-1);
		assertThat(Mod37_2.value('-')).isEqualTo(-1);
	}

	@Test
	void matchesThePublishedIsbt128WorkedExample() {
		// UK Blood Transfusion Services "Red Book", Annex 2: G123 498 654 321 has checksum 17, H.
		assertThat(Mod37_2.checkCharacter("G123498654321")).isEqualTo('H');
	}

	@Test
	void canYieldTheSupplementaryStarCharacter() {
		assertThat(Mod37_2.checkCharacter("A000000000000")).isEqualTo('*');
		assertThat(Mod37_2.isValid("A000000000000*")).isTrue();
	}

	@Test
	void weightedSumWithCheckCharacterIsOneModulo37ForRandomStrings() {
		// ISO/IEC 7064 pure system: sum of value(i) * 2^(i-1), positions counted from the right with
		// the check character in position 1, is congruent to 1 modulo 37.
		Random random = new Random(7064);
		for (int n = 0; n < RANDOM_DINS; n++) {
			StringBuilder data = new StringBuilder();
			int length = 1 + random.nextInt(30);
			for (int i = 0; i < length; i++) {
				data.append(ALPHABET.charAt(random.nextInt(36)));
			}
			String protectedText = data.toString() + Mod37_2.checkCharacter(data);
			assertThat(weightedSumModulo37(protectedText)).as(protectedText).isEqualTo(1);
		}
	}

	@Test
	void exactlyOneCheckCharacterSatisfiesTheDefinition() {
		Random random = new Random(37);
		for (int n = 0; n < 200; n++) {
			String data = randomDin(random).dataCharacters();
			long satisfying = ALPHABET.chars().filter(c -> weightedSumModulo37(data + (char) c) == 1).count();
			assertThat(satisfying).isOne();
			assertThat(weightedSumModulo37(data + Mod37_2.checkCharacter(data))).isEqualTo(1);
		}
	}

	@Test
	void detectsEverySingleCharacterSubstitutionInRandomDins() {
		Random random = new Random(20260101);
		for (int n = 0; n < RANDOM_DINS; n++) {
			String din = randomDin(random).value();
			assertThat(Mod37_2.isValid(din)).isTrue();
			for (int position = 0; position < din.length(); position++) {
				for (char replacement : ALPHABET.toCharArray()) {
					if (replacement == din.charAt(position)) {
						continue;
					}
					String changed = din.substring(0, position) + replacement + din.substring(position + 1);
					assertThat(Mod37_2.isValid(changed)).as("%s -> %s", din, changed).isFalse();
				}
			}
		}
	}

	@Test
	void detectsEveryAdjacentTranspositionOfDistinctCharactersInRandomDins() {
		Random random = new Random(42);
		int transpositions = 0;
		for (int n = 0; n < RANDOM_DINS; n++) {
			String din = randomDin(random).value();
			// Includes swapping the last data character with the check character.
			for (int position = 0; position + 1 < din.length(); position++) {
				char left = din.charAt(position);
				char right = din.charAt(position + 1);
				if (left == right) {
					continue;
				}
				String swapped = din.substring(0, position) + right + left + din.substring(position + 2);
				assertThat(Mod37_2.isValid(swapped)).as("%s -> %s", din, swapped).isFalse();
				transpositions++;
			}
		}
		// Guards against a generator that makes the loop above vacuous.
		assertThat(transpositions).isGreaterThan(RANDOM_DINS * 8);
	}

	@Test
	void refusesCharactersOutsideTheAlphabet() {
		assertThatIllegalArgumentException().isThrownBy(() -> Mod37_2.checkCharacter("W12-4"));
		assertThat(Mod37_2.isValid("W1234260001233-")).isFalse();
		assertThat(Mod37_2.isValid("3")).isFalse();
	}

	static Din randomDin(Random random) {
		String fin = (char) ('A' + random.nextInt(26)) + String.format("%04d", random.nextInt(10_000));
		return Din.of(fin, random.nextInt(100), random.nextInt(1_000_000));
	}

	/** The standard's definition, computed independently of the implementation's Horner loop. */
	private static int weightedSumModulo37(String text) {
		long sum = 0;
		long weight = 1;
		for (int i = text.length() - 1; i >= 0; i--) {
			sum = (sum + ALPHABET.indexOf(text.charAt(i)) * weight) % 37;
			weight = weight * 2 % 37;
		}
		return (int) sum;
	}

}

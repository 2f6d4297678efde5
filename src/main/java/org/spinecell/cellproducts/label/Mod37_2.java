package org.spinecell.cellproducts.label;

/**
 * The ISO/IEC 7064 MOD 37-2 pure check character system: modulus 37, radix 2, one check
 * character from {@code 0-9 A-Z *}. Its defining property: with the check character in position 1
 * (rightmost) and each character weighted by 2 to the power (position - 1), the weighted sum of
 * all character values is congruent to 1 modulo 37.
 *
 * <p>
 * The check character is computed by Horner's rule, {@code p = ((p + value) * 2) mod 37} over the
 * data characters left to right, then {@code (38 - p) mod 37}: after the loop {@code p} is the
 * weighted sum of the data characters (weights 2 and up), and adding the check value with weight
 * 1 must give 1 modulo 37. Because 37 is prime and every weight is a power of 2 (never a multiple
 * of 37), any change of a single character, and any swap of two adjacent different characters,
 * changes the sum and is detected.
 */
public final class Mod37_2 {

	/** The characters in order of value: {@code 0}-{@code 9} are 0-9, {@code A}-{@code Z} 10-35, {@code *} 36. */
	static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";

	private static final int MODULUS = 37;

	private Mod37_2() {
	}

	/** The value of a character, or -1 if it is not in the alphabet. */
	public static int value(char character) {
		return ALPHABET.indexOf(character);
	}

	/** The check character for the data characters, each from the alphabet. */
	public static char checkCharacter(CharSequence data) {
		int p = 0;
		for (int i = 0; i < data.length(); i++) {
			int value = value(data.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("'" + data.charAt(i) + "' is not a MOD 37-2 character");
			}
			p = ((p + value) * 2) % MODULUS;
		}
		return ALPHABET.charAt((MODULUS + 1 - p) % MODULUS);
	}

	/** Whether the last character is the right check character for the ones before it. */
	public static boolean isValid(CharSequence dataAndCheck) {
		int length = dataAndCheck.length();
		if (length < 2) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (value(dataAndCheck.charAt(i)) < 0) {
				return false;
			}
		}
		return checkCharacter(dataAndCheck.subSequence(0, length - 1)) == dataAndCheck.charAt(length - 1);
	}

}

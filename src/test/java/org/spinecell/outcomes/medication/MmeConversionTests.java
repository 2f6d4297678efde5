package org.spinecell.outcomes.medication;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.spinecell.outcomes.Medication;
import org.spinecell.platform.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Daily MME from the shipped CDC 2022 conversion table. */
class MmeConversionTests {

	private final MmeConversion table = MmeConversion.shipped();

	@Test
	void oxycodoneTenMilligramsThreeTimesADayIsFortyFiveMme() {
		MmeConversion.Result result = oral("oxycodone", "10", "mg", "3");
		assertThat(result.factor()).isEqualByComparingTo("1.5");
		assertThat(result.mmePerDay()).isEqualByComparingTo("45");
	}

	@Test
	void methadoneUsesTheSingle2022FactorWhateverTheDose() {
		assertThat(oral("methadone", "10", "mg", "2").mmePerDay()).isEqualByComparingTo("94");
		assertThat(oral("methadone", "40", "mg", "2").mmePerDay()).isEqualByComparingTo("376");
	}

	@Test
	void hydromorphoneUsesThe2022FactorOfFive() {
		assertThat(oral("hydromorphone", "4", "mg", "4").mmePerDay()).isEqualByComparingTo("80");
	}

	@Test
	void aTwentyFiveMicrogramPerHourFentanylPatchIsSixtyMmeWhateverTheFrequency() {
		MmeConversion.Result result = table.convert("fentanyl", new BigDecimal("25"), "mcg/hr",
				Medication.Route.TRANSDERMAL, null);
		assertThat(result.mmePerDay()).isEqualByComparingTo("60");
		assertThat(table.convert("Fentanyl", new BigDecimal("25"), "mcg/hr", Medication.Route.TRANSDERMAL,
				new BigDecimal("0.333")).mmePerDay()).isEqualByComparingTo("60");
	}

	@Test
	void tramadolFiftyMilligramsFourTimesADayIsFortyMme() {
		assertThat(oral("tramadol", "50", "mg", "4").mmePerDay()).isEqualByComparingTo("40");
	}

	@Test
	void saltsAndFormulationsAfterTheNameStillMatch() {
		assertThat(oral("Oxycodone hydrochloride ER", "20", "MG", "2").mmePerDay()).isEqualByComparingTo("60");
		assertThat(oral("codeine phosphate", "30", "mg", "4").mmePerDay()).isEqualByComparingTo("18");
	}

	@Test
	void aNonOpioidOrAnUnknownOpioidHasNoMme() {
		assertThat(oral("ibuprofen", "400", "mg", "3").mmePerDay()).isNull();
		MmeConversion.Result unknown = oral("levorphanol", "2", "mg", "3");
		assertThat(unknown.mmePerDay()).isNull();
		assertThat(unknown.factor()).isNull();
		// A name that merely begins like a listed drug is not that drug.
		assertThat(oral("morphinex", "10", "mg", "1").mmePerDay()).isNull();
	}

	@Test
	void buprenorphineIsExcludedWithANote() {
		MmeConversion.Result result = table.convert("buprenorphine", new BigDecimal("8"), "mg",
				Medication.Route.SUBLINGUAL, BigDecimal.ONE);
		assertThat(result.mmePerDay()).isNull();
		assertThat(result.note()).contains("partial agonist");
	}

	@Test
	void aRouteTheTableDoesNotCoverHasNoMmeAndSaysWhy() {
		MmeConversion.Result result = table.convert("morphine", new BigDecimal("4"), "mg", Medication.Route.INTRAVENOUS,
				new BigDecimal("6"));
		assertThat(result.mmePerDay()).isNull();
		assertThat(result.note()).contains("INTRAVENOUS");
	}

	@Test
	void anUnknownUnitIsRefusedNamingUnit() {
		assertThatThrownBy(() -> oral("oxycodone", "10", "grains", "3")).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.errors()).extracting("field").containsExactly("unit"));
		assertThatThrownBy(() -> oral("paracetamol", "500", "spoonfuls", "3")).isInstanceOf(Refusal.class);
	}

	@Test
	void aKnownUnitThatIsWrongForTheDrugIsRefusedNamingUnit() {
		assertThatThrownBy(() -> oral("oxycodone", "10000", "mcg", "3")).isInstanceOfSatisfying(Refusal.class,
				ex -> assertThat(ex.errors().get(0).message()).contains("mg"));
		assertThatThrownBy(() -> table.convert("fentanyl", new BigDecimal("25"), "mcg", Medication.Route.TRANSDERMAL,
				null))
			.isInstanceOfSatisfying(Refusal.class,
					ex -> assertThat(ex.errors()).extracting("field").containsExactly("unit"));
	}

	@Test
	void theShippedTableCitesTheGuideline() {
		assertThat(table.source()).contains("CDC Clinical Practice Guideline for Prescribing Opioids for Pain")
			.contains("2022");
	}

	private MmeConversion.Result oral(String drug, String dose, String unit, String perDay) {
		return table.convert(drug, new BigDecimal(dose), unit, Medication.Route.ORAL, new BigDecimal(perDay));
	}

}

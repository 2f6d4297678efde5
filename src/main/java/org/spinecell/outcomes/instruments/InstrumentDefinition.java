package org.spinecell.outcomes.instruments;

import java.util.List;
import java.util.Optional;

/**
 * An outcome instrument as SpineCell scores it, read from a FHIR Questionnaire with the scoring
 * extension.
 *
 * @param id the instrument's id, such as {@code odi-2.1a}
 * @param version the definition's version
 * @param title a short title
 * @param method how the score is computed
 * @param measure the observation measure of the score ({@code ODI}, {@code NRS_BACK}); for
 * PROMIS the prefix of the per-domain measures
 * @param codeSystem the code system of the observation code
 * @param code the observation code (LOINC where one exists)
 * @param unit the UCUM unit of the score
 * @param maxMissing how many items may be unanswered before the score is invalid
 * @param licenceNote who owns the instrument and what SpineCell ships of it
 * @param textLicensed whether the item text is licensed and must be loaded by the installation
 * @param items the items in order
 * @param domains PROMIS domains (empty for other methods)
 * @param improvedAtMost PGIC-style direction: answers up to this value mean improved (or null)
 * @param worseAtLeast PGIC-style direction: answers from this value mean worse (or null)
 */
public record InstrumentDefinition(String id, String version, String title, Method method, String measure,
		String codeSystem, String code, String unit, int maxMissing, String licenceNote, boolean textLicensed,
		List<Item> items, List<Domain> domains, Integer improvedAtMost, Integer worseAtLeast) {

	public InstrumentDefinition {
		items = List.copyOf(items);
		domains = List.copyOf(domains);
	}

	/** How a score is computed from the answers. */
	public enum Method {

		/** The one item's value (NRS, PGIC). */
		SINGLE_ITEM,
		/** The sum of integer items. */
		SUM,
		/** Oswestry: sum / (5 × sections answered) × 100, one decimal. */
		ODI_PERCENT,
		/** The number of "yes" answers (Roland-Morris). */
		COUNT_TRUE,
		/** Raw sum per domain, converted to a T-score by a loaded table. */
		PROMIS_T_SCORE,
		/** A five-digit health state, converted to an index by a loaded value set. */
		EQ5D_INDEX,
		/** A form whose answers are kept but not scored. */
		NO_SCORE

	}

	/** The kind of answer an item takes. */
	public enum AnswerType {

		INTEGER, BOOLEAN, CHOICE

	}

	/**
	 * One question.
	 * @param min the lowest integer answer (integer items)
	 * @param max the highest integer answer (integer items)
	 * @param options the codes a choice item accepts
	 */
	public record Item(String linkId, String text, AnswerType type, boolean required, Integer min, Integer max,
			List<String> options) {

		public Item {
			options = List.copyOf(options);
		}

	}

	/**
	 * A PROMIS domain.
	 * @param reportRaw the domain's raw value is reported as is (the 0–10 pain intensity item)
	 */
	public record Domain(String name, List<String> itemIds, boolean reportRaw) {

		public Domain {
			itemIds = List.copyOf(itemIds);
		}

	}

	public Optional<Item> item(String linkId) {
		return items.stream().filter(item -> item.linkId().equals(linkId)).findFirst();
	}

}

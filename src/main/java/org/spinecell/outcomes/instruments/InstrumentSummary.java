package org.spinecell.outcomes.instruments;

/**
 * An instrument as listed to staff: what it is, how it is scored and what of its licensed parts
 * the installation has loaded.
 *
 * @param textLicensed the item text is licensed; SpineCell ships placeholders instead
 * @param textLoaded every item has text to show (always true for free instruments)
 * @param scoringTableLoaded a T-score table or value set is loaded (for methods that need one)
 * @param source {@code SHIPPED} with SpineCell or {@code IMPORTED} by an administrator
 */
public record InstrumentSummary(String id, String version, String title, InstrumentDefinition.Method method,
		int items, String licenceNote, boolean textLicensed, boolean textLoaded, boolean scoringTableNeeded,
		boolean scoringTableLoaded, String source) {
}

package org.spinecell.cellproducts;

/** The outcome of a test that is read rather than measured. */
public enum QualitativeResult {

	NEGATIVE(true), POSITIVE(false), NO_GROWTH(true), GROWTH(false), NO_ORGANISMS_SEEN(true), ORGANISMS_SEEN(false);

	private final boolean clean;

	QualitativeResult(boolean clean) {
		this.clean = clean;
	}

	/** Whether this outcome finds nothing (no organism, no contamination). */
	public boolean isClean() {
		return clean;
	}

}

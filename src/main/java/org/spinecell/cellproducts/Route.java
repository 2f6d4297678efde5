package org.spinecell.cellproducts;

/** Where and how a product is given. */
public enum Route {

	INTRADISCAL, FACET, EPIDURAL,

	/** Vertebral endplate / basivertebral nerve territory. */
	BASIVERTEBRAL,

	SACROILIAC, INTRAVENOUS, INTRATHECAL, INTRAOCULAR, INHALED;

	/**
	 * Whether FDA names this route among those of higher risk (systemic, central nervous system,
	 * eye, lung) whose use of unapproved products it prioritises for enforcement.
	 */
	public boolean isHighRisk() {
		return this == INTRAVENOUS || this == INTRATHECAL || this == INTRAOCULAR || this == INHALED;
	}

}

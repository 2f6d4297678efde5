package org.spinecell.cellproducts;

/** Something combined with the cells before administration. */
public enum Additive {

	SALINE, HYALURONIC_ACID,

	/** Dimethyl sulfoxide, the usual cryoprotectant. */
	DMSO,

	PLATELET_RICH_PLASMA, CRYSTALLOID, ALBUMIN, OTHER

}

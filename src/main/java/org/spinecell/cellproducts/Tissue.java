package org.spinecell.cellproducts;

/**
 * The tissue cells are taken from. Cord blood and cord tissue are different tissues with
 * different homologous uses, so they are kept apart.
 */
public enum Tissue {

	BONE_MARROW,

	ADIPOSE,

	/** Umbilical cord tissue (Wharton's jelly, cord lining); not cord blood. */
	UMBILICAL_CORD,

	/** Umbilical cord blood, whose homologous use is hematopoietic reconstitution. */
	CORD_BLOOD,

	/** Placenta, amnion and chorion. */
	PLACENTA,

	EMBRYONIC_STEM_CELL,

	/** Induced pluripotent stem cells. */
	IPSC,

	OTHER

}

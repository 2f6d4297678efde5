package org.spinecell.cellproducts;

/** A kind of step a product goes through between harvest and administration. */
public enum ProcessingStepType {

	RINSE,

	CENTRIFUGATION,

	FILTRATION,

	/** Sizing or shaping the tissue. */
	SIZING,

	ENZYMATIC_DIGESTION,

	/** Mechanical disruption of the tissue, such as micro-fragmentation or cell release. */
	MECHANICAL_DISRUPTION,

	CULTURE_EXPANSION,

	/** Selecting or depleting a cell population (by markers, adherence or sorting). */
	CELL_SELECTION,

	GENETIC_MODIFICATION,

	BIOPRINTING,

	CRYOPRESERVATION,

	THAW,

	/** Washing cells, typically after thawing. */
	WASH

}

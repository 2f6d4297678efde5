package org.spinecell.cellproducts;

/**
 * What a product is meant to do, structured rather than free text because homologous use (21 CFR
 * 1271.10(a)(2)) is judged from it.
 */
public enum IntendedUse {

	DISC_REPAIR, FACET_JOINT_PAIN, NERVE_ROOT_PAIN,

	/** Cushioning or filling, the basic function of fat. */
	STRUCTURAL_SUPPORT,

	/** Rebuilding the blood-forming system, the homologous use of marrow and cord blood. */
	HEMATOPOIETIC_RECONSTITUTION,

	OTHER;

	/** Whether this is one of the spine uses SpineCell exists for. */
	public boolean isSpineUse() {
		return this == DISC_REPAIR || this == FACET_JOINT_PAIN || this == NERVE_ROOT_PAIN;
	}

}

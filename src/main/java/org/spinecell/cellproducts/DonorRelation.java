package org.spinecell.cellproducts;

/**
 * How an allogeneic donor is related by blood to the recipient; 21 CFR 1271.10(a)(4) treats
 * first- and second-degree blood relatives like autologous use.
 */
public enum DonorRelation {

	/** Parent, child or full sibling. */
	FIRST_DEGREE,

	/** Grandparent, grandchild, aunt, uncle, niece, nephew or half-sibling. */
	SECOND_DEGREE,

	UNRELATED

}

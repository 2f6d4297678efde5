package org.spinecell.cellproducts;

/** Whose cells: the patient's own, or a donor's. */
public enum Origin {

	AUTOLOGOUS, ALLOGENEIC

}

package org.spinecell.cellproducts;

/** Where a product falls under 21 CFR 1271 and the PHS Act. */
public enum Pathway {

	/** 21 CFR 1271.15(b): removed and re-implanted in the same patient in one surgical procedure. */
	EXEMPT_1271_15B,

	/** 21 CFR 1271.3(d)(4): minimally manipulated bone marrow for homologous use is not an HCT/P. */
	NOT_HCTP,

	/** Regulated solely under PHS Act section 361 and 21 CFR 1271: no premarket approval. */
	HCTP_361,

	/** A biologic under PHS Act section 351: clinical use needs an IND (a trial) or a BLA. */
	BIOLOGIC_351;

	/** Whether clinical use is blocked unless an IND (or BLA) number is on file. */
	public boolean requiresInd() {
		return this == BIOLOGIC_351;
	}

}

package org.spinecell.platform;

/** The staff roles of SpineCell; a user holds one or more. */
public enum Role {

	/** Manages clinics and accounts; sees no clinical data by default. */
	ADMIN,
	/** Treats patients, performs procedures, confirms clinical decisions. */
	PHYSICIAN,
	/** Registers patients and runs follow-up. */
	COORDINATOR,
	/** Cell-lab technologist: harvest processing, quality control, release. */
	LAB,
	/** Sees de-identified data only. */
	RESEARCHER,
	/** Read-only access to the audit trail. */
	AUDITOR;

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}

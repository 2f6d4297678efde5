package org.spinecell.patients;

/** What a patient consents to; each type has its own history and current state. */
public enum ConsentType {

	/** The cell-therapy treatment itself. */
	TREATMENT,
	/** Having their data kept in the outcomes registry. */
	REGISTRY,
	/** Use of their de-identified data in research. */
	RESEARCH,
	/** Taking part in a clinical trial. */
	TRIAL

}

package org.spinecell.patients;

/** Administrative sex as recorded at registration. */
public enum Sex {

	FEMALE, MALE, OTHER, UNKNOWN

}

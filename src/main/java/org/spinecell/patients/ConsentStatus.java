package org.spinecell.patients;

public enum ConsentStatus {

	GIVEN, WITHDRAWN

}

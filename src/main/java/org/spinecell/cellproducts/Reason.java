package org.spinecell.cellproducts;

/**
 * A rule that fired in a classification, citing the regulation.
 *
 * @param code a stable identifier of the rule, one of the constants here
 * @param message the rule and how it applied, for people
 */
public record Reason(String code, String message) {

	/** Embryonic-stem-cell-, iPSC-derived or engineered: always 351. */
	public static final String RESEARCH_ONLY_SOURCE = "RESEARCH_ONLY_SOURCE";

	/** 1271.15(b) applies. */
	public static final String SAME_SURGICAL_PROCEDURE_EXCEPTION = "SAME_SURGICAL_PROCEDURE_EXCEPTION";

	/** 1271.15(b) might apply, but only through contested centrifugation of marrow. */
	public static final String SAME_SURGICAL_PROCEDURE_CONTESTED = "SAME_SURGICAL_PROCEDURE_CONTESTED";

	/** A same-procedure product that does not meet 1271.15(b). */
	public static final String SAME_SURGICAL_PROCEDURE_NOT_MET = "SAME_SURGICAL_PROCEDURE_NOT_MET";

	/** 1271.3(d)(4) applies. */
	public static final String BONE_MARROW_NOT_HCTP = "BONE_MARROW_NOT_HCTP";

	/** 1271.10(a)(1) met. */
	public static final String MINIMALLY_MANIPULATED = "MINIMALLY_MANIPULATED";

	/** 1271.10(a)(1) not met. */
	public static final String MORE_THAN_MINIMAL_MANIPULATION = "MORE_THAN_MINIMAL_MANIPULATION";

	/** 1271.10(a)(2) met. */
	public static final String HOMOLOGOUS_USE = "HOMOLOGOUS_USE";

	/** 1271.10(a)(2) not met. */
	public static final String NON_HOMOLOGOUS_USE = "NON_HOMOLOGOUS_USE";

	/** 1271.10(a)(3) met. */
	public static final String NOT_COMBINED = "NOT_COMBINED";

	/** 1271.10(a)(3) not met. */
	public static final String COMBINED_WITH_ANOTHER_ARTICLE = "COMBINED_WITH_ANOTHER_ARTICLE";

	/** 1271.10(a)(4) met. */
	public static final String SYSTEMIC_EFFECT_CONDITION_MET = "SYSTEMIC_EFFECT_CONDITION_MET";

	/** 1271.10(a)(4) not met. */
	public static final String SYSTEMIC_EFFECT_CONDITION_NOT_MET = "SYSTEMIC_EFFECT_CONDITION_NOT_MET";

	/** The conclusion of a 351 classification: an IND or BLA is needed. */
	public static final String BIOLOGIC_IND_REQUIRED = "BIOLOGIC_IND_REQUIRED";

	/** The route is one FDA treats as higher risk. */
	public static final String HIGH_RISK_ROUTE = "HIGH_RISK_ROUTE";

}

package org.spinecell.cellproducts;

import java.util.List;
import java.util.Objects;

/**
 * Where a product falls on the FDA pathway, with every rule that fired, the flags a person must
 * look at before relying on it, and the version of the rules used. A classification is advice
 * to be confirmed by a person, not a legal determination.
 *
 * @param pathway the pathway
 * @param reasons the rules that fired, in the order they were applied
 * @param flags judgements and warnings for human review, each one of the constants here
 * @param ruleSetVersion the version of the rules that produced it
 */
public record Classification(Pathway pathway, List<Reason> reasons, List<String> flags, String ruleSetVersion) {

	/** Marrow concentrated by centrifugation in the same procedure: whether 1271.15(b) applies is contested. */
	public static final String CONTESTED_SAME_SURGICAL_PROCEDURE = "CONTESTED_SAME_SURGICAL_PROCEDURE";

	/** Marrow or fat used in the spine: non-homologous is a judgement FDA has not made for the disc. */
	public static final String NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT = "NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT";

	/** Mechanical micro-fragmentation of fat taken as minimal manipulation: a judgement. */
	public static final String MICROFRAGMENTATION_JUDGEMENT = "MICROFRAGMENTATION_JUDGEMENT";

	/** Albumin taken as another article although it can serve as a storage agent: a judgement. */
	public static final String ALBUMIN_ADDITIVE_JUDGEMENT = "ALBUMIN_ADDITIVE_JUDGEMENT";

	/** 361 for an unrelated donor rests on the claim that the cells act neither systemically nor metabolically. */
	public static final String NON_METABOLIC_CLAIM_REVIEW = "NON_METABOLIC_CLAIM_REVIEW";

	/** Intravenous, intrathecal, intraocular or inhaled: routes FDA treats as higher risk. */
	public static final String HIGH_RISK_ROUTE = "HIGH_RISK_ROUTE";

	public static final String ETHICS_APPROVAL_REQUIRED = "ETHICS_APPROVAL_REQUIRED";

	public static final String RESEARCH_ONLY = "RESEARCH_ONLY";

	public Classification {
		Objects.requireNonNull(pathway, "pathway");
		reasons = List.copyOf(reasons);
		flags = List.copyOf(flags);
		Objects.requireNonNull(ruleSetVersion, "ruleSetVersion");
	}

	/** The codes of the reasons, in order. */
	public List<String> reasonCodes() {
		return reasons.stream().map(Reason::code).toList();
	}

	/** Whether a person must review a judgement or warning before the classification is confirmed. */
	public boolean needsReview() {
		return !flags.isEmpty();
	}

}

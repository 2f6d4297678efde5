package org.spinecell.cellproducts.regulatory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.spinecell.cellproducts.Additive;
import org.spinecell.cellproducts.Classification;
import org.spinecell.cellproducts.DonorRelation;
import org.spinecell.cellproducts.IntendedUse;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.Pathway;
import org.spinecell.cellproducts.ProcessingStepType;
import org.spinecell.cellproducts.Reason;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;

/**
 * Places a cell product on the US regulatory pathway of 21 CFR 1271 by the decision procedure of
 * DOMAIN §5, recording every rule that fired and flagging the judgements a person must confirm.
 * The rules, in order:
 * <ol>
 * <li>Embryonic-stem-cell-derived, iPSC-derived and engineered products are 351 biologics,
 * research only, with ethics approval.</li>
 * <li>1271.15(b): autologous, one surgical procedure, nothing added, and only rinsing, sizing and
 * (for a lipoaspirate, to remove fluid) centrifugation: exempt. Marrow concentrated by
 * centrifugation is contested: flagged and classified onward.</li>
 * <li>1271.3(d)(4): minimally manipulated bone marrow for homologous use, with nothing but water,
 * crystalloids or storage agents added, is not an HCT/P.</li>
 * <li>1271.10(a): minimally manipulated, homologous use, not combined with another article, and
 * autologous, in a first- or second-degree relative, for reproduction, or acting neither
 * systemically nor through living cells' metabolism: regulated under section 361 only.</li>
 * <li>Anything else is a 351 biologic and needs an IND or BLA.</li>
 * </ol>
 * High-risk routes are always flagged. The result is advice for a person to confirm.
 * <p>
 * Just over 300 lines because the decision procedure of 21 CFR 1271 stays in one place, each
 * step beside the section it applies, so that it reads top to bottom against the regulation.
 */
public final class RegulatoryClassifier {

	/** The version of these rules, stored with every classification. */
	public static final String RULE_SET_VERSION = "fda-1271-2020.1";

	/** Steps FDA counts as more than minimal manipulation whatever the tissue. */
	private static final Set<ProcessingStepType> MORE_THAN_MINIMAL = EnumSet.of(ProcessingStepType.ENZYMATIC_DIGESTION,
			ProcessingStepType.CULTURE_EXPANSION, ProcessingStepType.CELL_SELECTION,
			ProcessingStepType.GENETIC_MODIFICATION, ProcessingStepType.BIOPRINTING);

	/** 1271.15(b) allows rinsing, cleansing, sizing and shaping (labelling and storage are not steps here). */
	private static final Set<ProcessingStepType> SAME_PROCEDURE_STEPS = EnumSet.of(ProcessingStepType.RINSE,
			ProcessingStepType.SIZING);

	/** Water, crystalloids and sterilising, preserving or storage agents (1271.10(a)(3)). */
	private static final Set<Additive> ALLOWED_ADDITIVES = EnumSet.of(Additive.SALINE, Additive.CRYSTALLOID,
			Additive.DMSO);

	private RegulatoryClassifier() {
	}

	public static Classification classify(ClassificationInput input) {
		Objects.requireNonNull(input, "input");
		List<Reason> reasons = new ArrayList<>();
		Set<String> flags = new LinkedHashSet<>();
		Pathway pathway = decide(input, reasons, flags);
		if (input.route().isHighRisk()) {
			reasons.add(new Reason(Reason.HIGH_RISK_ROUTE, "Route " + words(input.route())
					+ ": FDA treats intravenous, intrathecal, intraocular and inhaled administration as higher risk"
					+ " and prioritises enforcement against unapproved products given this way; review before use"));
			flags.add(Classification.HIGH_RISK_ROUTE);
		}
		return new Classification(pathway, reasons, List.copyOf(flags), RULE_SET_VERSION);
	}

	private static Pathway decide(ClassificationInput input, List<Reason> reasons, Set<String> flags) {
		if (input.sourceType().researchOnly() || input.tissue() == Tissue.EMBRYONIC_STEM_CELL
				|| input.tissue() == Tissue.IPSC) {
			reasons.add(new Reason(Reason.RESEARCH_ONLY_SOURCE, input.sourceType().label()
					+ " products are more than minimally manipulated and investigational (21 CFR 1271.10(a)(1)):"
					+ " a biologic under PHS Act section 351, for research only, with ethics approval"));
			flags.add(Classification.ETHICS_APPROVAL_REQUIRED);
			flags.add(Classification.RESEARCH_ONLY);
			return biologic(reasons);
		}
		if (input.sameSurgicalProcedure()) {
			List<String> obstacles = sameProcedureObstacles(input);
			if (obstacles.isEmpty()) {
				reasons.add(new Reason(Reason.SAME_SURGICAL_PROCEDURE_EXCEPTION,
						"21 CFR 1271.15(b) same surgical procedure: autologous tissue removed and implanted in one"
								+ " procedure, " + (input.processingSteps().isEmpty() ? "not processed"
										: "processing limited to " + words(input.processingSteps()))
								+ ", nothing added: exempt from Part 1271"));
				return Pathway.EXEMPT_1271_15B;
			}
			if (isContestedMarrowCentrifugation(input)) {
				reasons.add(new Reason(Reason.SAME_SURGICAL_PROCEDURE_CONTESTED,
						"21 CFR 1271.15(b) same surgical procedure: concentrating bone marrow cells by"
								+ " centrifugation goes beyond rinsing, cleansing, sizing and shaping in FDA's reading"
								+ " and the exception is contested; not exempted automatically, classified under"
								+ " 1271.10 for human review"));
				flags.add(Classification.CONTESTED_SAME_SURGICAL_PROCEDURE);
			}
			else {
				reasons.add(new Reason(Reason.SAME_SURGICAL_PROCEDURE_NOT_MET,
						"21 CFR 1271.15(b) same surgical procedure does not apply: " + String.join("; ", obstacles)));
			}
		}
		Reason minimal = minimalManipulation(input, flags);
		Reason homologous = homologousUse(input, flags);
		Reason combination = combination(input, flags);
		if (input.tissue() == Tissue.BONE_MARROW && met(minimal) && met(homologous) && met(combination)) {
			reasons.add(new Reason(Reason.BONE_MARROW_NOT_HCTP,
					"21 CFR 1271.3(d)(4): minimally manipulated bone marrow for homologous use ("
							+ words(input.intendedUse()) + "), not combined with another article, is not an HCT/P"));
			return Pathway.NOT_HCTP;
		}
		Reason systemic = systemicEffect(input, flags);
		List<Reason> criteria = List.of(minimal, homologous, combination, systemic);
		reasons.addAll(criteria);
		if (criteria.stream().allMatch(RegulatoryClassifier::met)) {
			return Pathway.HCTP_361;
		}
		return biologic(reasons);
	}

	private static Pathway biologic(List<Reason> reasons) {
		reasons.add(new Reason(Reason.BIOLOGIC_IND_REQUIRED, "PHS Act section 351: a biologic; clinical use needs an"
				+ " IND (or BLA) on file. FDA's enforcement discretion for HCT/Ps ended 31 May 2021"));
		return Pathway.BIOLOGIC_351;
	}

	private static List<String> sameProcedureObstacles(ClassificationInput input) {
		List<String> obstacles = new ArrayList<>();
		if (input.origin() != Origin.AUTOLOGOUS) {
			obstacles.add("the cells are not the patient's own");
		}
		if (!input.additives().isEmpty()) {
			obstacles.add(words(input.additives()) + " added");
		}
		Set<ProcessingStepType> beyond = EnumSet.noneOf(ProcessingStepType.class);
		beyond.addAll(input.processingSteps());
		beyond.removeAll(SAME_PROCEDURE_STEPS);
		if (input.tissue() == Tissue.ADIPOSE) {
			// FDA's example: a lipoaspirate centrifuged to remove fluid and debris stays the same HCT/P.
			beyond.remove(ProcessingStepType.CENTRIFUGATION);
		}
		if (!beyond.isEmpty()) {
			obstacles.add(words(beyond) + " go" + (beyond.size() == 1 ? "es" : "")
					+ " beyond rinsing, cleansing, sizing and shaping");
		}
		return obstacles;
	}

	private static boolean isContestedMarrowCentrifugation(ClassificationInput input) {
		Set<ProcessingStepType> allowed = EnumSet.copyOf(SAME_PROCEDURE_STEPS);
		allowed.add(ProcessingStepType.CENTRIFUGATION);
		return input.tissue() == Tissue.BONE_MARROW && input.origin() == Origin.AUTOLOGOUS
				&& input.additives().isEmpty() && input.processingSteps().contains(ProcessingStepType.CENTRIFUGATION)
				&& allowed.containsAll(input.processingSteps());
	}

	private static Reason minimalManipulation(ClassificationInput input, Set<String> flags) {
		Set<ProcessingStepType> beyond = EnumSet.noneOf(ProcessingStepType.class);
		for (ProcessingStepType step : input.processingSteps()) {
			if (MORE_THAN_MINIMAL.contains(step)) {
				beyond.add(step);
			}
		}
		boolean microfragmented = false;
		if (input.processingSteps().contains(ProcessingStepType.MECHANICAL_DISRUPTION)) {
			if (input.sourceType() == SourceType.ADIPOSE_MICROFRAGMENTED) {
				microfragmented = true;
				flags.add(Classification.MICROFRAGMENTATION_JUDGEMENT);
			}
			else {
				// FDA: mechanical disruption that isolates cells (SVF from fat) is more than minimal.
				beyond.add(ProcessingStepType.MECHANICAL_DISRUPTION);
			}
		}
		String prefix = "21 CFR 1271.10(a)(1) minimal manipulation: ";
		if (!beyond.isEmpty()) {
			String steps = beyond.stream()
				.map(step -> step == ProcessingStepType.MECHANICAL_DISRUPTION ? "mechanical disruption to isolate cells"
						: words(step))
				.collect(Collectors.joining(", "));
			return new Reason(Reason.MORE_THAN_MINIMAL_MANIPULATION,
					prefix + steps + (beyond.size() == 1 ? " is" : " are") + " more than minimal manipulation");
		}
		String message = input.processingSteps().isEmpty() ? "not processed"
				: "processing (" + words(input.processingSteps())
						+ ") leaves the tissue's relevant characteristics unaltered";
		if (microfragmented) {
			message += "; mechanical micro-fragmentation of fat is taken as minimal because it does not isolate"
					+ " cells, a judgement to confirm";
		}
		return new Reason(Reason.MINIMALLY_MANIPULATED, prefix + message);
	}

	private static Reason homologousUse(ClassificationInput input, Set<String> flags) {
		String prefix = "21 CFR 1271.10(a)(2) homologous use: ";
		IntendedUse use = input.intendedUse();
		Tissue tissue = input.tissue();
		if (use == IntendedUse.OTHER) {
			return new Reason(Reason.NON_HOMOLOGOUS_USE,
					prefix + "an unlisted intended use cannot be shown to be homologous");
		}
		boolean homologous = switch (tissue) {
			case BONE_MARROW, CORD_BLOOD -> use == IntendedUse.HEMATOPOIETIC_RECONSTITUTION;
			case ADIPOSE -> use == IntendedUse.STRUCTURAL_SUPPORT;
			// The basic function of placental and cord tissue is barrier and covering, which is none of
			// these uses; the remaining tissues have no homologous use here.
			case UMBILICAL_CORD, PLACENTA, EMBRYONIC_STEM_CELL, IPSC, OTHER -> false;
		};
		if (homologous) {
			return new Reason(Reason.HOMOLOGOUS_USE, prefix + words(use)
					+ (use == IntendedUse.STRUCTURAL_SUPPORT ? " (cushioning)" : "") + " is a basic function of "
					+ words(tissue) + " in the donor");
		}
		String message = prefix + words(use) + " is not a basic function of " + words(tissue) + " in the donor";
		if (use.isSpineUse() && (tissue == Tissue.BONE_MARROW || tissue == Tissue.ADIPOSE)) {
			message += "; FDA has not ruled on " + (use == IntendedUse.DISC_REPAIR ? "the disc" : "this spine use")
					+ " specifically, so this is recorded as a flagged judgement";
			flags.add(Classification.NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT);
		}
		if (tissue == Tissue.UMBILICAL_CORD && use == IntendedUse.HEMATOPOIETIC_RECONSTITUTION) {
			message += " (cord tissue is not cord blood: record tissue CORD_BLOOD if that is the product)";
		}
		return new Reason(Reason.NON_HOMOLOGOUS_USE, message);
	}

	private static Reason combination(ClassificationInput input, Set<String> flags) {
		String prefix = "21 CFR 1271.10(a)(3) ";
		if (input.additives().isEmpty()) {
			return new Reason(Reason.NOT_COMBINED, prefix + "not combined with another article: nothing is added");
		}
		List<String> articles = new ArrayList<>();
		for (Additive additive : input.additives()) {
			switch (additive) {
				case HYALURONIC_ACID -> articles.add("hyaluronic acid (a device or drug in its own right)");
				case PLATELET_RICH_PLASMA -> articles.add("platelet-rich plasma (a blood product in its own right)");
				case ALBUMIN -> {
					articles.add("albumin (a licensed biologic, not water, a crystalloid or a listed storage agent;"
							+ " it is used in storage media, so confirm)");
					flags.add(Classification.ALBUMIN_ADDITIVE_JUDGEMENT);
				}
				case OTHER -> articles.add("an unlisted additive (not shown to be water, a crystalloid or a storage agent)");
				case SALINE, CRYSTALLOID, DMSO -> {
					// Allowed: water, crystalloids and storage agents.
				}
			}
		}
		if (articles.isEmpty()) {
			return new Reason(Reason.NOT_COMBINED, prefix + "not combined with another article: only "
					+ words(input.additives())
					+ " (water, crystalloids or storage agents) added, allowed if they raise no new clinical safety"
					+ " concern");
		}
		return new Reason(Reason.COMBINED_WITH_ANOTHER_ARTICLE,
				prefix + "combined with another article: " + String.join("; ", articles));
	}

	private static Reason systemicEffect(ClassificationInput input, Set<String> flags) {
		String prefix = "21 CFR 1271.10(a)(4): ";
		if (input.origin() == Origin.AUTOLOGOUS) {
			return new Reason(Reason.SYSTEMIC_EFFECT_CONDITION_MET, prefix + "autologous use");
		}
		if (input.relation() == DonorRelation.FIRST_DEGREE || input.relation() == DonorRelation.SECOND_DEGREE) {
			return new Reason(Reason.SYSTEMIC_EFFECT_CONDITION_MET,
					prefix + "allogeneic use in a " + words(input.relation()) + " blood relative");
		}
		if (input.reproductiveUse()) {
			return new Reason(Reason.SYSTEMIC_EFFECT_CONDITION_MET, prefix + "reproductive use");
		}
		if (!input.systemicEffect() && !input.dependsOnMetabolicActivity()) {
			flags.add(Classification.NON_METABOLIC_CLAIM_REVIEW);
			return new Reason(Reason.SYSTEMIC_EFFECT_CONDITION_MET, prefix + "no systemic effect and not dependent on"
					+ " the metabolic activity of living cells, as claimed for a product from an unrelated donor");
		}
		String effect = input.systemicEffect() && input.dependsOnMetabolicActivity()
				? "has a systemic effect and depends on the metabolic activity of living cells"
				: input.systemicEffect() ? "has a systemic effect" : "depends on the metabolic activity of living cells";
		return new Reason(Reason.SYSTEMIC_EFFECT_CONDITION_NOT_MET, prefix + "the product " + effect
				+ ", and the donor is unrelated: the use is not autologous, in a blood relative or reproductive");
	}

	private static boolean met(Reason reason) {
		return switch (reason.code()) {
			case Reason.MINIMALLY_MANIPULATED, Reason.HOMOLOGOUS_USE, Reason.NOT_COMBINED,
					Reason.SYSTEMIC_EFFECT_CONDITION_MET ->
				true;
			default -> false;
		};
	}

	private static String words(Enum<?> value) {
		if (value instanceof Tissue tissue) {
			return switch (tissue) {
				case BONE_MARROW -> "bone marrow";
				case ADIPOSE -> "adipose tissue";
				case UMBILICAL_CORD -> "umbilical cord tissue";
				case CORD_BLOOD -> "cord blood";
				case PLACENTA -> "placental tissue";
				case EMBRYONIC_STEM_CELL -> "embryonic stem cells";
				case IPSC -> "iPSCs";
				case OTHER -> "this tissue";
			};
		}
		if (value == Additive.DMSO) {
			return "DMSO";
		}
		if (value instanceof DonorRelation) {
			return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
		return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	private static String words(Collection<? extends Enum<?>> values) {
		return values.stream().map(RegulatoryClassifier::words).collect(Collectors.joining(", "));
	}

}

package org.spinecell.cellproducts.regulatory;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import org.spinecell.cellproducts.Additive;
import org.spinecell.cellproducts.Classification;
import org.spinecell.cellproducts.DonorRelation;
import org.spinecell.cellproducts.IntendedUse;
import org.spinecell.cellproducts.Pathway;
import org.spinecell.cellproducts.ProcessingStepType;
import org.spinecell.cellproducts.Reason;
import org.spinecell.cellproducts.Route;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.cellproducts.Classification.ALBUMIN_ADDITIVE_JUDGEMENT;
import static org.spinecell.cellproducts.Classification.CONTESTED_SAME_SURGICAL_PROCEDURE;
import static org.spinecell.cellproducts.Classification.ETHICS_APPROVAL_REQUIRED;
import static org.spinecell.cellproducts.Classification.MICROFRAGMENTATION_JUDGEMENT;
import static org.spinecell.cellproducts.Classification.NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT;
import static org.spinecell.cellproducts.Classification.NON_METABOLIC_CLAIM_REVIEW;
import static org.spinecell.cellproducts.Classification.RESEARCH_ONLY;
import static org.spinecell.cellproducts.ProcessingStepType.CENTRIFUGATION;
import static org.spinecell.cellproducts.ProcessingStepType.CRYOPRESERVATION;
import static org.spinecell.cellproducts.ProcessingStepType.CULTURE_EXPANSION;
import static org.spinecell.cellproducts.ProcessingStepType.ENZYMATIC_DIGESTION;
import static org.spinecell.cellproducts.ProcessingStepType.FILTRATION;
import static org.spinecell.cellproducts.ProcessingStepType.GENETIC_MODIFICATION;
import static org.spinecell.cellproducts.ProcessingStepType.MECHANICAL_DISRUPTION;
import static org.spinecell.cellproducts.ProcessingStepType.RINSE;
import static org.spinecell.cellproducts.ProcessingStepType.THAW;
import static org.spinecell.cellproducts.ProcessingStepType.WASH;
import static org.spinecell.cellproducts.Reason.BIOLOGIC_IND_REQUIRED;
import static org.spinecell.cellproducts.Reason.BONE_MARROW_NOT_HCTP;
import static org.spinecell.cellproducts.Reason.COMBINED_WITH_ANOTHER_ARTICLE;
import static org.spinecell.cellproducts.Reason.HIGH_RISK_ROUTE;
import static org.spinecell.cellproducts.Reason.HOMOLOGOUS_USE;
import static org.spinecell.cellproducts.Reason.MINIMALLY_MANIPULATED;
import static org.spinecell.cellproducts.Reason.MORE_THAN_MINIMAL_MANIPULATION;
import static org.spinecell.cellproducts.Reason.NON_HOMOLOGOUS_USE;
import static org.spinecell.cellproducts.Reason.NOT_COMBINED;
import static org.spinecell.cellproducts.Reason.RESEARCH_ONLY_SOURCE;
import static org.spinecell.cellproducts.Reason.SAME_SURGICAL_PROCEDURE_CONTESTED;
import static org.spinecell.cellproducts.Reason.SAME_SURGICAL_PROCEDURE_EXCEPTION;
import static org.spinecell.cellproducts.Reason.SAME_SURGICAL_PROCEDURE_NOT_MET;
import static org.spinecell.cellproducts.Reason.SYSTEMIC_EFFECT_CONDITION_MET;
import static org.spinecell.cellproducts.Reason.SYSTEMIC_EFFECT_CONDITION_NOT_MET;

/**
 * The 21 CFR 1271 classifier on each source, use and manipulation it must tell apart, one case per
 * path through the regulation, with the reasons it gives.
 * <p>
 * Over 400 lines because each path through 1271.10 and 1271.15 is its own case with its own
 * reasons.
 */
class RegulatoryClassifierTests {

	// The examples of DOMAIN §5, one test each.

	@Test
	void pointOfCareBmacInjectedIntradiscallyTheSameDayIsContestedAndNonHomologousSo351() {
		Classification result = classify(bmac().steps(CENTRIFUGATION)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.DISC_REPAIR)
			.route(Route.INTRADISCAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).containsExactly(SAME_SURGICAL_PROCEDURE_CONTESTED, MINIMALLY_MANIPULATED,
				NON_HOMOLOGOUS_USE, NOT_COMBINED, SYSTEMIC_EFFECT_CONDITION_MET, BIOLOGIC_IND_REQUIRED);
		assertThat(result.flags()).containsExactly(CONTESTED_SAME_SURGICAL_PROCEDURE,
				NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT);
		assertThat(message(result, NON_HOMOLOGOUS_USE))
			.contains("FDA has not ruled on the disc specifically, so this is recorded as a flagged judgement");
	}

	@Test
	void autologousFatRinsedAndReimplantedInTheSameProcedureForStructuralSupportIsExempt() {
		Classification result = classify(fat().steps(RINSE)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.STRUCTURAL_SUPPORT)
			.route(Route.EPIDURAL));
		assertThat(result.pathway()).isEqualTo(Pathway.EXEMPT_1271_15B);
		assertThat(result.reasonCodes()).containsExactly(SAME_SURGICAL_PROCEDURE_EXCEPTION);
		assertThat(result.flags()).isEmpty();
		assertThat(result.pathway().requiresInd()).isFalse();
	}

	@Test
	void lipoaspirateCentrifugedToRemoveFluidInTheSameProcedureIsExempt() {
		Classification result = classify(fat().steps(CENTRIFUGATION)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.STRUCTURAL_SUPPORT)
			.route(Route.EPIDURAL));
		assertThat(result.pathway()).isEqualTo(Pathway.EXEMPT_1271_15B);
		assertThat(result.reasonCodes()).containsExactly(SAME_SURGICAL_PROCEDURE_EXCEPTION);
		assertThat(result.flags()).isEmpty();
	}

	@Test
	void svfIsolatedByEnzymaticDigestionIs351BecauseItIsMoreThanMinimallyManipulated() {
		Classification result = classify(ClassificationInput.builder()
			.autologous()
			.sourceType(SourceType.ADIPOSE_SVF)
			.steps(ENZYMATIC_DIGESTION, CENTRIFUGATION)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.DISC_REPAIR)
			.route(Route.INTRADISCAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).containsExactly(SAME_SURGICAL_PROCEDURE_NOT_MET,
				MORE_THAN_MINIMAL_MANIPULATION, NON_HOMOLOGOUS_USE, NOT_COMBINED, SYSTEMIC_EFFECT_CONDITION_MET,
				BIOLOGIC_IND_REQUIRED);
		assertThat(result.flags()).containsExactly(NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT);
		assertThat(message(result, MORE_THAN_MINIMAL_MANIPULATION))
			.isEqualTo("21 CFR 1271.10(a)(1) minimal manipulation: enzymatic digestion is more than minimal manipulation");
		assertThat(message(result, SAME_SURGICAL_PROCEDURE_NOT_MET)).contains("enzymatic digestion goes beyond rinsing");
	}

	@Test
	void cultureExpandedAutologousMscAre351() {
		Classification result = classify(ClassificationInput.builder()
			.autologous()
			.sourceType(SourceType.AUTOLOGOUS_MSC)
			.steps(CENTRIFUGATION, CULTURE_EXPANSION, WASH)
			.additives(Additive.SALINE)
			.intendedUse(IntendedUse.DISC_REPAIR)
			.route(Route.INTRADISCAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).containsExactly(MORE_THAN_MINIMAL_MANIPULATION, NON_HOMOLOGOUS_USE,
				NOT_COMBINED, SYSTEMIC_EFFECT_CONDITION_MET, BIOLOGIC_IND_REQUIRED);
		assertThat(result.flags()).containsExactly(NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT);
		assertThat(message(result, MORE_THAN_MINIMAL_MANIPULATION))
			.isEqualTo("21 CFR 1271.10(a)(1) minimal manipulation: culture expansion is more than minimal manipulation");
		assertThat(result.pathway().requiresInd()).isTrue();
	}

	@Test
	void minimallyManipulatedBoneMarrowForHematopoieticReconstitutionWithNothingAddedIsNotAnHctp() {
		Classification result = classify(bmac().steps(CENTRIFUGATION)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS));
		assertThat(result.pathway()).isEqualTo(Pathway.NOT_HCTP);
		assertThat(result.reasonCodes()).containsExactly(BONE_MARROW_NOT_HCTP, HIGH_RISK_ROUTE);
		assertThat(result.flags()).containsExactly(Classification.HIGH_RISK_ROUTE);
	}

	@Test
	void cordBloodForHematopoieticReconstitutionInAFirstDegreeRelativeIs361() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.FIRST_DEGREE)
			.sourceType(SourceType.BIRTH_TISSUE)
			.tissue(Tissue.CORD_BLOOD)
			.steps(CENTRIFUGATION, CRYOPRESERVATION, THAW)
			.additives(Additive.DMSO)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS)
			.systemicEffect(true)
			.dependsOnMetabolicActivity(true));
		assertThat(result.pathway()).isEqualTo(Pathway.HCTP_361);
		assertThat(result.reasonCodes()).containsExactly(MINIMALLY_MANIPULATED, HOMOLOGOUS_USE, NOT_COMBINED,
				SYSTEMIC_EFFECT_CONDITION_MET, HIGH_RISK_ROUTE);
		assertThat(result.flags()).containsExactly(Classification.HIGH_RISK_ROUTE);
		assertThat(message(result, SYSTEMIC_EFFECT_CONDITION_MET)).contains("first-degree blood relative");
	}

	@Test
	void expandedMscFromAnUnrelatedAllogeneicDonorAre351() {
		Classification result = classify(allogeneicMsc().intendedUse(IntendedUse.DISC_REPAIR).route(Route.INTRADISCAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).containsExactly(MORE_THAN_MINIMAL_MANIPULATION, NON_HOMOLOGOUS_USE,
				NOT_COMBINED, SYSTEMIC_EFFECT_CONDITION_NOT_MET, BIOLOGIC_IND_REQUIRED);
		assertThat(result.flags()).containsExactly(NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT);
	}

	@Test
	void bmacWithHyaluronicAcidIs351AsACombinationWithAnotherArticle() {
		Classification result = classify(bmac().steps(CENTRIFUGATION)
			.additives(Additive.HYALURONIC_ACID)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.DISC_REPAIR)
			.route(Route.INTRADISCAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).containsExactly(SAME_SURGICAL_PROCEDURE_NOT_MET, MINIMALLY_MANIPULATED,
				NON_HOMOLOGOUS_USE, COMBINED_WITH_ANOTHER_ARTICLE, SYSTEMIC_EFFECT_CONDITION_MET, BIOLOGIC_IND_REQUIRED);
		assertThat(result.flags()).containsExactly(NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT);
		assertThat(message(result, COMBINED_WITH_ANOTHER_ARTICLE)).contains("hyaluronic acid");
	}

	@Test
	void ipscDerivedProductsAre351ResearchOnlyWithEthicsApproval() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.UNRELATED)
			.sourceType(SourceType.IPSC_DERIVED)
			.steps(GENETIC_MODIFICATION, CULTURE_EXPANSION)
			.intendedUse(IntendedUse.DISC_REPAIR)
			.route(Route.INTRADISCAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).containsExactly(RESEARCH_ONLY_SOURCE, BIOLOGIC_IND_REQUIRED);
		assertThat(result.flags()).containsExactly(ETHICS_APPROVAL_REQUIRED, RESEARCH_ONLY);
	}

	@Test
	void theIntravenousRouteAlwaysRaisesAWarningFlag() {
		Classification result = classify(allogeneicMsc().intendedUse(IntendedUse.OTHER).route(Route.INTRAVENOUS));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).containsExactly(MORE_THAN_MINIMAL_MANIPULATION, NON_HOMOLOGOUS_USE,
				NOT_COMBINED, SYSTEMIC_EFFECT_CONDITION_NOT_MET, BIOLOGIC_IND_REQUIRED, HIGH_RISK_ROUTE);
		assertThat(result.flags()).containsExactly(Classification.HIGH_RISK_ROUTE);
	}

	// Further rules.

	@Test
	void everyHighRiskRouteIsFlaggedAndNoSpineRouteIs() {
		for (Route route : Route.values()) {
			Classification result = classify(allogeneicMsc().intendedUse(IntendedUse.OTHER).route(route));
			assertThat(result.flags().contains(Classification.HIGH_RISK_ROUTE)).as(route.name())
				.isEqualTo(route.isHighRisk());
		}
	}

	@Test
	void theIntravenousRouteIsFlaggedEvenWhenTheProductIsExempt() {
		Classification result = classify(fat().steps(RINSE)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.STRUCTURAL_SUPPORT)
			.route(Route.INTRAVENOUS));
		assertThat(result.pathway()).isEqualTo(Pathway.EXEMPT_1271_15B);
		assertThat(result.flags()).containsExactly(Classification.HIGH_RISK_ROUTE);
	}

	@Test
	void embryonicStemCellProductsAre351WithEthicsFlagsWhateverTheProcessing() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.UNRELATED)
			.sourceType(SourceType.ESC_DERIVED)
			.steps(RINSE)
			.intendedUse(IntendedUse.DISC_REPAIR)
			.route(Route.INTRATHECAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).containsExactly(RESEARCH_ONLY_SOURCE, BIOLOGIC_IND_REQUIRED, HIGH_RISK_ROUTE);
		assertThat(result.flags()).containsExactly(ETHICS_APPROVAL_REQUIRED, RESEARCH_ONLY,
				Classification.HIGH_RISK_ROUTE);
	}

	@Test
	void engineeredProductsAre351WithEthicsFlagsEvenFromThePatientsOwnCells() {
		Classification result = classify(ClassificationInput.builder()
			.autologous()
			.sourceType(SourceType.ENGINEERED)
			.tissue(Tissue.BONE_MARROW)
			.steps(ProcessingStepType.BIOPRINTING)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.STRUCTURAL_SUPPORT)
			.route(Route.INTRADISCAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.flags()).containsExactly(ETHICS_APPROVAL_REQUIRED, RESEARCH_ONLY);
	}

	@Test
	void bmacForAFacetIsFlaggedAsASpineUseJudgement() {
		Classification result = classify(bmac().steps(CENTRIFUGATION)
			.intendedUse(IntendedUse.FACET_JOINT_PAIN)
			.route(Route.FACET));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.flags()).containsExactly(NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT);
		assertThat(message(result, NON_HOMOLOGOUS_USE)).contains("FDA has not ruled on this spine use specifically");
	}

	@Test
	void marrowFilteredInTheSameProcedureIsNotExemptAndNotContested() {
		Classification result = classify(bmac().steps(CENTRIFUGATION, FILTRATION)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS));
		assertThat(result.pathway()).isEqualTo(Pathway.NOT_HCTP);
		assertThat(result.reasonCodes()).containsExactly(SAME_SURGICAL_PROCEDURE_NOT_MET, BONE_MARROW_NOT_HCTP,
				HIGH_RISK_ROUTE);
		assertThat(result.flags()).containsExactly(Classification.HIGH_RISK_ROUTE);
	}

	@Test
	void centrifugedMarrowInTheSameProcedureForItsHomologousUseIsContestedThenNotAnHctp() {
		Classification result = classify(bmac().steps(CENTRIFUGATION)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS));
		assertThat(result.pathway()).isEqualTo(Pathway.NOT_HCTP);
		assertThat(result.reasonCodes()).containsExactly(SAME_SURGICAL_PROCEDURE_CONTESTED, BONE_MARROW_NOT_HCTP,
				HIGH_RISK_ROUTE);
		assertThat(result.flags()).containsExactly(CONTESTED_SAME_SURGICAL_PROCEDURE, Classification.HIGH_RISK_ROUTE);
	}

	@Test
	void marrowDilutedWithSalineIsStillNotAnHctpBecause1271_3d4AllowsCrystalloids() {
		Classification result = classify(bmac().steps(CENTRIFUGATION)
			.additives(Additive.SALINE)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS));
		assertThat(result.pathway()).isEqualTo(Pathway.NOT_HCTP);
	}

	@Test
	void anAllogeneicProductIsNeverSameSurgicalProcedureExempt() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.FIRST_DEGREE)
			.sourceType(SourceType.BIRTH_TISSUE)
			.tissue(Tissue.CORD_BLOOD)
			.steps(RINSE)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS));
		assertThat(result.pathway()).isEqualTo(Pathway.HCTP_361);
		assertThat(message(result, SAME_SURGICAL_PROCEDURE_NOT_MET)).contains("not the patient's own");
	}

	@Test
	void mechanicallyMicrofragmentedFatForStructuralSupportIs361WithAFlaggedJudgement() {
		Classification result = classify(fat().steps(RINSE, MECHANICAL_DISRUPTION)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.STRUCTURAL_SUPPORT)
			.route(Route.EPIDURAL));
		assertThat(result.pathway()).isEqualTo(Pathway.HCTP_361);
		assertThat(result.reasonCodes()).containsExactly(SAME_SURGICAL_PROCEDURE_NOT_MET, MINIMALLY_MANIPULATED,
				HOMOLOGOUS_USE, NOT_COMBINED, SYSTEMIC_EFFECT_CONDITION_MET);
		assertThat(result.flags()).containsExactly(MICROFRAGMENTATION_JUDGEMENT);
	}

	@Test
	void mechanicalDisruptionOfFatForAnSvfIsMoreThanMinimalManipulation() {
		Classification result = classify(ClassificationInput.builder()
			.autologous()
			.sourceType(SourceType.ADIPOSE_SVF)
			.steps(MECHANICAL_DISRUPTION, CENTRIFUGATION)
			.intendedUse(IntendedUse.STRUCTURAL_SUPPORT)
			.route(Route.EPIDURAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(message(result, MORE_THAN_MINIMAL_MANIPULATION)).contains("mechanical disruption to isolate cells");
		assertThat(result.flags()).isEmpty();
	}

	@Test
	void albuminIsTreatedAsAnotherArticleAndFlaggedForReview() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.FIRST_DEGREE)
			.sourceType(SourceType.BIRTH_TISSUE)
			.tissue(Tissue.CORD_BLOOD)
			.steps(CRYOPRESERVATION, THAW)
			.additives(Additive.DMSO, Additive.ALBUMIN)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).contains(COMBINED_WITH_ANOTHER_ARTICLE);
		assertThat(result.flags()).containsExactly(ALBUMIN_ADDITIVE_JUDGEMENT, Classification.HIGH_RISK_ROUTE);
		assertThat(message(result, COMBINED_WITH_ANOTHER_ARTICLE)).contains("albumin").doesNotContain("DMSO");
	}

	@Test
	void plateletRichPlasmaIsAnotherArticle() {
		Classification result = classify(fat().steps(RINSE)
			.additives(Additive.PLATELET_RICH_PLASMA)
			.intendedUse(IntendedUse.STRUCTURAL_SUPPORT)
			.route(Route.EPIDURAL));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(message(result, COMBINED_WITH_ANOTHER_ARTICLE)).contains("platelet-rich plasma");
	}

	@Test
	void waterCrystalloidsAndStorageAgentsAreAllowed() {
		Classification result = classify(fat().steps(RINSE, CRYOPRESERVATION, THAW)
			.additives(Additive.SALINE, Additive.CRYSTALLOID, Additive.DMSO)
			.intendedUse(IntendedUse.STRUCTURAL_SUPPORT)
			.route(Route.EPIDURAL));
		assertThat(result.pathway()).isEqualTo(Pathway.HCTP_361);
		assertThat(message(result, NOT_COMBINED)).contains("saline, DMSO, crystalloid");
	}

	@Test
	void unrelatedCordBloodIs351BecauseItActsThroughLivingCells() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.UNRELATED)
			.sourceType(SourceType.BIRTH_TISSUE)
			.tissue(Tissue.CORD_BLOOD)
			.steps(CRYOPRESERVATION, THAW)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS)
			.systemicEffect(true)
			.dependsOnMetabolicActivity(true));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).containsExactly(MINIMALLY_MANIPULATED, HOMOLOGOUS_USE, NOT_COMBINED,
				SYSTEMIC_EFFECT_CONDITION_NOT_MET, BIOLOGIC_IND_REQUIRED, HIGH_RISK_ROUTE);
	}

	@Test
	void aSecondDegreeRelativeCountsLikeAFirstDegreeOne() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.SECOND_DEGREE)
			.sourceType(SourceType.BIRTH_TISSUE)
			.tissue(Tissue.CORD_BLOOD)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS)
			.dependsOnMetabolicActivity(true));
		assertThat(result.pathway()).isEqualTo(Pathway.HCTP_361);
	}

	@Test
	void reproductiveUseMeetsTheSystemicEffectCondition() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.UNRELATED)
			.sourceType(SourceType.BIRTH_TISSUE)
			.tissue(Tissue.CORD_BLOOD)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS)
			.dependsOnMetabolicActivity(true)
			.reproductiveUse(true));
		assertThat(message(result, SYSTEMIC_EFFECT_CONDITION_MET)).endsWith("reproductive use");
	}

	@Test
	void relyingOnANoMetabolicActivityClaimForAnUnrelatedDonorIsFlagged() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.UNRELATED)
			.sourceType(SourceType.BIRTH_TISSUE)
			.tissue(Tissue.CORD_BLOOD)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.EPIDURAL));
		assertThat(result.pathway()).isEqualTo(Pathway.HCTP_361);
		assertThat(result.flags()).containsExactly(NON_METABOLIC_CLAIM_REVIEW);
	}

	@Test
	void cordTissueIsNotCordBloodAndDoesNotReconstituteBlood() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.FIRST_DEGREE)
			.sourceType(SourceType.BIRTH_TISSUE)
			.tissue(Tissue.UMBILICAL_CORD)
			.intendedUse(IntendedUse.HEMATOPOIETIC_RECONSTITUTION)
			.route(Route.INTRAVENOUS));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(message(result, NON_HOMOLOGOUS_USE)).contains("record tissue CORD_BLOOD");
	}

	@Test
	void placentalTissueInTheSpineIsNonHomologousWithoutTheMarrowAndFatJudgementFlag() {
		Classification result = classify(ClassificationInput.builder()
			.allogeneic(DonorRelation.UNRELATED)
			.sourceType(SourceType.BIRTH_TISSUE)
			.steps(RINSE)
			.intendedUse(IntendedUse.DISC_REPAIR)
			.route(Route.INTRADISCAL)
			.dependsOnMetabolicActivity(true));
		assertThat(result.pathway()).isEqualTo(Pathway.BIOLOGIC_351);
		assertThat(result.reasonCodes()).contains(NON_HOMOLOGOUS_USE);
		assertThat(result.flags()).isEmpty();
	}

	@Test
	void everyClassificationCarriesTheRuleSetVersion() {
		Classification result = classify(fat().steps(RINSE)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.STRUCTURAL_SUPPORT)
			.route(Route.EPIDURAL));
		assertThat(result.ruleSetVersion()).isEqualTo("fda-1271-2020.1").isEqualTo(RegulatoryClassifier.RULE_SET_VERSION);
	}

	@Test
	void everyReasonCitesTheRegulationOrTheRoute() {
		Classification result = classify(bmac().steps(CENTRIFUGATION)
			.additives(Additive.HYALURONIC_ACID)
			.sameSurgicalProcedure(true)
			.intendedUse(IntendedUse.DISC_REPAIR)
			.route(Route.INTRATHECAL));
		assertThat(result.reasons()).allSatisfy(reason -> assertThat(reason.message())
			.containsAnyOf("21 CFR 1271", "PHS Act section", "Route "));
	}

	@Test
	void onlyBiologicsRequireAnInd() {
		assertThat(Arrays.stream(Pathway.values()).filter(Pathway::requiresInd)).containsExactly(Pathway.BIOLOGIC_351);
	}

	private static ClassificationInput.Builder bmac() {
		return ClassificationInput.builder().autologous().sourceType(SourceType.BMAC);
	}

	private static ClassificationInput.Builder fat() {
		return ClassificationInput.builder().autologous().sourceType(SourceType.ADIPOSE_MICROFRAGMENTED);
	}

	private static ClassificationInput.Builder allogeneicMsc() {
		return ClassificationInput.builder()
			.allogeneic(DonorRelation.UNRELATED)
			.sourceType(SourceType.ALLOGENEIC_MSC)
			.steps(CULTURE_EXPANSION, CRYOPRESERVATION, THAW)
			.additives(Additive.DMSO)
			.dependsOnMetabolicActivity(true);
	}

	private static Classification classify(ClassificationInput.Builder input) {
		return RegulatoryClassifier.classify(input.build());
	}

	private static String message(Classification classification, String code) {
		return classification.reasons()
			.stream()
			.filter(reason -> reason.code().equals(code))
			.map(Reason::message)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no reason " + code + " in " + classification.reasonCodes()));
	}

}

package org.spinecell.cellproducts.regulatory;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import org.spinecell.cellproducts.DonorRelation;
import org.spinecell.cellproducts.IntendedUse;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.ProcessingStepType;
import org.spinecell.cellproducts.Route;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;
import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ClassificationInputTests {

	@Test
	void flagsDefaultToFalseAndSetsToEmpty() {
		ClassificationInput input = ClassificationInput.builder()
			.autologous()
			.sourceType(SourceType.BMAC)
			.intendedUse(IntendedUse.DISC_REPAIR)
			.route(Route.INTRADISCAL)
			.build();
		assertThat(input.tissue()).isEqualTo(Tissue.BONE_MARROW);
		assertThat(input.processingSteps()).isEmpty();
		assertThat(input.additives()).isEmpty();
		assertThat(input.sameSurgicalProcedure()).isFalse();
		assertThat(input.systemicEffect()).isFalse();
		assertThat(input.dependsOnMetabolicActivity()).isFalse();
		assertThat(input.reproductiveUse()).isFalse();
	}

	@Test
	void nullSetsBecomeEmptyAndCopiesCannotBeChanged() {
		Set<ProcessingStepType> steps = new HashSet<>(Set.of(ProcessingStepType.CENTRIFUGATION));
		ClassificationInput input = new ClassificationInput(Origin.AUTOLOGOUS, null, Tissue.BONE_MARROW,
				SourceType.BMAC, steps, null, IntendedUse.DISC_REPAIR, Route.INTRADISCAL, true, false, false, false);
		steps.add(ProcessingStepType.CULTURE_EXPANSION);
		assertThat(input.processingSteps()).containsExactly(ProcessingStepType.CENTRIFUGATION);
		assertThat(input.additives()).isEmpty();
	}

	@Test
	void reportsEveryMissingFieldAtOnce() {
		assertThat(ClassificationInput.validate(null, null, null, null, null, null, null))
			.extracting(FieldProblem::field)
			.containsExactly("origin", "tissue", "sourceType", "intendedUse", "route");
	}

	@Test
	void anAllogeneicDonorNeedsARelationAndAnAutologousOneHasNone() {
		assertThat(fields(Origin.ALLOGENEIC, null, Tissue.BONE_MARROW, SourceType.ALLOGENEIC_MSC,
				Set.of(ProcessingStepType.CULTURE_EXPANSION)))
			.containsExactly("relation");
		assertThat(fields(Origin.AUTOLOGOUS, DonorRelation.UNRELATED, Tissue.BONE_MARROW, SourceType.BMAC, Set.of()))
			.containsExactly("relation");
	}

	@Test
	void theTissueAndOriginMustFitTheSourceType() {
		assertThat(ClassificationInput.validate(Origin.ALLOGENEIC, DonorRelation.UNRELATED, Tissue.ADIPOSE,
				SourceType.BMAC, Set.of(), IntendedUse.DISC_REPAIR, Route.INTRADISCAL))
			.extracting(FieldProblem::field)
			.containsExactly("tissue", "origin");
	}

	@Test
	void anSvfMustRecordHowItsCellsWereIsolated() {
		assertThat(fields(Origin.AUTOLOGOUS, null, Tissue.ADIPOSE, SourceType.ADIPOSE_SVF,
				Set.of(ProcessingStepType.CENTRIFUGATION)))
			.containsExactly("processingSteps");
	}

	@Test
	void culturedMscMustRecordCultureExpansion() {
		assertThat(fields(Origin.AUTOLOGOUS, null, Tissue.BONE_MARROW, SourceType.AUTOLOGOUS_MSC, Set.of()))
			.containsExactly("processingSteps");
	}

	@Test
	void geneModifiedOrBioprintedProductsMustBeRecordedAsEngineered() {
		assertThat(fields(Origin.ALLOGENEIC, DonorRelation.UNRELATED, Tissue.BONE_MARROW, SourceType.ALLOGENEIC_MSC,
				Set.of(ProcessingStepType.CULTURE_EXPANSION, ProcessingStepType.GENETIC_MODIFICATION)))
			.containsExactly("processingSteps");
		assertThat(fields(Origin.ALLOGENEIC, DonorRelation.UNRELATED, Tissue.BONE_MARROW, SourceType.ENGINEERED,
				Set.of(ProcessingStepType.CULTURE_EXPANSION, ProcessingStepType.GENETIC_MODIFICATION)))
			.isEmpty();
	}

	@Test
	void theConstructorRefusesAContradictoryInput() {
		assertThatExceptionOfType(Refusal.class)
			.isThrownBy(() -> ClassificationInput.builder()
				.allogeneic(DonorRelation.UNRELATED)
				.sourceType(SourceType.BMAC)
				.intendedUse(IntendedUse.DISC_REPAIR)
				.route(Route.INTRADISCAL)
				.build())
			.satisfies(refusal -> {
				assertThat(ApiProblemHandler.status(refusal)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				assertThat(refusal.errors()).extracting(FieldProblem::field).containsExactly("origin");
			});
	}

	private static java.util.List<String> fields(Origin origin, DonorRelation relation, Tissue tissue,
			SourceType sourceType, Set<ProcessingStepType> steps) {
		return ClassificationInput.validate(origin, relation, tissue, sourceType, steps, IntendedUse.DISC_REPAIR,
				Route.INTRADISCAL)
			.stream()
			.map(FieldProblem::field)
			.toList();
	}

}

package org.spinecell.cellproducts.regulatory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.spinecell.cellproducts.Additive;
import org.spinecell.cellproducts.DonorRelation;
import org.spinecell.cellproducts.IntendedUse;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.ProcessingStepType;
import org.spinecell.cellproducts.Route;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

/**
 * What the regulatory classifier decides from (DOMAIN §5). The constructor refuses inputs that
 * contradict themselves, so a classification never rests on an impossible product.
 *
 * @param origin autologous or allogeneic
 * @param relation the donor's blood relation to the recipient; required if allogeneic, absent if
 * autologous
 * @param tissue the tissue the cells come from; one of the source type's tissues
 * @param sourceType the kind of product
 * @param processingSteps every kind of step the product goes through
 * @param additives everything combined with the cells
 * @param intendedUse what the product is meant to do
 * @param route where it is given
 * @param sameSurgicalProcedure removed and given back in one surgical procedure
 * @param systemicEffect the product acts systemically
 * @param dependsOnMetabolicActivity its primary function depends on living cells' metabolic
 * activity
 * @param reproductiveUse for reproductive use
 */
public record ClassificationInput(Origin origin, DonorRelation relation, Tissue tissue, SourceType sourceType,
		Set<ProcessingStepType> processingSteps, Set<Additive> additives, IntendedUse intendedUse, Route route,
		boolean sameSurgicalProcedure, boolean systemicEffect, boolean dependsOnMetabolicActivity,
		boolean reproductiveUse) {

	/** @throws Refusal invalid, listing every problem {@link #validate} finds */
	public ClassificationInput {
		processingSteps = copy(processingSteps, ProcessingStepType.class);
		additives = copy(additives, Additive.class);
		List<FieldProblem> problems = validate(origin, relation, tissue, sourceType, processingSteps, intendedUse,
				route);
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
	}

	/** A builder in which every flag starts false and the sets empty. */
	public static Builder builder() {
		return new Builder();
	}

	/** Everything contradictory or missing in an input, one problem per field at fault. */
	public static List<FieldProblem> validate(Origin origin, DonorRelation relation, Tissue tissue,
			SourceType sourceType, Set<ProcessingStepType> processingSteps, IntendedUse intendedUse, Route route) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<ProcessingStepType> steps = copy(processingSteps, ProcessingStepType.class);
		required(origin, "origin", problems);
		required(tissue, "tissue", problems);
		required(sourceType, "sourceType", problems);
		required(intendedUse, "intendedUse", problems);
		required(route, "route", problems);
		if (origin == Origin.ALLOGENEIC && relation == null) {
			problems.add(new FieldProblem("relation", "relation is required for an allogeneic donor"));
		}
		if (origin == Origin.AUTOLOGOUS && relation != null) {
			problems.add(new FieldProblem("relation", "relation applies only to an allogeneic donor"));
		}
		if (sourceType == null) {
			return problems;
		}
		if (tissue != null && !sourceType.tissues().contains(tissue)) {
			problems.add(new FieldProblem("tissue",
					sourceType.label() + " does not come from " + tissue + "; it comes from " + sourceType.tissues()));
		}
		if (origin != null && !sourceType.origins().contains(origin)) {
			problems.add(new FieldProblem("origin", sourceType.label() + " cannot be " + origin));
		}
		if (sourceType == SourceType.ADIPOSE_SVF && !steps.contains(ProcessingStepType.ENZYMATIC_DIGESTION)
				&& !steps.contains(ProcessingStepType.MECHANICAL_DISRUPTION)) {
			problems.add(new FieldProblem("processingSteps",
					"an SVF is isolated by enzymatic digestion or mechanical disruption: record the step used"));
		}
		if ((sourceType == SourceType.AUTOLOGOUS_MSC || sourceType == SourceType.ALLOGENEIC_MSC)
				&& !steps.contains(ProcessingStepType.CULTURE_EXPANSION)) {
			problems.add(new FieldProblem("processingSteps", sourceType.label() + " needs a CULTURE_EXPANSION step"));
		}
		if (!sourceType.researchOnly() && (steps.contains(ProcessingStepType.GENETIC_MODIFICATION)
				|| steps.contains(ProcessingStepType.BIOPRINTING))) {
			problems.add(new FieldProblem("processingSteps",
					"a gene-modified or bioprinted product is ENGINEERED, not " + sourceType));
		}
		return problems;
	}

	private static void required(Object value, String field, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, field + " is required"));
		}
	}

	private static <E extends Enum<E>> Set<E> copy(Collection<E> values, Class<E> type) {
		EnumSet<E> copy = EnumSet.noneOf(type);
		if (values != null) {
			for (E value : values) {
				if (value != null) {
					copy.add(value);
				}
			}
		}
		return Collections.unmodifiableSet(copy);
	}

	/** Builds an input; every flag starts false and the sets empty. */
	public static final class Builder {

		private Origin origin;

		private DonorRelation relation;

		private Tissue tissue;

		private SourceType sourceType;

		private final Set<ProcessingStepType> processingSteps = EnumSet.noneOf(ProcessingStepType.class);

		private final Set<Additive> additives = EnumSet.noneOf(Additive.class);

		private IntendedUse intendedUse;

		private Route route;

		private boolean sameSurgicalProcedure;

		private boolean systemicEffect;

		private boolean dependsOnMetabolicActivity;

		private boolean reproductiveUse;

		private Builder() {
		}

		public Builder autologous() {
			this.origin = Origin.AUTOLOGOUS;
			this.relation = null;
			return this;
		}

		public Builder allogeneic(DonorRelation relation) {
			this.origin = Origin.ALLOGENEIC;
			this.relation = relation;
			return this;
		}

		public Builder origin(Origin origin) {
			this.origin = origin;
			return this;
		}

		public Builder relation(DonorRelation relation) {
			this.relation = relation;
			return this;
		}

		public Builder tissue(Tissue tissue) {
			this.tissue = tissue;
			return this;
		}

		/** Sets the source type and, unless one is set, its usual tissue. */
		public Builder sourceType(SourceType sourceType) {
			this.sourceType = sourceType;
			if (this.tissue == null && sourceType != null) {
				this.tissue = sourceType.tissue();
			}
			return this;
		}

		public Builder steps(ProcessingStepType... steps) {
			this.processingSteps.addAll(List.of(steps));
			return this;
		}

		public Builder additives(Additive... additives) {
			this.additives.addAll(List.of(additives));
			return this;
		}

		public Builder intendedUse(IntendedUse intendedUse) {
			this.intendedUse = intendedUse;
			return this;
		}

		public Builder route(Route route) {
			this.route = route;
			return this;
		}

		public Builder sameSurgicalProcedure(boolean sameSurgicalProcedure) {
			this.sameSurgicalProcedure = sameSurgicalProcedure;
			return this;
		}

		public Builder systemicEffect(boolean systemicEffect) {
			this.systemicEffect = systemicEffect;
			return this;
		}

		public Builder dependsOnMetabolicActivity(boolean dependsOnMetabolicActivity) {
			this.dependsOnMetabolicActivity = dependsOnMetabolicActivity;
			return this;
		}

		public Builder reproductiveUse(boolean reproductiveUse) {
			this.reproductiveUse = reproductiveUse;
			return this;
		}

		/** @throws Refusal invalid if the input contradicts itself */
		public ClassificationInput build() {
			return new ClassificationInput(origin, relation, tissue, sourceType, processingSteps, additives,
					intendedUse, route, sameSurgicalProcedure, systemicEffect, dependsOnMetabolicActivity,
					reproductiveUse);
		}

	}

}

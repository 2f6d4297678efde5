package org.spinecell.cellproducts;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.spinecell.cellproducts.release.Specification;

/**
 * The kind of cell product, which decides the tissues and donors it may come from, its default
 * release specification and whether it is research only.
 */
public enum SourceType {

	/** Autologous bone marrow aspirate concentrate, prepared at the point of care. */
	BMAC("Bone marrow aspirate concentrate", Set.of(Origin.AUTOLOGOUS), false, Tissue.BONE_MARROW),

	/** Autologous fat, rinsed and micro-fragmented mechanically without isolating cells. */
	ADIPOSE_MICROFRAGMENTED("Micro-fragmented adipose tissue", Set.of(Origin.AUTOLOGOUS), false, Tissue.ADIPOSE),

	/** Autologous stromal vascular fraction, cells isolated from fat. */
	ADIPOSE_SVF("Adipose stromal vascular fraction", Set.of(Origin.AUTOLOGOUS), false, Tissue.ADIPOSE),

	/** The patient's own mesenchymal stromal cells, culture-expanded. */
	AUTOLOGOUS_MSC("Culture-expanded autologous MSC", Set.of(Origin.AUTOLOGOUS), false, Tissue.BONE_MARROW,
			Tissue.ADIPOSE, Tissue.OTHER),

	/** A donor's mesenchymal stromal or precursor cells, culture-expanded. */
	ALLOGENEIC_MSC("Culture-expanded allogeneic MSC", Set.of(Origin.ALLOGENEIC), false, Tissue.BONE_MARROW,
			Tissue.ADIPOSE, Tissue.UMBILICAL_CORD, Tissue.PLACENTA, Tissue.OTHER),

	/** Placental membranes, cord tissue or cord blood. */
	BIRTH_TISSUE("Birth tissue", Set.of(Origin.ALLOGENEIC, Origin.AUTOLOGOUS), false, Tissue.PLACENTA,
			Tissue.UMBILICAL_CORD, Tissue.CORD_BLOOD),

	ESC_DERIVED("Embryonic-stem-cell-derived", Set.of(Origin.ALLOGENEIC), true, Tissue.EMBRYONIC_STEM_CELL),

	IPSC_DERIVED("iPSC-derived", Set.of(Origin.AUTOLOGOUS, Origin.ALLOGENEIC), true, Tissue.IPSC),

	/** Gene-edited cells or 3D-bioprinted constructs, from any tissue. */
	ENGINEERED("Engineered (gene-edited or bioprinted)", Set.of(Origin.AUTOLOGOUS, Origin.ALLOGENEIC), true,
			Tissue.OTHER, Tissue.values());

	private final String label;

	private final Set<Origin> origins;

	private final boolean investigational;

	private final Tissue tissue;

	private final Set<Tissue> tissues;

	SourceType(String label, Set<Origin> origins, boolean investigational, Tissue tissue, Tissue... others) {
		this.label = label;
		this.origins = Collections.unmodifiableSet(EnumSet.copyOf(origins));
		this.investigational = investigational;
		this.tissue = tissue;
		this.tissues = Collections.unmodifiableSet(EnumSet.of(tissue, others));
	}

	/** The name for people. */
	public String label() {
		return label;
	}

	/** The tissue this kind of product usually comes from. */
	public Tissue tissue() {
		return tissue;
	}

	/** Every tissue this kind of product may come from. */
	public Set<Tissue> tissues() {
		return tissues;
	}

	/** Whose cells this kind of product may be made of. */
	public Set<Origin> origins() {
		return origins;
	}

	/** Embryonic-stem-cell- and iPSC-derived and engineered products are for research only. */
	public boolean researchOnly() {
		return investigational;
	}

	/** Whether an ethics committee must approve use of this kind of product. */
	public boolean ethicsApprovalRequired() {
		return investigational;
	}

	/**
	 * Whether this kind of product needs an IND whatever else is true of it. Other products may
	 * need one too: the {@link RegulatoryClassifier} decides from the whole input.
	 */
	public boolean indRequired() {
		return investigational;
	}

	/** A starting point for the release specification; each clinic sets its own. */
	public Specification defaultSpecification() {
		return Specification.defaultFor(this);
	}

}

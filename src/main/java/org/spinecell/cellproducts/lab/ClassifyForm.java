package org.spinecell.cellproducts.lab;

import org.spinecell.cellproducts.CellProductRequests;

/** The judgements the classifier cannot read from the record. */
class ClassifyForm {

	private boolean systemicEffect;

	private boolean dependsOnMetabolicActivity;

	private boolean reproductiveUse;

	CellProductRequests.ClassificationFlags toRequest() {
		return new CellProductRequests.ClassificationFlags(systemicEffect, dependsOnMetabolicActivity,
				reproductiveUse);
	}

	public boolean isSystemicEffect() {
		return systemicEffect;
	}

	public void setSystemicEffect(boolean systemicEffect) {
		this.systemicEffect = systemicEffect;
	}

	public boolean isDependsOnMetabolicActivity() {
		return dependsOnMetabolicActivity;
	}

	public void setDependsOnMetabolicActivity(boolean dependsOnMetabolicActivity) {
		this.dependsOnMetabolicActivity = dependsOnMetabolicActivity;
	}

	public boolean isReproductiveUse() {
		return reproductiveUse;
	}

	public void setReproductiveUse(boolean reproductiveUse) {
		this.reproductiveUse = reproductiveUse;
	}

}

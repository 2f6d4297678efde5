package org.spinecell.patients;

/** The families of spine conditions SpineCell groups its ICD-10-CM codes into. */
public enum ConditionFamily {

	DEGENERATIVE_DISC_DISEASE, HERNIATED_DISC, SPINAL_STENOSIS, FACET_ARTHROPATHY, TRAUMATIC_INJURY, LOW_BACK_PAIN

}

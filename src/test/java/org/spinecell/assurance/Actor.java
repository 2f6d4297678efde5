package org.spinecell.assurance;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who calls: nobody, a patient holding a survey link, or a user of one role. {@code ADMIN} is the
 * installation administrator (no clinic, like the bootstrap {@code admin}); {@code CLINIC_ADMIN} is
 * an administrator of the actors' clinic (ADR 0016).
 */
enum Actor {

	ANONYMOUS, PATIENT, ADMIN, CLINIC_ADMIN, PHYSICIAN, COORDINATOR, LAB, RESEARCHER, AUDITOR;

	static final Set<Actor> NONE = EnumSet.noneOf(Actor.class);

	static final Set<Actor> ALL = EnumSet.allOf(Actor.class);

	/** Every signed-in user, whatever the role. */
	static final Set<Actor> STAFF = EnumSet.of(ADMIN, CLINIC_ADMIN, PHYSICIAN, COORDINATOR, LAB, RESEARCHER, AUDITOR);

	/** Both kinds of administrator. */
	static final Set<Actor> ADMINS = EnumSet.of(ADMIN, CLINIC_ADMIN);

	/** The roles that treat and follow up patients. */
	static final Set<Actor> CARE = EnumSet.of(PHYSICIAN, COORDINATOR);

	/** The roles that see patient charts (the lab reads them, without changing them). */
	static final Set<Actor> CHART = EnumSet.of(PHYSICIAN, COORDINATOR, LAB);

	/** The roles that query aggregate, de-identified analytics. */
	static final Set<Actor> ANALYSTS = EnumSet.of(PHYSICIAN, COORDINATOR, RESEARCHER);

	static Set<Actor> of(Actor first, Actor... rest) {
		return EnumSet.of(first, rest);
	}

}

package org.spinecell.patients.history;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.spinecell.patients.ConsentType;

/**
 * A patient's consent decisions: the current one of each type that has any, and every decision.
 *
 * @param current the latest decision of each type, in type order
 * @param history every decision, newest first
 */
public record ConsentHistory(List<Consent> current, List<Consent> history) {

	public ConsentHistory {
		current = List.copyOf(current);
		history = List.copyOf(history);
	}

	/** Picks the current decisions out of a history sorted newest first. */
	public static ConsentHistory of(List<Consent> newestFirst) {
		Set<ConsentType> seen = EnumSet.noneOf(ConsentType.class);
		List<Consent> current = new ArrayList<>();
		for (Consent consent : newestFirst) {
			if (seen.add(consent.type())) {
				current.add(consent);
			}
		}
		current.sort((a, b) -> a.type().compareTo(b.type()));
		return new ConsentHistory(current, newestFirst);
	}

	public Optional<Consent> current(ConsentType type) {
		return current.stream().filter(consent -> consent.type() == type).findFirst();
	}

	/** Whether the patient's current decision for the type is consent given. */
	public boolean hasGiven(ConsentType type) {
		return current(type).map(Consent::isGiven).orElse(false);
	}

}

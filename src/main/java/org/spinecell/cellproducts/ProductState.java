package org.spinecell.cellproducts;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.spinecell.platform.Refusal;
import org.spinecell.platform.FieldProblem;

/**
 * Where a cell product is in its life, with the only moves allowed between states. Moving from
 * {@link #QUARANTINE} to {@link #RELEASED} is legal here, but the service must do it only through
 * the release use case, which checks the release specification and takes the e-signature.
 */
public enum ProductState {

	COLLECTED, IN_PROCESSING, QUARANTINE, RELEASED, ISSUED, ADMINISTERED, DISCARDED, EXPIRED;

	private static final Map<ProductState, Set<ProductState>> NEXT = new EnumMap<>(ProductState.class);

	static {
		NEXT.put(COLLECTED, EnumSet.of(IN_PROCESSING, DISCARDED, EXPIRED));
		NEXT.put(IN_PROCESSING, EnumSet.of(QUARANTINE, DISCARDED, EXPIRED));
		// Back to processing when a result asks for reprocessing (another wash, a new fraction).
		NEXT.put(QUARANTINE, EnumSet.of(RELEASED, IN_PROCESSING, DISCARDED, EXPIRED));
		NEXT.put(RELEASED, EnumSet.of(ISSUED, DISCARDED, EXPIRED));
		// Back to released when an issued product comes back to storage unused.
		NEXT.put(ISSUED, EnumSet.of(ADMINISTERED, RELEASED, DISCARDED, EXPIRED));
		NEXT.put(ADMINISTERED, EnumSet.noneOf(ProductState.class));
		NEXT.put(DISCARDED, EnumSet.noneOf(ProductState.class));
		NEXT.put(EXPIRED, EnumSet.noneOf(ProductState.class));
		NEXT.replaceAll((state, next) -> Collections.unmodifiableSet(next));
	}

	/**
	 * Whether the product is still in the lab's hands or on its way to a patient: results, custody
	 * and an IND number can still be recorded on it.
	 */
	public boolean isActive() {
		return this == COLLECTED || this == IN_PROCESSING || this == QUARANTINE || this == RELEASED || this == ISSUED;
	}

	/** Whether no move leads out of this state. */
	public boolean isFinal() {
		return NEXT.get(this).isEmpty();
	}

	/** The states a product in this state may move to. */
	public Set<ProductState> nextStates() {
		return NEXT.get(this);
	}

	public boolean canMoveTo(ProductState target) {
		return NEXT.get(this).contains(target);
	}

	/**
	 * @throws Refusal conflict naming both states, with a problem on field {@code state}
	 * saying where the product may go instead
	 */
	public void checkMoveTo(ProductState target) {
		Objects.requireNonNull(target, "target");
		if (canMoveTo(target)) {
			return;
		}
		String message = isFinal() ? words(this) + " is final: the product cannot change state any more"
				: "from " + words(this) + " a product can only move to " + alternatives();
		throw Refusal.conflict("Illegal transition from " + this + " to " + target,
				List.of(new FieldProblem("state", message)));
	}

	private String alternatives() {
		List<String> next = nextStates().stream().map(ProductState::words).toList();
		return String.join(", ", next.subList(0, next.size() - 1)) + " or " + next.get(next.size() - 1);
	}

	private static String words(ProductState state) {
		return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}

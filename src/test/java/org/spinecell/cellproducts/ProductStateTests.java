package org.spinecell.cellproducts;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import org.spinecell.platform.ApiProblemHandler;
import org.spinecell.platform.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.spinecell.cellproducts.ProductState.ADMINISTERED;
import static org.spinecell.cellproducts.ProductState.COLLECTED;
import static org.spinecell.cellproducts.ProductState.DISCARDED;
import static org.spinecell.cellproducts.ProductState.EXPIRED;
import static org.spinecell.cellproducts.ProductState.IN_PROCESSING;
import static org.spinecell.cellproducts.ProductState.ISSUED;
import static org.spinecell.cellproducts.ProductState.QUARANTINE;
import static org.spinecell.cellproducts.ProductState.RELEASED;

class ProductStateTests {

	/** The life cycle as specified, written out independently of the implementation. */
	private static final Map<ProductState, Set<ProductState>> ALLOWED = Map.of(
			COLLECTED, EnumSet.of(IN_PROCESSING, DISCARDED, EXPIRED),
			IN_PROCESSING, EnumSet.of(QUARANTINE, DISCARDED, EXPIRED),
			QUARANTINE, EnumSet.of(RELEASED, IN_PROCESSING, DISCARDED, EXPIRED),
			RELEASED, EnumSet.of(ISSUED, DISCARDED, EXPIRED),
			ISSUED, EnumSet.of(ADMINISTERED, RELEASED, DISCARDED, EXPIRED),
			ADMINISTERED, EnumSet.noneOf(ProductState.class),
			DISCARDED, EnumSet.noneOf(ProductState.class),
			EXPIRED, EnumSet.noneOf(ProductState.class));

	@Test
	void everyPairOfStatesFollowsTheTransitionTable() {
		int checked = 0;
		for (ProductState from : ProductState.values()) {
			for (ProductState to : ProductState.values()) {
				boolean allowed = ALLOWED.get(from).contains(to);
				assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(allowed);
				if (allowed) {
					assertThatNoException().as("%s -> %s", from, to).isThrownBy(() -> from.checkMoveTo(to));
				}
				else {
					assertThatExceptionOfType(Refusal.class).as("%s -> %s", from, to)
						.isThrownBy(() -> from.checkMoveTo(to))
						.withMessage("Illegal transition from " + from + " to " + to)
						.satisfies(refusal -> {
							assertThat(ApiProblemHandler.status(refusal)).isEqualTo(HttpStatus.CONFLICT);
							assertThat(refusal.errors()).singleElement()
								.satisfies(problem -> assertThat(problem.field()).isEqualTo("state"));
						});
				}
				checked++;
			}
		}
		assertThat(checked).isEqualTo(64);
	}

	@Test
	void administeredDiscardedAndExpiredAreFinal() {
		assertThat(EnumSet.allOf(ProductState.class).stream().filter(ProductState::isFinal))
			.containsExactlyInAnyOrder(ADMINISTERED, DISCARDED, EXPIRED);
	}

	@Test
	void everyNonFinalStateCanBeDiscardedOrExpire() {
		for (ProductState state : ProductState.values()) {
			if (!state.isFinal()) {
				assertThat(state.nextStates()).as(state.name()).contains(DISCARDED, EXPIRED);
			}
		}
	}

	@Test
	void noStateMovesToItself() {
		for (ProductState state : ProductState.values()) {
			assertThat(state.canMoveTo(state)).as(state.name()).isFalse();
		}
	}

	@Test
	void theRefusalSaysWhereTheProductMayGoInstead() {
		assertThatExceptionOfType(Refusal.class).isThrownBy(() -> QUARANTINE.checkMoveTo(ISSUED))
			.satisfies(refusal -> assertThat(refusal.errors().get(0).message())
				.isEqualTo("from quarantine a product can only move to in processing, released, discarded or expired"));
	}

	@Test
	void theRefusalFromAFinalStateSaysItIsFinal() {
		assertThatExceptionOfType(Refusal.class).isThrownBy(() -> ADMINISTERED.checkMoveTo(RELEASED))
			.satisfies(refusal -> assertThat(refusal.errors().get(0).message()).startsWith("administered is final"));
	}

	@Test
	void theNextStatesCannotBeChangedByCallers() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> COLLECTED.nextStates().add(ADMINISTERED));
	}

}

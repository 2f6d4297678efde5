package org.spinecell.outcomes.followup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.spinecell.outcomes.FollowUp;

import org.springframework.stereotype.Component;

/**
 * When a follow-up is collected: the one rule behind the patient's survey and staff entering
 * answers. A time point requires the instruments the clinic can actually collect, that is those
 * whose text may be shown (free, or licensed with the text loaded), and always its primary
 * outcomes (per protocol, {@link FollowUpProtocol.TimePoint#primaryOutcomes()}). A licensed
 * primary outcome whose text is not loaded cannot be asked online, but staff can enter it by item
 * number from the clinic's licensed paper form; until then the follow-up stays open and says why.
 * Other licensed instruments without text are optional: nobody can answer them here, so they do
 * not hold a follow-up open.
 */
@Component
public class FollowUpCompletion {

	private final FollowUpInstruments instruments;

	FollowUpCompletion(FollowUpInstruments instruments) {
		this.instruments = instruments;
	}

	/**
	 * One instrument the follow-up still waits for.
	 * @param primary whether it is a primary outcome of the time point
	 * @param online whether the patient's survey can ask it
	 * @param inLibrary whether the instrument library holds it at all
	 */
	public record Missing(String instrumentId, String title, boolean primary, boolean online, boolean inLibrary) {

		/** Why it is missing and who can collect it, for staff. */
		public String reason() {
			if (!inLibrary) {
				return "the instrument library does not hold it: an administrator must import it";
			}
			if (online) {
				return "not answered yet";
			}
			return "its licensed text is not loaded, so the survey cannot ask it: enter it from the licensed paper"
					+ " form or a phone call";
		}

	}

	/**
	 * The required instruments without a response, in the follow-up's order; empty once the
	 * follow-up may be completed. Call inside a transaction of the follow-up's clinic.
	 */
	public List<Missing> missing(FollowUp followUp, List<String> primaryOutcomes) {
		List<Missing> missing = new ArrayList<>();
		Set<String> known = new HashSet<>();
		for (FollowUpInstruments.Entry entry : instruments.of(followUp)) {
			String id = entry.definition().id();
			known.add(id);
			boolean primary = primaryOutcomes.contains(id);
			if ((entry.textAvailable() || primary) && entry.response().isEmpty()) {
				missing.add(new Missing(id, entry.definition().title(), primary, entry.textAvailable(), true));
			}
		}
		// A primary outcome the library does not hold can never be collected: it is reported, not skipped.
		for (String id : primaryOutcomes) {
			if (followUp.instruments().contains(id) && !known.contains(id)) {
				missing.add(new Missing(id, id, true, false, false));
			}
		}
		return missing;
	}

	/** The first primary outcome nobody can answer online and that is still missing, if any. */
	static Optional<Missing> offlinePrimary(List<Missing> missing) {
		return missing.stream().filter(m -> m.primary() && !m.online()).findFirst();
	}

}

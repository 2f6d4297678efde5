package org.spinecell.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spinecell.outcomes.InstrumentRepository.StoredInstrument;

import org.springframework.stereotype.Component;

/**
 * A follow-up's instruments as they stand: the current definition of each, whether its text may be
 * shown (not licensed, or the licensed text is loaded), and the response recorded for it. The
 * patient's survey and the staff entry page both read them here. Instruments the library does not
 * hold are left out.
 */
@Component
class FollowUpInstruments {

	private final InstrumentRepository instruments;

	private final ResponseRepository responses;

	FollowUpInstruments(InstrumentRepository instruments, ResponseRepository responses) {
		this.instruments = instruments;
		this.responses = responses;
	}

	record Entry(InstrumentDefinition definition, StoredInstrument stored, boolean textAvailable,
			Optional<RecordedResponse> response) {

		/** The items with the text to show: the loaded licensed text where there is some. */
		List<SurveyService.StepItem> items() {
			return SurveyService.items(definition, stored.itemText());
		}

	}

	/** Call inside a transaction of the follow-up's clinic. */
	List<Entry> of(FollowUp followUp) {
		List<Entry> entries = new ArrayList<>();
		for (String id : followUp.instruments()) {
			Optional<StoredInstrument> stored = instruments.current(id);
			if (stored.isEmpty()) {
				continue;
			}
			InstrumentDefinition definition = InstrumentFormat.parse(stored.get().definition());
			boolean textAvailable = !stored.get().textLicensed() || stored.get().textLoaded();
			Optional<RecordedResponse> response = responses
				.forFollowUp(followUp.clinicId(), followUp.patientId(), followUp.id(), definition.id())
				.map(ResponseRepository.StoredResponse::response);
			entries.add(new Entry(definition, stored.get(), textAvailable, response));
		}
		return entries;
	}

}

package org.spinecell.outcomes.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.instruments.InstrumentDefinition;
import org.spinecell.outcomes.instruments.InstrumentFormat;
import org.spinecell.outcomes.instruments.InstrumentRepository.StoredInstrument;
import org.spinecell.outcomes.instruments.InstrumentRepository;
import org.spinecell.outcomes.responses.RecordedResponse;
import org.spinecell.outcomes.responses.ResponseRepository;
import org.spinecell.outcomes.survey.SurveyState;
import org.spinecell.outcomes.survey.SurveyWording;

import org.springframework.stereotype.Component;

/**
 * A follow-up's instruments as they stand: the current definition of each, whether its text may be
 * shown (not licensed, or the licensed text is loaded), and the response recorded for it. The
 * patient's survey and the staff entry page both read them here. Instruments the library does not
 * hold are left out.
 */
@Component
public class FollowUpInstruments {

	private final InstrumentRepository instruments;

	private final ResponseRepository responses;

	FollowUpInstruments(InstrumentRepository instruments, ResponseRepository responses) {
		this.instruments = instruments;
		this.responses = responses;
	}

	public record Entry(InstrumentDefinition definition, StoredInstrument stored, boolean textAvailable,
			Optional<RecordedResponse> response) {

		/** The items with the text to show: the loaded licensed text where there is some. */
		public List<SurveyState.StepItem> items() {
			return SurveyWording.items(definition, stored.itemText());
		}

	}

	/** Call inside a transaction of the follow-up's clinic. */
	public List<Entry> of(FollowUp followUp) {
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

package org.spinecell.outcomes;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.spinecell.outcomes.survey.mail.SurveyLetter;


import static org.assertj.core.api.Assertions.assertThat;

/** The survey letter on its own: characters the PDF fonts lack, long addresses, the last day. */
class SurveyLetterTests {

	@Test
	void charactersOutsideTheFontPrintAsQuestionMarksAndLongAddressesWrap() throws Exception {
		String url = "https://follow-up.example-clinic-with-a-very-long-host-name.org/s/" + "A".repeat(43);
		byte[] pdf = SurveyLetter.render(new SurveyLetter.Content("Clinique Zoë 🦴", "Łucja", "2 weeks after your treatment",
				url, Instant.parse("2026-03-01T00:00:00Z")));
		String text = StaffFollowUpApiTests.text(pdf);
		assertThat(text).contains("Dear ?ucja,").contains("Clinique Zoë ?").contains("2 weeks after your treatment");
		assertThat(text).contains("This link works until 28 February 2026.");
		// The address is broken over lines rather than run off the page; joined, it is whole again.
		assertThat(text.replaceAll("\\s", "")).contains(url);
		assertThat(StaffFollowUpApiTests.qrCode(StaffFollowUpApiTests.render(pdf))).isEqualTo(url);
	}

}

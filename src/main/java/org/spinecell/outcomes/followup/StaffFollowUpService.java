package org.spinecell.outcomes.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.spinecell.accounts.ClinicService;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.ResponseService;
import org.spinecell.outcomes.responses.RecordedResponse;
import org.spinecell.outcomes.responses.ResponseRepository;
import org.spinecell.outcomes.survey.SurveyService;
import org.spinecell.outcomes.survey.SurveyState;
import org.spinecell.outcomes.survey.SurveyWording;
import org.spinecell.outcomes.survey.mail.SurveyLetter;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff do with one follow-up besides completing or cancelling it: enter the patient's
 * answers taken by phone or from paper, see the stored responses, and print a survey letter.
 */
@Service
public class StaffFollowUpService {

	private final FollowUpService followUps;

	private final ResponseService responseService;

	private final ResponseRepository responses;

	private final FollowUpInstruments followUpInstruments;

	private final SurveyService surveys;

	private final PatientService patients;

	private final ClinicService clinics;

	private final java.time.ZoneId zone;

	StaffFollowUpService(FollowUpService followUps, ResponseService responseService, ResponseRepository responses,
			FollowUpInstruments followUpInstruments, SurveyService surveys, PatientService patients, ClinicService clinics,
			org.spinecell.platform.SpineCellProperties settings) {
		this.zone = settings.timeZone();
		this.followUps = followUps;
		this.responseService = responseService;
		this.responses = responses;
		this.followUpInstruments = followUpInstruments;
		this.surveys = surveys;
		this.patients = patients;
		this.clinics = clinics;
	}

	/** Answers entered by staff, and the follow-up afterwards (completed once every instrument is answered). */
	public record Entered(RecordedResponse response, FollowUp followUp) {
	}

	/**
	 * One instrument of a follow-up as staff enter it.
	 * @param textLoaded the item text may be shown (not licensed, or the licence text is loaded)
	 * @param licenceNote whose licence the text needs, shown when it is not loaded
	 * @param response the response recorded for this follow-up, if any
	 */
	public record InstrumentForm(String instrumentId, String title, boolean textLoaded, String licenceNote,
			List<SurveyState.StepItem> items, RecordedResponse response) {
	}

	/** One item of a stored response with its answer. */
	public record AnsweredItem(String linkId, String text, Object answer) {
	}

	/** A stored response with its items' text where it may be shown. */
	public record ResponseDetail(FollowUp followUp, String title, RecordedResponse response, List<AnsweredItem> items) {
	}

	/**
	 * Records the patient's answers to one instrument of the follow-up as entered by staff, and
	 * completes the follow-up in the same transaction once every one of its instruments has a
	 * response. Idempotent like {@link ResponseService#record}: the same answers again return the
	 * stored response, different ones are a conflict (409). An instrument outside the follow-up's
	 * list is refused (422 on {@code instrument}), as is a cancelled follow-up (409).
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Entered enter(UUID followUpId, String instrumentId, Map<String, Object> answers) {
		return enter(followUpId, instrumentId, answers, null);
	}

	/**
	 * As {@link #enter(UUID, String, Map)}, for answers the patient gave on an earlier day (a paper
	 * form typed in later): the response is dated noon of that day in the clinic's time zone. Today
	 * or {@code null} is now; a day in the future or before the follow-up's window opened is refused
	 * (422 on {@code answeredOn}).
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Entered enter(UUID followUpId, String instrumentId, Map<String, Object> answers, java.time.LocalDate answeredOn) {
		FollowUp followUp = followUps.get(followUpId);
		if (followUp.recorded() == FollowUp.Status.CANCELLED) {
			throw Refusal.conflict("The follow-up is cancelled",
					List.of(new FieldProblem("status", "CANCELLED")));
		}
		if (instrumentId == null || !followUp.instruments().contains(instrumentId)) {
			throw Refusal.invalid("instrument", "is not one of this follow-up's instruments: "
					+ String.join(", ", followUp.instruments()));
		}
		java.time.LocalDate today = java.time.LocalDate.now(zone);
		if (answeredOn != null && answeredOn.isAfter(today)) {
			throw Refusal.invalid("answeredOn", "must not be in the future");
		}
		if (answeredOn != null && answeredOn.isBefore(followUp.windowStart())) {
			throw Refusal.invalid("answeredOn", "must not be before the follow-up window opened ("
					+ followUp.windowStart() + ")");
		}
		RecordedResponse response = answeredOn == null || answeredOn.equals(today)
				? responseService.record(followUp.patientId(), followUp.id(), instrumentId, answers, true)
				: responseService.record(followUp.patientId(), followUp.id(), instrumentId, answers, true,
						answeredOn.atTime(12, 0).atZone(zone).toInstant());
		followUps.completeWhenAnswered(followUp.id());
		return new Entered(response, followUps.get(followUp.id()));
	}

	/** The follow-up's instruments as forms, each with the response recorded for it if any. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<InstrumentForm> forms(UUID followUpId) {
		FollowUp followUp = followUps.get(followUpId);
		List<InstrumentForm> forms = new ArrayList<>();
		for (FollowUpInstruments.Entry entry : followUpInstruments.of(followUp)) {
			forms.add(new InstrumentForm(entry.definition().id(), entry.definition().title(), entry.textAvailable(),
					entry.stored().licenceNote(), entry.items(), entry.response().orElse(null)));
		}
		return forms;
	}

	/** One response recorded for the follow-up, item by item; 404 when it belongs elsewhere. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public ResponseDetail response(UUID followUpId, UUID responseId) {
		FollowUp followUp = followUps.get(followUpId);
		RecordedResponse response = responses.find(followUp.clinicId(), followUp.patientId(), responseId)
			.filter(r -> followUp.id().equals(r.followUpId()))
			.orElseThrow(() -> Refusal.notFound(ResponseService.ENTITY));
		InstrumentForm form = forms(followUpId).stream()
			.filter(f -> f.instrumentId().equals(response.instrument()))
			.findFirst()
			.orElse(null);
		List<AnsweredItem> items = new ArrayList<>();
		for (Map.Entry<String, Object> answer : response.answers().entrySet()) {
			String text = form == null || !form.textLoaded() ? null
					: form.items()
						.stream()
						.filter(i -> i.linkId().equals(answer.getKey()))
						.map(SurveyState.StepItem::text)
						.findFirst()
						.orElse(null);
			items.add(new AnsweredItem(answer.getKey(), text, answer.getValue()));
		}
		return new ResponseDetail(followUp, form == null ? response.instrument() : form.title(), response, items);
	}

	/**
	 * Creates a new survey link for the follow-up (revoking the previous one) and returns a
	 * printable letter with it: the clinic, the patient's first name, instructions, the address as
	 * text and as a QR code, and the expiry date. Nothing else about the patient is printed.
	 * @param url turns the link's token into the address the patient types
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public byte[] letter(UUID followUpId, UnaryOperator<String> url) {
		FollowUp followUp = followUps.get(followUpId);
		SurveyService.CreatedLink link = surveys.createLink(followUpId);
		Patient patient = patients.get(followUp.patientId());
		String clinic = clinics.get(followUp.clinicId()).name();
		return SurveyLetter.render(new SurveyLetter.Content(clinic, patient.givenName(),
				SurveyWording.plainWords(followUp.timePoint()), url.apply(link.token()), link.expiresAt()));
	}

}

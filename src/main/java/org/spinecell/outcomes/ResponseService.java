package org.spinecell.outcomes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.spinecell.audit.AuditTrail;
import org.spinecell.outcomes.instruments.InstrumentLibrary.Instrument;
import org.spinecell.outcomes.responses.ResponseRepository.StoredResponse;
import org.spinecell.outcomes.instruments.Score.Measurement;
import org.spinecell.outcomes.followup.FollowUpRepository;
import org.spinecell.outcomes.instruments.InstrumentDefinition;
import org.spinecell.outcomes.instruments.InstrumentLibrary;
import org.spinecell.outcomes.instruments.InstrumentScorer;
import org.spinecell.outcomes.instruments.Score;
import org.spinecell.outcomes.responses.Observation;
import org.spinecell.outcomes.responses.ObservationRepository;
import org.spinecell.outcomes.responses.RecordedResponse;
import org.spinecell.outcomes.responses.ResponseRepository;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.SpineCellProperties;
import org.spinecell.procedures.ProcedureService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a patient's answers to an instrument: checks them against the current definition,
 * stores every item's answer with the score, derives one observation per scored measure and
 * audits the lot in one transaction. Recording is idempotent per follow-up: the same answers for
 * the same follow-up and instrument return the stored response, different answers are a conflict.
 */
@Service
public class ResponseService {

	public static final String ENTITY = "InstrumentResponse";

	private static final Pattern MEASURE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	/** Hashing needs one stable rendering of the answers, independent of the web mapper's settings. */
	private static final JsonMapper CANONICAL = JsonMapper.builder().build();

	private final PatientService patients;

	private final InstrumentLibrary library;

	private final ResponseRepository responses;

	private final ObservationRepository observations;

	private final AuditTrail audit;

	private final FollowUpRepository followUps;

	private final ProcedureService procedures;

	private final ZoneId zone;

	ResponseService(PatientService patients, InstrumentLibrary library, ResponseRepository responses,
			ObservationRepository observations, AuditTrail audit, FollowUpRepository followUps,
			ProcedureService procedures, SpineCellProperties properties) {
		this.followUps = followUps;
		this.procedures = procedures;
		this.zone = properties.timeZone();
		this.patients = patients;
		this.library = library;
		this.responses = responses;
		this.observations = observations;
		this.audit = audit;
	}

	/**
	 * Records and scores one completed instrument.
	 * @param followUpId the follow-up the answers belong to, or {@code null} for answers taken
	 * outside a schedule (these are not checked for resubmission); it must be one of this patient's
	 * (else 422 on {@code followUpId}), not cancelled (409), and list the instrument (422 on
	 * {@code instrument})
	 * @param instrumentId the instrument's id; its current version is used
	 * @param answers item id to answer (integer, boolean or choice code); unanswered items may be
	 * left out or null
	 * @param staffEntered staff typed the answers in (from paper or an interview), rather than the
	 * patient submitting them
	 * @return the stored response; {@code duplicate} is true when these exact answers were already
	 * recorded for the follow-up
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public RecordedResponse record(UUID patientId, UUID followUpId, String instrumentId, Map<String, Object> answers,
			boolean staffEntered) {
		return record(patientId, followUpId, instrumentId, answers, staffEntered,
				Instant.now().truncatedTo(ChronoUnit.MICROS));
	}

	/**
	 * Records and scores one completed instrument answered earlier, such as a paper form typed in
	 * later: the response's submitted time and its observations' effective time are
	 * {@code answeredAt}, which must not be in the future. Otherwise as
	 * {@link #record(UUID, UUID, String, Map, boolean)}.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public RecordedResponse record(UUID patientId, UUID followUpId, String instrumentId, Map<String, Object> answers,
			boolean staffEntered, Instant answeredAt) {
		if (answeredAt == null) {
			throw Refusal.invalid("answeredAt", "is required");
		}
		if (answeredAt.isAfter(Instant.now())) {
			throw Refusal.invalid("answeredAt", "must not be in the future");
		}
		Patient patient = patients.get(patientId);
		if (patient.voided()) {
			throw Refusal.conflict("The patient record is voided");
		}
		if (answers == null) {
			throw Refusal.invalid("answers", "are required");
		}
		Instrument instrument = library.instrument(instrumentId, "instrument");
		InstrumentDefinition definition = instrument.definition();
		if (followUpId != null) {
			FollowUp followUp = followUps.find(followUpId)
				.filter(f -> f.clinicId().equals(patient.clinicId()) && f.patientId().equals(patientId))
				.orElseThrow(() -> Refusal.invalid("followUpId", "no such follow-up of this patient"));
			followUp.checkAnswerable(definition.id());
			followUp.checkAnsweredOn(answeredAt.atZone(zone).toLocalDate(),
					procedures.get(followUp.procedureId()).date());
		}
		Map<String, Object> normalised = InstrumentScorer.normalise(definition, answers);
		Score score = InstrumentScorer.score(definition, normalised, instrument.table());
		String hash = hash(definition, normalised);
		UUID clinicId = patient.clinicId();
		if (followUpId != null) {
			Optional<RecordedResponse> existing = existing(clinicId, patientId, followUpId, definition.id(), hash);
			if (existing.isPresent()) {
				return existing.get();
			}
		}
		CurrentUser user = CurrentUser.get();
		Instant now = answeredAt.truncatedTo(ChronoUnit.MICROS);
		RecordedResponse response = new RecordedResponse(UUID.randomUUID(), patientId, followUpId, definition.id(),
				definition.version(), normalised, score.components(), score.value(), score.valid(),
				score.invalidReason(), staffEntered, staffEntered ? user.id() : null, now, false);
		if (!responses.insert(clinicId, response, hash, user.id())) {
			// Another request recorded this follow-up between our check and our insert.
			return existing(clinicId, patientId, followUpId, definition.id(), hash)
				.orElseThrow(() -> new IllegalStateException("response vanished after a conflicting insert"));
		}
		for (Measurement measurement : score.measurements()) {
			observations.insert(clinicId, new Observation(UUID.randomUUID(), patientId, response.id(),
					definition.codeSystem(), definition.code(), measurement.measure(), measurement.value(),
					measurement.unit(), now), user.id());
		}
		Map<String, Object> recorded = new LinkedHashMap<>();
		recorded.put("patientId", patientId.toString());
		recorded.put("followUpId", followUpId == null ? null : followUpId.toString());
		recorded.put("instrument", definition.id() + " " + definition.version());
		recorded.put("answers", normalised);
		recorded.put("score", score.value() == null ? null : score.value().toPlainString());
		recorded.put("valid", score.valid());
		recorded.put("invalidReason", score.invalidReason());
		recorded.put("enteredByStaff", staffEntered);
		audit.created(ENTITY, response.id(), clinicId, recorded);
		return get(patientId, response.id());
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public RecordedResponse get(UUID patientId, UUID responseId) {
		Patient patient = patients.get(patientId);
		return responses.find(patient.clinicId(), patientId, responseId).orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	/** The patient's responses, oldest first. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<RecordedResponse> responses(UUID patientId) {
		Patient patient = patients.get(patientId);
		return responses.forPatient(patient.clinicId(), patientId);
	}

	/** The patient's observations over time, of one measure or (when {@code measure} is null) all. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<Observation> observations(UUID patientId, String measure) {
		if (measure != null && !MEASURE.matcher(measure).matches()) {
			throw Refusal.badRequest("measure", "measure is a name such as ODI, NRS_BACK or PROMIS_FATIGUE");
		}
		Patient patient = patients.get(patientId);
		return observations.forPatient(patient.clinicId(), patientId, measure);
	}

	private Optional<RecordedResponse> existing(UUID clinicId, UUID patientId, UUID followUpId, String instrumentId,
			String hash) {
		Optional<StoredResponse> stored = responses.forFollowUp(clinicId, patientId, followUpId, instrumentId);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		if (!stored.get().answersHash().equals(hash)) {
			throw Refusal.conflict("Different answers to " + instrumentId
					+ " are already recorded for this follow-up; void that response to record new ones",
					List.of(new FieldProblem("answers", "differ from the response recorded for this follow-up")));
		}
		return Optional.of(stored.get().response().asDuplicate());
	}

	private static String hash(InstrumentDefinition definition, Map<String, Object> normalised) {
		String canonical = definition.id() + "\n" + definition.version() + "\n"
				+ CANONICAL.writeValueAsString(normalised);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

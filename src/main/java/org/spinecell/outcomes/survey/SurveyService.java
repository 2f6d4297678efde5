package org.spinecell.outcomes.survey;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spinecell.audit.AuditTrail;
import org.spinecell.outcomes.AdverseEventRequests;
import org.spinecell.outcomes.AdverseEventService;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.Medication;
import org.spinecell.outcomes.MedicationRequests;
import org.spinecell.outcomes.MedicationService;
import org.spinecell.outcomes.ResponseService;
import org.spinecell.outcomes.survey.SurveyLinkRepository.ResolvedLink;
import org.spinecell.outcomes.followup.FollowUpInstruments;
import org.spinecell.outcomes.followup.FollowUpRepository;
import org.spinecell.outcomes.instruments.InstrumentDefinition;
import org.spinecell.outcomes.responses.RecordedResponse;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The patient survey: staff create a link for a follow-up, the patient answers its instruments
 * through the link without signing in. A link's token is 32 random bytes (base64url); only its
 * SHA-256 is stored. Everything after resolving the token runs as the system, scoped to the
 * link's one clinic.
 */
// Over 400 lines because it holds several use cases (links, portal answers, and the portal's medicine and problem steps in one); the restructure (issue 14) splits it
// into one service per use case. Left whole here so that the day-one fixes did not move code too.
@Service
public class SurveyService {

	static final String ENTITY = "SurveyLink";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final Pattern TIME_POINT = Pattern.compile("([WM])(\\d{1,3})");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SurveyLinkRepository links;

	private final FollowUpService followUps;

	private final PatientService patients;

	private final FollowUpInstruments followUpInstruments;

	private final ResponseService responseService;

	private final AuditTrail audit;

	private final TransactionTemplate readOnly;

	private final MedicationService medications;

	private final AdverseEventService adverseEvents;

	private final FollowUpRepository followUpRows;

	private final Duration afterCompletion;

	SurveyService(SurveyLinkRepository links, FollowUpService followUps, PatientService patients,
			FollowUpInstruments followUpInstruments, ResponseService responseService,
			AuditTrail audit, PlatformTransactionManager transactions, MedicationService medications,
			AdverseEventService adverseEvents, FollowUpRepository followUpRows,
			@Value("${spinecell.survey.after-completion:PT2H}") Duration afterCompletion) {
		this.followUpRows = followUpRows;
		this.afterCompletion = afterCompletion;
		this.medications = medications;
		this.adverseEvents = adverseEvents;
		this.links = links;
		this.followUps = followUps;
		this.patients = patients;
		this.followUpInstruments = followUpInstruments;
		this.responseService = responseService;
		this.audit = audit;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** A new link: the token is returned here once and never stored. */
	public record CreatedLink(String token, Instant expiresAt) {
	}

	/**
	 * The token is unknown, revoked (404) or expired (410), the same answer for every patient; or
	 * the follow-up is completed and the link takes nothing more (410).
	 */
	public static final class SurveyUnavailable extends RuntimeException {

		private final Refusal.Kind kind;

		private final boolean completed;

		SurveyUnavailable(Refusal.Kind kind) {
			this(kind, false, kind == Refusal.Kind.GONE ? "This survey link has expired" : "This survey link is not valid");
		}

		private SurveyUnavailable(Refusal.Kind kind, boolean completed, String message) {
			super(message);
			this.kind = kind;
			this.completed = completed;
		}

		/** The follow-up is completed: answers and reports through its link are refused. */
		static SurveyUnavailable completed() {
			return new SurveyUnavailable(Refusal.Kind.GONE, true,
					"This survey is already completed; please contact your clinic about anything new");
		}

		public Refusal.Kind kind() {
			return kind;
		}

		/** Whether the link is refused because its follow-up is completed (rather than unknown or expired). */
		public boolean completedSurvey() {
			return completed;
		}

	}

	/** One instrument of the survey as the patient sees it. */
	public record Step(String instrumentId, String title, boolean available, boolean answered,
			List<StepItem> items) {
	}

	/** One question, with the text to show and the answers offered. */
	public record StepItem(String linkId, String text, InstrumentDefinition.AnswerType type, boolean required,
			List<Option> options) {
	}

	public record Option(String value, String label) {
	}

	/**
	 * Where the patient's survey stands.
	 * @param extrasOpen whether the optional steps (medicines, a problem report) still take answers:
	 * while the follow-up is open, and for a short time after the patient's own last answer
	 * completed it
	 */
	public record SurveyState(String givenName, String timePoint, FollowUp.Status status, List<Step> steps,
			boolean extrasOpen) {

		/** The first instrument available online and not yet answered. */
		public Optional<Step> next() {
			return steps.stream().filter(s -> s.available() && !s.answered()).findFirst();
		}

		/** Licensed instruments whose text is not loaded: staff collect them. */
		public List<Step> offline() {
			return steps.stream().filter(s -> !s.available()).toList();
		}

		public boolean done() {
			return next().isEmpty();
		}

	}

	/** A submission's outcome. */
	public record Submission(RecordedResponse response, boolean completed, Optional<String> next) {
	}

	/**
	 * Creates a link for an open follow-up, revoking its previous one. Refused (409) when the
	 * follow-up is completed, cancelled or missed, or its window has ended.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public CreatedLink createLink(UUID followUpId) {
		FollowUp followUp = followUps.get(followUpId);
		FollowUp.Status status = followUp.statusOn(followUps.today());
		if (status == FollowUp.Status.COMPLETED || status == FollowUp.Status.CANCELLED
				|| status == FollowUp.Status.MISSED || followUps.today().isAfter(followUp.windowEnd())) {
			throw Refusal.conflict("A survey link can only be sent for an open follow-up",
					List.of(new FieldProblem("status", status.name())));
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant expiresAt = followUp.windowEnd().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		int revoked = links.revokeActive(followUp.clinicId(), followUp.id());
		UUID id = UUID.randomUUID();
		links.insert(followUp.clinicId(), id, followUp.id(), followUp.patientId(), hash(token), expiresAt,
				CurrentUser.get().id());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("followUpId", followUp.id().toString());
		values.put("patientId", followUp.patientId().toString());
		values.put("expiresAt", expiresAt.toString());
		values.put("previousRevoked", revoked > 0);
		audit.created(ENTITY, id, followUp.clinicId(), values);
		return new CreatedLink(token, expiresAt);
	}

	/** The survey behind a token; {@link SurveyUnavailable} when the link is not usable. */
	public SurveyState state(String token) {
		ResolvedLink link = resolve(token);
		return inScope(link, () -> load(link));
	}

	/**
	 * Records the patient's answers to one instrument (idempotent: the same answers again return
	 * the stored response) and, once every instrument available online is answered, completes the
	 * follow-up unless a primary outcome is still missing that only staff can collect (the licensed
	 * ODI without its text, for example): then the follow-up stays open for staff, who see why.
	 */
	public Submission submit(String token, String instrumentId, Map<String, Object> answers) {
		ResolvedLink link = resolve(token);
		return inScope(link, () -> {
			SurveyState before = load(link);
			Step step = before.steps()
				.stream()
				.filter(s -> s.instrumentId().equals(instrumentId))
				.findFirst()
				.orElseThrow(() -> Refusal.invalid("instrument", "is not part of this survey"));
			if (!step.available()) {
				throw Refusal.invalid("instrument", "is not available online; your clinic will contact you");
			}
			if (before.status() == FollowUp.Status.COMPLETED && !step.answered()) {
				// Only a repeat of answers already stored (a double submission) is answered, from the store.
				throw SurveyUnavailable.completed();
			}
			RecordedResponse response = responseService.record(link.patientId(), link.followUpId(), instrumentId,
					answers, false);
			SurveyState after = load(link);
			if (after.done()) {
				// Completes unless a primary outcome is still missing that only staff can collect.
				followUps.completeWhenAnswered(link.followUpId());
			}
			return new Submission(response, after.done(), after.next().map(Step::instrumentId));
		});
	}

	/** A medicine as the portal shows it: only what the patient needs to recognise it. */
	public record PortalMedication(UUID id, String drug, BigDecimal dose, String unit, BigDecimal timesPerDay) {

		static PortalMedication of(Medication medication) {
			return new PortalMedication(medication.id(), medication.drug(), medication.dose(), medication.unit(),
					medication.frequencyPerDay());
		}

	}

	/** The optional medicines step: the patient's current medicines, and what a new one can be. */
	public record MedicineChoices(List<PortalMedication> current, List<String> drugs, List<String> units) {
	}

	/** The patient's current medicines, the drugs of the pick list and the units a dose can be in. */
	public MedicineChoices medicines(String token) {
		ResolvedLink link = resolve(token);
		return inScope(link, () -> {
			load(link);
			List<PortalMedication> current = medications.current(link.patientId())
				.stream()
				.map(PortalMedication::of)
				.toList();
			return new MedicineChoices(current, medications.patientPickList(), medications.units());
		});
	}

	/**
	 * Records the medicines the patient stopped and added (source PATIENT, audited as coming from
	 * the portal); returns the current medicines afterwards.
	 */
	public List<PortalMedication> updateMedicines(String token, MedicationRequests.PatientUpdate update) {
		ResolvedLink link = resolve(token);
		return inScope(link, () -> {
			writableExtras(load(link));
			return medications.reportByPatient(link.patientId(), link.followUpId(), update)
				.stream()
				.map(PortalMedication::of)
				.toList();
		});
	}

	/** Records a problem the patient reports, ungraded and awaiting a physician's review. */
	public AdverseEventService.PatientReported reportProblem(String token, AdverseEventRequests.PatientProblem problem) {
		ResolvedLink link = resolve(token);
		return inScope(link, () -> {
			writableExtras(load(link));
			return adverseEvents.reportByPatient(link.followUpId(), problem);
		});
	}

	private static void writableExtras(SurveyState state) {
		if (!state.extrasOpen()) {
			throw SurveyUnavailable.completed();
		}
	}

	/** A key for rate limiting by token that does not keep the token itself in memory. */
	static String tokenKey(String token) {
		return HexFormat.of().formatHex(hash(token == null ? "" : token));
	}

	private ResolvedLink resolve(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			throw new SurveyUnavailable(Refusal.Kind.NOT_FOUND);
		}
		ResolvedLink link = links.resolve(hash(token)).orElseThrow(() -> new SurveyUnavailable(Refusal.Kind.NOT_FOUND));
		if (link.revokedAt() != null) {
			throw new SurveyUnavailable(Refusal.Kind.NOT_FOUND);
		}
		if (!Instant.now().isBefore(link.expiresAt())) {
			throw new SurveyUnavailable(Refusal.Kind.GONE);
		}
		return link;
	}

	private static <T> T inScope(ResolvedLink link, Supplier<T> task) {
		return CurrentUser.callAsSystem(Set.of(link.clinicId()), task);
	}

	private SurveyState load(ResolvedLink link) {
		return readOnly.execute(tx -> {
			FollowUp followUp = followUps.get(link.followUpId());
			Patient patient = patients.get(link.patientId());
			if (patient.voided() || !followUp.patientId().equals(patient.id())) {
				throw new SurveyUnavailable(Refusal.Kind.NOT_FOUND);
			}
			FollowUp.Status status = followUp.statusOn(followUps.today());
			if (status == FollowUp.Status.CANCELLED) {
				throw new SurveyUnavailable(Refusal.Kind.GONE);
			}
			List<Step> steps = new ArrayList<>();
			for (FollowUpInstruments.Entry entry : followUpInstruments.of(followUp)) {
				InstrumentDefinition definition = entry.definition();
				steps.add(new Step(definition.id(), definition.title(), entry.textAvailable(),
						entry.response().isPresent(), entry.textAvailable() ? entry.items() : List.of()));
			}
			boolean extrasOpen = status != FollowUp.Status.COMPLETED || (followUp.completedAt() != null
					&& Instant.now().isBefore(followUp.completedAt().plus(afterCompletion))
					&& followUpRows.completedBy(followUp.clinicId(), followUp.id())
						.map(CurrentUser.SYSTEM_ID::equals)
						.orElse(false));
			return new SurveyState(patient.givenName(), plainWords(followUp.timePoint()), status, steps, extrasOpen);
		});
	}

	public static List<StepItem> items(InstrumentDefinition definition, Map<String, String> loadedText) {
		List<StepItem> items = new ArrayList<>();
		for (InstrumentDefinition.Item item : definition.items()) {
			String text = loadedText.getOrDefault(item.linkId(), item.text());
			List<Option> options = switch (item.type()) {
				case BOOLEAN -> List.of(new Option("true", "Yes"), new Option("false", "No"));
				case CHOICE -> item.options().stream().map(code -> new Option(code, label(code))).toList();
				case INTEGER -> {
					List<Option> range = new ArrayList<>();
					if (item.min() != null && item.max() != null && item.max() - item.min() <= 10) {
						for (int v = item.min(); v <= item.max(); v++) {
							range.add(new Option(Integer.toString(v), Integer.toString(v)));
						}
					}
					yield range;
				}
			};
			items.add(new StepItem(item.linkId(), text, item.type(), item.required(), options));
		}
		return items;
	}

	/** "full-time" → "Full time". */
	private static String label(String code) {
		String words = code.replace('-', ' ').replace('_', ' ');
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** BASELINE, W2, M3 … as a patient would say it. */
	public static String plainWords(String timePoint) {
		if ("BASELINE".equals(timePoint)) {
			return "before your treatment";
		}
		Matcher m = TIME_POINT.matcher(timePoint);
		if (m.matches()) {
			int n = Integer.parseInt(m.group(2));
			String unit = m.group(1).equals("W") ? "week" : "month";
			return n + " " + unit + (n == 1 ? "" : "s") + " after your treatment";
		}
		return "your follow-up";
	}

	public static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

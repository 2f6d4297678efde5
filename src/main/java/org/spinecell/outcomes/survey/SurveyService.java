package org.spinecell.outcomes.survey;

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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.spinecell.audit.AuditTrail;
import org.spinecell.outcomes.FollowUp;
import org.spinecell.outcomes.FollowUpService;
import org.spinecell.outcomes.ResponseService;
import org.spinecell.outcomes.survey.SurveyLinkRepository.ResolvedLink;
import org.spinecell.outcomes.survey.SurveyState.Step;
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
 * link's one clinic. The portal's optional steps (medicines, a problem report) are
 * {@link SurveyExtrasService}; the wording shown to the patient is {@link SurveyWording}.
 */
@Service
public class SurveyService {

	static final String ENTITY = "SurveyLink";

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SurveyLinkRepository links;

	private final FollowUpService followUps;

	private final PatientService patients;

	private final FollowUpInstruments followUpInstruments;

	private final ResponseService responseService;

	private final AuditTrail audit;

	private final TransactionTemplate readOnly;

	private final FollowUpRepository followUpRows;

	private final Duration afterCompletion;

	SurveyService(SurveyLinkRepository links, FollowUpService followUps, PatientService patients,
			FollowUpInstruments followUpInstruments, ResponseService responseService,
			AuditTrail audit, PlatformTransactionManager transactions, FollowUpRepository followUpRows,
			@Value("${spinecell.survey.after-completion:PT2H}") Duration afterCompletion) {
		this.followUpRows = followUpRows;
		this.afterCompletion = afterCompletion;
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

	/** A key for rate limiting by token that does not keep the token itself in memory. */
	static String tokenKey(String token) {
		return HexFormat.of().formatHex(hash(token == null ? "" : token));
	}

	/** Runs {@code task} for the link behind {@code token}, as the system within the link's clinic. */
	<T> T withLink(String token, Function<ResolvedLink, T> task) {
		ResolvedLink link = resolve(token);
		return inScope(link, () -> task.apply(link));
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

	SurveyState load(ResolvedLink link) {
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
			return new SurveyState(patient.givenName(), SurveyWording.plainWords(followUp.timePoint()), status, steps, extrasOpen);
		});
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

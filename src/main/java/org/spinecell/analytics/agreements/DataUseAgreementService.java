package org.spinecell.analytics.agreements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.accounts.UserAccount;
import org.spinecell.accounts.UserService;
import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Data-use agreements, which alone open the limited data set. A clinic's administrators record
 * them (audited); each names one researcher of the clinic as its recipient, who sees the
 * agreements naming them.
 */
@Service
public class DataUseAgreementService {

	static final String ENTITY = "DataUseAgreement";

	static final int END_REASON_MAX = 500;

	private final DataUseAgreementRepository agreements;

	private final UserService users;

	private final AuditTrail audit;

	private final Clock clock = Clock.systemUTC();

	DataUseAgreementService(DataUseAgreementRepository agreements, UserService users, AuditTrail audit) {
		this.agreements = agreements;
		this.users = users;
		this.audit = audit;
	}

	/** An agreement as submitted; {@code clinicId} may be left out by an administrator of one clinic. */
	public record Draft(UUID clinicId, UUID recipientUserId, String title, String purpose, LocalDate startDate,
			LocalDate endDate, String reference) {
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public DataUseAgreement record(Draft draft) {
		CurrentUser admin = CurrentUser.get();
		UUID clinic = draft.clinicId();
		if (clinic == null) {
			if (admin.clinicIds().size() != 1) {
				throw Refusal.badRequest("clinicId", admin.clinicIds().isEmpty()
						? "You administer no clinic; an agreement is recorded by an administrator of its clinic"
						: "Name the clinic (clinicId): you administer more than one");
			}
			clinic = admin.clinicIds().iterator().next();
		}
		else if (!admin.isMemberOf(clinic)) {
			throw Refusal.notFound("Clinic");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (draft.recipientUserId() != null && !isResearcherOf(draft.recipientUserId(), clinic)) {
			problems.add(new FieldProblem("recipientUserId", "The recipient must be an enabled researcher of the clinic"));
		}
		if (draft.startDate() != null && draft.endDate() != null && draft.endDate().isBefore(draft.startDate())) {
			problems.add(new FieldProblem("endDate", "The end date must not be before the start date"));
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		DataUseAgreement agreement = new DataUseAgreement(UUID.randomUUID(), clinic, draft.recipientUserId(),
				draft.title().strip(), draft.purpose().strip(), draft.startDate(), draft.endDate(),
				draft.reference() == null || draft.reference().isBlank() ? null : draft.reference().strip(), null, null);
		agreements.insert(agreement, admin.id());
		audit.created(ENTITY, agreement.id(), clinic, agreement.snapshot());
		return agreement;
	}

	/** Administrators: their clinics' agreements; researchers: the agreements that name them. */
	@PreAuthorize("hasAnyRole('ADMIN', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public List<DataUseAgreement> list() {
		CurrentUser user = CurrentUser.get();
		if (user.clinicIds().isEmpty()) {
			return List.of();
		}
		return agreements.list(user.clinicIds(), user.hasRole(Role.ADMIN) ? null : user.id());
	}

	/**
	 * Ends an agreement before its end date, for a reason (audited): from now on it opens no limited
	 * data set. An agreement of a clinic the caller does not administer is not found (404); one
	 * already ended is a conflict (409).
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public DataUseAgreement end(UUID id, String reason) {
		CurrentUser admin = CurrentUser.get();
		if (reason == null || reason.isBlank()) {
			throw Refusal.invalid("reason", "Say why the agreement ends early");
		}
		if (reason.strip().length() > END_REASON_MAX) {
			throw Refusal.invalid("reason", "The reason may have up to " + END_REASON_MAX + " characters");
		}
		DataUseAgreement agreement = (admin.clinicIds().isEmpty() ? java.util.Optional.<DataUseAgreement>empty()
				: agreements.find(admin.clinicIds(), id))
			.orElseThrow(() -> Refusal.notFound("Data-use agreement"));
		if (agreement.ended()) {
			throw alreadyEnded(agreement);
		}
		DataUseAgreement ended = agreement.end(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
				reason.strip());
		if (!agreements.end(ended, admin.id())) {
			throw Refusal.conflict("The agreement was ended by someone else meanwhile");
		}
		audit.record(agreement.clinicId(), AuditAction.VOID, ENTITY, id,
				FieldChange.diff(agreement.snapshot(), ended.snapshot()), ended.endReason());
		return ended;
	}

	/** The caller's own agreements in force today, for the download page; none for a non-researcher. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'RESEARCHER')")
	@Transactional(readOnly = true)
	public List<DataUseAgreement> inForceForCaller() {
		CurrentUser user = CurrentUser.get();
		if (user.clinicIds().isEmpty() || !user.hasRole(Role.RESEARCHER)) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		return agreements.list(user.clinicIds(), user.id()).stream().filter(a -> a.activeOn(today)).toList();
	}

	private static Refusal alreadyEnded(DataUseAgreement agreement) {
		return Refusal.conflict("Data-use agreement " + agreement.id() + " already ended on "
				+ agreement.endedOn() + " (" + agreement.endReason() + ")");
	}

	/**
	 * The agreement that lets the caller receive a limited data set now: recorded, not ended, of
	 * one of the caller's clinics, naming the caller and in force today. Anything else is refused
	 * with a 403 that says why, without saying whether someone else's agreement exists.
	 */
	@Transactional(readOnly = true)
	public DataUseAgreement activeFor(UUID id) {
		CurrentUser user = CurrentUser.get();
		DataUseAgreement agreement = (user.clinicIds().isEmpty() ? java.util.Optional.<DataUseAgreement>empty()
				: agreements.find(user.clinicIds(), id))
			.filter(a -> a.recipientUserId().equals(user.id()))
			.orElseThrow(() -> new AgreementRequired(
					"No data-use agreement " + id + " of your clinic names you as its recipient"));
		if (agreement.ended()) {
			throw new AgreementRequired("Data-use agreement " + id + " was ended early on "
					+ agreement.endedOn() + " by your clinic");
		}
		if (!agreement.activeOn(LocalDate.now(clock))) {
			throw new AgreementRequired("Data-use agreement " + id + " is in force from " + agreement.startDate()
					+ " to " + agreement.endDate() + ", not today");
		}
		return agreement;
	}

	private boolean isResearcherOf(UUID userId, UUID clinic) {
		UserAccount account;
		try {
			account = users.get(userId);
		}
		catch (Refusal ex) {
			return false;
		}
		return account.enabled() && account.roles().contains(Role.RESEARCHER) && account.clinicIds().contains(clinic);
	}

	/** 403: a limited data set without a valid data-use agreement. */
	public static final class AgreementRequired extends Refusal {

		public AgreementRequired(String detail) {
			super(Kind.FORBIDDEN, "Data-use agreement required",
					detail + ". A limited data set needs an active data-use agreement recorded by your clinic that"
							+ " names you; without one, ask for the de-identified export.",
					List.of(new FieldProblem("agreement", detail)));
		}

	}

}

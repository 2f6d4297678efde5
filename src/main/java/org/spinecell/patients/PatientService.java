package org.spinecell.patients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.spinecell.audit.AuditAction;
import org.spinecell.audit.AuditTrail;
import org.spinecell.audit.FieldChange;
import org.spinecell.patients.breakglass.BreakGlassReadLog;
import org.spinecell.patients.record.PatientRepository;
import org.spinecell.patients.record.PatientSearch;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Page;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registering, finding, changing and voiding patients. Only clinical staff of the patient's clinic
 * see a patient; for anyone else it does not exist (404).
 */
@Service
public class PatientService {

	public static final String ENTITY = "Patient";

	static final int MAX_AGE = 120;

	private final PatientRepository patients;

	private final AuditTrail audit;

	private final Clock clock;

	private final BreakGlassReadLog breakGlass;

	PatientService(PatientRepository patients, AuditTrail audit, BreakGlassReadLog breakGlass) {
		this.patients = patients;
		this.audit = audit;
		this.breakGlass = breakGlass;
		this.clock = Clock.systemUTC();
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Patient register(PatientRequest request) {
		CurrentUser user = CurrentUser.get();
		checkClinic(user, request.clinicId());
		checkBirthDate(request.birthDate());
		if (patients.mrnTaken(request.clinicId(), request.mrn(), new UUID(0, 0))) {
			throw Refusal.conflict("A patient with this medical record number exists in the clinic",
					List.of(new FieldProblem("mrn", "already registered in this clinic")));
		}
		Patient patient = new Patient(UUID.randomUUID(), request.clinicId(), request.mrn(), request.givenName(),
				request.familyName(), request.birthDate(), request.sex(), request.postalCode(), request.email(),
				request.phone(), request.preferredLanguage(), false, null, 0, null, null);
		patients.insert(patient, user.id());
		audit.created(ENTITY, patient.id(), patient.clinicId(), patient.snapshot());
		return get(patient.id());
	}

	/**
	 * A patient the signed-in user may see; otherwise 404. A physician also sees, in read-only
	 * transactions only, a patient of another clinic they hold an active break-glass grant for; the
	 * read is audited. Every write of every module starts from this method in a read-write
	 * transaction, where a grant counts for nothing, so a grant can never be used to change a record.
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Patient get(UUID id) {
		CurrentUser user = CurrentUser.get();
		Optional<Patient> own = patients.find(user.clinicIds(), id);
		if (own.isPresent()) {
			return own.get();
		}
		if (user.hasRole(Role.PHYSICIAN) && TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			Optional<Patient> granted = patients.findUnderBreakGlass(id);
			if (granted.isPresent()) {
				breakGlass.read(granted.get().clinicId(), id);
				return granted.get();
			}
		}
		throw Refusal.notFound(ENTITY);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Patient update(UUID id, PatientRequest request) {
		if (request.version() == null) {
			throw Refusal.invalid("version", "the version you read is required to change a patient");
		}
		Patient before = get(id);
		if (!before.clinicId().equals(request.clinicId())) {
			throw Refusal.invalid("clinicId", "a patient cannot move to another clinic");
		}
		if (before.voided()) {
			throw Refusal.conflict("The patient record is voided and cannot be changed");
		}
		checkBirthDate(request.birthDate());
		if (patients.mrnTaken(before.clinicId(), request.mrn(), id)) {
			throw Refusal.conflict("A patient with this medical record number exists in the clinic",
					List.of(new FieldProblem("mrn", "already registered in this clinic")));
		}
		Patient changed = new Patient(id, before.clinicId(), request.mrn(), request.givenName(), request.familyName(),
				request.birthDate(), request.sex(), request.postalCode(), request.email(), request.phone(),
				request.preferredLanguage(), false, null, before.version(), before.createdAt(), before.updatedAt());
		if (!patients.update(changed, request.version(), CurrentUser.get().id())) {
			throw stale();
		}
		Patient after = get(id);
		audit.updated(ENTITY, id, after.clinicId(), before.snapshot(), after.snapshot(), null);
		return after;
	}

	/** Voids a record registered in error; nothing is deleted, and the reason is kept. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Patient voidPatient(UUID id, String reason, int version) {
		Patient before = get(id);
		if (before.voided()) {
			throw Refusal.conflict("The patient record is already voided");
		}
		if (!patients.voidPatient(before.clinicId(), id, reason, version, CurrentUser.get().id())) {
			throw stale();
		}
		Patient after = get(id);
		audit.record(after.clinicId(), AuditAction.VOID, ENTITY, id,
				FieldChange.diff(before.snapshot(), after.snapshot()), reason);
		return after;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Page<Patient> search(String query, String sort, int page, int size, boolean includeVoided) {
		PatientSearch search = PatientSearch.parse(query, sort, page, size, includeVoided);
		Set<UUID> clinics = CurrentUser.get().clinicIds();
		return new Page<>(patients.search(clinics, search), page, size, patients.count(clinics, search));
	}

	private void checkBirthDate(LocalDate birthDate) {
		LocalDate today = LocalDate.now(clock);
		List<FieldProblem> problems = new ArrayList<>();
		if (birthDate.isAfter(today)) {
			problems.add(new FieldProblem("birthDate", "must not be in the future"));
		}
		else if (birthDate.isBefore(today.minusYears(MAX_AGE + 1).plusDays(1))) {
			problems.add(new FieldProblem("birthDate", "gives an age over " + MAX_AGE + " years"));
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
	}

	private static void checkClinic(CurrentUser user, UUID clinicId) {
		if (!user.isMemberOf(clinicId)) {
			// Unknown and foreign clinics look the same.
			throw Refusal.invalid("clinicId", "not a clinic you work in");
		}
	}

	private static Refusal stale() {
		return Refusal.conflict("The patient was changed by someone else; reload it and apply your change again",
				List.of(new FieldProblem("version", "stale version")));
	}

}

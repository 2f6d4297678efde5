package org.spinecell.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.ApiException;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording what a patient takes, with opioid doses converted to MME per day from the conversion
 * table (by default the shipped one; {@code spinecell.outcomes.mme-conversion} names another), to
 * show a change in dependency on medication over follow-up. Each change is audited.
 */
@Service
public class MedicationService {

	static final String ENTITY = "MedicationStatement";

	/** Dates are "in the future" only once the day has begun nowhere (UTC+14), whatever the clinic's zone. */
	private static final Clock LATEST_DAY = Clock.system(ZoneOffset.ofHours(14));

	private final PatientService patients;

	private final MedicationRepository medications;

	private final AuditTrail audit;

	private final MmeConversion conversion;

	MedicationService(PatientService patients, MedicationRepository medications, AuditTrail audit,
			@Value("${spinecell.outcomes.mme-conversion:classpath:outcomes/mme-conversion.json}") Resource table) {
		this.patients = patients;
		this.medications = medications;
		this.audit = audit;
		try (InputStream in = table.getInputStream()) {
			this.conversion = MmeConversion.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the MME conversion table " + table, ex);
		}
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Medication record(UUID patientId, MedicationRequests.Record request) {
		Patient patient = writable(patients.get(patientId));
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate today = LocalDate.now(LATEST_DAY);
		if (request.start().isAfter(today)) {
			problems.add(new FieldProblem("start", "must not be in the future"));
		}
		if (request.stop() != null && request.stop().isBefore(request.start())) {
			problems.add(new FieldProblem("stop", "must not be before start"));
		}
		if (request.frequencyPerDay() == null && request.route() != Medication.Route.TRANSDERMAL) {
			problems.add(new FieldProblem("frequencyPerDay", "is required except for a patch"));
		}
		if (!problems.isEmpty()) {
			throw ApiException.invalid(problems);
		}
		MmeConversion.Result mme = conversion.convert(request.drug(), request.dose(), request.unit(), request.route(),
				request.frequencyPerDay());

		UUID id = UUID.randomUUID();
		medications.insert(new Medication(id, patient.clinicId(), patientId, request.drug().strip(), request.dose(),
				mme.unit(), request.route(), request.frequencyPerDay(), request.start(), request.stop(), request.source(),
				mme.factor(), mme.mmePerDay(), mme.note(), false, 0, null, null), CurrentUser.get().id());
		Medication created = load(patient, id);
		audit.created(ENTITY, id, patient.clinicId(), created.snapshot());
		return created;
	}

	/** Records the day the patient stopped; a statement is stopped once. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Medication stop(UUID patientId, UUID medicationId, MedicationRequests.Stop request) {
		Patient patient = writable(patients.get(patientId));
		Medication before = load(patient, medicationId);
		if (before.voided() || before.stop() != null) {
			throw ApiException.conflict("The medication is already stopped (" + before.stop() + ")",
					List.of(new FieldProblem("stop", "already recorded")));
		}
		if (request.stop().isBefore(before.start())) {
			throw ApiException.invalid("stop", "must not be before start (" + before.start() + ")");
		}
		if (request.stop().isAfter(LocalDate.now(LATEST_DAY))) {
			throw ApiException.invalid("stop", "must not be in the future");
		}
		int expected = request.version() == null ? before.version() : request.version();
		if (!medications.stop(patient.clinicId(), medicationId, request.stop(), expected, CurrentUser.get().id())) {
			throw ApiException.conflict("The medication was changed by someone else; reload it and try again",
					List.of(new FieldProblem("version", "stale version")));
		}
		Medication after = load(patient, medicationId);
		audit.updated(ENTITY, medicationId, patient.clinicId(), before.snapshot(), after.snapshot(), null);
		return after;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public List<Medication> list(UUID patientId) {
		Patient patient = patients.get(patientId);
		return medications.list(patient.clinicId(), patientId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Medication get(UUID patientId, UUID medicationId) {
		return load(patients.get(patientId), medicationId);
	}

	/** The citation of the MME conversion table in use. */
	public String mmeSource() {
		return conversion.source();
	}

	private Medication load(Patient patient, UUID medicationId) {
		return medications.find(patient.clinicId(), patient.id(), medicationId)
			.orElseThrow(() -> ApiException.notFound(ENTITY));
	}

	static Patient writable(Patient patient) {
		if (patient.voided()) {
			throw ApiException.conflict("The patient record is voided; nothing can be added to it");
		}
		return patient;
	}

}

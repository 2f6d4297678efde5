package org.spinecell.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.outcomes.medication.MedicationRepository;
import org.spinecell.outcomes.medication.MmeConversion;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording what a patient takes, with opioid doses converted to MME per day from the conversion
 * table (by default the shipped one; {@code spinecell.outcomes.mme-conversion} names another), to
 * show a change in dependency on medication over follow-up. Each change is audited.
 * <p>
 * Over 300 lines because staff statements and the patient's own survey report are one record
 * type with one set of rules (morphine milligram equivalents, overlapping statements, stopping),
 * used by the chart, the survey, analytics-facing demo data and the API alike.
 */
@Service
public class MedicationService {

	static final String ENTITY = "MedicationStatement";

	/** The audit entity of a patient's confirmation of their list through the survey portal. */
	static final String PATIENT_REPORT = "PatientMedicationReport";

	/** What the audit trail says about where a patient's change came from. */
	static final String PORTAL = "patient survey portal";

	/** Above this, a dose is a typing slip, not a dose. */
	private static final BigDecimal MAX_DOSE = new BigDecimal("100000");

	private static final BigDecimal MAX_TIMES_PER_DAY = new BigDecimal("48");

	/** Dates are "in the future" only once the day has begun nowhere (UTC+14), whatever the clinic's zone. */
	private static final Clock LATEST_DAY = Clock.system(ZoneOffset.ofHours(14));

	private final PatientService patients;

	private final MedicationRepository medications;

	private final AuditTrail audit;

	private final MmeConversion conversion;

	private final Clock clinicDay;

	MedicationService(PatientService patients, MedicationRepository medications, AuditTrail audit,
			@Value("${spinecell.outcomes.mme-conversion:classpath:outcomes/mme-conversion.json}") Resource table,
			SpineCellProperties properties) {
		this.clinicDay = Clock.system(properties.timeZone());
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
		if (request.source() == Medication.Source.PATIENT) {
			problems.add(new FieldProblem("source", "PATIENT is set only by the patient's own report through the "
					+ "survey portal; record what the patient told you as STAFF"));
		}
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
			throw Refusal.invalid(problems);
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
			throw Refusal.conflict("The medication is already stopped (" + before.stop() + ")",
					List.of(new FieldProblem("stop", "already recorded")));
		}
		if (request.stop().isBefore(before.start())) {
			throw Refusal.invalid("stop", "must not be before start (" + before.start() + ")");
		}
		if (request.stop().isAfter(LocalDate.now(LATEST_DAY))) {
			throw Refusal.invalid("stop", "must not be in the future");
		}
		int expected = request.version() == null ? before.version() : request.version();
		if (!medications.stop(patient.clinicId(), medicationId, request.stop(), expected, CurrentUser.get().id())) {
			throw Refusal.conflict("The medication was changed by someone else; reload it and try again",
					List.of(new FieldProblem("version", "stale version")));
		}
		Medication after = load(patient, medicationId);
		audit.updated(ENTITY, medicationId, patient.clinicId(), before.snapshot(), after.snapshot(), null);
		return after;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<Medication> list(UUID patientId) {
		Patient patient = patients.get(patientId);
		return medications.list(patient.clinicId(), patientId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public Medication get(UUID patientId, UUID medicationId) {
		return load(patients.get(patientId), medicationId);
	}

	/** The citation of the MME conversion table in use. */
	public String mmeSource() {
		return conversion.source();
	}

	/** The drugs a patient can pick from: those the MME conversion table knows. */
	public List<String> patientPickList() {
		return conversion.drugs();
	}

	/** The units a dose can be given in. */
	public List<String> units() {
		return conversion.units();
	}

	/** The patient's medicines taken today, as the survey portal shows them. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional(readOnly = true)
	public List<Medication> current(UUID patientId) {
		LocalDate today = LocalDate.now(clinicDay);
		return list(patientId).stream().filter(m -> takenNow(m, today)).toList();
	}

	/**
	 * Records what the patient reports through a follow-up's survey link: the current medicines
	 * they stopped get today as their stop date, new ones start today with source PATIENT, and
	 * the rest of the list counts as confirmed. All or nothing: one bad entry (its field named as
	 * {@code added[i].unit}, {@code stopped[i]} …) stores nothing. A medicine already stopped today
	 * is left as it is, so sending the same form twice stops it once.
	 *
	 * @return the patient's current medicines afterwards
	 */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public List<Medication> reportByPatient(UUID patientId, UUID followUpId, MedicationRequests.PatientUpdate update) {
		if (update.stopped().size() > MedicationRequests.MAX_STOPPED) {
			throw Refusal.invalid("stopped", "must list at most " + MedicationRequests.MAX_STOPPED + " medicines");
		}
		if (update.added().size() > MedicationRequests.MAX_ADDED) {
			throw Refusal.invalid("added", "must list at most " + MedicationRequests.MAX_ADDED + " medicines");
		}
		Patient patient = writable(patients.get(patientId));
		LocalDate today = LocalDate.now(clinicDay);
		List<FieldProblem> problems = new ArrayList<>();
		List<Medication> toStop = new ArrayList<>();
		for (int i = 0; i < update.stopped().size(); i++) {
			UUID id = update.stopped().get(i);
			Medication medication = id == null ? null
					: medications.find(patient.clinicId(), patientId, id).filter(m -> !m.voided()).orElse(null);
			if (medication == null || (medication.stop() != null && !medication.stop().equals(today))) {
				problems.add(new FieldProblem("stopped[" + i + "]", "is not one of your current medicines"));
			}
			else if (medication.stop() == null) {
				toStop.add(medication);
			}
		}
		List<Medication> toAdd = new ArrayList<>();
		for (int i = 0; i < update.added().size(); i++) {
			patientAdded(patient, update.added().get(i), "added[" + i + "].", today, problems).ifPresent(toAdd::add);
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		UUID actor = CurrentUser.get().id();
		String reason = "Reported by the patient through the " + PORTAL + " (follow-up " + followUpId + ")";
		for (Medication before : toStop) {
			LocalDate stop = today.isBefore(before.start()) ? before.start() : today;
			if (!medications.stop(patient.clinicId(), before.id(), stop, before.version(), actor)) {
				throw Refusal.conflict("Your medicines were changed at the clinic meanwhile; please reload the page",
						List.of(new FieldProblem("stopped", "changed meanwhile")));
			}
			audit.updated(ENTITY, before.id(), patient.clinicId(), before.snapshot(),
					load(patient, before.id()).snapshot(), reason);
		}
		List<String> added = new ArrayList<>();
		for (Medication medication : toAdd) {
			medications.insert(medication, actor);
			Map<String, Object> values = new LinkedHashMap<>(load(patient, medication.id()).snapshot());
			values.put("reportedThrough", PORTAL);
			values.put("followUpId", followUpId.toString());
			audit.created(ENTITY, medication.id(), patient.clinicId(), values);
			added.add(medication.id().toString());
		}
		List<Medication> current = medications.list(patient.clinicId(), patientId)
			.stream()
			.filter(m -> takenNow(m, today))
			.toList();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("patientId", patientId.toString());
		report.put("followUpId", followUpId.toString());
		report.put("reportedThrough", PORTAL);
		report.put("stopped", toStop.stream().map(m -> m.id().toString()).toList());
		report.put("added", added);
		report.put("confirmedCurrent", current.stream().map(m -> m.id().toString()).toList());
		audit.created(PATIENT_REPORT, UUID.randomUUID(), patient.clinicId(), report);
		return current;
	}

	/** Started and not stopped by today: a medicine stopped today is no longer "now". */
	private static boolean takenNow(Medication medication, LocalDate today) {
		return !medication.start().isAfter(today) && (medication.stop() == null || medication.stop().isAfter(today));
	}

	/** One medicine the patient added, checked; problems are named with the prefix. */
	private Optional<Medication> patientAdded(Patient patient, MedicationRequests.PatientAdded added, String prefix,
			LocalDate today, List<FieldProblem> problems) {
		int before = problems.size();
		String drug = added == null || added.drug() == null ? "" : added.drug().strip();
		if (drug.isEmpty()) {
			problems.add(new FieldProblem(prefix + "drug", "is required"));
		}
		else if (drug.length() > 200) {
			problems.add(new FieldProblem(prefix + "drug", "must be at most 200 characters"));
		}
		if (added == null || added.dose() == null || added.dose().signum() <= 0
				|| added.dose().compareTo(MAX_DOSE) > 0) {
			problems.add(new FieldProblem(prefix + "dose", "must be a number above 0 and at most " + MAX_DOSE));
		}
		String unit = added == null || added.unit() == null ? "" : added.unit().strip();
		if (conversion.units().stream().noneMatch(u -> u.equalsIgnoreCase(unit))) {
			problems.add(new FieldProblem(prefix + "unit", "must be one of " + String.join(", ", conversion.units())));
		}
		Medication.Route route = drug.isEmpty() ? Medication.Route.OTHER
				: conversion.routeOf(drug).orElse(Medication.Route.OTHER);
		BigDecimal times = added == null ? null : added.timesPerDay();
		if (times == null ? route != Medication.Route.TRANSDERMAL
				: times.signum() <= 0 || times.compareTo(MAX_TIMES_PER_DAY) > 0) {
			problems.add(new FieldProblem(prefix + "timesPerDay",
					"must be a number above 0 and at most " + MAX_TIMES_PER_DAY + " (leave it empty only for a patch)"));
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		MmeConversion.Result mme;
		try {
			mme = conversion.convert(drug, added.dose(), unit, route, times);
		}
		catch (Refusal ex) {
			ex.errors().forEach(p -> problems.add(new FieldProblem(prefix + p.field(), p.message())));
			return Optional.empty();
		}
		return Optional.of(new Medication(UUID.randomUUID(), patient.clinicId(), patient.id(), drug, added.dose(),
				mme.unit(), route, times, today, null, Medication.Source.PATIENT, mme.factor(), mme.mmePerDay(),
				mme.note(), false, 0, null, null));
	}

	private Medication load(Patient patient, UUID medicationId) {
		return medications.find(patient.clinicId(), patient.id(), medicationId)
			.orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	static Patient writable(Patient patient) {
		if (patient.voided()) {
			throw Refusal.conflict("The patient record is voided; nothing can be added to it");
		}
		return patient;
	}

}

package org.spinecell.procedures;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.spinecell.accounts.StaffDirectory;
import org.spinecell.audit.AuditTrail;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.patients.PatientService;
import org.spinecell.patients.RecordAccess;
import org.spinecell.patients.SpinalLevel;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Role;
import org.spinecell.platform.SpineCellProperties;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documenting an injection as a draft, and reading procedures. Completing a draft is
 * {@link ProcedureCompletionService}'s, correcting a record {@link ProcedureCorrectionService}'s.
 */
@Service
public class ProcedureService {

	static final String ENTITY = "Procedure";

	private final RecordAccess records;

	private final ProcedureRepository procedures;

	private final PatientService patients;

	private final PatientHistoryService history;

	private final CellProductService products;

	private final StaffDirectory staff;

	private final AuditTrail audit;

	private final ZoneId zone;

	ProcedureService(ProcedureRepository procedures, PatientService patients, PatientHistoryService history,
			CellProductService products, StaffDirectory staff, AuditTrail audit, RecordAccess records,
			SpineCellProperties properties) {
		this.zone = properties.timeZone();
		this.procedures = procedures;
		this.patients = patients;
		this.history = history;
		this.products = products;
		this.staff = staff;
		this.audit = audit;
		this.records = records;
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR')")
	@Transactional
	public Procedure create(ProcedureRequests.Create request) {
		Patient patient = patients.get(request.patientId());
		if (patient.voided()) {
			throw Refusal.conflict("The patient record is voided");
		}
		List<FieldProblem> problems = new ArrayList<>();
		StaffDirectory.StaffMember operator = staff.find(request.operatorId()).orElse(null);
		if (operator == null || !operator.enabled() || !operator.roles().contains(Role.PHYSICIAN)
				|| !operator.worksAt(patient.clinicId())) {
			problems.add(new FieldProblem("operatorId", "must be an active physician of the patient's clinic"));
		}
		if (request.date().isAfter(LocalDate.now().plusDays(1))) {
			problems.add(new FieldProblem("date", "must not be in the future"));
		}
		problems.addAll(Procedure.timeProblems(request.startedAt(), request.endedAt(), request.dischargedAt()));
		List<String> levels = new ArrayList<>();
		for (int i = 0; i < request.levels().size(); i++) {
			Optional<SpinalLevel> level = SpinalLevel.tryParse(request.levels().get(i));
			if (level.isEmpty()) {
				problems.add(new FieldProblem("levels[" + i + "]", "not a spinal level such as L4-L5 or L5-S1"));
			}
			else if (levels.contains(level.get().toString())) {
				problems.add(new FieldProblem("levels[" + i + "]", "listed twice"));
			}
			else {
				levels.add(level.get().toString());
			}
		}
		List<Procedure.Unit> units = new ArrayList<>();
		Set<String> unitKeys = new HashSet<>();
		for (int i = 0; i < request.productUnits().size(); i++) {
			ProcedureRequests.UnitRequest unit = request.productUnits().get(i);
			String level = SpinalLevel.tryParse(unit.level()).map(SpinalLevel::toString).orElse(unit.level());
			if (!levels.contains(level)) {
				problems.add(new FieldProblem("productUnits[" + i + "].level", "not one of the procedure's levels"));
			}
			if (!unitKeys.add(unit.productId() + "@" + level)) {
				problems.add(new FieldProblem("productUnits[" + i + "]", "the same product at the same level twice"));
			}
			CellProduct product = findProduct(unit.productId());
			String productField = "productUnits[" + i + "].productId";
			if (product == null || !product.clinicId().equals(patient.clinicId())) {
				problems.add(new FieldProblem(productField, "no such product in this clinic"));
				continue;
			}
			if (product.intendedRecipient() != null && !product.intendedRecipient().equals(patient.id())) {
				problems.add(new FieldProblem(productField, "is another patient's product"));
				continue;
			}
			if (product.state().isFinal()) {
				problems.add(new FieldProblem(productField, "is " + product.state() + " and can no longer be used"));
				continue;
			}
			problems.addAll(products.timeline(product.id())
				.administrationProblems(request.date(), request.startedAt(), zone,
						request.startedAt() == null ? "date" : "startedAt", "product " + product.din()));
			units.add(new Procedure.Unit(UUID.randomUUID(), product.id(), product.din(), level, unit.volumeMl(), null));
		}
		if (problems.isEmpty() && !request.levelsConfirmed()) {
			Set<String> diagnosed = diagnosedLevels(patient.id());
			List<String> undiagnosed = levels.stream().filter(level -> !diagnosed.contains(level)).toList();
			if (!undiagnosed.isEmpty()) {
				problems.add(new FieldProblem("levels", "not among the patient's diagnosed levels: "
						+ String.join(", ", undiagnosed) + "; set levelsConfirmed to proceed"));
			}
		}
		if (!problems.isEmpty()) {
			throw Refusal.invalid(problems);
		}
		Procedure procedure = Procedure.draft(patient.clinicId(), patient.id(),
				new Procedure.Times(request.date(), request.startedAt(), request.endedAt(), request.dischargedAt()),
				request.setting(), new Procedure.Operator(operator.id(), operator.displayName()),
				new Procedure.Site(request.target(), levels, request.side(), request.approach()),
				new Procedure.Technique(request.guidance(), request.placementConfirmed(), request.contrastPattern(),
						request.needleTipConfirmed(), request.adjuncts(), request.anaesthesia()),
				request.immediateComplications(), request.levelsConfirmed(), units);
		procedures.insert(procedure, CurrentUser.get().id());
		audit.created(ENTITY, procedure.id(), procedure.clinicId(), procedure.snapshot());
		return get(procedure.id());
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public Procedure get(UUID id) {
		return records.read(ENTITY, clinics -> procedures.find(clinics, id), Procedure::clinicId, Procedure::patientId);
	}

	@PreAuthorize("hasAnyRole('PHYSICIAN', 'COORDINATOR', 'LAB')")
	@Transactional(readOnly = true)
	public List<Procedure> forPatient(UUID patientId) {
		Patient patient = patients.get(patientId);
		return procedures.forPatient(patient.clinicId(), patientId);
	}

	private Set<String> diagnosedLevels(UUID patientId) {
		Set<String> levels = new HashSet<>();
		history.historyOf(patientId)
			.activeDiagnoses()
			.forEach(diagnosis -> diagnosis.levels().forEach(level -> levels.add(level.toString())));
		return levels;
	}

	private CellProduct findProduct(UUID id) {
		try {
			return products.get(id);
		}
		catch (Refusal notFound) {
			return null;
		}
	}

}

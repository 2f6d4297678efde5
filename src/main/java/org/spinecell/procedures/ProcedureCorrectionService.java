package org.spinecell.procedures;

import java.util.List;
import java.util.UUID;

import org.spinecell.audit.AuditTrail;
import org.spinecell.patients.RecordAccess;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Corrections of a procedure's narrative fields, each with its reason in the audit trail. */
@Service
public class ProcedureCorrectionService {

	private final RecordAccess records;

	private final ProcedureRepository procedures;

	private final AuditTrail audit;

	ProcedureCorrectionService(RecordAccess records, ProcedureRepository procedures, AuditTrail audit) {
		this.records = records;
		this.procedures = procedures;
		this.audit = audit;
	}

	/** A correction of a completed (or draft) record's narrative fields, with the reason audited. */
	@PreAuthorize("hasRole('PHYSICIAN')")
	@Transactional
	public Procedure correct(UUID id, ProcedureRequests.Correction correction) {
		Procedure before = get(id);
		if (correction.dischargedAt() != null) {
			List<FieldProblem> problems = Procedure.timeProblems(before.startedAt(), before.endedAt(),
					correction.dischargedAt());
			if (!problems.isEmpty()) {
				throw Refusal.invalid(problems);
			}
		}
		if (!procedures.correct(before.clinicId(), id, correction, CurrentUser.get().id())) {
			throw Refusal.conflict("The procedure was changed by someone else; reload it",
					List.of(new FieldProblem("version", "stale version")));
		}
		Procedure after = get(id);
		audit.updated(ProcedureService.ENTITY, id, after.clinicId(), before.snapshot(), after.snapshot(), correction.reason());
		return after;
	}

	private Procedure get(UUID id) {
		return records.read(ProcedureService.ENTITY, clinics -> procedures.find(clinics, id), Procedure::clinicId,
				Procedure::patientId);
	}

}

package org.spinecell.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.spinecell.accounts.clinics.ClinicRepository;
import org.spinecell.accounts.clinics.ClinicRequest;
import org.spinecell.accounts.users.AdministratorScope;
import org.spinecell.audit.AuditTrail;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;
import org.spinecell.platform.Refusal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing the clinic network. Installation administrators create clinics and see and change every
 * clinic; clinic administrators change their own clinics; other staff see the clinics they belong
 * to, and any other clinic is "not found" to them (ADR 0016).
 */
@Service
public class ClinicService {

	private final ClinicRepository clinics;

	private final AuditTrail audit;

	ClinicService(ClinicRepository clinics, AuditTrail audit) {
		this.clinics = clinics;
		this.audit = audit;
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public Clinic create(ClinicRequest request) {
		AdministratorScope.requireInstallationAdmin(CurrentUser.get(), "creates clinics");
		List<FieldProblem> conflicts = new ArrayList<>();
		if (clinics.nameTaken(request.name())) {
			conflicts.add(new FieldProblem("name", "a clinic with this name exists"));
		}
		if (request.fin() != null && clinics.finTaken(request.fin())) {
			conflicts.add(new FieldProblem("fin", "this facility identification number is in use"));
		}
		if (!conflicts.isEmpty()) {
			throw Refusal.conflict("The clinic conflicts with an existing clinic", conflicts);
		}
		Clinic clinic = new Clinic(UUID.randomUUID(), request.name(), request.city(), request.region(),
				request.country(), request.fin(), 0);
		clinics.insert(clinic, CurrentUser.get().id());
		// Clinics are reference data, not clinical records: their history is on the global chain.
		audit.created("Clinic", clinic.id(), null, clinic.snapshot());
		return clinic;
	}

	/**
	 * Changes a clinic's details, e.g. adds the FIN it was assigned. A FIN already printed on
	 * products cannot change, because their DINs carry it.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public Clinic update(UUID id, ClinicRequest request) {
		AdministratorScope.requireAdministers(CurrentUser.get(), id);
		if (request.version() == null) {
			throw Refusal.invalid("version", "the version you read is required to change a clinic");
		}
		Clinic before = clinics.find(id).orElseThrow(() -> Refusal.notFound("Clinic"));
		List<FieldProblem> conflicts = new ArrayList<>();
		if (clinics.nameTakenByOther(request.name(), id)) {
			conflicts.add(new FieldProblem("name", "a clinic with this name exists"));
		}
		if (request.fin() != null && clinics.finTakenByOther(request.fin(), id)) {
			conflicts.add(new FieldProblem("fin", "this facility identification number is in use"));
		}
		if (before.fin() != null && !before.fin().equals(request.fin())) {
			conflicts.add(new FieldProblem("fin", "a FIN cannot change once set: product identifiers carry it"));
		}
		if (!conflicts.isEmpty()) {
			throw Refusal.conflict("The change conflicts with existing data", conflicts);
		}
		Clinic changed = new Clinic(id, request.name(), request.city(), request.region(), request.country(),
				request.fin(), before.version());
		if (!clinics.update(changed, request.version(), CurrentUser.get().id())) {
			throw Refusal.conflict("The clinic was changed by someone else; reload it",
					List.of(new FieldProblem("version", "stale version")));
		}
		Clinic after = clinics.find(id).orElseThrow();
		audit.updated("Clinic", id, null, before.snapshot(), after.snapshot(), null);
		return after;
	}

	@Transactional(readOnly = true)
	public List<Clinic> visibleClinics() {
		CurrentUser user = CurrentUser.get();
		return user.isInstallationAdmin() ? clinics.findAll() : clinics.findAll(user.clinicIds());
	}

	@Transactional(readOnly = true)
	public Clinic get(UUID id) {
		CurrentUser user = CurrentUser.get();
		if (!user.isInstallationAdmin() && !user.isMemberOf(id)) {
			throw Refusal.notFound("Clinic");
		}
		return clinics.find(id).orElseThrow(() -> Refusal.notFound("Clinic"));
	}

	/** Clinics by id, for showing names; unknown ids are skipped. */
	@Transactional(readOnly = true)
	public List<Clinic> findAll(java.util.Collection<UUID> ids) {
		return clinics.findAll(ids);
	}

	/**
	 * Every clinic of the network, for a physician choosing the clinic of a patient to open under
	 * break-glass access. Clinic names and places are not clinical data.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'PHYSICIAN')")
	@Transactional(readOnly = true)
	public List<Clinic> directory() {
		return clinics.findAll();
	}

}

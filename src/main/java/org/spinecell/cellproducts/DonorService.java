package org.spinecell.cellproducts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.spinecell.audit.AuditTrail;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.ClinicalDate;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.FieldProblem;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering allogeneic donors, recording their screening and the reviewer's confirmation. */
@Service
public class DonorService {

	static final String ENTITY = "Donor";

	private final DonorRepository donors;

	private final PatientService patients;

	private final AuditTrail audit;

	DonorService(DonorRepository donors, PatientService patients, AuditTrail audit) {
		this.donors = donors;
		this.patients = patients;
		this.audit = audit;
	}

	public record DonorRequest(@NotNull UUID clinicId,
			@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,30}", message = "1 to 30 letters, digits or hyphens") String code,
			@NotNull DonorRelation relation, UUID recipientPatientId) {
	}

	public record ScreeningRequest(@NotEmpty @Size(max = 50) List<@Valid @NotNull ScreeningItem> results) {
	}

	public record ScreeningItem(@NotNull Donor.ScreeningTest test, @NotNull Donor.ScreeningOutcome outcome,
			@NotNull @ClinicalDate java.time.LocalDate sampleDate) {
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional
	public Donor register(DonorRequest request) {
		if (!CurrentUser.get().isMemberOf(request.clinicId())) {
			throw Refusal.invalid("clinicId", "not a clinic you work in");
		}
		if (request.recipientPatientId() != null) {
			Patient recipient = patients.get(request.recipientPatientId());
			if (!recipient.clinicId().equals(request.clinicId())) {
				throw Refusal.invalid("recipientPatientId", "the recipient belongs to another clinic");
			}
		}
		else if (request.relation() != DonorRelation.UNRELATED) {
			throw Refusal.invalid("recipientPatientId", "a related donor needs the recipient it is related to");
		}
		if (donors.codeTaken(request.clinicId(), request.code())) {
			throw Refusal.conflict("The donor code is in use", List.of(new FieldProblem("code", "already in use")));
		}
		Donor donor = new Donor(UUID.randomUUID(), request.clinicId(), request.code(), request.relation(),
				request.recipientPatientId(), List.of(), Donor.Determination.PENDING, null, null, 0);
		donors.insert(donor, CurrentUser.get().id());
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("code", donor.code());
		values.put("relation", donor.relation().name());
		values.put("recipientPatientId", request.recipientPatientId() == null ? null : request.recipientPatientId().toString());
		audit.created(ENTITY, donor.id(), donor.clinicId(), values);
		return get(donor.id());
	}

	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional(readOnly = true)
	public Donor get(UUID id) {
		return donors.find(CurrentUser.get().clinicIds(), id).orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	/**
	 * The donor of a product, for the product's own release checklist: whoever may read the
	 * product's checklist (a coordinator too) sees the donor's eligibility there, though only the lab
	 * and physicians open donor records. Still limited to the caller's clinics.
	 */
	Donor ofProduct(UUID donorId) {
		return donors.find(CurrentUser.get().clinicIds(), donorId).orElseThrow(() -> Refusal.notFound(ENTITY));
	}

	/** The donors of the signed-in user's clinics, most recently registered first (at most 500). */
	@PreAuthorize("hasAnyRole('LAB', 'PHYSICIAN')")
	@Transactional(readOnly = true)
	public List<Donor> list() {
		return donors.list(CurrentUser.get().clinicIds(), 500);
	}

	/** Replaces the screening results; the determination is derived and needs a fresh review. */
	@PreAuthorize("hasRole('LAB')")
	@Transactional
	public Donor recordScreening(UUID id, ScreeningRequest request) {
		Donor before = get(id);
		List<Donor.ScreeningResult> results = request.results()
			.stream()
			.map(item -> new Donor.ScreeningResult(item.test(), item.outcome(), item.sampleDate()))
			.toList();
		if (results.stream().map(Donor.ScreeningResult::test).distinct().count() != results.size()) {
			throw Refusal.invalid("results", "each test may appear once");
		}
		Donor.Determination determination = Donor.determine(results);
		donors.updateScreening(before, results, determination, CurrentUser.get().id());
		Donor after = get(id);
		audit.updated(ENTITY, id, after.clinicId(), snapshot(before), snapshot(after), null);
		return after;
	}

	/** A responsible person confirms the determination; only then may the donor's products be released. */
	@PreAuthorize("hasAnyRole('PHYSICIAN', 'LAB')")
	@Transactional
	public Donor review(UUID id) {
		Donor before = get(id);
		if (before.determination() == Donor.Determination.PENDING) {
			throw Refusal.conflict("The screening is incomplete; record every required test first",
					List.of(new FieldProblem("screening", "incomplete")));
		}
		CurrentUser reviewer = CurrentUser.get();
		donors.review(before, reviewer.id(), reviewer.displayName());
		Donor after = get(id);
		audit.updated(ENTITY, id, after.clinicId(), snapshot(before), snapshot(after), null);
		return after;
	}

	private static Map<String, Object> snapshot(Donor donor) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("screening", donor.screening().stream().map(r -> r.test() + "=" + r.outcome()).toList());
		values.put("determination", donor.determination().name());
		values.put("reviewedBy", donor.reviewedByName());
		return values;
	}

}

package org.spinecell.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.ProductCustodyService.RemainderAction;
import org.spinecell.cellproducts.ProductState;
import org.spinecell.demo.DemoCellProducts.Staff;
import org.spinecell.demo.DemoPatients.DemoPatient;
import org.spinecell.patients.ConsentRequest;
import org.spinecell.patients.ConsentService;
import org.spinecell.patients.ConsentStatus;
import org.spinecell.patients.ConsentType;
import org.spinecell.patients.Diagnosis;
import org.spinecell.patients.PatientHistoryService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.procedures.CarePlan;
import org.spinecell.procedures.CarePlanService;
import org.spinecell.procedures.Procedure;
import org.spinecell.procedures.ProcedureCompletionService;
import org.spinecell.procedures.ProcedureRequests;
import org.spinecell.procedures.ProcedureService;

import org.springframework.stereotype.Component;

/**
 * Injections for the demo patients whose products were released: the target follows the
 * condition (facet joints for facet arthropathy, the disc otherwise), mostly fluoroscopic guidance
 * with some CT, placement usually confirmed by contrast, operators varying within a clinic, and
 * a physical-therapy plan for most patients. Products under an IND need the patient's trial
 * consent, which the coordinator records first.
 */
@Component
class DemoProcedures {

	private final ProcedureService procedures;

	private final ProcedureCompletionService completion;

	private final CarePlanService carePlans;

	private final ConsentService consents;

	private final PatientHistoryService history;

	DemoProcedures(ProcedureService procedures, ProcedureCompletionService completion, CarePlanService carePlans,
			ConsentService consents, PatientHistoryService history) {
		this.procedures = procedures;
		this.completion = completion;
		this.carePlans = carePlans;
		this.consents = consents;
		this.history = history;
	}

	/** A completed injection, with what the outcome model needs to know about it. */
	record Treated(DemoPatient patient, CellProduct product, Procedure procedure, Staff operator) {
	}

	/**
	 * When an injection on the given day started: mid-morning at the clinics (16:00 UTC), or, for a
	 * day that has not reached that hour yet, an hour and a half ago.
	 */
	static Instant startOn(LocalDate day) {
		Instant planned = day.atTime(16, 0).toInstant(ZoneOffset.UTC);
		Instant latest = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(90, ChronoUnit.MINUTES);
		return planned.isAfter(latest) ? latest : planned;
	}

	List<Treated> add(List<CellProduct> products, List<DemoPatient> patients, Staff coordinator, List<Staff> physicians,
			Random random) {
		Map<UUID, DemoPatient> byId = new HashMap<>();
		patients.forEach(p -> byId.put(p.patient().id(), p));
		List<Treated> done = new ArrayList<>();
		for (CellProduct product : products) {
			if (product.state() != ProductState.RELEASED) {
				continue;
			}
			UUID patient = product.intendedRecipient();
			DemoPatient demo = byId.get(patient);
			LocalDate day = demo.plannedDay();
			Staff operator = physicians.get(random.nextInt(physicians.size()));
			Diagnosis diagnosis = CurrentUser.callAs(coordinator.user(),
					() -> history.historyOf(patient).primaryDiagnosis().orElse(null));
			boolean consented = CurrentUser.callAs(coordinator.user(), () -> {
				if (!history.hasCurrentConsent(patient, ConsentType.TREATMENT)) {
					return false;
				}
				if (product.indNumber() != null && !history.hasCurrentConsent(patient, ConsentType.TRIAL)) {
					consents.record(patient, new ConsentRequest(ConsentType.TRIAL, ConsentStatus.GIVEN, day.minusDays(7),
							"TRIAL-" + product.indNumber().replace(' ', '-'), "Enrolled in the clinic's IND study"));
				}
				return true;
			});
			if (diagnosis == null || !consented) {
				continue;
			}
			String level = diagnosis.levels().get(0).toString();
			Procedure.Target target = !level.contains("-") ? Procedure.Target.BASIVERTEBRAL
					: diagnosis.family().name().equals("FACET_ARTHROPATHY") ? Procedure.Target.FACET
							: Procedure.Target.INTRADISCAL;
			Procedure.Guidance guidance = target == Procedure.Target.FACET && random.nextDouble() < 0.3
					? Procedure.Guidance.ULTRASOUND : random.nextDouble() < 0.75 ? Procedure.Guidance.FLUOROSCOPY
							: Procedure.Guidance.CT;
			boolean confirmed = random.nextDouble() < (guidance == Procedure.Guidance.ULTRASOUND ? 0.6 : 0.88);
			BigDecimal volume = product.volumeMl().min(BigDecimal.valueOf(1.5 + random.nextInt(3) * 0.5));
			Instant start = startOn(day);
			Procedure draft = CurrentUser.callAs(operator.user(), () -> procedures.create(new ProcedureRequests.Create(
					patient, day, start, start.plus(25 + random.nextInt(20), ChronoUnit.MINUTES), null,
					operator.user().id(), target, List.of(level), diagnosis.side() == null ? null : diagnosis.side().name(),
					target == Procedure.Target.INTRADISCAL ? "Posterolateral extrapedicular" : "Posterior oblique",
					guidance, confirmed, confirmed ? (target == Procedure.Target.INTRADISCAL ? "Nuclear contrast pattern"
							: "Intra-articular contrast spread") : null,
					confirmed, List.of(
							new ProcedureRequests.UnitRequest(product.id(), level, volume)),
					random.nextDouble() < 0.2 ? List.of("Platelet-rich plasma") : List.of(), "Local lidocaine 1 %",
					random.nextDouble() < 0.06 ? "Transient procedural back pain" : null,
					start.plus(90, ChronoUnit.MINUTES), true)));
			BigDecimal left = product.volumeMl().subtract(volume);
			List<ProcedureRequests.RemainderRequest> remainders = left.signum() > 0
					? List.of(new ProcedureRequests.RemainderRequest(product.id(), RemainderAction.DISCARDED, null))
					: List.of();
			Procedure completed = CurrentUser.callAs(operator.user(), () -> completion.complete(draft.id(),
					new ProcedureRequests.Complete(new ProcedureRequests.TimeOut(true, List.of(product.din()), true),
							remainders)));
			if (random.nextDouble() < 0.75) {
				CurrentUser.callAs(coordinator.user(), () -> carePlans.create(patient, new CarePlanService.PlanRequest(
						CarePlan.Kind.PHYSICAL_THERAPY, "Graded core stabilisation and walking programme after injection",
						"Walk 30 minutes without leg pain; return to work duties", 12, BigDecimal.valueOf(2),
						draft.id(), day.plusDays(7), day.plusDays(49))));
			}
			if (random.nextDouble() < 0.5) {
				CurrentUser.callAs(coordinator.user(), () -> carePlans.create(patient, new CarePlanService.PlanRequest(
						CarePlan.Kind.ACTIVITY_RESTRICTION, "No lifting over 5 kg and no bending or twisting for 2 weeks",
						null, null, null, draft.id(), day, day.plusDays(14))));
			}
			done.add(new Treated(demo, product, completed, operator));
		}
		return done;
	}

}

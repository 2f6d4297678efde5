package org.spinecell.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.spinecell.cellproducts.Additive;
import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.CellProductRequests.Sample;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.cellproducts.ProductCustodyService;
import org.spinecell.cellproducts.ProductReleaseService;
import org.spinecell.cellproducts.ProductClassificationService;
import org.spinecell.cellproducts.ProductProcessingService;
import org.spinecell.cellproducts.ProductRegistrationService;
import org.spinecell.cellproducts.Donor;
import org.spinecell.cellproducts.DonorRelation;
import org.spinecell.cellproducts.DonorService;
import org.spinecell.cellproducts.IntendedUse;
import org.spinecell.cellproducts.Marker;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.ProcessingStepType;
import org.spinecell.cellproducts.QcTest;
import org.spinecell.cellproducts.QualitativeResult;
import org.spinecell.cellproducts.ReleaseCriterion;
import org.spinecell.cellproducts.Route;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;
import org.spinecell.demo.DemoPatients.DemoPatient;
import org.spinecell.demo.DemoPatients.Family;
import org.spinecell.platform.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Cell products for the demo patients who screened eligible: mostly point-of-care bone marrow
 * concentrate, some adipose products and culture-expanded allogeneic cells from screened donors.
 * The demo lab technologist processes, tests and releases them under their own e-signature; the
 * clinic's physician confirms each regulatory classification. A few fail QC and stay in
 * quarantine, and one expires on the shelf.
 */
@Component
class DemoCellProducts {

	private final CellProductService products;

	private final ProductRegistrationService registration;

	private final ProductProcessingService processing;

	private final ProductClassificationService classifier;

	private final ProductReleaseService release;

	private final ProductCustodyService custody;

	private final DonorService donors;

	DemoCellProducts(CellProductService products, ProductRegistrationService registration,
			ProductProcessingService processing, ProductClassificationService classifier,
			ProductReleaseService release, ProductCustodyService custody, DonorService donors) {
		this.products = products;
		this.registration = registration;
		this.processing = processing;
		this.classifier = classifier;
		this.release = release;
		this.custody = custody;
		this.donors = donors;
	}

	/** A demo staff member and the password the demo gave them, for signing. */
	record Staff(CurrentUser user, String password) {
	}

	/** Demo IND under which the clinics run their 351 products. */
	static final String DEMO_IND = "IND 019876";

	List<CellProduct> add(UUID clinicId, List<DemoPatient> patients, Staff lab, Staff physician, Random random) {
		List<CellProduct> made = new ArrayList<>();
		UUID donor = null;
		boolean expiredOne = false;
		for (DemoPatient patient : patients) {
			SourceType source = pickSource(random);
			if (source == SourceType.ALLOGENEIC_MSC && donor == null) {
				donor = screenedDonor(clinicId, lab, physician);
			}
			boolean expire = !expiredOne && made.size() == 7;
			expiredOne |= expire;
			made.add(make(clinicId, patient, source, donor, expire, lab, physician, random));
		}
		if (expiredOne) {
			CurrentUser.callAsSystem(Set.of(clinicId), custody::expireOverdue);
		}
		return made;
	}

	private static SourceType pickSource(Random random) {
		double roll = random.nextDouble();
		if (roll < 0.5) {
			return SourceType.BMAC;
		}
		if (roll < 0.65) {
			return SourceType.ADIPOSE_MICROFRAGMENTED;
		}
		if (roll < 0.75) {
			return SourceType.ADIPOSE_SVF;
		}
		return roll < 0.95 ? SourceType.ALLOGENEIC_MSC : SourceType.AUTOLOGOUS_MSC;
	}

	private UUID screenedDonor(UUID clinicId, Staff lab, Staff physician) {
		Donor donor = CurrentUser.callAs(lab.user(),
				() -> donors.register(new DonorService.DonorRequest(clinicId, "MSC-DONOR-" + clinicId.toString().substring(0, 4),
						DonorRelation.UNRELATED, null)));
		List<DonorService.ScreeningItem> results = new ArrayList<>();
		for (Donor.ScreeningTest test : Donor.ScreeningTest.values()) {
			results.add(new DonorService.ScreeningItem(test, Donor.ScreeningOutcome.NEGATIVE,
					LocalDate.now().minusYears(3).minusDays(60)));
		}
		CurrentUser.callAs(lab.user(), () -> donors.recordScreening(donor.id(), new DonorService.ScreeningRequest(results)));
		CurrentUser.callAs(physician.user(), () -> donors.review(donor.id()));
		return donor.id();
	}

	private CellProduct make(UUID clinicId, DemoPatient patient, SourceType source, UUID donor, boolean expire,
			Staff lab, Staff physician, Random random) {
		boolean facet = patient.family() == Family.FACET_ARTHROPATHY;
		IntendedUse use = facet ? IntendedUse.FACET_JOINT_PAIN : IntendedUse.DISC_REPAIR;
		Route route = facet ? Route.FACET : Route.INTRADISCAL;
		boolean allogeneic = source == SourceType.ALLOGENEIC_MSC;
		Tissue tissue = switch (source) {
			case ADIPOSE_MICROFRAGMENTED, ADIPOSE_SVF -> Tissue.ADIPOSE;
			default -> Tissue.BONE_MARROW;
		};
		boolean sameProcedure = source == SourceType.BMAC || source == SourceType.ADIPOSE_MICROFRAGMENTED;
		Set<Additive> additives = allogeneic && random.nextBoolean() ? Set.of(Additive.HYALURONIC_ACID) : Set.of();
		UUID patientId = patient.patient().id();
		CellProduct created = CurrentUser.callAs(lab.user(),
				() -> registration.create(new CellProductRequests.Create(clinicId,
						allogeneic ? Origin.ALLOGENEIC : Origin.AUTOLOGOUS, allogeneic ? null : patientId,
						allogeneic ? donor : null, allogeneic ? patientId : null, source, tissue, use, route,
						sameProcedure, additives)));
		UUID id = created.id();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		boolean fresh = sameProcedure || source == SourceType.ADIPOSE_SVF;
		// Harvest and processing are dated before the planned injection; release, storage and expiry
		// are recorded now, since the lab services date those by the clock (see README, Limits).
		Instant injection = DemoProcedures.startOn(patient.plannedDay());
		Instant start = fresh ? injection.minus(3, ChronoUnit.HOURS) : injection.minus(30, ChronoUnit.DAYS);
		Instant[] releaseAt = new Instant[1];
		CurrentUser.callAs(lab.user(), () -> {
			BigDecimal harvested = switch (source) {
				case BMAC -> decimal(50 + random.nextInt(40));
				case ADIPOSE_MICROFRAGMENTED, ADIPOSE_SVF -> decimal(60 + random.nextInt(90));
				default -> decimal(20 + random.nextInt(20));
			};
			registration.recordHarvest(id, new CellProductRequests.Harvest(
					tissue == Tissue.ADIPOSE ? "Abdominal subcutaneous fat" : "Posterior iliac crest", harvested,
					tissue == Tissue.ADIPOSE ? "Tumescent solution" : "Heparin",
					physician.user().displayName(), start, start.plus(35, ChronoUnit.MINUTES)));
			qc(id, QcTest.TNC, decimal(12 + random.nextInt(20)), "10^6/mL", Sample.PRE_PROCESSING,
					start.plus(40, ChronoUnit.MINUTES));
			Instant step = start.plus(50, ChronoUnit.MINUTES);
			for (ProcessingStepType type : steps(source)) {
				processing.addProcessingStep(id, new CellProductRequests.ProcessingStep(type, device(type), kit(source),
						"LOT-" + (1000 + random.nextInt(9000)), Map.of(), step, null));
				step = step.plus(fresh ? 10 : 3 * 24 * 60, ChronoUnit.MINUTES);
			}
			BigDecimal finalVolume = switch (source) {
				case BMAC -> decimal(6 + random.nextInt(5));
				case ADIPOSE_MICROFRAGMENTED -> decimal(8 + random.nextInt(5));
				case ADIPOSE_SVF -> decimal(4 + random.nextInt(3));
				default -> decimal(2);
			};
			processing.addProcessingStep(id, new CellProductRequests.ProcessingStep(ProcessingStepType.SIZING, null,
					null, null, Map.of("purpose", "final volume for injection"), step, finalVolume));
			processing.completeProcessing(id);
			Instant tested = step.plus(15, ChronoUnit.MINUTES);
			boolean lowViability = random.nextDouble() < 0.08;
			qc(id, QcTest.TNC, decimal(switch (source) {
				case BMAC -> 60 + random.nextInt(130);
				case ADIPOSE_MICROFRAGMENTED, ADIPOSE_SVF -> 5 + random.nextInt(15);
				default -> 10 + random.nextInt(15);
			}), "10^6/mL", Sample.FINAL, tested);
			qc(id, QcTest.VIABILITY, lowViability ? decimal(52 + random.nextInt(15)) : decimal(84 + random.nextInt(13)),
					"%", Sample.FINAL, tested);
			if (source == SourceType.BMAC) {
				qc(id, QcTest.CFU_F, decimal(900 + random.nextInt(3500)), "/mL", Sample.FINAL, tested);
			}
			qualitative(id, QcTest.STERILITY, random.nextDouble() < 0.02 ? QualitativeResult.GROWTH
					: QualitativeResult.NO_GROWTH, tested);
			qualitative(id, QcTest.GRAM_STAIN, QualitativeResult.NO_ORGANISMS_SEEN, tested);
			if (!fresh) {
				qc(id, QcTest.ENDOTOXIN, new BigDecimal("0.8").add(decimal(random.nextInt(20)).movePointLeft(1)), "EU/kg",
						Sample.FINAL, tested);
				qualitative(id, QcTest.MYCOPLASMA, QualitativeResult.NEGATIVE, tested);
				Map<String, BigDecimal> markers = new LinkedHashMap<>();
				for (Marker marker : Marker.values()) {
					markers.put(marker.label(), marker.isPositive() ? decimal(96 + random.nextInt(4))
							: new BigDecimal(random.nextInt(15)).movePointLeft(1));
				}
				processing.addQcResult(id, new CellProductRequests.Qc(QcTest.MARKER_PANEL, null, null, "%", markers,
						"Flow cytometry", tested, Sample.FINAL));
			}
			Instant expires = expire ? now.minus(1, ChronoUnit.HOURS)
					: fresh ? now.plus(12 + random.nextInt(24), ChronoUnit.HOURS) : now.plus(180, ChronoUnit.DAYS);
			custody.recordCustody(id, new CellProductRequests.Custody(CellProductRequests.CustodyAction.STORED,
					lab.user().displayName(), null, fresh ? "Procedure suite, controlled room" : "Cryostore LN2 tank 1",
					fresh ? "15-25 °C" : "below -150 °C", tested.plus(20, ChronoUnit.MINUTES), expires));
			releaseAt[0] = tested.plus(30, ChronoUnit.MINUTES);
			classifier.classify(id, new CellProductRequests.ClassificationFlags(false, false, false));
			return null;
		});
		CurrentUser.callAs(physician.user(), () -> classifier.confirmClassification(id));
		CellProduct classified = CurrentUser.callAs(lab.user(), () -> products.get(id));
		if (classified.pathway().requiresInd()) {
			CurrentUser.callAs(physician.user(),
					() -> classifier.setIndNumber(id, new CellProductRequests.Ind(DEMO_IND)));
		}
		Instant released = releaseAt[0];
		return CurrentUser.callAs(lab.user(), () -> {
			List<ReleaseCriterion> checklist = release.releaseChecklist(id);
			if (checklist.stream().allMatch(ReleaseCriterion::met)) {
				// Released when its tests were in, before the (backdated) injection; signed now.
				release.release(id, new CellProductRequests.Release(lab.password(), "Released for clinical use",
						released));
			}
			return products.get(id);
		});
	}

	private void qc(UUID id, QcTest test, BigDecimal value, String unit, Sample sample, Instant at) {
		processing.addQcResult(id,
				new CellProductRequests.Qc(test, value, null, unit, null, "Automated counter", at, sample));
	}

	private void qualitative(UUID id, QcTest test, QualitativeResult result, Instant at) {
		processing.addQcResult(id, new CellProductRequests.Qc(test, null, result, null, null, null, at, Sample.FINAL));
	}

	private static List<ProcessingStepType> steps(SourceType source) {
		return switch (source) {
			case BMAC -> List.of(ProcessingStepType.CENTRIFUGATION);
			case ADIPOSE_MICROFRAGMENTED -> List.of(ProcessingStepType.RINSE, ProcessingStepType.MECHANICAL_DISRUPTION);
			case ADIPOSE_SVF -> List.of(ProcessingStepType.ENZYMATIC_DIGESTION, ProcessingStepType.CENTRIFUGATION,
					ProcessingStepType.WASH);
			default -> List.of(ProcessingStepType.CULTURE_EXPANSION, ProcessingStepType.CRYOPRESERVATION,
					ProcessingStepType.THAW, ProcessingStepType.WASH);
		};
	}

	private static String device(ProcessingStepType type) {
		return switch (type) {
			case CENTRIFUGATION -> "Closed-system centrifuge";
			case MECHANICAL_DISRUPTION -> "Micro-fragmentation device";
			case ENZYMATIC_DIGESTION -> "Shaking incubator, 37 °C";
			case CULTURE_EXPANSION -> "Multilayer flask system";
			case CRYOPRESERVATION -> "Controlled-rate freezer";
			case THAW -> "Dry thawing unit";
			default -> null;
		};
	}

	private static String kit(SourceType source) {
		return switch (source) {
			case BMAC -> "Marrow concentration kit";
			case ADIPOSE_MICROFRAGMENTED -> "Adipose processing kit";
			case ADIPOSE_SVF -> "Collagenase digestion kit";
			default -> "Expansion medium, xeno-free";
		};
	}

	private static BigDecimal decimal(int value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.UNNECESSARY);
	}

}

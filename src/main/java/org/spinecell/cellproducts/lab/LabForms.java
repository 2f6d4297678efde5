package org.spinecell.cellproducts.lab;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.cellproducts.Additive;
import org.spinecell.cellproducts.CellProductRequests;
import org.spinecell.cellproducts.IntendedUse;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.ProcessingStepType;
import org.spinecell.cellproducts.ProductReleaseService;
import org.spinecell.cellproducts.QcTest;
import org.spinecell.cellproducts.QualitativeResult;
import org.spinecell.cellproducts.Route;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.Tissue;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The forms of the cell lab pages. Each maps to the request record of the matching
 * use case (registration, processing, classification, release, custody), which validates it with
 * the constraints the API applies;
 * local date-times from {@code datetime-local} inputs are read in the configured time zone.
 */
final class LabForms {

	private LabForms() {
	}

	static Instant instant(LocalDateTime local, ZoneId zone) {
		return local == null ? null : local.atZone(zone).toInstant();
	}

	/** Now in the zone, to the minute: the default of a time field. */
	static LocalDateTime now(ZoneId zone) {
		return LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
	}

	/**
	 * Reads "name = value" lines (also "name: value" or "name value"); a line that is not a pair is
	 * a field error on {@code field}.
	 */
	static Map<String, String> pairs(String text, String field, BindingResult result) {
		Map<String, String> pairs = new LinkedHashMap<>();
		if (text == null || text.isBlank()) {
			return pairs;
		}
		int number = 0;
		for (String line : text.split("\\R")) {
			number++;
			String trimmed = line.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			String[] parts = trimmed.split("\\s*[=:]\\s*|\\s+", 2);
			if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
				result.rejectValue(field, "pair", "line " + number + " must be a name and a value, such as \"speed = 3200 rpm\"");
				return pairs;
			}
			pairs.put(parts[0].strip(), parts[1].strip());
		}
		return pairs;
	}

	/** The registration form of a new product; patients are named by their MRN. */
	static class CreateForm {

		private UUID clinicId;

		private Origin origin = Origin.AUTOLOGOUS;

		private String patientMrn;

		private UUID donorId;

		private String recipientMrn;

		private SourceType sourceType;

		private Tissue tissue;

		private IntendedUse intendedUse;

		private Route route;

		private boolean sameSurgicalProcedure;

		private Set<Additive> additives = EnumSet.noneOf(Additive.class);

		CellProductRequests.Create toRequest(UUID patientId, UUID recipientPatientId) {
			return new CellProductRequests.Create(clinicId, origin, patientId, donorId, recipientPatientId, sourceType,
					tissue, intendedUse, route, sameSurgicalProcedure, additives);
		}

		public UUID getClinicId() {
			return clinicId;
		}

		public void setClinicId(UUID clinicId) {
			this.clinicId = clinicId;
		}

		public Origin getOrigin() {
			return origin;
		}

		public void setOrigin(Origin origin) {
			this.origin = origin;
		}

		public String getPatientMrn() {
			return patientMrn;
		}

		public void setPatientMrn(String patientMrn) {
			this.patientMrn = patientMrn;
		}

		public UUID getDonorId() {
			return donorId;
		}

		public void setDonorId(UUID donorId) {
			this.donorId = donorId;
		}

		public String getRecipientMrn() {
			return recipientMrn;
		}

		public void setRecipientMrn(String recipientMrn) {
			this.recipientMrn = recipientMrn;
		}

		public SourceType getSourceType() {
			return sourceType;
		}

		public void setSourceType(SourceType sourceType) {
			this.sourceType = sourceType;
		}

		public Tissue getTissue() {
			return tissue;
		}

		public void setTissue(Tissue tissue) {
			this.tissue = tissue;
		}

		public IntendedUse getIntendedUse() {
			return intendedUse;
		}

		public void setIntendedUse(IntendedUse intendedUse) {
			this.intendedUse = intendedUse;
		}

		public Route getRoute() {
			return route;
		}

		public void setRoute(Route route) {
			this.route = route;
		}

		public boolean isSameSurgicalProcedure() {
			return sameSurgicalProcedure;
		}

		public void setSameSurgicalProcedure(boolean sameSurgicalProcedure) {
			this.sameSurgicalProcedure = sameSurgicalProcedure;
		}

		public Set<Additive> getAdditives() {
			return additives;
		}

		public void setAdditives(Set<Additive> additives) {
			this.additives = additives == null ? EnumSet.noneOf(Additive.class) : additives;
		}

	}

	static class HarvestForm {

		private String site;

		private BigDecimal volumeMl;

		private String anticoagulant;

		private String operator;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime startedAt;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime endedAt;

		static HarvestForm startingNow(ZoneId zone) {
			HarvestForm form = new HarvestForm();
			form.endedAt = now(zone);
			return form;
		}

		CellProductRequests.Harvest toRequest(ZoneId zone) {
			return new CellProductRequests.Harvest(site, volumeMl, blankToNull(anticoagulant), operator,
					instant(startedAt, zone), instant(endedAt, zone));
		}

		public String getSite() {
			return site;
		}

		public void setSite(String site) {
			this.site = site;
		}

		public BigDecimal getVolumeMl() {
			return volumeMl;
		}

		public void setVolumeMl(BigDecimal volumeMl) {
			this.volumeMl = volumeMl;
		}

		public String getAnticoagulant() {
			return anticoagulant;
		}

		public void setAnticoagulant(String anticoagulant) {
			this.anticoagulant = anticoagulant;
		}

		public String getOperator() {
			return operator;
		}

		public void setOperator(String operator) {
			this.operator = operator;
		}

		public LocalDateTime getStartedAt() {
			return startedAt;
		}

		public void setStartedAt(LocalDateTime startedAt) {
			this.startedAt = startedAt;
		}

		public LocalDateTime getEndedAt() {
			return endedAt;
		}

		public void setEndedAt(LocalDateTime endedAt) {
			this.endedAt = endedAt;
		}

	}

	static class StepForm {

		private ProcessingStepType type;

		private String device;

		private String kit;

		private String lot;

		private String parameters;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime performedAt;

		private BigDecimal outputVolumeMl;

		static StepForm startingNow(ZoneId zone) {
			StepForm form = new StepForm();
			form.performedAt = now(zone);
			return form;
		}

		CellProductRequests.ProcessingStep toRequest(ZoneId zone, BindingResult result) {
			return new CellProductRequests.ProcessingStep(type, blankToNull(device), blankToNull(kit), blankToNull(lot),
					pairs(parameters, "parameters", result), instant(performedAt, zone), outputVolumeMl);
		}

		public ProcessingStepType getType() {
			return type;
		}

		public void setType(ProcessingStepType type) {
			this.type = type;
		}

		public String getDevice() {
			return device;
		}

		public void setDevice(String device) {
			this.device = device;
		}

		public String getKit() {
			return kit;
		}

		public void setKit(String kit) {
			this.kit = kit;
		}

		public String getLot() {
			return lot;
		}

		public void setLot(String lot) {
			this.lot = lot;
		}

		public String getParameters() {
			return parameters;
		}

		public void setParameters(String parameters) {
			this.parameters = parameters;
		}

		public LocalDateTime getPerformedAt() {
			return performedAt;
		}

		public void setPerformedAt(LocalDateTime performedAt) {
			this.performedAt = performedAt;
		}

		public BigDecimal getOutputVolumeMl() {
			return outputVolumeMl;
		}

		public void setOutputVolumeMl(BigDecimal outputVolumeMl) {
			this.outputVolumeMl = outputVolumeMl;
		}

	}

	static class QcForm {

		private QcTest test;

		private BigDecimal value;

		private String unit;

		private QualitativeResult result;

		private String markers;

		private String method;

		private CellProductRequests.Sample sample = CellProductRequests.Sample.FINAL;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime performedAt;

		static QcForm startingNow(ZoneId zone) {
			QcForm form = new QcForm();
			form.performedAt = now(zone);
			return form;
		}

		CellProductRequests.Qc toRequest(ZoneId zone, BindingResult binding) {
			Map<String, BigDecimal> percentages = null;
			Map<String, String> pairs = pairs(markers, "markers", binding);
			if (!pairs.isEmpty()) {
				percentages = new LinkedHashMap<>();
				for (Map.Entry<String, String> pair : pairs.entrySet()) {
					try {
						percentages.put(pair.getKey(), new BigDecimal(pair.getValue().replace("%", "").strip()));
					}
					catch (NumberFormatException ex) {
						binding.rejectValue("markers", "number", pair.getKey() + " must be a percentage such as 97.5");
						break;
					}
				}
			}
			return new CellProductRequests.Qc(test, value, result, blankToNull(unit), percentages, blankToNull(method),
					instant(performedAt, zone), sample);
		}

		public QcTest getTest() {
			return test;
		}

		public void setTest(QcTest test) {
			this.test = test;
		}

		public BigDecimal getValue() {
			return value;
		}

		public void setValue(BigDecimal value) {
			this.value = value;
		}

		public String getUnit() {
			return unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public QualitativeResult getResult() {
			return result;
		}

		public void setResult(QualitativeResult result) {
			this.result = result;
		}

		public String getMarkers() {
			return markers;
		}

		public void setMarkers(String markers) {
			this.markers = markers;
		}

		public String getMethod() {
			return method;
		}

		public void setMethod(String method) {
			this.method = method;
		}

		public CellProductRequests.Sample getSample() {
			return sample;
		}

		public void setSample(CellProductRequests.Sample sample) {
			this.sample = sample;
		}

		public LocalDateTime getPerformedAt() {
			return performedAt;
		}

		public void setPerformedAt(LocalDateTime performedAt) {
			this.performedAt = performedAt;
		}

	}

	static class CustodyForm {

		private CellProductRequests.CustodyAction action;

		private String fromPerson;

		private String toPerson;

		private String location;

		private String temperature;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime at;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
		private LocalDateTime expiresAt;

		static CustodyForm startingNow(ZoneId zone) {
			CustodyForm form = new CustodyForm();
			form.at = now(zone);
			return form;
		}

		CellProductRequests.Custody toRequest(ZoneId zone) {
			return new CellProductRequests.Custody(action, blankToNull(fromPerson), blankToNull(toPerson), location,
					temperature, instant(at, zone), instant(expiresAt, zone));
		}

		public CellProductRequests.CustodyAction getAction() {
			return action;
		}

		public void setAction(CellProductRequests.CustodyAction action) {
			this.action = action;
		}

		public String getFromPerson() {
			return fromPerson;
		}

		public void setFromPerson(String fromPerson) {
			this.fromPerson = fromPerson;
		}

		public String getToPerson() {
			return toPerson;
		}

		public void setToPerson(String toPerson) {
			this.toPerson = toPerson;
		}

		public String getLocation() {
			return location;
		}

		public void setLocation(String location) {
			this.location = location;
		}

		public String getTemperature() {
			return temperature;
		}

		public void setTemperature(String temperature) {
			this.temperature = temperature;
		}

		public LocalDateTime getAt() {
			return at;
		}

		public void setAt(LocalDateTime at) {
			this.at = at;
		}

		public LocalDateTime getExpiresAt() {
			return expiresAt;
		}

		public void setExpiresAt(LocalDateTime expiresAt) {
			this.expiresAt = expiresAt;
		}

	}

	/** The judgements the classifier cannot read from the record. */
	static class ClassifyForm {

		private boolean systemicEffect;

		private boolean dependsOnMetabolicActivity;

		private boolean reproductiveUse;

		CellProductRequests.ClassificationFlags toRequest() {
			return new CellProductRequests.ClassificationFlags(systemicEffect, dependsOnMetabolicActivity,
					reproductiveUse);
		}

		public boolean isSystemicEffect() {
			return systemicEffect;
		}

		public void setSystemicEffect(boolean systemicEffect) {
			this.systemicEffect = systemicEffect;
		}

		public boolean isDependsOnMetabolicActivity() {
			return dependsOnMetabolicActivity;
		}

		public void setDependsOnMetabolicActivity(boolean dependsOnMetabolicActivity) {
			this.dependsOnMetabolicActivity = dependsOnMetabolicActivity;
		}

		public boolean isReproductiveUse() {
			return reproductiveUse;
		}

		public void setReproductiveUse(boolean reproductiveUse) {
			this.reproductiveUse = reproductiveUse;
		}

	}

	static class IndForm {

		private String indNumber;

		CellProductRequests.Ind toRequest() {
			return new CellProductRequests.Ind(indNumber == null ? null : indNumber.strip());
		}

		public String getIndNumber() {
			return indNumber;
		}

		public void setIndNumber(String indNumber) {
			this.indNumber = indNumber;
		}

	}

	static class ReleaseForm {

		private String meaning = ProductReleaseService.RELEASE_MEANING;

		private String password;

		CellProductRequests.Release toRequest() {
			return new CellProductRequests.Release(password == null || password.isEmpty() ? null : password, meaning);
		}

		public String getMeaning() {
			return meaning;
		}

		public void setMeaning(String meaning) {
			this.meaning = meaning;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

	}

	static class DiscardForm {

		private String reason;

		CellProductRequests.Discard toRequest() {
			return new CellProductRequests.Discard(reason == null ? null : reason.strip());
		}

		public String getReason() {
			return reason;
		}

		public void setReason(String reason) {
			this.reason = reason;
		}

	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}

package org.spinecell.cellproducts.lab;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.Classification;
import org.spinecell.cellproducts.Donor;
import org.spinecell.cellproducts.DonorService;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.Pathway;
import org.spinecell.cellproducts.ProductState;
import org.spinecell.cellproducts.QcTest;
import org.spinecell.cellproducts.Reason;
import org.spinecell.cellproducts.SourceType;
import org.spinecell.cellproducts.label.LabelData;
import org.spinecell.cellproducts.label.ProductLabels;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.SpineCellProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns cell products, their events and their classification into what the lab pages show:
 * words instead of codes, times in the configured zone, the recorded JSON of each event as
 * label–value pairs. It decides nothing: every rule stays in the use-case services and the domain.
 * The lineage timeline is {@link LabTimeline}'s.
 * <p>
 * Over 300 lines because it holds the two tables of words the pages share (the labels of recorded
 * keys and the texts of classification flags, about a hundred lines of data) and the one way a
 * recorded value is shown as text, which the timeline and the classification both use.
 */
@Component
class LabViews {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	static final Map<String, String> KEY_LABELS = keyLabels();

	/** Keys whose values are codes shown as words. */
	private static final Set<String> WORDED = Set.of("type", "action", "sample", "result", "from", "to", "origin",
			"tissue", "intendedUse", "route", "relation");

	private static final Map<String, String> FLAG_TEXTS = flagTexts();

	private final ZoneId zone;

	private final JsonMapper json;

	private final PatientService patients;

	private final DonorService donors;

	LabViews(SpineCellProperties properties, JsonMapper json, PatientService patients, DonorService donors) {
		this.zone = properties.timeZone();
		this.json = json;
		this.patients = patients;
		this.donors = donors;
	}

	/** Whose cells, or who receives them, as two short lines. */
	record Subject(String title, String detail, UUID patientId) {
	}

	/** An expiry as shown: the time, a tone for the badge and a note such as "in 5 h". */
	record Expiry(String time, String tone, String note) {
	}

	/** One row of the worklist. */
	record Row(UUID id, String din, String source, Subject subject, ProductState state, String stateLabel,
			String stateTone, Expiry expiry) {
	}

	record Detail(String label, String value) {
	}

	record Flag(String code, String text) {
	}

	/** The stored classification as read from the product. */
	record Regulatory(Pathway pathway, String pathwayLabel, List<Reason> reasons, List<Flag> flags,
			String ruleSetVersion, List<Detail> inputs, boolean confirmed, String confirmedBy, String confirmedAt) {
	}

	/** An option of a select whose choices depend on another control ({@code data-when}). */
	record FilteredOption(String value, String label, String when) {
	}

	ZoneId zone() {
		return zone;
	}

	String time(Instant instant) {
		return instant == null ? null : TIME.format(instant.atZone(zone));
	}

	List<Row> rows(List<CellProduct> products) {
		// Each patient, or donor and recipient, is looked up once per page.
		Map<String, Subject> subjects = new LinkedHashMap<>();
		Instant now = Instant.now();
		List<Row> rows = new ArrayList<>(products.size());
		for (CellProduct product : products) {
			Subject subject = subjects.computeIfAbsent(product.origin() == Origin.AUTOLOGOUS
					? "patient " + product.patientId() : "donor " + product.donorId() + " " + product.recipientPatientId(),
					key -> subject(product));
			rows.add(new Row(product.id(), product.dinValue().printed(), product.sourceType().label(), subject,
					product.state(), stateLabel(product.state()), stateTone(product.state()),
					expiry(product.expiresAt(), product.state(), now)));
		}
		return rows;
	}

	Subject subject(CellProduct product) {
		if (product.origin() == Origin.AUTOLOGOUS) {
			Patient patient = patients.get(product.patientId());
			return new Subject(patient.familyName() + ", " + patient.givenName(), "MRN " + patient.mrn(), patient.id());
		}
		Donor donor = donors.get(product.donorId());
		String detail = words(donor.relation().name()) + " donor, " + words(donor.determination().name())
				+ (donor.reviewedAt() == null ? ", not reviewed" : "");
		if (product.recipientPatientId() != null) {
			Patient recipient = patients.get(product.recipientPatientId());
			detail += "; for " + recipient.familyName() + ", " + recipient.givenName() + " (MRN " + recipient.mrn()
					+ ")";
		}
		return new Subject("Donor " + donor.code(), detail, product.recipientPatientId());
	}

	Expiry expiry(Instant expiresAt, ProductState state, Instant now) {
		if (expiresAt == null) {
			return new Expiry(null, "", "not set");
		}
		if (state.isFinal()) {
			return new Expiry(time(expiresAt), "", null);
		}
		Duration left = Duration.between(now, expiresAt);
		if (left.isNegative() || left.isZero()) {
			return new Expiry(time(expiresAt), "bad", "expired");
		}
		if (left.compareTo(Duration.ofHours(24)) <= 0) {
			long hours = left.toHours();
			return new Expiry(time(expiresAt), "warn",
					hours == 0 ? "in " + Math.max(1, left.toMinutes()) + " min" : "in " + hours + " h");
		}
		return new Expiry(time(expiresAt), "", null);
	}

	static String stateLabel(ProductState state) {
		return words(state.name());
	}

	static String stateTone(ProductState state) {
		return switch (state) {
			case COLLECTED, IN_PROCESSING -> "info";
			case QUARANTINE -> "warn";
			case RELEASED, ISSUED -> "ok";
			case ADMINISTERED -> "";
			case DISCARDED, EXPIRED -> "bad";
		};
	}

	static String pathwayLabel(Pathway pathway) {
		if (pathway == null) {
			return "Not classified";
		}
		return switch (pathway) {
			case EXEMPT_1271_15B -> "Exempt: same surgical procedure (21 CFR 1271.15(b))";
			case NOT_HCTP -> "Not an HCT/P (21 CFR 1271.3(d)(4))";
			case HCTP_361 -> "Section 361 HCT/P (21 CFR 1271)";
			case BIOLOGIC_351 -> "Section 351 biologic: use needs an IND or BLA";
		};
	}

	/** A unit as printed: "10^6/mL" as "10⁶/mL". */
	static String unit(String unit) {
		return unit == null ? null : unit.replace("10^6", "10⁶");
	}

	/** Codes whose words are not just the code in lower case. */
	private static final Map<String, String> SPELLED = Map.of("DMSO", "DMSO", "IPSC", "iPSC",
			"PLATELET_RICH_PLASMA", "Platelet-rich plasma", "HLA_DR", "HLA-DR");

	/** "IN_PROCESSING" as "In processing". */
	static String words(String code) {
		if (code == null || code.isEmpty()) {
			return code;
		}
		if (SPELLED.containsKey(code)) {
			return SPELLED.get(code);
		}
		String lower = code.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
	}

	/** A figure rounded to two decimals without trailing zeros; {@code null} stays null. */
	static String number(BigDecimal value) {
		return value == null ? null : value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** The product's stored classification; {@code null} if it was never classified. */
	Regulatory regulatory(CellProduct product) {
		if (product.classification() == null) {
			return null;
		}
		JsonNode stored = json.readTree(product.classification());
		List<Reason> reasons = new ArrayList<>();
		for (JsonNode reason : stored.path("reasons")) {
			reasons.add(new Reason(reason.path("code").asString(""), reason.path("message").asString("")));
		}
		List<Flag> flags = new ArrayList<>();
		for (JsonNode flag : stored.path("flags")) {
			String code = flag.asString();
			flags.add(new Flag(code, FLAG_TEXTS.getOrDefault(code, words(code))));
		}
		List<Detail> inputs = new ArrayList<>();
		for (Map.Entry<String, JsonNode> input : stored.path("inputs").properties()) {
			JsonNode value = input.getValue();
			String text;
			if (value.isNull()) {
				text = "not recorded";
			}
			else if (value.isArray()) {
				List<String> items = new ArrayList<>();
				value.forEach(item -> items.add(words(item.asString())));
				text = items.isEmpty() ? "none" : String.join(", ", items);
			}
			else {
				text = scalar(input.getKey(), value);
				if (value.isString() && text.equals(value.asString()) && text.matches("[A-Z0-9_]+")) {
					text = words(text);
				}
			}
			inputs.add(new Detail(KEY_LABELS.getOrDefault(input.getKey(), input.getKey()), text));
		}
		boolean confirmed = product.classificationConfirmedAt() != null;
		return new Regulatory(product.pathway(), pathwayLabel(product.pathway()), reasons, flags,
				stored.path("ruleSetVersion").asString(""), inputs, confirmed,
				confirmed ? product.classificationConfirmedBy() : null, time(product.classificationConfirmedAt()));
	}

	/** The label's fields as text, or the problems that keep the label from being printed. */
	record LabelPreview(LabelData data, String collectedAt, String expiresAt, List<String> missing) {
	}

	LabelPreview label(ProductLabels labels, UUID productId) {
		try {
			LabelData data = labels.labelData(productId);
			return new LabelPreview(data, time(data.collectedAt()), time(data.expiresAt()), List.of());
		}
		catch (Refusal ex) {
			List<String> missing = ex.errors().stream().map(problem -> problem.message()).toList();
			return new LabelPreview(null, null, null, missing.isEmpty() ? List.of(ex.getMessage()) : missing);
		}
	}

	private static Map<String, String> keyLabels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("site", "Site");
		labels.put("volumeMl", "Volume (mL)");
		labels.put("anticoagulant", "Anticoagulant");
		labels.put("operator", "Operator");
		labels.put("startedAt", "Started");
		labels.put("endedAt", "Ended");
		labels.put("type", "Step");
		labels.put("device", "Device");
		labels.put("kit", "Kit");
		labels.put("lot", "Lot");
		labels.put("parameters", "Parameter");
		labels.put("outputVolumeMl", "Output volume (mL)");
		labels.put("test", "Test");
		labels.put("value", "Value");
		labels.put("unit", "Unit");
		labels.put("result", "Result");
		labels.put("markers", "Marker");
		labels.put("method", "Method");
		labels.put("sample", "Sample");
		labels.put("action", "Action");
		labels.put("fromPerson", "From");
		labels.put("toPerson", "To");
		labels.put("location", "Location");
		labels.put("temperature", "Temperature");
		labels.put("expiresAt", "Expires");
		labels.put("from", "From state");
		labels.put("to", "To state");
		labels.put("reason", "Reason");
		labels.put("pathway", "Pathway");
		labels.put("reasons", "Rules");
		labels.put("flags", "Flags");
		labels.put("ruleSetVersion", "Rule set");
		labels.put("confirmed", "Confirmed");
		labels.put("confirmedBy", "Confirmed by");
		labels.put("signer", "Signed by");
		labels.put("meaning", "Meaning");
		labels.put("contentHash", "Content hash");
		labels.put("origin", "Origin");
		labels.put("relation", "Donor relation");
		labels.put("tissue", "Tissue");
		labels.put("sourceType", "Source type");
		labels.put("processingSteps", "Processing steps");
		labels.put("additives", "Additives");
		labels.put("intendedUse", "Intended use");
		labels.put("route", "Route");
		labels.put("sameSurgicalProcedure", "Same surgical procedure");
		labels.put("systemicEffect", "Systemic effect");
		labels.put("dependsOnMetabolicActivity", "Depends on metabolic activity");
		labels.put("reproductiveUse", "Reproductive use");
		return labels;
	}

	private static Map<String, String> flagTexts() {
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put(Classification.CONTESTED_SAME_SURGICAL_PROCEDURE,
				"Marrow concentrated by centrifugation in the same procedure: whether 1271.15(b) applies is contested.");
		texts.put(Classification.NON_HOMOLOGOUS_SPINE_USE_JUDGEMENT,
				"Marrow or fat used in the spine: calling this non-homologous use is a judgement FDA has not made for the disc.");
		texts.put(Classification.MICROFRAGMENTATION_JUDGEMENT,
				"Mechanical micro-fragmentation of fat is taken as minimal manipulation: a judgement.");
		texts.put(Classification.ALBUMIN_ADDITIVE_JUDGEMENT,
				"Albumin is taken as another article although it can serve as a storage agent: a judgement.");
		texts.put(Classification.NON_METABOLIC_CLAIM_REVIEW,
				"Section 361 for an unrelated donor rests on the claim that the cells act neither systemically nor metabolically.");
		texts.put(Classification.HIGH_RISK_ROUTE,
				"Intravenous, intrathecal, intraocular or inhaled: a route FDA treats as higher risk.");
		texts.put(Classification.ETHICS_APPROVAL_REQUIRED, "An ethics committee must approve the use of this product.");
		texts.put(Classification.RESEARCH_ONLY, "For research use only.");
		return texts;
	}


	String scalar(String key, JsonNode value) {
		if (value.isObject() || value.isArray()) {
			return json.writeValueAsString(value);
		}
		if (value.isBoolean()) {
			return value.asBoolean() ? "yes" : "no";
		}
		if (value.isNumber()) {
			return number(value.decimalValue());
		}
		String text = value.asString();
		if ("test".equals(key)) {
			try {
				return QcTest.valueOf(text).label();
			}
			catch (IllegalArgumentException ex) {
				return text;
			}
		}
		if ("sourceType".equals(key)) {
			try {
				return SourceType.valueOf(text).label();
			}
			catch (IllegalArgumentException ex) {
				return text;
			}
		}
		if (WORDED.contains(key)) {
			return words(text);
		}
		if (key.endsWith("At")) {
			try {
				return time(Instant.parse(text));
			}
			catch (DateTimeParseException ex) {
				return text;
			}
		}
		if ("unit".equals(key)) {
			return unit(text);
		}
		if ("contentHash".equals(key) && text.length() > 16) {
			return text.substring(0, 16) + "…";
		}
		return text;
	}

}

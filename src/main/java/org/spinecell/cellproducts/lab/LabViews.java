package org.spinecell.cellproducts.lab;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.spinecell.cellproducts.ProductEvent;
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
 * <p>
 * Over 300 lines because the lineage timeline (each event's recorded JSON as labelled details, with
 * the words for every key and code) is most of it; it could move to a view of its own, which this
 * restructure (issue 14) left for later.
 */
@Component
class LabViews {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	private static final Map<String, String> KEY_LABELS = keyLabels();

	private static final List<String> KEY_ORDER = List.copyOf(KEY_LABELS.keySet());

	private static final Map<String, String> FLAG_TEXTS = flagTexts();

	/** Keys whose values are codes shown as words. */
	private static final Set<String> WORDED = Set.of("type", "action", "sample", "result", "from", "to", "origin",
			"tissue", "intendedUse", "route", "relation");

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

	/** One event of the lineage timeline. */
	record Entry(String tone, String title, String at, String atIso, String recordedBy, List<Detail> details) {
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

	/** The product's life as a timeline: where the cells came from, then every recorded event in order. */
	List<Entry> timeline(CellProduct product, Subject subject, List<ProductEvent> events) {
		List<Entry> entries = new ArrayList<>(events.size() + 1);
		List<Detail> origin = new ArrayList<>();
		origin.add(new Detail(product.origin() == Origin.AUTOLOGOUS ? "Patient" : "Donor",
				subject.title() + " (" + subject.detail() + ")"));
		origin.add(new Detail("Source", product.sourceType().label()));
		origin.add(new Detail("Tissue", words(product.tissue().name())));
		origin.add(new Detail("Intended use", words(product.intendedUse().name())));
		origin.add(new Detail("Route", words(product.route().name())));
		origin.add(new Detail("Same surgical procedure", product.sameSurgicalProcedure() ? "yes" : "no"));
		if (!product.additives().isEmpty()) {
			origin.add(new Detail("Additives",
					String.join(", ", CellProduct.names(product.additives()).stream().map(LabViews::words).toList())));
		}
		entries.add(new Entry("origin", "Registered: " + words(product.origin().name()).toLowerCase(Locale.ROOT)
				+ " product, DIN assigned", time(product.createdAt()), iso(product.createdAt()), null, origin));
		for (ProductEvent event : events) {
			entries.add(entry(event));
		}
		return entries;
	}

	private Entry entry(ProductEvent event) {
		JsonNode data = json.readTree(event.data());
		String title = switch (event.kind()) {
			case HARVEST -> "Harvest at " + text(data, "site");
			case PROCESSING_STEP -> "Processing: " + words(text(data, "type")).toLowerCase(Locale.ROOT);
			case QC_RESULT -> qcTitle(data);
			case CUSTODY -> "Custody: " + words(text(data, "action")).toLowerCase(Locale.ROOT) + ", "
					+ text(data, "location");
			case STATE_CHANGE -> "State: " + words(text(data, "from")) + " → " + words(text(data, "to"));
			case CLASSIFICATION -> data.path("confirmed").asBoolean(false) && !data.has("reasons")
					? "Classification confirmed: " + text(data, "pathway") : "Classified: " + text(data, "pathway");
			case RELEASE -> "Released under electronic signature";
		};
		List<Detail> details = new ArrayList<>();
		// The database keeps JSON keys in its own order; show them in the order people read them.
		List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(data.properties());
		properties.sort(Comparator.comparingInt(property -> KEY_ORDER.indexOf(property.getKey()) < 0 ? KEY_ORDER.size()
				: KEY_ORDER.indexOf(property.getKey())));
		for (Map.Entry<String, JsonNode> property : properties) {
			String key = property.getKey();
			if (event.kind() == ProductEvent.Kind.CLASSIFICATION && "inputs".equals(key)) {
				continue; // shown with the regulatory pathway
			}
			flatten(key, property.getValue(), details);
		}
		return new Entry(event.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), title,
				time(event.occurredAt()), iso(event.occurredAt()), event.recordedByName(), details);
	}

	private String qcTitle(JsonNode data) {
		String test = data.path("test").asString("");
		String label;
		try {
			label = QcTest.valueOf(test).label();
		}
		catch (IllegalArgumentException ex) {
			label = test;
		}
		String outcome;
		if (data.hasNonNull("value")) {
			outcome = number(data.get("value").decimalValue()) + " " + unit(text(data, "unit"));
		}
		else if (data.hasNonNull("result")) {
			outcome = words(text(data, "result")).toLowerCase(Locale.ROOT);
		}
		else {
			outcome = "panel";
		}
		String sample = "PRE_PROCESSING".equals(data.path("sample").asString("")) ? " (before processing)" : "";
		return "QC: " + label + " " + outcome + sample;
	}

	private void flatten(String key, JsonNode value, List<Detail> details) {
		if (value == null || value.isNull()) {
			return;
		}
		String label = KEY_LABELS.getOrDefault(key, key);
		if (value.isObject()) {
			if (value.isEmpty()) {
				return;
			}
			for (Map.Entry<String, JsonNode> property : value.properties()) {
				details.add(new Detail(label + ": " + property.getKey(), scalar(property.getKey(), property.getValue())));
			}
			return;
		}
		if (value.isArray()) {
			if (value.isEmpty()) {
				return;
			}
			List<String> items = new ArrayList<>();
			for (JsonNode item : value) {
				items.add(item.isObject() && item.has("code") ? item.get("code").asString() : scalar(key, item));
			}
			details.add(new Detail(label, String.join(", ", items)));
			return;
		}
		details.add(new Detail(label, scalar(key, value)));
	}

	private String scalar(String key, JsonNode value) {
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

	private static String text(JsonNode data, String key) {
		return data.path(key).asString("");
	}

	private static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
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

}

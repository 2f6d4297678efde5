package org.spinecell.cellproducts.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.Classification;
import org.spinecell.cellproducts.Donor;
import org.spinecell.cellproducts.Origin;
import org.spinecell.cellproducts.ProductEvent;
import org.spinecell.cellproducts.QcTest;
import org.spinecell.patients.Patient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The lineage timeline of the product page: where the cells came from, then every recorded event
 * with its JSON shown as labelled details, keys in the order people read them and codes as words.
 */
@Component
class LabTimeline {

	private static final List<String> KEY_ORDER = List.copyOf(LabViews.KEY_LABELS.keySet());

	private final LabViews views;

	private final JsonMapper json;

	LabTimeline(LabViews views, JsonMapper json) {
		this.views = views;
		this.json = json;
	}

	/** One event of the lineage timeline. */
	record Entry(String tone, String title, String at, String atIso, String recordedBy, List<LabViews.Detail> details) {
	}

	/** The product's life as a timeline: where the cells came from, then every recorded event in order. */
	List<Entry> timeline(CellProduct product, LabViews.Subject subject, List<ProductEvent> events) {
		List<Entry> entries = new ArrayList<>(events.size() + 1);
		List<LabViews.Detail> origin = new ArrayList<>();
		origin.add(new LabViews.Detail(product.origin() == Origin.AUTOLOGOUS ? "Patient" : "Donor",
				subject.title() + " (" + subject.detail() + ")"));
		origin.add(new LabViews.Detail("Source", product.sourceType().label()));
		origin.add(new LabViews.Detail("Tissue", LabViews.words(product.tissue().name())));
		origin.add(new LabViews.Detail("Intended use", LabViews.words(product.intendedUse().name())));
		origin.add(new LabViews.Detail("Route", LabViews.words(product.route().name())));
		origin.add(new LabViews.Detail("Same surgical procedure", product.sameSurgicalProcedure() ? "yes" : "no"));
		if (!product.additives().isEmpty()) {
			origin.add(new LabViews.Detail("Additives",
					String.join(", ", CellProduct.names(product.additives()).stream().map(LabViews::words).toList())));
		}
		entries.add(new Entry("origin",
				"Registered: " + LabViews.words(product.origin().name()).toLowerCase(Locale.ROOT)
				+ " product, DIN assigned", views.time(product.createdAt()), iso(product.createdAt()), null, origin));
		for (ProductEvent event : events) {
			entries.add(entry(event));
		}
		return entries;
	}

	private Entry entry(ProductEvent event) {
		JsonNode data = json.readTree(event.data());
		String title = switch (event.kind()) {
			case HARVEST -> "Harvest at " + text(data, "site");
			case PROCESSING_STEP -> "Processing: " + LabViews.words(text(data, "type")).toLowerCase(Locale.ROOT);
			case QC_RESULT -> qcTitle(data);
			case CUSTODY -> "Custody: " + LabViews.words(text(data, "action")).toLowerCase(Locale.ROOT) + ", "
					+ text(data, "location");
			case STATE_CHANGE ->
				"State: " + LabViews.words(text(data, "from")) + " → " + LabViews.words(text(data, "to"));
			case CLASSIFICATION -> data.path("confirmed").asBoolean(false) && !data.has("reasons")
					? "Classification confirmed: " + text(data, "pathway") : "Classified: " + text(data, "pathway");
			case RELEASE -> "Released under electronic signature";
		};
		List<LabViews.Detail> details = new ArrayList<>();
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
				views.time(event.occurredAt()), iso(event.occurredAt()), event.recordedByName(), details);
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
			outcome = LabViews.number(data.get("value").decimalValue()) + " " + LabViews.unit(text(data, "unit"));
		}
		else if (data.hasNonNull("result")) {
			outcome = LabViews.words(text(data, "result")).toLowerCase(Locale.ROOT);
		}
		else {
			outcome = "panel";
		}
		String sample = "PRE_PROCESSING".equals(data.path("sample").asString("")) ? " (before processing)" : "";
		return "QC: " + label + " " + outcome + sample;
	}

	private void flatten(String key, JsonNode value, List<LabViews.Detail> details) {
		if (value == null || value.isNull()) {
			return;
		}
		String label = LabViews.KEY_LABELS.getOrDefault(key, key);
		if (value.isObject()) {
			if (value.isEmpty()) {
				return;
			}
			for (Map.Entry<String, JsonNode> property : value.properties()) {
				details.add(new LabViews.Detail(label + ": " + property.getKey(),
						views.scalar(property.getKey(), property.getValue())));
			}
			return;
		}
		if (value.isArray()) {
			if (value.isEmpty()) {
				return;
			}
			List<String> items = new ArrayList<>();
			for (JsonNode item : value) {
				items.add(item.isObject() && item.has("code") ? item.get("code").asString() : views.scalar(key, item));
			}
			details.add(new LabViews.Detail(label, String.join(", ", items)));
			return;
		}
		details.add(new LabViews.Detail(label, views.scalar(key, value)));
	}

	private static String text(JsonNode data, String key) {
		return data.path(key).asString("");
	}

	private static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}

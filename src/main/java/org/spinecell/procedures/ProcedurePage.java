package org.spinecell.procedures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.spinecell.cellproducts.CellProduct;
import org.spinecell.cellproducts.CellProductService;
import org.spinecell.cellproducts.Din;
import org.spinecell.patients.Patient;
import org.spinecell.patients.PatientService;
import org.spinecell.platform.CurrentUser;
import org.spinecell.platform.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The procedure page as its controllers show it: the procedure with its product units, the
 * administration checks and the time-out of a draft, the stored time-out and the correction form
 * of a completed one.
 */
@Component
class ProcedurePage {

	private final ProcedureCompletionService completion;

	private final PatientService patients;

	private final CellProductService products;

	private final ProcedureLabels labels;

	private final JsonMapper json;

	ProcedurePage(ProcedureCompletionService completion, PatientService patients, CellProductService products,
			ProcedureLabels labels, JsonMapper json) {
		this.completion = completion;
		this.patients = patients;
		this.products = products;
		this.labels = labels;
		this.json = json;
	}

	/** A product unit with its product and its position on the page (from 1). */
	record UnitView(int number, Procedure.Unit unit, CellProduct product) {
	}

	/**
	 * A product of the procedure with volume left over, whose fate the time-out records.
	 *
	 * @param index the remainder's row on the time-out form
	 * @param name what the product is and which units use it, without its DIN
	 */
	record Remainder(int index, UUID productId, String name, BigDecimal leftMl) {
	}

	/** The time-out as completion stored it. */
	record TimeOutRecord(boolean patientIdentityConfirmed, List<String> dins, boolean levelsConfirmed, String by,
			Instant at) {
	}

	String render(Procedure procedure, Model model) {
		Patient patient = patients.get(procedure.patientId());
		CurrentUser user = CurrentUser.get();
		List<UnitView> units = units(procedure);
		model.addAttribute("procedure", procedure);
		model.addAttribute("patient", patient);
		model.addAttribute("units", units);
		model.addAttribute("doses", procedure.doses());
		boolean draft = procedure.status() == Procedure.Status.DRAFT;
		if (draft && (user.hasRole(Role.PHYSICIAN) || user.hasRole(Role.COORDINATOR))) {
			// What the remainders need is asked in the time-out form, so the panel leaves it out.
			model.addAttribute("checks", completion.checks(procedure.id(), List.of())
				.stream()
				.filter(problem -> !"remainders".equals(problem.field()))
				.map(problem -> withoutExpectedDins(problem.message(), units))
				.toList());
		}
		if (draft && user.hasRole(Role.PHYSICIAN)) {
			model.addAttribute("remainders", remainders(units));
			if (!model.containsAttribute("timeOut")) {
				model.addAttribute("timeOut", TimeOutForm.blank(units.size()));
			}
		}
		if (!draft) {
			model.addAttribute("timeOutRecord", timeOutRecord(procedure));
			if (user.hasRole(Role.PHYSICIAN) && !model.containsAttribute("correction")) {
				model.addAttribute("correction", CorrectionForm.of(procedure, labels));
			}
		}
		return "procedures/procedure";
	}

	List<UnitView> units(Procedure procedure) {
		List<UnitView> units = new ArrayList<>();
		Map<UUID, CellProduct> seen = new LinkedHashMap<>();
		for (Procedure.Unit unit : procedure.productUnits()) {
			CellProduct product = seen.computeIfAbsent(unit.productId(), products::get);
			units.add(new UnitView(units.size() + 1, unit, product));
		}
		return units;
	}

	List<Remainder> remainders(List<UnitView> units) {
		List<Remainder> remainders = new ArrayList<>();
		Map<UUID, List<UnitView>> byProduct = new LinkedHashMap<>();
		for (UnitView unit : units) {
			byProduct.computeIfAbsent(unit.product().id(), key -> new ArrayList<>()).add(unit);
		}
		for (Map.Entry<UUID, List<UnitView>> entry : byProduct.entrySet()) {
			CellProduct product = entry.getValue().get(0).product();
			if (product.volumeMl() == null) {
				continue;
			}
			BigDecimal used = entry.getValue()
				.stream()
				.map(unit -> unit.unit().volumeMl())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal left = product.volumeMl().subtract(used);
			if (left.signum() > 0) {
				String numbers = String.join(", ",
						entry.getValue().stream().map(unit -> Integer.toString(unit.number())).toList());
				String name = labels.product(product) + " (unit" + (entry.getValue().size() > 1 ? "s " : " ") + numbers
						+ ")";
				remainders.add(new Remainder(remainders.size(), product.id(), name, left));
			}
		}
		return remainders;
	}

	/**
	 * The service's messages name products by DIN. Before completion the page names the procedure's
	 * own products by unit instead, so that the DIN the time-out asks for is read from the label, not
	 * copied from the screen.
	 */
	String withoutExpectedDins(String message, List<UnitView> units) {
		String text = message;
		for (UnitView unit : units) {
			String printed = Din.parse(unit.unit().din()).printed();
			text = text.replace("product " + printed, "the product of unit " + unit.number() + " ("
					+ labels.product(unit.product()).toLowerCase(Locale.ROOT) + ")");
		}
		return text;
	}

	TimeOutRecord timeOutRecord(Procedure procedure) {
		if (procedure.timeOut() == null) {
			return null;
		}
		JsonNode node = json.readTree(procedure.timeOut());
		List<String> dins = new ArrayList<>();
		if (node.get("dins") != null) {
			node.get("dins").forEach(din -> dins.add(labels.din(din.asString())));
		}
		Instant at = node.get("at") == null ? null : Instant.parse(node.get("at").asString());
		return new TimeOutRecord(node.path("patientIdentityConfirmed").asBoolean(false), dins,
				node.path("levelsConfirmed").asBoolean(false), node.path("by").asString(""), at);
	}

}

package org.spinecell.analytics.workspace;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.spinecell.cellproducts.SourceType;
import org.spinecell.patients.ConditionFamily;
import org.spinecell.patients.Sex;
import org.spinecell.platform.Refusal;
import org.spinecell.platform.chart.Chart;
import org.spinecell.platform.chart.Forest;
import org.spinecell.platform.chart.SvgChart;
import org.spinecell.procedures.Procedure;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The analytics workspace: a cohort builder whose count updates as filters change (htmx), and a
 * tab per subject with its tables, charts and definitions; every table downloads as CSV and every
 * chart as SVG, computed from the same query string.
 */
@Controller
class AnalyticsPageController {

	private final AnalyticsWorkspace workspace;

	private final CohortService cohorts;

	AnalyticsPageController(AnalyticsWorkspace workspace, CohortService cohorts) {
		this.workspace = workspace;
		this.cohorts = cohorts;
	}

	@GetMapping("/analytics")
	String page(@RequestParam MultiValueMap<String, String> parameters, Model model) {
		model.addAttribute("tabs", AnalyticsWorkspace.TABS);
		model.addAttribute("measures", Measure.values());
		model.addAttribute("stratifiers", Stratifier.values());
		model.addAttribute("timePoints", AnalyticsResultsService.FOLLOW_UP_TIME_POINTS);
		model.addAttribute("query", query(parameters, null));
		model.addAttribute("params", parameters.toSingleValueMap());
		model.addAttribute("cohorts", cohorts.list().stream()
			.map(c -> new SavedCohort(c.name(), query(new LinkedMultiValueMap<>(c.filter()), null)))
			.toList());
		model.addAttribute("choices", Map.of("conditionFamily", names(ConditionFamily.values()), "cellSource",
				names(SourceType.values()), "guidance", names(Procedure.Guidance.values()), "sex", names(Sex.values())));
		AnalyticsWorkspace.Request request;
		try {
			request = AnalyticsWorkspace.Request.parse(parameters);
		}
		catch (Refusal ex) {
			// A filter that cannot be read is shown beside the form, not as an error page.
			model.addAttribute("filterErrors", ex.errors());
			model.addAttribute("filterError", ex.getMessage());
			model.addAttribute("selectedTab", "outcomes");
			return "analytics/workspace";
		}
		model.addAttribute("selectedTab", request.tab());
		model.addAttribute("count", workspace.count(request.filter()));
		WorkspaceResults.Tab tab = workspace.tab(request, request.tab());
		model.addAttribute("tab", tab);
		List<Figure> figures = new java.util.ArrayList<>();
		tab.charts().forEach(c -> figures.add(new Figure(c.id(), SvgChart.render(c))));
		tab.forests().forEach(f -> figures.add(new Figure(f.id(), SvgChart.render(f))));
		model.addAttribute("figures", figures);
		model.addAttribute("tabQuery", query(parameters, "tab"));
		return "analytics/workspace";
	}

	/** Saves the filter in the query string as a named cohort of the caller's, then shows it. */
	@PostMapping("/analytics/cohorts")
	String save(@RequestParam MultiValueMap<String, String> parameters, RedirectAttributes redirect) {
		MultiValueMap<String, String> filter = new LinkedMultiValueMap<>(parameters);
		String name = filter.getFirst("name");
		filter.remove("name");
		filter.remove("_csrf");
		AnalyticsWorkspace.OPTIONS.forEach(filter::remove);
		Map<String, List<String>> values = new java.util.LinkedHashMap<>();
		filter.forEach((key, list) -> {
			List<String> kept = list.stream().filter(v -> v != null && !v.isBlank()).toList();
			if (!kept.isEmpty()) {
				values.put(key, kept);
			}
		});
		try {
			cohorts.create(name, values);
			redirect.addFlashAttribute("saved", name.strip());
		}
		catch (Refusal ex) {
			redirect.addFlashAttribute("saveError", ex.getMessage());
		}
		parameters.remove("name");
		parameters.remove("_csrf");
		return "redirect:/analytics?" + query(parameters, null);
	}

	record SavedCohort(String name, String query) {
	}

	/** A chart or forest plot of a tab, rendered as an HTML figure; {@code id} names its SVG download. */
	record Figure(String id, String html) {
	}

	private static List<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toList();
	}

	/** The live count of the filter being built, as the fragment the form swaps in. */
	@GetMapping("/analytics/count")
	String count(@RequestParam MultiValueMap<String, String> parameters, Model model) {
		try {
			model.addAttribute("count", workspace.count(AnalyticsWorkspace.Request.parse(parameters).filter()));
		}
		catch (Refusal ex) {
			model.addAttribute("filterError", ex.getMessage());
		}
		return "analytics/workspace :: count";
	}

	@GetMapping("/analytics/{tab}/{table}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String tab, @PathVariable String table,
			@RequestParam MultiValueMap<String, String> parameters) {
		WorkspaceResults.Table found = tab(tab, parameters).table(table);
		if (found == null) {
			throw Refusal.notFound("Table");
		}
		java.io.StringWriter text = new java.io.StringWriter();
		CsvWriter csv = new CsvWriter(text);
		csv.row(found.header());
		found.rows().forEach(csv::row);
		return download(text.toString(), "text/csv", tab + "-" + table + ".csv");
	}

	@GetMapping("/analytics/{tab}/{chart}.svg")
	ResponseEntity<byte[]> svg(@PathVariable String tab, @PathVariable String chart,
			@RequestParam MultiValueMap<String, String> parameters) {
		WorkspaceResults.Tab found = tab(tab, parameters);
		Chart plot = found.chart(chart);
		Forest forest = found.forest(chart);
		if (plot == null && forest == null) {
			throw Refusal.notFound("Chart");
		}
		return download(plot != null ? SvgChart.document(plot) : SvgChart.document(forest), "image/svg+xml",
				tab + "-" + chart + ".svg");
	}

	private WorkspaceResults.Tab tab(String tab, MultiValueMap<String, String> parameters) {
		if (!AnalyticsWorkspace.TABS.contains(tab)) {
			throw Refusal.notFound("Tab");
		}
		return workspace.tab(AnalyticsWorkspace.Request.parse(parameters), tab);
	}

	private static ResponseEntity<byte[]> download(String body, String type, String filename) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

	/** The query string without {@code except}, URL-encoded, for links that keep the filter. */
	static String query(MultiValueMap<String, String> parameters, String except) {
		StringBuilder out = new StringBuilder();
		parameters.forEach((name, values) -> {
			if (name.equals(except)) {
				return;
			}
			for (String value : values) {
				if (value == null || value.isBlank()) {
					continue;
				}
				out.append(out.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value));
			}
		});
		return out.toString();
	}

	private static String encode(String text) {
		return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	@ModelAttribute("navSection")
	String navSection() {
		return "analytics";
	}

}

package org.spinecell.assurance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Calls every GET endpoint of a list as one actor with every combination of its options, and keeps
 * what came back as text (a PDF's extracted text, a zip's entries). The options are not listed
 * here: each endpoint is asked with a value that is not one, and its refusal ("by must be one of:
 * none, cellSource, ...") names the values the code allows; a GET form on a page gives the values of
 * the endpoint it submits to. Pages are followed to the downloads they link to.
 */
final class OutputCrawler {

	/** One response: the path and query asked, the status, and the body as text. */
	record Fetched(String path, int status, String text) {
	}

	/** Parameter names asked on every endpoint; their values come from the application's refusals. */
	static final List<String> OPTION_NAMES = List.of("by", "measure", "endpoint", "timePoint", "format", "tab",
			"variant");

	/** Varied one at a time, the other options at their first value, instead of in the full product. */
	private static final Set<String> ALONE = Set.of("timePoint");

	private static final String NOT_AN_OPTION = "zz-not-an-option";

	private static final Pattern ONE_OF = Pattern
		.compile("(\\w+) (?:must be|is required,) one of: ([\\w-]+(?:, [\\w-]+)*)");

	private static final Pattern DOWNLOAD = Pattern
		.compile("href=\"(/analytics/[a-z-]+/[a-z0-9-]+\\.(?:csv|svg)(?:\\?[^\"]*)?)\"");

	private static final Pattern GET_FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);

	private static final Pattern ACTION = Pattern.compile("action=\"([^\"?]+)\"");

	private static final Pattern RADIO = Pattern.compile("<input\\b[^>]*type=\"radio\"[^>]*>");

	private static final Pattern SELECT = Pattern.compile("<select\\b[^>]*name=\"(\\w+)\"[^>]*>(.*?)</select>",
			Pattern.DOTALL);

	private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"");

	private final ActorClient actor;

	private final List<Fetched> fetched = new ArrayList<>();

	private final Set<String> asked = new LinkedHashSet<>();

	private final Map<String, Map<String, List<String>>> formOptions = new LinkedHashMap<>();

	private final Map<String, Map<String, List<String>>> options = new LinkedHashMap<>();

	OutputCrawler(ActorClient actor) {
		this.actor = actor;
	}

	/**
	 * Calls each path (no path variables) with each combination of its options, and each download a
	 * page links to; pages are called first, so that their forms are known.
	 */
	List<Fetched> crawl(List<String> paths) {
		List<String> ordered = new ArrayList<>(paths.stream().filter(p -> !p.startsWith("/api/")).toList());
		ordered.addAll(paths.stream().filter(p -> p.startsWith("/api/")).toList());
		for (String path : ordered) {
			Map<String, List<String>> found = probe(path);
			options.put(path, found);
			for (Map<String, String> variant : variants(found)) {
				Fetched page = fetch(path + query(variant));
				if (!path.startsWith("/api/")) {
					forms(page.text());
					downloads(page.text(), variant, found);
				}
			}
		}
		return List.copyOf(fetched);
	}

	/** The options found per path, for the test's own checks and its report. */
	Map<String, Map<String, List<String>>> options() {
		return options;
	}

	/**
	 * The allowed values of each option of {@code path}, from its refusals, or when it names none from
	 * the form that submits to it.
	 */
	private Map<String, List<String>> probe(String path) {
		Map<String, List<String>> found = new LinkedHashMap<>();
		boolean grew = true;
		while (grew) {
			grew = false;
			for (String name : OPTION_NAMES) {
				if (found.containsKey(name)) {
					continue;
				}
				Map<String, String> asking = new LinkedHashMap<>();
				found.forEach((known, values) -> asking.put(known, values.get(0)));
				asking.put(name, NOT_AN_OPTION);
				String text = text(actor.bytes(path + query(asking)));
				Matcher matcher = ONE_OF.matcher(text);
				while (matcher.find()) {
					if (!found.containsKey(matcher.group(1))) {
						found.put(matcher.group(1), List.of(matcher.group(2).split(", ")));
						grew = true;
					}
				}
			}
		}
		return found.isEmpty() ? formOptions.getOrDefault(path, found) : found;
	}

	/** Every combination of the options, with those in {@link #ALONE} varied one at a time. */
	static List<Map<String, String>> variants(Map<String, List<String>> options) {
		List<Map<String, String>> product = new ArrayList<>();
		product.add(new LinkedHashMap<>());
		options.forEach((name, values) -> {
			if (ALONE.contains(name)) {
				return;
			}
			List<Map<String, String>> next = new ArrayList<>();
			for (Map<String, String> partial : product) {
				for (String value : values) {
					Map<String, String> grown = new LinkedHashMap<>(partial);
					grown.put(name, value);
					next.add(grown);
				}
			}
			product.clear();
			product.addAll(next);
		});
		List<Map<String, String>> all = new ArrayList<>(product);
		options.forEach((name, values) -> {
			if (ALONE.contains(name)) {
				for (String value : values) {
					Map<String, String> one = new LinkedHashMap<>(product.get(0));
					one.put(name, value);
					all.add(one);
				}
			}
		});
		return all;
	}

	/** Downloads the page links to: for every stratifier at the default measure, and every measure unsplit. */
	private void downloads(String html, Map<String, String> variant, Map<String, List<String>> found) {
		boolean defaultMeasure = !found.containsKey("measure")
				|| variant.get("measure").equals(found.get("measure").get(0));
		boolean unsplit = !variant.containsKey("by") || variant.get("by").equals("none");
		if (!defaultMeasure && !unsplit) {
			return;
		}
		Matcher matcher = DOWNLOAD.matcher(html);
		while (matcher.find()) {
			fetch(matcher.group(1).replace("&amp;", "&"));
		}
	}

	/** Remembers the radio buttons and selects of each GET form, as the options of the endpoint it submits to. */
	private void forms(String html) {
		Matcher form = GET_FORM.matcher(html);
		while (form.find()) {
			String attributes = form.group(1);
			Matcher action = ACTION.matcher(attributes);
			if (attributes.contains("method=\"post\"") || !action.find()) {
				continue;
			}
			Map<String, List<String>> found = new LinkedHashMap<>();
			Matcher radio = RADIO.matcher(form.group(2));
			while (radio.find()) {
				String name = attribute(radio.group(), "name");
				String value = attribute(radio.group(), "value");
				if (name != null && value != null) {
					found.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
				}
			}
			Matcher select = SELECT.matcher(form.group(2));
			while (select.find()) {
				Matcher option = OPTION.matcher(select.group(2));
				List<String> values = new ArrayList<>();
				while (option.find()) {
					values.add(option.group(1));
				}
				if (!values.isEmpty()) {
					found.put(select.group(1), values);
				}
			}
			formOptions.putIfAbsent(action.group(1), found);
		}
	}

	private static String attribute(String tag, String name) {
		Matcher matcher = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
		return matcher.find() ? matcher.group(1) : null;
	}

	private Fetched fetch(String path) {
		if (!asked.add(path)) {
			return fetched.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
		}
		HttpResponse<byte[]> response = actor.bytes(path);
		Fetched result = new Fetched(path, response.statusCode(), text(response));
		fetched.add(result);
		return result;
	}

	/** A body as text: a PDF's extracted text, each zip entry's text, otherwise UTF-8. */
	static String text(HttpResponse<byte[]> response) {
		String type = response.headers().firstValue("Content-Type").orElse("");
		byte[] body = response.body();
		try {
			if (type.startsWith("application/pdf")) {
				try (PDDocument pdf = Loader.loadPDF(body)) {
					return new PDFTextStripper().getText(pdf);
				}
			}
			if (type.startsWith("application/zip")) {
				StringBuilder text = new StringBuilder();
				try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
					for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
						text.append("== ").append(entry.getName()).append('\n');
						text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
					}
				}
				return text.toString();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	static String query(Map<String, String> parameters) {
		StringBuilder out = new StringBuilder();
		parameters.forEach((name, value) -> out.append(out.isEmpty() ? "?" : "&")
			.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return out.toString();
	}

}

package org.spinecell.assurance;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spinecell.TestApi;
import org.spinecell.analytics.workspace.Measure;
import org.spinecell.analytics.workspace.Stratifier;
import org.spinecell.demo.SeededDemo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the seeded demo history (two clinics, several operators, missing follow-ups), calls every GET
 * endpoint that the authorisation policy lets a researcher (and, for the analytics, a physician)
 * reach, with every combination of the options the code allows — stratifiers, measures, durability
 * endpoints, tabs, formats, export variants, time points — and every CSV and SVG download the
 * workspace pages link to. Two things must hold: no combination fails (a 5xx, or a refusal of a
 * value the code itself offers), and nothing a researcher receives holds an identifier or a raw
 * record id of the seeded data (every UUID of every table, MRNs, patient and staff names, e-mail
 * addresses, phone numbers, birth dates and product DINs), in JSON, CSV, SVG, HTML, the PDF's text
 * or the research export's zip.
 */
@SeededDemo
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsCrawlTests {

	static final String ADMIN_PASSWORD = SeededDemo.ADMIN_PASSWORD;

	private static final String PASSWORD = "Sturdy-Umbrella-Lantern-7";

	/**
	 * Researcher-reachable endpoints not crawled, with the reason. None so far: a new endpoint with
	 * a path variable the crawl cannot fill fails the test until it is crawled or listed here.
	 */
	private static final Map<String, String> NOT_RESEARCH_OUTPUT = Map.of();

	/**
	 * Where the ids of the researcher's own clinics may appear, and only those ids: the clinic list
	 * (the analytics filters take these ids), the new-patient form's clinic choice, and a saved
	 * cohort's record (the clinic it is kept in). These are the researcher's memberships, not
	 * research output; every analytics result, export, chart and report shows clinics by pseudonym.
	 */
	private static final List<String> MEMBERSHIP_PAGES = List.of("/api/v1/clinics", "/patients/new",
			"/api/v1/analytics/cohorts");

	/** Refusals the code documents for a value it offers; anything else not 2xx or 3xx fails. */
	private static final Map<String, String> DOCUMENTED_REFUSALS = Map.of("variant=limited",
			"the limited data set needs a data-use agreement naming the caller; the demo records none");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** The start of a UUID, for a cell of a PDF table that cut one short. */
	private static final Pattern UUID_START = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}");

	@LocalServerPort
	int port;

	@Autowired
	@FlywayDataSource
	DataSource ownerDataSource;

	private Identifiers seeded;

	private List<OutputCrawler.Fetched> researcherSaw;

	private Map<String, Map<String, List<String>>> researcherOptions;

	private ActorClient physician;

	private List<String> clinics;

	private int physicianResponses = -1;

	private int failedResponses = -1;

	private int leaksFound = -1;

	@BeforeAll
	void crawlAsResearcher() {
		// Read before the test adds its own accounts and cohort: these are the seeded data's.
		seeded = Identifiers.of(JdbcClient.create(ownerDataSource));
		TestApi anonymous = new TestApi(port, null);
		TestApi admin = login(anonymous, "admin", ADMIN_PASSWORD);
		clinics = JdbcClient.create(ownerDataSource).sql("SELECT id::text FROM clinic ORDER BY 1")
			.query(String.class)
			.list();
		ActorClient researcher = signedIn(anonymous, admin, "RESEARCHER", clinics);
		physician = signedIn(anonymous, admin, "PHYSICIAN", clinics);
		assertThat(researcher.json("POST", "/api/v1/analytics/cohorts",
				"{\"name\":\"Women\",\"filter\":{\"sex\":\"FEMALE\"}}").statusCode()).isEqualTo(201);
		List<String> reachable = AuthorisationMatrixTests.POLICY.reachableBy(Actor.RESEARCHER)
			.stream()
			.filter(e -> e.startsWith("GET ") && !NOT_RESEARCH_OUTPUT.containsKey(e))
			.toList();
		List<String> paths = new ArrayList<>(reachable.stream().filter(e -> !e.contains("{")).map(e -> e.substring(4))
			.toList());
		List<String> unhandled = new ArrayList<>();
		for (String endpoint : reachable.stream().filter(e -> e.contains("{")).toList()) {
			String pattern = endpoint.substring(4);
			if (pattern.startsWith("/analytics/{tab}/")) {
				continue; // the workspace pages' download links fill these
			}
			String list = pattern.substring(0, pattern.lastIndexOf('/'));
			if (pattern.endsWith("/{id}") && !list.contains("{") && paths.contains(list)) {
				// A record of a list the researcher reads: each of the list's items.
				for (tools.jackson.databind.JsonNode item : items(researcher, list)) {
					paths.add(list + "/" + item.get("id").asString());
				}
			}
			else {
				unhandled.add(endpoint);
			}
		}
		assertThat(unhandled).as("researcher-reachable endpoints with path variables that the crawl cannot fill: "
				+ "crawl them or give the reason in NOT_RESEARCH_OUTPUT").isEmpty();
		OutputCrawler crawler = new OutputCrawler(researcher);
		researcherSaw = crawler.crawl(paths);
		researcherOptions = crawler.options();
	}

	@Test
	void everyOptionTheCodeOffersAnswersOnTheDemoData() {
		// The crawl found the options from the code's own refusals: they are the enums' values.
		List<String> stratifiers = java.util.Arrays.stream(Stratifier.values()).map(Stratifier::parameter).toList();
		List<String> measures = java.util.Arrays.stream(Measure.values()).map(Enum::name).toList();
		for (String path : List.of("/api/v1/analytics/outcomes", "/api/v1/analytics/durability",
				"/api/v1/analytics/medication", "/api/v1/analytics/safety", "/api/v1/analytics/report.pdf",
				"/analytics/report.pdf", "/analytics")) {
			assertThat(researcherOptions.get(path)).as(path).containsEntry("by", stratifiers);
		}
		assertThat(researcherOptions.get("/api/v1/analytics/outcomes")).containsEntry("measure", measures);
		assertThat(researcherOptions.get("/api/v1/analytics/variability")).containsEntry("measure", measures);
		assertThat(researcherOptions.get("/analytics")).containsKeys("tab", "measure", "timePoint");
		assertThat(researcherOptions.get("/api/v1/analytics/durability")).containsKey("endpoint");
		assertThat(researcherSaw).as("the workspace's downloads were followed")
			.anyMatch(f -> f.path().matches("/analytics/durability/loss-km-steps\\.csv\\?.*by=operator.*"))
			.anyMatch(f -> f.path().startsWith("/analytics/variability/") && f.path().contains(".svg"));

		List<String> analytics = AuthorisationMatrixTests.POLICY.reachableBy(Actor.PHYSICIAN)
			.stream()
			.filter(e -> e.startsWith("GET ") && !e.contains("{"))
			.map(e -> e.substring(4))
			.filter(p -> p.startsWith("/analytics") || p.startsWith("/api/v1/analytics")
					|| p.startsWith("/research-export") || p.startsWith("/api/v1/exports"))
			.toList();
		List<OutputCrawler.Fetched> physicianSaw = new OutputCrawler(physician).crawl(analytics);

		List<String> failures = new ArrayList<>();
		failures.addAll(failures("researcher", researcherSaw));
		failures.addAll(failures("physician", physicianSaw));
		physicianResponses = physicianSaw.size();
		failedResponses = failures.size();
		publishFigures();
		assertThat(failures).as("responses that failed (of %d)", researcherSaw.size() + physicianSaw.size()).isEmpty();
		assertThat(researcherSaw.size() + physicianSaw.size()).isGreaterThan(500);
	}

	@Test
	void noResearcherOutputHoldsAnIdentifierOrARawId() {
		assertThat(seeded.uuids()).hasSizeGreaterThan(1000);
		assertThat(seeded.texts()).hasSizeGreaterThan(300);
		// The crawl saw data: the researcher's cohort is not empty, and operators and clinics were split.
		assertThat(researcherSaw).anyMatch(f -> f.path().startsWith("/api/v1/analytics/outcomes")
				&& f.path().contains("by=operator") && f.text().contains("\"group\":\"OP"));
		assertThat(researcherSaw).anyMatch(f -> f.path().startsWith("/api/v1/analytics/export.csv")
				&& f.text().lines().skip(1).allMatch(l -> l.startsWith("C")) && f.text().lines().count() > 100);
		List<String> leaks = new ArrayList<>();
		for (OutputCrawler.Fetched f : researcherSaw) {
			String path = f.path().replaceAll("\\?.*", "");
			boolean membership = MEMBERSHIP_PAGES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
			leaks.addAll(seeded.foundIn(f.path(), f.text(), membership ? Set.copyOf(clinics) : Set.of()));
		}
		leaksFound = leaks.size();
		publishFigures();
		assertThat(leaks).as("identifiers or raw ids in what a researcher received (%d responses)", researcherSaw.size())
			.isEmpty();
	}

	/** The figures for docs/assurance.md, once both tests have run (each publishes what is known so far). */
	private void publishFigures() {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("researcherResponses", researcherSaw.size());
		figures.put("physicianResponses", physicianResponses);
		figures.put("idsLookedFor", seeded.uuids().size());
		figures.put("otherIdentifiersLookedFor", seeded.texts().size());
		figures.put("identifiersFound", leaksFound);
		figures.put("failedResponses", failedResponses);
		AssuranceTest.publish("analytics-crawl", figures, """
				| Responses (researcher / physician) | Identifiers looked for (ids / other) | Found | Failed responses | Run |
				| --- | --- | --- | --- | --- |
				| %,d / %s | %,d / %,d | %s | %s | %s |
				""".formatted(researcherSaw.size(), physicianResponses < 0 ? "not run" : "%,d".formatted(physicianResponses),
				seeded.uuids().size(), seeded.texts().size(), leaksFound < 0 ? "not run" : leaksFound,
				failedResponses < 0 ? "not run" : failedResponses, java.time.LocalDate.now()));
	}

	private static tools.jackson.databind.JsonNode items(ActorClient actor, String list) {
		java.net.http.HttpResponse<String> response = actor.json("GET", list, null);
		assertThat(response.statusCode()).as(list).isEqualTo(200);
		tools.jackson.databind.JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree(response.body());
		return body.has("items") ? body.get("items") : body;
	}

	private static List<String> failures(String actor, List<OutputCrawler.Fetched> fetched) {
		List<String> failures = new ArrayList<>();
		for (OutputCrawler.Fetched f : fetched) {
			boolean answered = f.status() >= 200 && f.status() < 400;
			boolean documented = f.status() >= 400 && f.status() < 500
					&& DOCUMENTED_REFUSALS.keySet().stream().anyMatch(f.path()::contains);
			if (!answered && !documented) {
				failures.add(actor + " GET " + f.path() + " -> " + f.status() + " "
						+ f.text().substring(0, Math.min(300, f.text().length())));
			}
		}
		return failures;
	}

	private TestApi login(TestApi anonymous, String username, String password) {
		TestApi.Response response = anonymous.post("/api/v1/auth/token",
				Map.of("username", username, "password", password));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return new TestApi(port, response.json().get("token").asString());
	}

	/**
	 * Every staff role walks the pages it is shown on the demo history, from the dashboard through
	 * every link a page offers it (downloads and sign-out left out), up to a bound: each answers
	 * 200 with the whole page. A link shown to a role that then refuses it (403), fails (500) or
	 * stops mid-page is a defect of the journey, whatever page it is on.
	 */
	@Test
	void everyRoleReachesEveryPageItIsShownWithoutAnErrorPage() {
		TestApi anonymous = new TestApi(port, null);
		TestApi admin = login(anonymous, "admin", ADMIN_PASSWORD);
		List<String> failures = new ArrayList<>();
		int pages = 0;
		for (String role : List.of("COORDINATOR", "PHYSICIAN", "LAB", "AUDITOR", "RESEARCHER", "ADMIN")) {
			ActorClient actor = signedIn(anonymous, admin, role, clinics);
			java.util.Deque<String> queue = new java.util.ArrayDeque<>(List.of("/"));
			Set<String> seen = new java.util.HashSet<>();
			int walked = 0;
			while (!queue.isEmpty() && walked < 80) {
				String page = queue.poll();
				if (!seen.add(page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"))) {
					continue;
				}
				HttpResponse<String> response = actor.get(page);
				walked++;
				String body = response.body();
				boolean html = response.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
				if (response.statusCode() != 200 || (html && !body.stripTrailing().endsWith("</html>"))) {
					failures.add(role + " " + page + " -> " + response.statusCode());
					continue;
				}
				Matcher links = PAGE_LINK.matcher(body);
				while (links.find()) {
					String link = links.group(1).replace("&amp;", "&");
					if (!LEFT_OUT.matcher(link).find()) {
						queue.add(link);
					}
				}
			}
			pages += walked;
		}
		assertThat(failures).as("pages shown to a role that answer an error").isEmpty();
		assertThat(pages).isGreaterThan(100);
	}

	/** A same-site link of a page: a path, not a fragment, an anchor to another site or a script. */
	private static final Pattern PAGE_LINK = Pattern.compile("href=\"(/(?!/)[^\"#]*)\"");

	/** Downloads, sign-out, static files and the API are not pages of the journey. */
	private static final Pattern LEFT_OUT = Pattern
		.compile("logout|\\.(pdf|csv|svg|zip|css|js|png)\\b|^/(css|js|webjars|favicon|api|swagger|v3)\\b|download");

	private ActorClient signedIn(TestApi anonymous, TestApi admin, String role, List<String> clinics) {
		String username = role.toLowerCase() + ".crawl." + UUID.randomUUID().toString().substring(0, 8);
		TestApi.Response created = admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
				"displayName", "Crawl " + role, "roles", List.of(role), "clinicIds", clinics));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return ActorClient.signedIn(port, login(anonymous, username, PASSWORD).token(), username, PASSWORD);
	}

	/** What identifies a patient or a member of staff, or is a record's raw id, in the seeded data. */
	record Identifiers(Set<String> uuids, Set<String> uuidStarts, Map<String, String> texts) {

		static Identifiers of(JdbcClient jdbc) {
			Set<String> uuids = new LinkedHashSet<>();
			List<Map<String, Object>> columns = jdbc.sql("""
					SELECT c.table_name, c.column_name FROM information_schema.columns c
					JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
					WHERE c.table_schema = 'public' AND c.data_type = 'uuid' AND t.table_type = 'BASE TABLE'
					""").query().listOfRows();
			for (Map<String, Object> column : columns) {
				// Names from the catalogue, quoted; no request input.
				uuids.addAll(jdbc.sql("SELECT DISTINCT \"" + column.get("column_name") + "\"::text FROM \""
						+ column.get("table_name") + "\" WHERE \"" + column.get("column_name") + "\" IS NOT NULL")
					.query(String.class)
					.list());
			}
			uuids.remove(new UUID(0, 0).toString());
			Set<String> starts = new LinkedHashSet<>();
			uuids.forEach(u -> starts.add(u.substring(0, 13)));
			Map<String, String> texts = new LinkedHashMap<>();
			jdbc.sql("SELECT mrn, given_name, family_name, email, phone, birth_date::text AS birth FROM patient")
				.query()
				.listOfRows()
				.forEach(p -> {
					texts.put((String) p.get("mrn"), "MRN");
					texts.put(p.get("given_name") + " " + p.get("family_name"), "patient name");
					texts.put(p.get("family_name") + ", " + p.get("given_name"), "patient name");
					texts.put((String) p.get("birth"), "birth date");
					if (p.get("email") != null) {
						texts.put((String) p.get("email"), "e-mail");
					}
					if (p.get("phone") != null) {
						texts.put((String) p.get("phone"), "phone");
					}
				});
			jdbc.sql("SELECT din FROM cell_product").query(String.class).list().forEach(d -> texts.put(d, "DIN"));
			jdbc.sql("""
					SELECT username, display_name FROM app_user u
					WHERE EXISTS (SELECT 1 FROM user_clinic m WHERE m.user_id = u.id)
					""").query().listOfRows().forEach(u -> {
				texts.put((String) u.get("username"), "staff username");
				texts.put((String) u.get("display_name"), "staff name");
			});
			jdbc.sql("SELECT DISTINCT operator_name FROM analytics_episode_fact WHERE operator_name IS NOT NULL")
				.query(String.class)
				.list()
				.forEach(n -> texts.put(n, "operator name"));
			return new Identifiers(uuids, starts, texts);
		}

		/** Each identifier or id other than {@code tolerated} found in one response, as "path: kind value". */
		List<String> foundIn(String path, String text, Set<String> tolerated) {
			List<String> found = new ArrayList<>();
			// A PDF wraps and cuts long cells, so the text is also read with its white space removed.
			String flat = text.replaceAll("\\s+", " ");
			String joined = text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
			Matcher uuid = UUID_TEXT.matcher(joined);
			while (uuid.find()) {
				if (uuids.contains(uuid.group()) && !tolerated.contains(uuid.group())) {
					found.add(path + ": id " + uuid.group());
				}
			}
			Matcher start = UUID_START.matcher(joined);
			while (start.find()) {
				if (uuidStarts.contains(start.group()) && found.isEmpty()
						&& tolerated.stream().noneMatch(t -> t.startsWith(start.group()))) {
					found.add(path + ": start of an id " + start.group());
				}
			}
			texts.forEach((value, kind) -> {
				if (value != null && !value.isBlank() && (flat.contains(value) || text.contains(value))) {
					found.add(path + ": " + kind + " " + value);
				}
			});
			return found;
		}

	}

}

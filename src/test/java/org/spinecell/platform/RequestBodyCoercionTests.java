package org.spinecell.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spinecell.CoercionPayloads;
import org.spinecell.IntegrationTest;
import org.spinecell.RequestBodies;
import org.spinecell.TestApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API endpoint that binds a JSON record, found from the handler mappings, refuses every value
 * it would otherwise have to convert or could not store ({@link CoercionPayloads}): a 400 problem
 * details naming the field (422 for a date out of range, which is a rule, not a type), and not one
 * clinical or audit row more.
 */
class RequestBodyCoercionTests extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyJsonEndpointRefusesEveryCoercionNamingTheFieldAndStoresNothing() {
		Map<String, TestApi> callers = callers();
		Map<String, Long> before = storedRows();
		List<String> accepted = new ArrayList<>();
		int attempts = 0;
		List<RequestBodies.Endpoint> endpoints = RequestBodies.of(mappings);
		for (RequestBodies.Endpoint endpoint : endpoints) {
			String path = CoercionPayloads.concrete(endpoint.pattern());
			TestApi caller = CoercionPayloads.callerReachingTheBody(endpoint, path, callers.values());
			if (caller == null) {
				accepted.add(endpoint + ": no caller's body reaches the JSON reader");
				continue;
			}
			for (CoercionPayloads.Payload payload : CoercionPayloads.of(endpoint.body())) {
				attempts++;
				TestApi.Response response = caller.sendRaw(endpoint.method().name(), path, "application/json",
						payload.json());
				String verdict = CoercionPayloads.verdict(payload, response);
				if (verdict != null) {
					accepted.add(endpoint + " | " + payload.kind() + " | " + payload.field() + " | " + verdict);
				}
			}
		}
		assertThat(endpoints).hasSizeGreaterThan(40);
		assertThat(attempts).isGreaterThan(1000);
		assertThat(accepted).as("coercions not refused by field").isEmpty();
		assertThat(storedRows()).isEqualTo(before);
	}

	private Map<String, TestApi> callers() {
		UUID clinic = createClinic("Coercion");
		Map<String, TestApi> callers = new LinkedHashMap<>();
		callers.put("admin", admin);
		for (String role : List.of("PHYSICIAN", "LAB", "COORDINATOR", "RESEARCHER", "AUDITOR")) {
			callers.put(role, login(createUser(role, Set.of(clinic)), USER_PASSWORD));
		}
		callers.put("anonymous", anonymous);
		return callers;
	}

	/** Rows of every clinical table (those with a clinic_id), the audit trail, users and clinics. */
	private Map<String, Long> storedRows() {
		List<String> tables = ownerJdbc().sql("""
				SELECT DISTINCT c.table_name FROM information_schema.columns c
				JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
				WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
				  AND (c.column_name = 'clinic_id' OR c.table_name IN ('audit_event', 'app_user', 'clinic'))
				ORDER BY 1""").query(String.class).list();
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : tables) {
			rows.put(table, ownerJdbc().sql("SELECT count(*) FROM \"" + table + "\"").query(Long.class).single());
		}
		return rows;
	}

}

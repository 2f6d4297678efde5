package org.spinecell.platform;

import java.lang.reflect.RecordComponent;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.spinecell.IntegrationTest;
import org.spinecell.RequestBodies;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API binds and what it publishes agree, for every endpoint that takes a JSON body: the
 * request-body schema of {@code /v3/api-docs} has exactly the record's components, nested records
 * included, and every date or time in a request record is bounded as a {@link ClinicalDate}.
 */
class RequestContractTests extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyRequestBodySchemaInTheApiDescriptionIsTheRecordTheEndpointBinds() {
		JsonNode doc = anonymous.get("/v3/api-docs").json();
		List<String> wrong = new ArrayList<>();
		List<RequestBodies.Endpoint> endpoints = RequestBodies.of(mappings);
		for (RequestBodies.Endpoint endpoint : endpoints) {
			JsonNode operation = doc.path("paths").path(endpoint.pattern()).path(endpoint.method().name().toLowerCase());
			JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
			if (schema.isMissingNode()) {
				wrong.add(endpoint + ": no JSON request body in the description");
				continue;
			}
			compare(doc, endpoint + " " + endpoint.body().getName(), endpoint.body(), schema, wrong, new TreeSet<>());
		}
		assertThat(endpoints).hasSizeGreaterThan(40);
		assertThat(wrong).as("request bodies whose published schema is not the bound record").isEmpty();
	}

	@Test
	void schemaNamesAreUniqueAndNamedAfterTheirHolder() {
		JsonNode schemas = anonymous.get("/v3/api-docs").json().path("components").path("schemas");
		Set<String> names = new TreeSet<>(schemas.propertyNames());
		assertThat(names).contains("ProcedureCreate", "DiagnosisCreate", "CellProductCreate", "UserCreate")
			.doesNotContain("Create", "Update", "Record", "Stop", "Review", "Report", "Change");
		// The renaming leaves the schemas themselves as springdoc draws them.
		assertThat(schemas.path("PatientRequest").path("properties").path("birthDate").path("format").asString())
			.isEqualTo("date");
		assertThat(schemas.path("ProcedureCreate").path("properties").path("startedAt").path("format").asString())
			.isEqualTo("date-time");
		assertThat(schemas.path("ProcedureCreate").path("required").valueStream().map(JsonNode::asString).toList())
			.contains("patientId", "date", "operatorId");
	}

	@Test
	void everyDateAndTimeOfEveryRequestRecordIsAClinicalDate() {
		List<String> unbounded = new ArrayList<>();
		Set<Class<?>> records = new java.util.LinkedHashSet<>();
		RequestBodies.of(mappings).forEach(endpoint -> records.addAll(RequestBodies.recordsWithin(endpoint.body())));
		int dates = 0;
		for (Class<?> record : records) {
			for (RecordComponent component : record.getRecordComponents()) {
				if (Temporal.class.isAssignableFrom(RequestBodies.elementClass(component))) {
					dates++;
					if (!bounded(record, component)) {
						unbounded.add(record.getName() + "." + component.getName());
					}
				}
			}
		}
		assertThat(dates).isGreaterThan(25);
		assertThat(unbounded).as("request dates without @ClinicalDate").isEmpty();
	}

	private static boolean bounded(Class<?> record, RecordComponent component) {
		try {
			java.lang.reflect.Field field = record.getDeclaredField(component.getName());
			return field.isAnnotationPresent(ClinicalDate.class)
					|| field.getAnnotatedType().toString().contains(ClinicalDate.class.getName());
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares a record with its schema, and the records it holds with theirs. */
	private static void compare(JsonNode doc, String where, Class<?> record, JsonNode schema, List<String> wrong,
			Set<String> seen) {
		JsonNode resolved = resolve(doc, schema);
		Set<String> expected = new TreeSet<>();
		for (RecordComponent component : record.getRecordComponents()) {
			expected.add(component.getName());
		}
		Set<String> published = new TreeSet<>(resolved.path("properties").propertyNames());
		if (!expected.equals(published)) {
			wrong.add(where + ": schema " + schema.path("$ref").asString("(inline)") + " has " + published
					+ " but the record has " + expected);
			return;
		}
		if (!seen.add(record.getName())) {
			return;
		}
		for (RecordComponent component : record.getRecordComponents()) {
			Class<?> element = RequestBodies.elementClass(component);
			if (element.isRecord()) {
				JsonNode property = resolved.path("properties").path(component.getName());
				JsonNode nested = property.has("items") ? property.path("items")
						: property.has("additionalProperties") ? property.path("additionalProperties") : property;
				compare(doc, where + "." + component.getName(), element, nested, wrong, seen);
			}
		}
	}

	private static JsonNode resolve(JsonNode doc, JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

}

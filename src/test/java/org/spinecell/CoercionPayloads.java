package org.spinecell;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import tools.jackson.databind.JsonNode;

/**
 * The values a strict API must refuse rather than convert, aimed at every field of a request
 * record by its type: a number for an enum constant, a boolean, a date or text; a fraction or text
 * for a whole number; {@code 1e400} as a time; years 0000 and 9999; a lone surrogate, a NUL and
 * text of only zero-width characters; and a key sent twice. Each payload is a whole JSON body
 * holding one bad value, with the path of the field it must be refused by.
 */
public final class CoercionPayloads {

	/** One bad body: what it tries, the field it must be refused by, and the JSON text. */
	public record Payload(String kind, String field, String json) {
	}

	private CoercionPayloads() {
	}

	/** Every payload for a record bound as a request body. */
	public static List<Payload> of(Class<?> record) {
		List<Payload> payloads = new ArrayList<>();
		RecordComponent[] components = record.getRecordComponents();
		if (components.length > 0) {
			String first = components[0].getName();
			payloads.add(new Payload("duplicate key", first, "{\"" + first + "\":null,\"" + first + "\":null}"));
		}
		fields(record, "", raw -> raw, payloads, 0);
		return payloads;
	}

	private static void fields(Class<?> record, String prefix, UnaryOperator<String> around, List<Payload> payloads,
			int depth) {
		for (RecordComponent component : record.getRecordComponents()) {
			String name = component.getName();
			UnaryOperator<String> inside = raw -> around.apply("{\"" + name + "\":" + raw + "}");
			value(component.getGenericType(), prefix + name, inside, payloads, depth);
		}
	}

	private static void value(Type type, String field, UnaryOperator<String> around, List<Payload> payloads, int depth) {
		if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
			Type[] arguments = parameterized.getActualTypeArguments();
			if (Collection.class.isAssignableFrom(raw)) {
				value(arguments[0], field + "[0]", inner -> around.apply("[" + inner + "]"), payloads, depth);
			}
			else if (Map.class.isAssignableFrom(raw)) {
				value(arguments[1], field + ".k", inner -> around.apply("{\"k\":" + inner + "}"), payloads, depth);
			}
			return;
		}
		if (!(type instanceof Class<?> c)) {
			return;
		}
		if (c.isRecord() && depth < 3) {
			fields(c, field + ".", around, payloads, depth + 1);
		}
		else if (c.isEnum()) {
			add(payloads, "number for an enum", field, around, "0");
			add(payloads, "boolean for an enum", field, around, "true");
		}
		else if (c == Boolean.class || c == boolean.class) {
			add(payloads, "number for a boolean", field, around, "1");
			add(payloads, "number for a boolean", field, around, "0");
			add(payloads, "text for a boolean", field, around, "\"true\"");
		}
		else if (c == LocalDate.class) {
			add(payloads, "number for a date", field, around, "20000");
			add(payloads, "1e400 as a date", field, around, "1e400");
			add(payloads, "array for a date", field, around, "[2020,1,1]");
			add(payloads, "year 0000", field, around, "\"0000-01-01\"");
			add(payloads, "year 9999", field, around, "\"9999-12-31\"");
		}
		else if (c == Instant.class || c == OffsetDateTime.class || c == LocalDateTime.class) {
			add(payloads, "number for a time", field, around, "0");
			add(payloads, "1e400 as a time", field, around, "1e400");
			String zone = c == LocalDateTime.class ? "" : "Z";
			add(payloads, "year 0000", field, around, "\"0000-01-01T00:00:00" + zone + "\"");
			add(payloads, "year 9999", field, around, "\"9999-12-31T00:00:00" + zone + "\"");
		}
		else if (c == String.class) {
			add(payloads, "lone surrogate", field, around, "\"ab\\ud800\"");
			add(payloads, "zero-width only", field, around, "\"\\u200b\\u200c\\ufeff\"");
			add(payloads, "NUL", field, around, "\"a\\u0000b\"");
			add(payloads, "control character", field, around, "\"a\\u001bb\"");
			add(payloads, "number for text", field, around, "12");
		}
		else if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
			add(payloads, "fraction for a whole number", field, around, "2.5");
			add(payloads, "text for a number", field, around, "\"3\"");
			add(payloads, "boolean for a number", field, around, "true");
		}
		else if (c == BigDecimal.class || c == Double.class || c == double.class) {
			add(payloads, "text for a number", field, around, "\"3\"");
			add(payloads, "boolean for a number", field, around, "true");
		}
		else if (c == UUID.class) {
			add(payloads, "number for an id", field, around, "12");
		}
	}

	/** Why the answer is not a refusal naming the field, or {@code null} if it is. */
	public static String verdict(Payload payload, TestApi.Response response) {
		boolean rule = payload.kind().startsWith("year ");
		if (response.status() != 400 && !(rule && response.status() == 422)) {
			return "status " + response.status();
		}
		if (!String.valueOf(response.header("Content-Type")).startsWith("application/problem+json")) {
			return "not problem details";
		}
		for (JsonNode error : response.json().path("errors")) {
			if (payload.field().equals(error.path("field").asString())) {
				return null;
			}
		}
		return "field not named: " + response.body();
	}

	/** A path of the pattern with made-up ids: the body is refused before any id is looked up. */
	public static String concrete(String pattern) {
		return pattern.replace("{token}", "A".repeat(43)).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
	}

	/** The first caller whose body is read at all: an unknown field is refused by name, not by role. */
	public static TestApi callerReachingTheBody(RequestBodies.Endpoint endpoint, String path,
			Collection<TestApi> callers) {
		for (TestApi caller : callers) {
			TestApi.Response probe = caller.sendRaw(endpoint.method().name(), path, "application/json",
					"{\"notAField\":0}");
			if (probe.status() == 400) {
				return caller;
			}
		}
		return null;
	}

	private static void add(List<Payload> payloads, String kind, String field, UnaryOperator<String> around,
			String raw) {
		payloads.add(new Payload(kind, field, around.apply(raw)));
	}

}

package org.spinecell;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The JSON request bodies of the API, found from the handler mappings rather than listed by hand,
 * so that a new endpoint is covered by the tests that walk them.
 */
public final class RequestBodies {

	/** One endpoint that binds a record from its JSON body. */
	public record Endpoint(RequestMethod method, String pattern, Class<?> body) {

		@Override
		public String toString() {
			return method + " " + pattern;
		}

	}

	private RequestBodies() {
	}

	/** Every API endpoint whose {@code @RequestBody} is a record, sorted by path. */
	public static List<Endpoint> of(RequestMappingHandlerMapping mappings) {
		List<Endpoint> endpoints = new ArrayList<>();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			for (MethodParameter parameter : handler.getMethodParameters()) {
				if (parameter.hasParameterAnnotation(RequestBody.class) && parameter.getParameterType().isRecord()) {
					for (String pattern : info.getPatternValues()) {
						for (RequestMethod method : info.getMethodsCondition().getMethods()) {
							if (pattern.startsWith("/api/")) {
								endpoints.add(new Endpoint(method, pattern, parameter.getParameterType()));
							}
						}
					}
				}
			}
		});
		endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
		return endpoints;
	}

	/** A record and every record reachable from its components (through lists, sets and maps too). */
	public static Set<Class<?>> recordsWithin(Class<?> record) {
		Set<Class<?>> found = new LinkedHashSet<>();
		collect(record, found);
		return found;
	}

	private static void collect(Type type, Set<Class<?>> found) {
		if (type instanceof ParameterizedType parameterized) {
			for (Type argument : parameterized.getActualTypeArguments()) {
				collect(argument, found);
			}
		}
		else if (type instanceof Class<?> c && c.isRecord() && found.add(c)) {
			for (RecordComponent component : c.getRecordComponents()) {
				collect(component.getGenericType(), found);
			}
		}
	}

	/** The class a component holds, or holds a collection of. */
	public static Class<?> elementClass(RecordComponent component) {
		Type type = component.getGenericType();
		if (type instanceof ParameterizedType parameterized) {
			Type[] arguments = parameterized.getActualTypeArguments();
			Type last = arguments[arguments.length - 1];
			return last instanceof Class<?> c ? c : Object.class;
		}
		return component.getType();
	}

}

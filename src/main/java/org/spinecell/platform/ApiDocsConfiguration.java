package org.spinecell.platform;

import java.util.List;
import java.util.Set;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import org.springdoc.core.providers.ObjectMapperProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Names the schemas of the published API description so that no two classes share one: a nested
 * class is named after its holder too ({@code ProcedureRequests.Create} is {@code ProcedureCreate},
 * {@code UserRequests.Create} is {@code UserCreate}), where springdoc's default, the simple name,
 * gave every {@code Create} the schema of whichever was met first.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ModelResolver spineCellModelResolver(ObjectMapperProvider mappers) {
		// springdoc's own mapper for the description, so dates and the rest render as springdoc's default would.
		return new ModelResolver(mappers.jsonMapper(), new QualifiedNames());
	}

	/** The schema name of a class: its simple name, prefixed by the stems of its enclosing classes. */
	static final class QualifiedNames extends TypeNameResolver {

		private static final List<String> HOLDER_SUFFIXES = List.of("ApiController", "Controller", "Requests", "Request",
				"Service");

		@Override
		protected String nameForClass(Class<?> cls, Set<Options> options) {
			String name = super.nameForClass(cls, options);
			return cls.getEnclosingClass() == null || !name.equals(cls.getSimpleName()) ? name : schemaName(cls);
		}

		static String schemaName(Class<?> cls) {
			String name = cls.getSimpleName();
			for (Class<?> holder = cls.getEnclosingClass(); holder != null; holder = holder.getEnclosingClass()) {
				String stem = stem(holder.getSimpleName());
				if (!name.startsWith(stem)) {
					name = stem + name;
				}
			}
			return name;
		}

		private static String stem(String holder) {
			for (String suffix : HOLDER_SUFFIXES) {
				if (holder.endsWith(suffix) && holder.length() > suffix.length()) {
					return holder.substring(0, holder.length() - suffix.length());
				}
			}
			return holder;
		}

	}

}

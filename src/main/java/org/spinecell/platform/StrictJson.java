package org.spinecell.platform;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON mapper reads what the client wrote, or refuses it: no value of one type is turned into
 * another (a number is not an enum constant, a boolean or a date; a string is not a number; a
 * fraction is not cut to a whole number), a key sent twice, trailing content, an unknown property
 * are refused, and every string must pass {@link TextRules}.
 * Each refusal carries the JSON path of the field, which {@link ApiProblemHandler} names.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	@Bean
	JsonMapperBuilderCustomizer strictJsonMapper() {
		return StrictJson::configure;
	}

	/** Applies the strict settings; also used by tests that build a mapper without Spring. */
	static JsonMapper.Builder configure(JsonMapper.Builder builder) {
		builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
		// A number, or a boolean, is never read as text, a boolean, an enum constant or a date.
		for (LogicalType type : new LogicalType[] { LogicalType.Boolean, LogicalType.DateTime, LogicalType.Textual,
				LogicalType.Enum }) {
			builder.withCoercionConfig(type, config -> {
				config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			});
		}
		builder.withCoercionConfig(LogicalType.Integer, config -> {
			config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
			config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		});
		builder.withCoercionConfig(LogicalType.Float,
				config -> config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
		SimpleModule module = new SimpleModule("spinecell-strict").addDeserializer(String.class, new CheckedText());
		module.setDeserializerModifier(new ValueDeserializerModifier() {
			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
					ValueDeserializer<?> deserializer) {
				return "java.time".equals(bean.getBeanClass().getPackageName()) ? new TextualTime(deserializer)
						: deserializer;
			}
		});
		return builder.addModule(module);
	}

	/**
	 * Dates and times only as ISO-8601 text: Jackson reads a number as seconds since 1970 (so
	 * {@code 1e400} became 1970-01-01) and an array as date parts, whatever the coercion settings.
	 */
	static final class TextualTime extends DelegatingDeserializer {

		TextualTime(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new TextualTime(delegate);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING) && !p.hasToken(JsonToken.VALUE_NULL)) {
				return ctxt.handleUnexpectedToken(handledType(), p);
			}
			return super.deserialize(p, ctxt);
		}

		@Override
		public Class<?> handledType() {
			return _delegatee.handledType();
		}

	}

	/** Reads a string as usual, then refuses it if {@link TextRules} does; the path is added by Jackson. */
	static final class CheckedText extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			String problem = TextRules.problem(value);
			if (problem != null) {
				throw new UnstorableText(p, problem);
			}
			return value;
		}

	}

	/** A string the server will not store; its message is what the client is told. */
	static final class UnstorableText extends InvalidFormatException {

		private static final long serialVersionUID = 1L;

		private final String reason;

		UnstorableText(JsonParser p, String reason) {
			super(p, reason, null, String.class);
			this.reason = reason;
		}

		String reason() {
			return reason;
		}

	}

}

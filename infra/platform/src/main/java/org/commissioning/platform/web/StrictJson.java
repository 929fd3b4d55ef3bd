package org.commissioning.platform.web;

import java.io.IOException;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.util.AccessPattern;
import com.fasterxml.jackson.databind.util.ClassUtil;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a value must have the JSON type of its field (no number for a string, no
 * string for a number or boolean, no 0/1 for a boolean, no fraction for a whole number, no number for a date,
 * instant, period or enum), {@code null} is refused for a primitive, a field the request does not have is
 * refused by name, and so is a repeated field or anything after the body's one value.
 * <p>
 * Only Spring MVC's JSON converter gets the strict copy: the application's {@code ObjectMapper} bean stays as it
 * is, because Axon stores and reads events and tokens with it, and the published language is read tolerantly by
 * {@link org.commissioning.platform.messaging.IntegrationEventCodec} with a mapper of its own.
 */
public final class StrictJson implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json
                    && json.getClass() == MappingJackson2HttpMessageConverter.class) {
                MappingJackson2HttpMessageConverter strict = new MappingJackson2HttpMessageConverter(strict(json.getObjectMapper()));
                strict.setSupportedMediaTypes(json.getSupportedMediaTypes());
                strict.setDefaultCharset(json.getDefaultCharset());
                converters.set(i, strict);
            }
        }
    }

    /** A strict copy of {@code base}: the same modules and output, stricter input. */
    public static ObjectMapper strict(ObjectMapper base) {
        ObjectMapper mapper = base.copy();
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        refuse(mapper, LogicalType.Textual, CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Integer, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Float, CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString,
                CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        refuse(mapper, LogicalType.OtherScalar, CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.EmptyString);
        mapper.registerModule(new SimpleModule("strict-java-time").setDeserializerModifier(new StrictScalars()));
        return mapper;
    }

    /**
     * jackson-datatype-jsr310 reads a number as epoch seconds, days or millis, and an array as date parts, without
     * consulting the coercion configs for every type (Instant among them): a date, period or instant is a string.
     * A primitive refuses an explicit {@code null} but still defaults when left out
     * ({@code FAIL_ON_NULL_FOR_PRIMITIVES} would refuse both).
     */
    private static final class StrictScalars extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> handled = deserializer.handledType();
            if (handled != null && handled.isPrimitive()) {
                return new NotNull(deserializer, handled);
            }
            Class<?> type = description.getBeanClass();
            return type.getPackageName().equals("java.time") ? new StringOnly(deserializer, type) : deserializer;
        }
    }

    /** A deserializer of {@code type} that reads as its delegate does, but refuses more. */
    private abstract static class Refusing extends DelegatingDeserializer {

        final Class<?> type;
        private final BiFunction<JsonDeserializer<?>, Class<?>, Refusing> sameFor;

        Refusing(JsonDeserializer<?> delegate, Class<?> type,
                 BiFunction<JsonDeserializer<?>, Class<?>, Refusing> sameFor) {
            super(delegate);
            this.type = type;
            this.sameFor = sameFor;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return sameFor.apply(delegate, type);
        }
    }

    private static final class NotNull extends Refusing {

        NotNull(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate, type, NotNull::new);
        }

        @Override
        public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return ctxt.reportInputMismatch(this, "Cannot map `null` into type %s", type.getName());
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return ClassUtil.defaultValue(type);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return AccessPattern.DYNAMIC;
        }
    }

    private static final class StringOnly extends Refusing {

        StringOnly(JsonDeserializer<?> delegate, Class<?> type) {
            super(delegate, type, StringOnly::new);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != null && token.isNumeric()) {
                throw InvalidFormatException.from(p, "A number is not a " + type.getSimpleName(), p.getNumberValue(), type);
            }
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT || token == JsonToken.VALUE_TRUE
                    || token == JsonToken.VALUE_FALSE) {
                throw MismatchedInputException.from(p, type, "Not a " + type.getSimpleName() + " string");
            }
            return super.deserialize(p, ctxt);
        }
    }

    private static void refuse(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }
}

package org.carepath.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No text read from a JSON body may hold a NUL character: PostgreSQL refuses {@code \u0000} in text,
 * so it would fail as a 500 when stored. Refused as the body is read: 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class NoNulStrings {

    @Bean
    com.fasterxml.jackson.databind.Module refuseNulInStrings() {
        var module = new SimpleModule("CarePathNoNul");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                var value = super.deserialize(parser, context);
                if (value != null && value.indexOf('\0') >= 0) {
                    throw InvalidFormatException.from(parser, "must not contain a NUL character", value.replace("\0", "\\u0000"), String.class);
                }
                return value;
            }
        });
        return module;
    }
}

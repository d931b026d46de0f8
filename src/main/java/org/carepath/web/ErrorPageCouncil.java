package org.carepath.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.WebRequest;

/** The error page ({@code templates/error.html}) names the council and shows its logo, as every other page does. */
@Configuration(proxyBeanMethods = false)
class ErrorPageCouncil {

    @Bean
    DefaultErrorAttributes errorAttributes(Council council) {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                var attributes = super.getErrorAttributes(request, options);
                var accept = request.getHeader("Accept");
                if (accept != null && accept.contains("text/html")) { // the page, not an API client's JSON
                    attributes.put("councilName", council.name());
                    attributes.put("councilLogo", council.logo());
                }
                return attributes;
            }
        };
    }
}

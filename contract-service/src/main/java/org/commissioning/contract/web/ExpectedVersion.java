package org.commissioning.contract.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The contract version a change is decided on, from the request's {@code If-Match} ({@link IfMatch}); null asks for
 * no check. A controller method takes it as a parameter, after its body, so the body is validated first.
 */
public record ExpectedVersion(Long value) {

    /** Reads {@code If-Match} into every {@link ExpectedVersion} parameter. */
    @Configuration(proxyBeanMethods = false)
    static class FromIfMatch implements WebMvcConfigurer, HandlerMethodArgumentResolver {

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(this);
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == ExpectedVersion.class;
        }

        @Override
        public ExpectedVersion resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                               NativeWebRequest request, WebDataBinderFactory binders) {
            return new ExpectedVersion(IfMatch.expectedVersion(request.getHeader(IfMatch.HEADER)));
        }
    }
}

package org.commissioning.platform.web;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * The HTTP edge of every service and the gateway: strict JSON request bodies, a maximum body size, and every
 * error, down to those Tomcat answers itself, as {@code application/problem+json}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformWebProperties.class)
@Import(ProblemDetailsAdvice.class)
public class PlatformWebAutoConfiguration {

    @Bean
    public StrictJson strictJson() {
        return new StrictJson();
    }

    /** Inside the CausationFilter (HIGHEST_PRECEDENCE + 10), so a 413 carries the correlation id. */
    @Bean
    public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(PlatformWebProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    public ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrors {

        @Bean
        public ProblemErrorReportValve.Installer problemErrorReportValveInstaller() {
            return new ProblemErrorReportValve.Installer();
        }
    }
}

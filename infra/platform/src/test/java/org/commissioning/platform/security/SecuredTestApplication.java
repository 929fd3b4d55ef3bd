package org.commissioning.platform.security;

import java.util.List;
import java.util.Map;

import org.commissioning.platform.domain.CausationContext;
import org.commissioning.platform.web.CausationFilter;
import org.commissioning.platform.web.PlatformWebAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.servlet.ServletManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service's web layer with the platform's security (no Mongo, Kafka or Axon): the servlet stack, the actuator's
 * health, Spring Security, the platform's web and security auto-configuration, and the CausationFilter registered
 * as PlatformAutoConfiguration registers it (that one also needs Mongo and Kafka).
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class, PlatformWebAutoConfiguration.class,
        EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
        HealthEndpointAutoConfiguration.class, ManagementContextAutoConfiguration.class,
        ServletManagementContextAutoConfiguration.class,
        SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class, PlatformSecurityAutoConfiguration.class})
@Import(SecuredTestApplication.CallerController.class)
public class SecuredTestApplication {

    @Bean
    FilterRegistrationBean<CausationFilter> causationFilter() {
        FilterRegistrationBean<CausationFilter> registration = new FilterRegistrationBean<>(new CausationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    public record CallerView(String actor, String subject, String displayName, List<String> roles, String provider) {
    }

    @RestController
    public static class CallerController {

        @GetMapping("/test/caller")
        public CallerView caller() {
            String actor = CausationContext.currentOrNew().actor();
            return Caller.current()
                    .map(c -> new CallerView(actor, c.subject(), c.displayName(),
                            c.roles().stream().map(Enum::name).sorted().toList(), c.provider().orElse(null)))
                    .orElseGet(() -> new CallerView(actor, null, null, List.of(), null));
        }

        /** A write only an officer may make, refused by method security. */
        @PostMapping("/test/plans")
        @PreAuthorize("hasRole('COMMISSIONING_OFFICER')")
        public Map<String, String> plan() {
            CausationContext causation = CausationContext.currentOrNew();
            return Map.of("actor", causation.actor(), "actorName", causation.actorName());
        }

        /** A write with a JSON body, as every service's writes take. */
        @PostMapping("/test/notes")
        public Map<String, Object> note(@org.springframework.web.bind.annotation.RequestBody Map<String, Object> note) {
            return note;
        }

        /** A write only a provider may make, refused by the caller check a use case would make. */
        @PostMapping("/test/returns")
        public Map<String, String> submitReturn() {
            Caller caller = Caller.current().orElseThrow().require(Role.PROVIDER);
            return Map.of("actor", CausationContext.currentOrNew().actor(), "provider", caller.provider().orElseThrow());
        }
    }
}

package org.commissioning.platform.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.HttpEncodingAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * A service's web layer and nothing else (no Mongo, Kafka or Axon): Spring Boot's servlet stack with the platform's
 * web auto-configuration, as every service and the gateway have it, and a controller with the field types the
 * services' requests use.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
        EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class, ValidationAutoConfiguration.class, MultipartAutoConfiguration.class,
        HttpEncodingAutoConfiguration.class, PlatformWebAutoConfiguration.class})
@Import(EdgeTestApplication.PlanController.class)
public class EdgeTestApplication {

    public enum PlanKind { IMPROVEMENT_PLAN, ACTION_PLAN }

    public record Lot(String scope, List<String> names) {
    }

    public record PlanRequest(PlanKind kind, LocalDate start, YearMonth period, Instant decidedAt, String leadOfficer,
                              String rationale, Integer actions, int attendees, BigDecimal annualValueGbp,
                              Boolean urgent, Lot lot) {
    }

    @RestController
    public static class PlanController {

        @PostMapping(path = "/test/plans", consumes = MediaType.APPLICATION_JSON_VALUE)
        public PlanRequest plan(@Valid @RequestBody PlanRequest request) {
            return request;
        }

        @PostMapping(path = "/test/returns/csv", consumes = {"text/csv", "text/plain"})
        public Map<String, Integer> csv(@RequestBody String body) {
            return Map.of("length", body.length());
        }

        @GetMapping(path = "/test/plans/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
        public Map<String, String> get(@PathVariable String id) {
            return Map.of("id", id);
        }
    }
}

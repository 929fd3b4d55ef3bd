package org.commissioning.platform.security;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.slf4j.LoggerFactory;
import org.commissioning.platform.web.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every service as an OAuth2 resource server, switched on by {@code platform.security.enabled=true}: a bearer JWT
 * on every request but the public paths (health), checked for signature (the issuer's JWKS, RS256), issuer,
 * audience, expiry and a subject; the caller mapped once ({@link CallerTokenConverter}); the actor of the request
 * is the caller's subject ({@link AuthenticatedActorFilter}); the actuator beyond health is for {@code OPERATOR};
 * 401 and 403 are problems ({@link SecurityProblems}). Switched off (the default of the platform module; every
 * service switches it on in its own configuration), no token is asked for and every request is made by
 * {@link Caller#trusted} the actor of {@code X-Actor}, so the use cases' {@link Access} checks pass.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, BearerTokenAuthenticationFilter.class, JwtDecoder.class})
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@Import(RejectedRequests.class)
public class PlatformSecurityAutoConfiguration {

    /** What {@code CausationFilter} accepts as an actor: a subject outside it is not a caller the platform records. */
    static final Pattern RECORDABLE_SUBJECT = Pattern.compile("[\\p{Alnum} ._@:/-]{1,128}");

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "platform.security", name = "enabled", havingValue = "true")
    @EnableWebSecurity
    @EnableMethodSecurity
    @Import(SecurityProblemsAdvice.class)
    static class Enabled {

        @Bean
        @ConditionalOnMissingBean
        JwtDecoder platformJwtDecoder(PlatformSecurityProperties properties) {
            properties.requireIssuer();
            OAuth2TokenValidator<Jwt> validator = validator(properties);
            // built on first use (and retried until it can be), so a service starts even while its issuer is not up
            JwtDecoder lazy = new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = properties.jwkSetUri() == null || properties.jwkSetUri().isBlank()
                        ? NimbusJwtDecoder.withIssuerLocation(properties.issuerUri()).build()
                        : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
                decoder.setJwtValidator(validator);
                return decoder;
            });
            return token -> {
                try {
                    return lazy.decode(token);
                } catch (JwtDecoderInitializationException unreachable) {
                    throw new JwtException("The issuer's metadata could not be fetched", unreachable);
                }
            };
        }

        @Bean
        CallerTokenConverter callerTokenConverter(PlatformSecurityProperties properties) {
            return new CallerTokenConverter(properties);
        }

        @Bean
        SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, JwtDecoder decoder,
                                                        CallerTokenConverter callers,
                                                        PlatformSecurityProperties properties) throws Exception {
            SecurityProblems problems = new SecurityProblems();
            http.csrf(AbstractHttpConfigurer::disable)
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable)
                    .authorizeHttpRequests(requests -> requests
                            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                            .requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
                            .anyRequest().authenticated())
                    .oauth2ResourceServer(resourceServer -> resourceServer
                            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(callers))
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems)
                            .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                                @Override
                                public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                    filter.setAuthenticationFailureHandler((request, response, failure) ->
                                            failed(request, response, failure, problems));
                                    return filter;
                                }
                            }))
                    .exceptionHandling(exceptions -> exceptions
                            .authenticationEntryPoint(problems)
                            .accessDeniedHandler(problems))
                    .addFilterAfter(new AuthenticatedActorFilter(), BearerTokenAuthenticationFilter.class);
            return http.build();
        }

        /** A token that could not be checked because the issuer's keys are unreachable is not the caller's fault. */
        private static void failed(HttpServletRequest request, HttpServletResponse response,
                                   AuthenticationException failure, SecurityProblems problems) throws IOException {
            if (failure instanceof AuthenticationServiceException) {
                ProblemResponses.write(response, ProblemDetailsAdvice.problem(HttpStatus.SERVICE_UNAVAILABLE,
                        "service-unavailable", "Service unavailable",
                        "The token could not be checked at the moment; try again shortly."));
                return;
            }
            problems.commence(request, response, failure);
        }

        static OAuth2TokenValidator<Jwt> validator(PlatformSecurityProperties properties) {
            return new DelegatingOAuth2TokenValidator<>(List.of(
                    new JwtTimestampValidator(properties.clockSkew()),
                    new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                    new JwtIssuerValidator(properties.issuerUri()),
                    new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                            audience -> audience != null && audience.contains(properties.audience())),
                    new JwtClaimValidator<Object>(properties.subjectClaim(),
                            subject -> subject instanceof String s && RECORDABLE_SUBJECT.matcher(s).matches())));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "platform.security", name = "enabled", havingValue = "false", matchIfMissing = true)
    @EnableWebSecurity
    @Import(SecurityProblemsAdvice.class)
    static class Disabled {

        @Bean
        SecurityFilterChain openSecurityFilterChain(HttpSecurity http) throws Exception {
            LoggerFactory.getLogger(PlatformSecurityAutoConfiguration.class).warn(
                    "platform.security.enabled=false: no token is checked and every caller is trusted as X-Actor "
                            + "names it, with every role but PROVIDER. Only for tests; run the platform with it on.");
            http.addFilterBefore(new TrustedCallerFilter(), AnonymousAuthenticationFilter.class)
                    .csrf(AbstractHttpConfigurer::disable)
                    .headers(AbstractHttpConfigurer::disable)
                    .logout(AbstractHttpConfigurer::disable)
                    .requestCache(AbstractHttpConfigurer::disable)
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
            return http.build();
        }
    }
}

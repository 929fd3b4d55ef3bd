package org.commissioning.gateway.config;

import java.util.Set;

import org.commissioning.gateway.web.pages.PagePaths;
import org.commissioning.platform.security.CallerTokenConverter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.client.RestClient;

/**
 * The web pages' door: every path that is not the API, its description or the actuator is a page for people, who
 * sign in at the issuer (authorization code with PKCE, the issuer's public client {@code gateway.web.client-id});
 * the session keeps their access token, and each page request is made by the caller that token names, checked
 * as the API checks a bearer token ({@link SessionCaller}). Forms carry a CSRF token; pages may load scripts and
 * styles only from the gateway itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "platform.security", name = "enabled", havingValue = "true")
public class WebUiSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    private static RequestMatcher eventStreams() {
        MediaTypeRequestMatcher eventStreams = new MediaTypeRequestMatcher(MediaType.TEXT_EVENT_STREAM);
        eventStreams.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return eventStreams;
    }

    @Bean
    ClientRegistrationRepository webClientRegistrations(
            @Value("${platform.security.issuer-uri}") String issuer,
            @Value("${gateway.web.issuer-metadata-uri:}") String metadataUri,
            @Value("${gateway.web.client-id:commissioning-web}") String clientId,
            RestClient.Builder http) {
        return new IssuerClientRegistrations(issuer, metadataUri, clientId, http.build());
    }

    @Bean
    OAuth2AuthorizedClientRepository webAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain webPagesSecurityFilterChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                                    OAuth2AuthorizedClientRepository clients, JwtDecoder decoder,
                                                    CallerTokenConverter callers) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler signedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        http.securityMatcher(PagePaths.pages())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webjars/**", "/assets/**", "/ui/**", "/favicon.ico", "/signed-out",
                                "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/" + IssuerClientRegistrations.REGISTRATION_ID)
                        .authorizedClientRepository(clients))
                .oauth2Client(Customizer.withDefaults())
                // a page's live stream (EventSource) cannot follow the sign-in: it is told 401, and the page's own
                // next request signs in again
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), eventStreams()))
                .logout(logout -> logout.logoutSuccessHandler(signedOut))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new SessionCaller(clients, decoder, callers), AuthorizationFilter.class);
        return http.build();
    }
}

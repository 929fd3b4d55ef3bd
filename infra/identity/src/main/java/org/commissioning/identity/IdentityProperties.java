package org.commissioning.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * What the issuer issues: to whom (the demo users), for which audience, for how long, signed with which key.
 *
 * @param issuer    the {@code iss} of every token; blank takes it from the request's scheme, host and port
 * @param audience  the {@code aud} of every access token: the API the platform's resource servers guard
 * @param tokenTtl  how long an access token is valid
 * @param keyFile   the RSA signing key as a private JWK; generated there on the first start, read on later ones
 * @param users     the demo users, one client (client id = user name) and one login each
 * @param web       the public client of the web UI (authorization code with PKCE)
 */
@Validated
@ConfigurationProperties("identity")
public record IdentityProperties(
        @DefaultValue("") String issuer,
        @DefaultValue("commissioning-api") @NotBlank String audience,
        @DefaultValue("15m") @NotNull Duration tokenTtl,
        @DefaultValue("data/identity/issuer-key.jwk.json") @NotNull Path keyFile,
        @NotEmpty List<@Valid User> users,
        @DefaultValue @Valid WebClient web) {

    /**
     * A demo user: a person of one role, bound to a provider organisation when the role is {@code PROVIDER}.
     *
     * @param secret the client secret and login password, plain or already encoded ({@code {bcrypt}...})
     */
    public record User(@NotBlank String username, @NotBlank String name, @NotEmpty List<@NotBlank String> roles,
                       String provider, @NotBlank String secret) {

        public Optional<String> providerBinding() {
            return provider == null || provider.isBlank() ? Optional.empty() : Optional.of(provider);
        }
    }

    /**
     * The web UI's public client: no secret, authorization code with PKCE (S256) only. The gateway serves the web
     * UI: its sign-in comes back to {@code <gateway>/login/oauth2/code/commissioning}, its sign-out to
     * {@code <gateway>/signed-out}.
     */
    public record WebClient(
            @DefaultValue("commissioning-web") @NotBlank String clientId,
            @DefaultValue("http://127.0.0.1:8080/login/oauth2/code/commissioning") List<@NotBlank String> redirectUris,
            @DefaultValue("http://127.0.0.1:8080/signed-out") List<@NotBlank String> postLogoutRedirectUris) {
    }

    public Optional<User> user(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }
}

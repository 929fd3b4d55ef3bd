package org.commissioning.identity;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims the platform's resource servers read (org.commissioning.platform.security): {@code sub} the user name,
 * {@code name}, {@code roles} (a list) and, for a provider's staff, {@code provider}; every access token is for the
 * platform's API ({@code aud}). The user is the client itself under client credentials, the logged-in person under
 * the authorization code.
 */
@RequiredArgsConstructor
public class CallerClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String NAME = "name";
    public static final String ROLES = "roles";
    public static final String PROVIDER = "provider";

    private final IdentityProperties properties;

    @Override
    public void customize(JwtEncodingContext context) {
        String username = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
                ? context.getRegisteredClient().getClientId()
                : context.getPrincipal().getName();
        properties.user(username).ifPresent(user -> {
            context.getClaims().subject(user.username()).claim(NAME, user.name());
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims()
                        .audience(List.of(properties.audience()))
                        .claim(ROLES, List.copyOf(user.roles()));
                user.providerBinding().ifPresent(provider -> context.getClaims().claim(PROVIDER, provider));
            }
        });
    }
}

package org.commissioning.gateway.config;

import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.web.client.RestClient;

/**
 * The web UI as the issuer's public client, its endpoints read from the issuer's OpenID metadata on first use (and
 * again until that succeeds), so the gateway starts while its issuer is not up. The metadata may be read at another
 * address than the issuer's name (inside a compose network, where browsers' {@code localhost:8180} is not the
 * issuer), but must name the configured issuer. Only {@code openid} is asked for: the caller's claims are read from
 * the access token, as the API reads them, not from user info.
 */
final class IssuerClientRegistrations implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "commissioning";

    private final String issuer;
    private final String metadataUri;
    private final String clientId;
    private final RestClient http;
    private volatile ClientRegistration registration;

    IssuerClientRegistrations(String issuer, String metadataUri, String clientId, RestClient http) {
        this.issuer = issuer;
        this.metadataUri = metadataUri == null || metadataUri.isBlank()
                ? issuer.replaceAll("/$", "") + "/.well-known/openid-configuration" : metadataUri;
        this.clientId = clientId;
        this.http = http;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = fromMetadata(http.get().uri(metadataUri).retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() { }));
            registration = known;
        }
        return known;
    }

    private ClientRegistration fromMetadata(Map<String, Object> metadata) {
        if (metadata == null || !issuer.equals(metadata.get("issuer"))) {
            throw new IllegalStateException("The metadata at " + metadataUri + " names issuer "
                    + (metadata == null ? null : metadata.get("issuer")) + ", not " + issuer);
        }
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(OidcScopes.OPENID)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(issuer)
                .authorizationUri(String.valueOf(metadata.get("authorization_endpoint")))
                .tokenUri(String.valueOf(metadata.get("token_endpoint")))
                .jwkSetUri(String.valueOf(metadata.get("jwks_uri")))
                .providerConfigurationMetadata(metadata)
                .clientName("Commissioning web UI")
                .build();
    }
}

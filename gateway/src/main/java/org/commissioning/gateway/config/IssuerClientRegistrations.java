package org.commissioning.gateway.config;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * The web UI as the issuer's public client, its endpoints read from the issuer's metadata on first use (and again
 * until that succeeds), so the gateway starts while its issuer is not up. Only {@code openid} is asked for: the
 * caller's claims are read from the access token, as the API reads them, not from user info.
 */
final class IssuerClientRegistrations implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "commissioning";

    private final String issuer;
    private final String clientId;
    private volatile ClientRegistration registration;

    IssuerClientRegistrations(String issuer, String clientId) {
        this.issuer = issuer;
        this.clientId = clientId;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId(REGISTRATION_ID)
                    .clientId(clientId)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(OidcScopes.OPENID)
                    .userNameAttributeName(IdTokenClaimNames.SUB)
                    .build();
            registration = known;
        }
        return known;
    }
}

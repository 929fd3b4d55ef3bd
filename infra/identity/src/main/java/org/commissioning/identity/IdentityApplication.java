package org.commissioning.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The local OAuth2 issuer of the embedded stack and the tests: Spring Authorization Server with the demo users of
 * every role ({@code identity.users}), each able to get an access token with the client-credentials grant
 * ({@code curl -u officer.jones:<secret> -d grant_type=client_credentials <issuer>/oauth2/token}).
 */
@SpringBootApplication
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityApplication {

    public static void main(String[] args) {
        SpringApplication.run(IdentityApplication.class, args);
    }
}

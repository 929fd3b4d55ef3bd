package org.commissioning.gateway.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.commissioning.gateway.support.EventStream;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.SignInAndOwners;
import org.commissioning.gateway.support.WebSession;
import org.commissioning.identity.DemoUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A live stream lasts no longer than the access token of the person who opened it: the issuer here gives tokens of
 * a few seconds (and the gateway allows no clock skew), so the stream ends by itself, is forgotten, and the
 * session's next stream is refused with 401 (the page's next request signs in again).
 */
@TestPropertySource(properties = {"platform.security.enabled=true", "platform.security.clock-skew=0s"})
class LiveStreamEndsWithTheTokenIT extends GatewayITSupport {

    static final Duration TOKEN = Duration.ofSeconds(8);

    @RegisterExtension
    static final SignInAndOwners GATEWAY = SignInAndOwners.start("gateway-live-expiry-issuer",
            "--identity.token-ttl=" + TOKEN);

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        GATEWAY.register(registry);
    }

    @Autowired
    LiveStreams streams;

    @Test
    void endsTheStreamWhenTheCallersTokenExpires() throws Exception {
        WebSession session = new WebSession(port);
        long signingIn = System.nanoTime();
        session.signIn(DemoUsers.OFFICER, "officer-secret");
        try (EventStream stream = EventStream.open(session, port)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(streams.size()).isEqualTo(1);

            await().atMost(TOKEN.plusSeconds(10)).until(stream::ended);
            // a token's times are whole seconds (RFC 7519 NumericDate): issued in the second before, it may expire
            // up to a second short of TOKEN after the sign-in began
            assertThat(Duration.ofNanos(System.nanoTime() - signingIn)).as("not before the token expired")
                    .isGreaterThanOrEqualTo(TOKEN.minusSeconds(1));
            await().atMost(TOKEN).untilAsserted(() -> assertThat(streams.size()).isZero());
        }
        try (EventStream again = EventStream.open(session, port)) {
            assertThat(again.status()).as("the expired session signs in again on its next page").isEqualTo(401);
        }
    }
}

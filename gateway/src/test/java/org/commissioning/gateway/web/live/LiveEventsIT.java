package org.commissioning.gateway.web.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.Topics;
import org.commissioning.gateway.support.ContractEvents;
import org.commissioning.gateway.support.DashboardRows;
import org.commissioning.gateway.support.EventStream;
import org.commissioning.gateway.support.GatewayITSupport;
import org.commissioning.gateway.support.RatingEvents;
import org.commissioning.gateway.support.SignInAndOwners;
import org.commissioning.gateway.support.WebSession;
import org.commissioning.identity.DemoUsers;
import org.commissioning.testsupport.EventSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A signed-in page's live stream, {@code GET /events}, over real HTTP with the session's cookies: a change the
 * dashboard projection applies from Kafka reaches every open stream whose caller sees that contract on the dashboard
 * within two seconds, as {@code contract-<id>} and {@code dashboard}; a provider's stream hears only of its own
 * contracts; a session's streams are bounded, and a stream the browser closed is forgotten.
 */
@TestPropertySource(properties = {"platform.security.enabled=true", "gateway.live.heartbeat=300ms",
        "gateway.live.max-per-session=2"})
class LiveEventsIT extends GatewayITSupport {

    static final Duration LIVE = Duration.ofSeconds(2);
    static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final SignInAndOwners GATEWAY = SignInAndOwners.start("gateway-live-issuer");

    @DynamicPropertySource
    static void issuerAndOwners(DynamicPropertyRegistry registry) {
        GATEWAY.register(registry);
    }

    @Autowired
    EmbeddedKafkaBroker kafka;

    @Autowired
    LiveStreams streams;

    private final List<EventStream> opened = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        opened.forEach(EventStream::close);
        await().atMost(WAIT).untilAsserted(() -> assertThat(streams.size()).as("open streams").isZero());
    }

    @Test
    void tellsAnOfficersOpenPageOfARatingChangeWithinTwoSeconds() throws Exception {
        String contract = registered("Sk8side", "Ashford");
        EventStream officer = open(DemoUsers.OFFICER, "officer-secret");

        EventSender.send(kafka.getBrokersAsString(), Topics.RATINGS,
                RatingEvents.ragChanged(contract, 1, null, "RED", YearMonth.of(2018, 5)));

        await().atMost(LIVE).until(() -> !officer.named("contract-" + contract).isEmpty()
                && dashboardEventsOf(officer, contract) > 0);
        JsonNode data = json.readTree(officer.named("contract-" + contract).get(0).data());
        assertThat(data.get("contractId").asText()).isEqualTo(contract);
        assertThat(data.get("rag").asText()).isEqualTo("RED");
        assertThat(data.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(data.get("change").asText()).isEqualTo("RagChanged");
        assertThat(officer.response().headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(officer.comments())
                .as("the stream is opened, then kept open with heartbeats").contains("open", "heartbeat"));
    }

    @Test
    void tellsAProvidersPageOfItsOwnContractsOnly() throws Exception {
        String sk8side = registered("Sk8side", "Ashford");
        String nelft = registered("NELFT", "Maidstone");
        EventStream officer = open(DemoUsers.OFFICER, "officer-secret");
        EventStream provider = open(DemoUsers.NELFT, "nelft-secret");

        EventSender.send(kafka.getBrokersAsString(), Topics.RATINGS,
                RatingEvents.ragChanged(sk8side, 1, null, "AMBER", YearMonth.of(2018, 5)));
        await().atMost(LIVE).until(() -> !officer.named("contract-" + sk8side).isEmpty());
        EventSender.send(kafka.getBrokersAsString(), Topics.RATINGS,
                RatingEvents.ragChanged(nelft, 1, null, "GREEN", YearMonth.of(2018, 5)));
        await().atMost(LIVE).until(() -> !provider.named("contract-" + nelft).isEmpty());

        // a stream's events are written in order, so Sk8side's change would have come before NELFT's
        assertThat(provider.named("contract-" + sk8side)).isEmpty();
        assertThat(dashboardEventsOf(provider, sk8side)).isZero();
        assertThat(provider.events()).extracting(e -> json.readTree(e.data()).get("contractId").asText())
                .containsOnly(nelft);
        await().atMost(LIVE).until(() -> !officer.named("contract-" + nelft).isEmpty());
    }

    @Test
    void refusesASessionMoreStreamsThanItsLimitAndForgetsAStreamItsPageClosed() throws Exception {
        WebSession session = new WebSession(port);
        session.signIn(DemoUsers.VIEWER, "viewer-secret");
        EventStream first = open(session);
        open(session);

        EventStream third = EventStream.open(session, port);
        opened.add(third);
        assertThat(third.status()).isEqualTo(429);
        await().atMost(WAIT).until(third::ended);
        JsonNode problem = json.readTree(third.body());
        assertThat(problem.get("rule").asText()).isEqualTo(TooManyLiveStreams.PER_SESSION);
        assertThat(problem.get("limit").asInt()).isEqualTo(2);

        first.close();
        await().atMost(WAIT).untilAsserted(() -> assertThat(streams.size()).as("the closed stream forgotten")
                .isEqualTo(1));
        assertThat(open(session).status()).as("its place in the session taken again").isEqualTo(200);
    }

    @Test
    void answersAVisitorWhoIsNotSignedInWith401RatherThanTheSignIn() throws Exception {
        EventStream anonymous = EventStream.open(new WebSession(port), port);
        opened.add(anonymous);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.response().uri().getPath()).isEqualTo("/events");
    }

    @Test
    void refusesAStreamToACallerWhoMayNotReadTheDashboard() throws Exception {
        WebSession operator = new WebSession(port);
        operator.signIn(DemoUsers.OPERATOR, "operator-secret");
        EventStream refused = EventStream.open(operator, port);
        opened.add(refused);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(streams.size()).isZero();
    }

    private int dashboardEventsOf(EventStream stream, String contract) {
        return (int) stream.named(LiveStreams.DASHBOARD).stream()
                .filter(e -> e.data().contains("\"" + contract + "\"")).count();
    }

    private EventStream open(String username, String password) throws Exception {
        WebSession session = new WebSession(port);
        session.signIn(username, password);
        return open(session);
    }

    private EventStream open(WebSession session) throws Exception {
        EventStream stream = EventStream.open(session, port);
        opened.add(stream);
        assertThat(stream.status()).as(stream.toString()).isEqualTo(200);
        return stream;
    }

    private String registered(String provider, String district) {
        String id = UUID.randomUUID().toString();
        EventSender.send(kafka.getBrokersAsString(), Topics.CONTRACTS, ContractEvents.registered(id, provider,
                "YOUTH", ContractEvents.district("South", district), new BigDecimal("100000.00")));
        new DashboardRows(http().mutate().defaultHeader(HttpHeaders.AUTHORIZATION,
                "Bearer " + GATEWAY.token(DemoUsers.OFFICER)).build()).awaitRow(id, WAIT);
        return id;
    }
}

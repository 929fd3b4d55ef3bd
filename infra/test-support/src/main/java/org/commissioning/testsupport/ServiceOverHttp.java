package org.commissioning.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.commissioning.platform.messaging.IntegrationEventCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an integration test of a service running on a random port ({@code @SpringBootTest(webEnvironment =
 * RANDOM_PORT)} on the subclass) does over and over: requests over real HTTP that return every response for the
 * test to inspect, the RFC 9457 problems a refusal answers with, and the events the service stored.
 */
public abstract class ServiceOverHttp {

    /** The request header naming who acts. */
    public static final String ACTOR = "X-Actor";
    /** Axon's event store collection in the service's database. */
    public static final String EVENT_STORE = "domainevents";

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoTemplate mongo;

    protected final ObjectMapper json = new ObjectMapper();
    protected final IntegrationEventCodec codec = new IntegrationEventCodec();

    /** A client of the service that returns every response, errors included. */
    protected RestClient http() {
        return TestHttp.client(port);
    }

    protected ResponseEntity<String> get(String path) {
        return http().get().uri(path).retrieve().toEntity(String.class);
    }

    /** POSTs a JSON body as {@code actor} (no {@code X-Actor} header for null). */
    protected ResponseEntity<String> post(String path, String body, String actor) {
        return send(http().post().uri(path), MediaType.APPLICATION_JSON, body, actor);
    }

    /** PUTs a JSON body as {@code actor} (no {@code X-Actor} header for null). */
    protected ResponseEntity<String> put(String path, String body, String actor) {
        return send(http().put().uri(path), MediaType.APPLICATION_JSON, body, actor);
    }

    /** POSTs a CSV body ({@code text/csv}) as {@code actor}. */
    protected ResponseEntity<String> csv(String path, String body, String actor) {
        return send(http().post().uri(path), MediaType.parseMediaType("text/csv"), body, actor);
    }

    private static ResponseEntity<String> send(RestClient.RequestBodySpec request, MediaType type, String body,
                                               String actor) {
        if (actor != null) {
            request.header(ACTOR, actor);
        }
        return request.contentType(type).body(body).retrieve().toEntity(String.class);
    }

    /** The body of {@code response} as JSON. */
    protected JsonNode body(ResponseEntity<String> response) throws JsonProcessingException {
        return json.readTree(response.getBody());
    }

    /** A problem ({@code application/problem+json}) of HTTP status {@code status}; the body (cut at 2,000 characters) tells why not. */
    protected JsonNode problem(ResponseEntity<String> response, int status) throws JsonProcessingException {
        String body = response.getBody() == null ? "" : response.getBody();
        assertThat(response.getStatusCode().value()).as(body.length() > 2000 ? body.substring(0, 2000) : body)
                .isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        return json.readTree(body);
    }

    /** A 400 problem naming {@code field} among its {@code errors}. */
    protected JsonNode refusedField(ResponseEntity<String> response, String field) throws JsonProcessingException {
        JsonNode problem = problem(response, 400);
        assertThat(problem.get("errors").findValuesAsText("field")).as(problem.toString()).contains(field);
        return problem;
    }

    /** A 400 problem breaking {@code rule} and naming {@code field} among its {@code errors}. */
    protected JsonNode refused(ResponseEntity<String> response, String rule, String field)
            throws JsonProcessingException {
        JsonNode problem = refusedField(response, field);
        assertThat(problem.get("rule").asText()).isEqualTo(rule);
        return problem;
    }

    /** The fields a 400 problem names in its {@code errors}, in order. */
    protected List<String> fieldsAtFault(ResponseEntity<String> response) throws JsonProcessingException {
        return problem(response, 400).get("errors").findValuesAsText("field");
    }

    /** How many events the service has stored. */
    protected long storedEvents() {
        return mongo.getCollection(EVENT_STORE).countDocuments();
    }

    /** How many events of the aggregate {@code aggregateId} the service has stored. */
    protected long storedEvents(String aggregateId) {
        return mongo.count(Query.query(Criteria.where("aggregateIdentifier").is(aggregateId)), EVENT_STORE);
    }

    /** The text of {@code field} of each element of {@code array} (the element itself for a null field). */
    protected static List<String> texts(JsonNode array, String field) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(node -> field == null ? node.asText() : node.path(field).asText()).toList();
    }
}

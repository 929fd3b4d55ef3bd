package org.commissioning.contract.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.commissioning.events.IntegrationEvent;
import org.commissioning.events.Topics;
import org.commissioning.events.contracts.v1.ContractRecommissioned;
import org.commissioning.events.contracts.v1.ContractTerminated;
import org.commissioning.events.contracts.v1.ContractWarningIssued;
import org.commissioning.testsupport.ServiceOnEmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A contract's lifecycle over real HTTP, stored in the event store, projected, and published on Kafka; "today"
 * is fixed at 1 June 2018 ({@code contract.clock.fixed}), the time of the 2018 monitoring report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "platform.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "contract.clock.fixed=2018-06-01T09:00:00Z"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topics.CONTRACTS)
class ContractLifecycleIT extends ServiceOnEmbeddedKafka {

    @Test
    void runsAContractFromWarningThroughTheProvidersTerminationToAMiniProcurement() throws Exception {
        String id = register("West Kent YMCA", "Tunbridge Wells", "2016-04-01", "2019-03-31");
        String successor = register("Salus", "Tunbridge Wells", "2018-09-01", "2021-08-31");

        var officers = change(HttpMethod.PUT, id, "/officers", "\"0\"", """
                {"leadOfficer":"officer.jones","contractManager":"manager.patel"}""");
        assertThat(officers.getStatusCode().value()).isEqualTo(200);
        assertThat(officers.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(json.readTree(officers.getBody()).get("version").asLong()).isEqualTo(1);

        var warning = change(HttpMethod.POST, id, "/warnings", "\"1\"", """
                {"reasons":["Registrations below target for three consecutive months","Monthly returns late"],
                 "responseDeadline":"2018-06-29"}""");
        assertThat(warning.getStatusCode().value()).isEqualTo(200);
        assertThat(warning.getHeaders().getETag()).isEqualTo("\"2\"");

        var termination = change(HttpMethod.POST, id, "/termination", "\"2\"", """
                {"initiatedBy":"PROVIDER","effectiveDate":"2018-08-31",
                 "reason":"Following a formal contract warning the provider has decided to terminate"}""");
        assertThat(termination.getStatusCode().value()).isEqualTo(200);

        var recommissioning = change(HttpMethod.POST, id, "/recommissioning", "\"3\"", """
                {"route":"MINI_PROCUREMENT","successorContractId":"%s",
                 "reason":"Mini procurement among current providers for continuous provision"}""".formatted(successor));
        assertThat(recommissioning.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(recommissioning.getBody()).get("version").asLong()).isEqualTo(4);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var found = http().get().uri("/api/contracts/" + id).retrieve().toEntity(String.class);
            assertThat(found.getHeaders().getETag()).isEqualTo("\"4\"");
            JsonNode contract = json.readTree(found.getBody());
            assertThat(contract.get("status").asText()).isEqualTo("RECOMMISSIONED");
            assertThat(contract.get("version").asLong()).isEqualTo(4);
            assertThat(contract.get("leadOfficer").asText()).isEqualTo("officer.jones");
            assertThat(contract.get("contractManager").asText()).isEqualTo("manager.patel");
            assertThat(contract.get("warnings").get(0).get("issuedOn").asText()).isEqualTo("2018-06-01");
            assertThat(contract.at("/termination/initiatedBy").asText()).isEqualTo("PROVIDER");
            assertThat(contract.at("/recommissioning/route").asText()).isEqualTo("MINI_PROCUREMENT");
            assertThat(contract.at("/recommissioning/successorContractId").asText()).isEqualTo(successor);
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode history = json.readTree(http().get().uri("/api/contracts/" + id + "/history")
                    .retrieve().toEntity(String.class).getBody());
            assertThat(texts(history, "type")).containsExactly("ContractRegistered", "ContractOfficersAssigned",
                    "ContractWarningIssued", "ContractTerminated", "ContractRecommissioned");
            assertThat(texts(history, "sequence")).containsExactly("0", "1", "2", "3", "4");
            assertThat(texts(history, "actor")).containsExactly("officer.jones", "officer.jones", "manager.patel",
                    "manager.patel", "manager.patel");
            assertThat(history.get(2).get("summary").asText()).isEqualTo("Formal contract warning 1 issued on "
                    + "2018-06-01, response due by 2018-06-29: Registrations below target for three consecutive "
                    + "months; Monthly returns late");
            assertThat(history.get(3).at("/fields/effectiveDate").asText()).isEqualTo("2018-08-31");
            assertThat(history.get(4).at("/fields/successorContractId").asText()).isEqualTo(successor);
        });

        List<IntegrationEvent<?>> published = published(Topics.CONTRACTS, id, 5);
        assertThat(published).extracting(IntegrationEvent::type).containsExactly(
                "org.commissioning.contracts.ContractRegistered.v1",
                "org.commissioning.contracts.ContractOfficersAssigned.v1",
                "org.commissioning.contracts.ContractWarningIssued.v1",
                "org.commissioning.contracts.ContractTerminated.v1",
                "org.commissioning.contracts.ContractRecommissioned.v1");
        assertThat(published).extracting(IntegrationEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(published).extracting(IntegrationEvent::subject).containsOnly(id);
        assertThat(((ContractWarningIssued) published.get(2).data()).responseDeadline()).hasToString("2018-06-29");
        assertThat(((ContractTerminated) published.get(3).data()).initiatedBy()).isEqualTo("PROVIDER");
        assertThat(((ContractRecommissioned) published.get(4).data()).successorContractId()).isEqualTo(successor);
        assertThat(published.get(4).actor()).isEqualTo("manager.patel");

        var listed = http().get().uri("/api/contracts?district=Tunbridge Wells&status=RECOMMISSIONED&provider=west kent ymca")
                .retrieve().toEntity(String.class);
        assertThat(texts(json.readTree(listed.getBody()), "id")).contains(id).doesNotContain(successor);
    }

    @Test
    void refusesAChangeMadeOnAStaleVersionWithPreconditionFailed() throws Exception {
        String id = register("Optivo", "Swale", "2016-04-01", "2019-03-31");
        assertThat(change(HttpMethod.PUT, id, "/officers", "\"0\"", """
                {"leadOfficer":"officer.jones","contractManager":"manager.patel"}""").getStatusCode().value()).isEqualTo(200);

        var stale = change(HttpMethod.POST, id, "/warnings", "\"0\"", """
                {"reasons":["Data collection"],"responseDeadline":"2018-06-29"}""");

        assertThat(stale.getStatusCode().value()).isEqualTo(412);
        assertThat(stale.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(stale.getHeaders().getETag()).isEqualTo("\"1\"");
        JsonNode problem = json.readTree(stale.getBody());
        assertThat(problem.get("currentVersion").asLong()).isEqualTo(1);
        assertThat(problem.get("expectedVersion").asLong()).isEqualTo(0);
        assertThat(problem.get("detail").asText()).contains("version 1");
        assertThat(storedEvents(id)).isEqualTo(2);

        var ahead = change(HttpMethod.POST, id, "/warnings", "\"7\"", """
                {"reasons":["Data collection"],"responseDeadline":"2018-06-29"}""");
        assertThat(ahead.getStatusCode().value()).isEqualTo(412);
        assertThat(json.readTree(ahead.getBody()).get("currentVersion").asLong()).isEqualTo(1);

        var current = change(HttpMethod.POST, id, "/warnings", "\"1\"", """
                {"reasons":["Data collection"],"responseDeadline":"2018-06-29"}""");
        assertThat(current.getStatusCode().value()).isEqualTo(200);
        assertThat(storedEvents(id)).isEqualTo(3);
    }

    @Test
    void refusesWarningATerminatedContractWithConflictNamingTerminated() throws Exception {
        String id = register("West Kent YMCA", "Tonbridge and Malling", "2016-04-01", "2019-03-31");
        assertThat(change(HttpMethod.POST, id, "/termination", null, """
                {"initiatedBy":"PROVIDER","effectiveDate":"2018-08-31","reason":"Provider's decision"}""")
                .getStatusCode().value()).isEqualTo(200);

        var warning = change(HttpMethod.POST, id, "/warnings", null, """
                {"reasons":["Late returns"],"responseDeadline":"2018-06-29"}""");

        assertThat(warning.getStatusCode().value()).isEqualTo(409);
        assertThat(warning.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json.readTree(warning.getBody()).get("currentState").asText()).isEqualTo("TERMINATED");
        assertThat(storedEvents(id)).isEqualTo(2);
    }

    @Test
    void refusesBadInputWithBadRequestNamingTheField() throws Exception {
        String id = register("Pie Factory", "Dover", "2016-04-01", "2019-03-31");

        var deadlineToday = change(HttpMethod.POST, id, "/warnings", null, """
                {"reasons":["Late returns"],"responseDeadline":"2018-06-01"}""");
        assertThat(deadlineToday.getStatusCode().value()).isEqualTo(400);
        JsonNode rule = json.readTree(deadlineToday.getBody());
        assertThat(rule.get("rule").asText()).isEqualTo("deadline-after-issue-date");
        assertThat(rule.at("/errors/0/field").asText()).isEqualTo("responseDeadline");

        assertThat(fieldsAtFault(change(HttpMethod.POST, id, "/warnings", null, """
                {"reasons":[],"responseDeadline":"2018-06-29"}"""))).containsExactly("reasons");
        assertThat(fieldsAtFault(change(HttpMethod.POST, id, "/plans", null, """
                {"kind":"ACTION_PLAN","actions":[{"description":"Weekly returns","owner":"Pie Factory"}]}""")))
                .containsExactly("actions[0].dueDate");
        assertThat(fieldsAtFault(change(HttpMethod.POST, id, "/termination", null, """
                {"initiatedBy":"SOMEONE","effectiveDate":"2018-08-31","reason":"x"}"""))).containsExactly("initiatedBy");
        assertThat(fieldsAtFault(change(HttpMethod.POST, id, "/payments/2018-13/authorisation", null, """
                {"rationale":"Met"}"""))).containsExactly("period");
        assertThat(fieldsAtFault(change(HttpMethod.POST, id, "/warnings", "3", """
                {"reasons":["Late returns"],"responseDeadline":"2018-06-29"}"""))).containsExactly("If-Match");
        assertThat(fieldsAtFault(change(HttpMethod.POST, id, "/recommissioning", null, """
                {"route":"RE_PROCUREMENT","annualValueGbp":-1,"reason":"x"}"""))).containsExactly("annualValueGbp");
        assertThat(fieldsAtFault(http().get().uri("/api/contracts?area=Atlantis").retrieve().toEntity(String.class)))
                .containsExactly("area");
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void answersChangesAndHistoryOfAnUnknownContractWithNotFound() {
        String unknown = UUID.randomUUID().toString();

        assertThat(change(HttpMethod.POST, unknown, "/warnings", null, """
                {"reasons":["Late returns"],"responseDeadline":"2018-06-29"}""").getStatusCode().value()).isEqualTo(404);
        assertThat(change(HttpMethod.POST, unknown, "/expiry", null, null).getStatusCode().value()).isEqualTo(404);
        assertThat(http().get().uri("/api/contracts/" + unknown + "/history").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void runsPlansPaymentsVariationAndExtensionAndExpiresAContractAtItsEnd() throws Exception {
        String id = register("Pie Factory", "Thanet", "2016-04-01", "2019-03-31");
        ok(change(HttpMethod.POST, id, "/plans", null, """
                {"kind":"IMPROVEMENT_PLAN","reason":"Registrations below target",
                 "actions":[{"description":"Outreach in Margate","owner":"Pie Factory","dueDate":"2018-07-31"}]}"""));
        assertThat(change(HttpMethod.POST, id, "/plans", null, """
                {"kind":"ACTION_PLAN","actions":[{"description":"x","owner":"y","dueDate":"2018-07-31"}]}""")
                .getStatusCode().value()).isEqualTo(409);
        ok(change(HttpMethod.POST, id, "/plans/current/closure", null, """
                {"outcome":"Registrations back on target"}"""));
        assertThat(change(HttpMethod.POST, id, "/plans/current/closure", null, """
                {"outcome":"Again"}""").getStatusCode().value()).isEqualTo(409);
        ok(change(HttpMethod.POST, id, "/variations", null, """
                {"annualValueGbp":95000.50,"effectiveDate":"2018-07-01","reason":"Reach reduced by agreement"}"""));
        ok(change(HttpMethod.POST, id, "/payments/2018-04/withholding", null, """
                {"rationale":"Figures do not reconcile with KCC systems"}"""));
        assertThat(change(HttpMethod.POST, id, "/payments/2018-04/authorisation", null, """
                {"rationale":"Figures validated"}""").getStatusCode().value()).isEqualTo(409);
        ok(change(HttpMethod.POST, id, "/payments/2018-04/authorisation", null, """
                {"rationale":"Figures validated","supersedingReason":"Corrected return reconciled"}"""));
        ok(change(HttpMethod.POST, id, "/payments/2018-05/authorisation", null, """
                {"rationale":"KPIs met"}"""));
        var extended = change(HttpMethod.POST, id, "/extension", null, null);
        ok(extended);
        assertThat(json.readTree(extended.getBody()).get("version").asLong()).isEqualTo(7);
        assertThat(change(HttpMethod.POST, id, "/extension", null, "{}").getStatusCode().value()).isEqualTo(409);
        assertThat(change(HttpMethod.POST, id, "/expiry", null, null).getStatusCode().value()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode contract = json.readTree(http().get().uri("/api/contracts/" + id).retrieve().toEntity(String.class).getBody());
            assertThat(contract.get("version").asLong()).isEqualTo(7);
            assertThat(contract.get("annualValueGbp").decimalValue()).isEqualByComparingTo(new BigDecimal("95000.50"));
            assertThat(contract.get("end").asText()).isEqualTo("2020-03-31");
            assertThat(contract.get("extensionUsed").asBoolean()).isTrue();
            assertThat(contract.has("openPlan")).isFalse();
            assertThat(contract.at("/payments/2018-04/decision").asText()).isEqualTo("AUTHORISED");
            assertThat(contract.at("/payments/2018-04/supersedes").asText()).isEqualTo("WITHHELD");
            assertThat(contract.at("/payments/2018-05/decision").asText()).isEqualTo("AUTHORISED");
        });
        assertThat(published(Topics.CONTRACTS, id, 8)).extracting(IntegrationEvent::type).containsExactly(
                "org.commissioning.contracts.ContractRegistered.v1",
                "org.commissioning.contracts.PlanStarted.v1",
                "org.commissioning.contracts.PlanClosed.v1",
                "org.commissioning.contracts.ContractVaried.v1",
                "org.commissioning.contracts.PaymentWithheld.v1",
                "org.commissioning.contracts.PaymentAuthorised.v1",
                "org.commissioning.contracts.PaymentAuthorised.v1",
                "org.commissioning.contracts.ContractExtended.v1");

        String ended = register("Seashells", "Swale", "2016-04-01", "2018-05-31");
        ok(change(HttpMethod.POST, ended, "/expiry", "\"0\"", null));
        ok(change(HttpMethod.POST, ended, "/recommissioning", "\"1\"", """
                {"route":"IN_HOUSE","reason":"Aligned with the Early Help Units"}"""));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode contract = json.readTree(http().get().uri("/api/contracts/" + ended).retrieve().toEntity(String.class).getBody());
            assertThat(contract.get("status").asText()).isEqualTo("RECOMMISSIONED");
            assertThat(contract.get("expiredOn").asText()).isEqualTo("2018-05-31");
        });
    }

    private String register(String provider, String district, String start, String end) throws Exception {
        var response = http().post().uri("/api/contracts").contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "officer.jones")
                .body("""
                        {"provider":"%s","serviceArea":"YOUTH","lot":{"scope":"DISTRICT","names":["%s"]},
                         "annualValueGbp":100000.00,"start":"%s","end":"%s","extensionMonths":12}"""
                        .formatted(provider, district, start, end))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"0\"");
        return json.readTree(response.getBody()).get("contractId").asText();
    }

    /** A change as the contract manager makes it, with {@code If-Match} when given. */
    private ResponseEntity<String> change(HttpMethod method, String id, String path, String ifMatch, String body) {
        var request = http().method(method).uri("/api/contracts/" + id + path)
                .header("X-Actor", path.equals("/officers") ? "officer.jones" : "manager.patel");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static void ok(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    }
}

package org.commissioning.stack;

import java.util.List;
import java.util.Set;

/**
 * Every write endpoint of the platform as a client reaches it through the gateway, each with a body the endpoint
 * accepts (the control test proves it on a fresh contract) and what is known of its fields: which are required,
 * which take one of a closed set of values, which are dates or months, and which must not lie in the far future.
 * Field paths are JSON paths: {@code lot.scope}, {@code actions[0].owner}.
 */
final class WriteEndpoints {

    static final String CSV_ROW = "kpiCode,district,value,numerator,denominator\nATTEND,,80,,\n";

    /** The framework every test contract gets: one headline percentage measured by provider and council alike. */
    static final String FRAMEWORK = """
            {"effectiveFrom":"2025-04","kpis":[{"code":"ATTEND","name":"Attendance at sessions","unit":"PERCENT",
             "direction":"HIGHER_IS_BETTER","headline":true,"expectedSource":"BOTH","tolerance":5,"bands":[
              {"rating":"RED","lower":0,"lowerInclusive":true,"upper":60,"upperInclusive":false},
              {"rating":"AMBER","lower":60,"lowerInclusive":true,"upper":75,"upperInclusive":false},
              {"rating":"GREEN","lower":75,"lowerInclusive":true,"upper":100,"upperInclusive":true}]}]}""";

    record Endpoint(String name, String method, String path, String body, boolean csv,
                    Set<String> required, Set<String> closedSets, Set<String> dates, Set<String> months,
                    Set<String> notInFarFuture) {

        boolean hasBody() {
            return body != null;
        }

        /** A JSON body with no required field (an extension) may also be left out, or be a JSON null. */
        boolean bodyOptional() {
            return hasBody() && !csv && required.isEmpty();
        }

        boolean hasPeriodInPath() {
            return path.contains("{period}") || path.matches(".*/\\d{4}-\\d{2}(/.*)?");
        }

        boolean hasContractInPath() {
            return path.contains("{id}");
        }

        Endpoint withPath(String otherPath) {
            return new Endpoint(name, method, otherPath, body, csv, required, closedSets, dates, months,
                    notInFarFuture);
        }
    }

    private WriteEndpoints() {
    }

    static Endpoint json(String name, String method, String path, String body, Set<String> required,
                         Set<String> closedSets, Set<String> dates, Set<String> months, Set<String> notInFarFuture) {
        return new Endpoint(name, method, path, body, false, required, closedSets, dates, months, notInFarFuture);
    }

    /**
     * The endpoints; {@code {id}} is the contract and {@code {registerId}} the id a registration asks for.
     * Periods in paths are months inside the test contracts' terms (April 2024 to March 2028), before today.
     */
    static List<Endpoint> all() {
        String contract = "/api/contracts/{id}";
        String soon = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(60).toString();
        String returns = "/api/kpi/contracts/{id}/returns";
        String deepDive = "/api/deepdives/contracts/{id}/deep-dives/";
        return List.of(
                json("register contract", "POST", "/api/contracts", """
                        {"contractId":"{registerId}","provider":"Property Tester Ltd","serviceArea":"YOUTH",
                         "lot":{"scope":"DISTRICT","names":["Ashford"]},"annualValueGbp":100000,
                         "start":"2024-04-01","end":"2028-03-31","extensionMonths":12}""",
                        Set.of("provider", "serviceArea", "lot", "lot.scope"),
                        Set.of("serviceArea", "lot.scope", "lot.names[0]"), Set.of("start", "end"), Set.of(), Set.of()),
                json("assign officers", "PUT", contract + "/officers",
                        """
                        {"leadOfficer":"Jo Smith","contractManager":"Sam Patel"}""",
                        Set.of("leadOfficer", "contractManager"), Set.of(), Set.of(), Set.of(), Set.of()),
                json("vary contract", "POST", contract + "/variations", """
                        {"annualValueGbp":110000,"effectiveDate":"2025-01-01","reason":"More sessions commissioned"}""",
                        Set.of("annualValueGbp", "effectiveDate", "reason"), Set.of(), Set.of("effectiveDate"),
                        Set.of(), Set.of()),
                json("start plan", "POST", contract + "/plans", """
                        {"kind":"IMPROVEMENT_PLAN","reason":"Attendance below target","actions":[
                         {"description":"Weekly attendance review","owner":"Jo Smith","dueDate":"{soon}"}]}""".replace("{soon}", soon),
                        Set.of("kind", "actions", "actions[0]", "actions[0].description", "actions[0].owner",
                                "actions[0].dueDate"),
                        Set.of("kind"), Set.of("actions[0].dueDate"), Set.of(), Set.of()),
                json("close plan", "POST", contract + "/plans/current/closure", """
                        {"outcome":"Attendance back on target"}""",
                        Set.of("outcome"), Set.of(), Set.of(), Set.of(), Set.of()),
                json("issue warning", "POST", contract + "/warnings", """
                        {"reasons":["Returns late three months running"],"responseDeadline":"{soon}"}""".replace("{soon}", soon),
                        Set.of("reasons", "reasons[0]", "responseDeadline"), Set.of(), Set.of("responseDeadline"),
                        Set.of(), Set.of()),
                json("record meeting", "POST", contract + "/meetings", """
                        {"heldOn":"2025-01-15","attendees":["Jo Smith"],
                         "notes":"Reviewed the January return","actions":[]}""",
                        Set.of("heldOn", "attendees", "attendees[0]", "notes"), Set.of(), Set.of("heldOn"), Set.of(),
                        Set.of("heldOn")),
                json("authorise payment", "POST", contract + "/payments/2025-01/authorisation", """
                        {"rationale":"Delivered as specified"}""",
                        Set.of("rationale"), Set.of(), Set.of(), Set.of(), Set.of()),
                json("withhold payment", "POST", contract + "/payments/2025-02/withholding", """
                        {"rationale":"Return missing"}""",
                        Set.of("rationale"), Set.of(), Set.of(), Set.of(), Set.of()),
                json("define or revise KPI framework", "PUT", "/api/kpi/contracts/{id}/framework", FRAMEWORK,
                        Set.of("effectiveFrom", "kpis", "kpis[0]", "kpis[0].code", "kpis[0].unit",
                                "kpis[0].direction", "kpis[0].headline", "kpis[0].expectedSource", "kpis[0].bands",
                                "kpis[0].bands[0]", "kpis[0].bands[1]", "kpis[0].bands[2]",
                                "kpis[0].bands[0].rating", "kpis[0].bands[1].rating", "kpis[0].bands[2].rating",
                                "kpis[0].bands[0].lowerInclusive", "kpis[0].bands[0].upperInclusive",
                                "kpis[0].bands[1].lowerInclusive", "kpis[0].bands[1].upperInclusive",
                                "kpis[0].bands[2].lowerInclusive", "kpis[0].bands[2].upperInclusive"),
                        Set.of("kpis[0].unit", "kpis[0].direction", "kpis[0].expectedSource",
                                "kpis[0].bands[0].rating", "kpis[0].bands[1].rating", "kpis[0].bands[2].rating"),
                        Set.of(), Set.of("effectiveFrom"), Set.of("effectiveFrom")),
                json("submit return", "POST", returns, """
                        {"period":"2025-05","values":[{"kpiCode":"ATTEND","value":80}],"narrative":"May's return"}""",
                        Set.of("period", "values", "values[0]", "values[0].kpiCode", "values[0].value"),
                        Set.of("values[0].kpiCode"), Set.of(), Set.of("period"), Set.of("period")),
                json("correct value", "POST", returns + "/2025-05/corrections", """
                        {"kpiCode":"ATTEND","value":82,"reason":"Register recounted"}""",
                        Set.of("kpiCode", "value", "reason"), Set.of("kpiCode"), Set.of(), Set.of(), Set.of()),
                json("record council figures", "POST", returns + "/2025-05/council-figures", """
                        {"values":[{"kpiCode":"ATTEND","value":50}]}""",
                        Set.of("values", "values[0]", "values[0].kpiCode", "values[0].value"),
                        Set.of("values[0].kpiCode"), Set.of(), Set.of(), Set.of()),
                json("resolve discrepancy", "POST", returns + "/2025-05/discrepancies/ATTEND/resolution", """
                        {"note":"Checked against the session registers"}""",
                        Set.of("note"), Set.of(), Set.of(), Set.of(), Set.of()),
                new Endpoint("submit return as CSV", "POST", returns + "/2025-06/csv", CSV_ROW, true,
                        Set.of(), Set.of(), Set.of(), Set.of(), Set.of()),
                new Endpoint("record council figures as CSV", "POST", returns + "/2025-06/council-figures/csv",
                        CSV_ROW, true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of()),
                json("override rating", "POST", "/api/ratings/contracts/{id}/periods/2025-05/override", """
                        {"rating":"RED","rationale":"Officer judgement: attendance data not credible"}""",
                        Set.of("rating", "rationale"), Set.of("rating"), Set.of(), Set.of(), Set.of()),
                json("state trajectory", "POST", "/api/ratings/contracts/{id}/trajectory", """
                        {"projectedRating":"GREEN","statement":"Improving since the plan","horizonMonths":3}""",
                        Set.of("projectedRating", "statement"), Set.of("projectedRating"), Set.of(), Set.of(),
                        Set.of()),
                new Endpoint("draft performance notice", "POST",
                        "/api/ratings/contracts/{id}/performance-notices/2025-04/draft", null, false,
                        Set.of(), Set.of(), Set.of(), Set.of(), Set.of()),
                json("confirm performance notice", "POST",
                        "/api/ratings/contracts/{id}/performance-notices/2025-04/confirmation", """
                        {"rationale":"Reviewed at the annual meeting; attendance below target most months",
                         "amendments":[{"kpiCode":"ATTEND","rating":"REQUIRES_IMPROVEMENT"}]}""",
                        Set.of("rationale", "amendments[0].kpiCode", "amendments[0].rating"),
                        Set.of("amendments[0].rating"), Set.of(), Set.of(), Set.of()),
                json("plan deep dive", "POST", deepDive + "2025", """
                        {"dueDate":"2025-09-30"}""",
                        Set.of(), Set.of(), Set.of("dueDate"), Set.of(), Set.of("dueDate")),
                json("schedule deep dive", "PUT", deepDive + "2025/schedule", """
                        {"date":"2025-09-15","leadOfficer":"Jo Smith"}""",
                        Set.of("date", "leadOfficer"), Set.of(), Set.of("date"), Set.of(), Set.of("date")),
                new Endpoint("start deep dive", "POST", deepDive + "2025/start", null, false,
                        Set.of(), Set.of(), Set.of(), Set.of(), Set.of()),
                json("grade deep-dive area", "PUT", deepDive + "2025/areas/9", """
                        {"grade":"GOOD","evidence":"Ten case files sampled; two sessions observed",
                         "findings":"Lessons recorded after each review","variationRecommended":true,
                         "variationReason":"Demand doubled; a second weekly session is possible within the budget"}""",
                        Set.of("grade", "evidence", "findings"), Set.of("grade"), Set.of(), Set.of(), Set.of()),
                json("complete deep dive", "POST", deepDive + "2025/completion", """
                        {"overallGrade":"GOOD","strengths":["Reaches young people the centres do not"],
                         "areasForImprovement":["Session records rarely say what changed"],
                         "actions":[{"description":"Add an outcome field to the session record",
                                     "owner":"Jo Smith","dueDate":"{soon}"}]}""".replace("{soon}", soon),
                        Set.of("overallGrade", "actions[0]", "actions[0].description", "actions[0].owner",
                                "actions[0].dueDate"),
                        Set.of("overallGrade"), Set.of("actions[0].dueDate"), Set.of(), Set.of()),
                json("cancel deep dive", "POST", deepDive + "2026/cancellation", """
                        {"reason":"The service moves in-house"}""",
                        Set.of("reason"), Set.of(), Set.of(), Set.of(), Set.of()),
                json("record historic deep dive", "POST", deepDive + "2027/historic-completion", """
                        {"sourceReference":"Annual monitoring report, Fig. 1: Complete"}""",
                        Set.of("sourceReference"), Set.of(), Set.of(), Set.of(), Set.of()),
                json("extend contract", "POST", contract + "/extension", """
                        {"end":"2029-03-31","reason":"Extension option taken"}""",
                        Set.of(), Set.of(), Set.of("end"), Set.of(), Set.of()),
                json("terminate contract", "POST", contract + "/termination", """
                        {"initiatedBy":"COUNCIL","effectiveDate":"2025-06-30","reason":"Persistent under-performance"}""",
                        Set.of("initiatedBy", "effectiveDate", "reason"), Set.of("initiatedBy"),
                        Set.of("effectiveDate"), Set.of(), Set.of()),
                json("recommission contract", "POST", contract + "/recommissioning", """
                        {"route":"IN_HOUSE","reason":"Brought in-house"}""",
                        Set.of("route", "reason"), Set.of("route"), Set.of(), Set.of(), Set.of()),
                new Endpoint("expire contract", "POST", contract + "/expiry", null, false,
                        Set.of(), Set.of(), Set.of(), Set.of(), Set.of()));
    }
}

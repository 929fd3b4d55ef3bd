package org.commissioning.gateway.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.commissioning.gateway.api.DashboardContract;
import org.commissioning.gateway.api.DashboardDeepDive;
import org.commissioning.gateway.api.DashboardQuery;
import org.commissioning.gateway.api.DashboardSummary;
import org.commissioning.gateway.api.DeepDiveProgramme;
import org.springframework.data.domain.Sort;
import org.commissioning.platform.readmodel.ReadModelCollections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads the dashboard rows the {@link DashboardProjection} writes. Only registered contracts are on the dashboard:
 * a row that holds a rating whose registration has not arrived yet is left out until it does.
 */
@Component
public class DashboardView {

    static final String NOT_RATED = DashboardQuery.NOT_RATED;
    static final List<String> RATINGS = List.of("GREEN", "AMBER", "RED");

    private final MongoTemplate mongo;
    private final ReadModelCollections collections;

    @Autowired
    public DashboardView(MongoTemplate mongo, ReadModelCollections collections) {
        this.mongo = mongo;
        this.collections = collections;
    }

    /** A view of a dashboard never rebuilt (tests). */
    public DashboardView(MongoTemplate mongo) {
        this(mongo, new ReadModelCollections(mongo, java.time.Duration.ZERO));
    }

    /** The collection the rows are served from now. */
    private String live() {
        return collections.live(DashboardProjection.COLLECTION);
    }

    /** The matching contracts by service area, then provider (then id, so the order is stable). */
    public List<DashboardContract> contracts(DashboardQuery filter) {
        Query query = registered().with(Sort.by("serviceArea", "provider", "id"));
        equalWhereGiven(query, "serviceArea", filter.serviceArea());
        equalWhereGiven(query, "provider", filter.provider());
        // on an array field an equality matches the documents whose array contains the value
        equalWhereGiven(query, "areas", filter.area());
        equalWhereGiven(query, "districts", filter.district());
        equalWhereGiven(query, "status", filter.status());
        if (filter.rag() != null) {
            query.addCriteria(Criteria.where("rag").is(NOT_RATED.equals(filter.rag()) ? null : filter.rag()));
        }
        return mongo.find(query, DashboardContract.class, live());
    }

    /** The row of one registered contract, if the dashboard has it. */
    public Optional<DashboardContract> contract(String contractId) {
        return Optional.ofNullable(mongo.findOne(registered().addCriteria(Criteria.where("_id").is(contractId)),
                DashboardContract.class, live()));
    }

    /** A filter left out ({@code null}) matches every row. */
    private static void equalWhereGiven(Query query, String field, String value) {
        if (value != null) {
            query.addCriteria(Criteria.where(field).is(value));
        }
    }

    /** The totals over the contracts {@code counted} takes in. */
    public DashboardSummary summary(Predicate<? super DashboardContract> counted) {
        List<DashboardContract> all = mongo.find(registered(), DashboardContract.class, live())
                .stream().filter(counted).toList();
        Map<String, Long> byServiceArea = new TreeMap<>();
        Map<String, Long> byArea = new TreeMap<>();
        Map<String, Long> byRag = new LinkedHashMap<>();
        RATINGS.forEach(rating -> byRag.put(rating, 0L));
        byRag.put(NOT_RATED, 0L);
        BigDecimal total = BigDecimal.ZERO;
        long valued = 0;
        for (DashboardContract contract : all) {
            byServiceArea.merge(Objects.requireNonNullElse(contract.serviceArea(), "UNKNOWN"), 1L, Long::sum);
            contract.areas().stream().distinct().forEach(area -> byArea.merge(area, 1L, Long::sum));
            byRag.merge(Objects.requireNonNullElse(contract.rag(), NOT_RATED), 1L, Long::sum);
            if (contract.annualValueGbp() != null) {
                total = total.add(contract.annualValueGbp());
                valued++;
            }
        }
        return new DashboardSummary(all.size(), byServiceArea, byArea, byRag, DashboardProjection.toPence(total), valued);
    }

    /**
     * The programme of deep dives of {@code programmeYear} over the registered contracts {@code counted} takes in: the
     * contracts with a deep dive that year, by provider, then contract id, and the totals.
     */
    public DeepDiveProgramme programme(int programmeYear, Predicate<? super DashboardContract> counted) {
        return programme(programmeYear, mongo.find(registered().with(Sort.by("provider", "id")),
                DashboardContract.class, live()).stream().filter(counted).toList());
    }

    /** The programme of deep dives of {@code programmeYear} over {@code contracts}, in their order. */
    public static DeepDiveProgramme programme(int programmeYear, List<DashboardContract> contracts) {
        String key = DashboardDeepDive.key(programmeYear);
        List<DeepDiveProgramme.Row> rows = contracts.stream()
                .filter(contract -> contract.deepDives().containsKey(key))
                .map(contract -> {
                    DashboardDeepDive deepDive = contract.deepDives().get(key);
                    return new DeepDiveProgramme.Row(contract.id(), contract.provider(), contract.serviceArea(),
                            contract.lotScope(), contract.districts(), deepDive.status(), deepDive.due(),
                            deepDive.grade(), deepDive.completedOn(), deepDive.historic());
                })
                .toList();
        long complete = count(rows, DashboardDeepDive.COMPLETE);
        long overdue = count(rows, DashboardDeepDive.OVERDUE);
        long cancelled = count(rows, DashboardDeepDive.CANCELLED);
        long pending = rows.size() - complete - overdue - cancelled;
        long inProgramme = complete + pending + overdue;
        BigDecimal percent = inProgramme == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(100 * complete).divide(BigDecimal.valueOf(inProgramme), 1, RoundingMode.HALF_UP);
        return new DeepDiveProgramme(programmeYear, key, rows, complete, pending, overdue, cancelled, percent);
    }

    private static long count(List<DeepDiveProgramme.Row> rows, String status) {
        return rows.stream().filter(row -> status.equals(row.status())).count();
    }

    private static Query registered() {
        return Query.query(Criteria.where("registeredAt").ne(null));
    }
}

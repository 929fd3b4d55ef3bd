package org.commissioning.gateway.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads the dashboard rows the {@link DashboardProjection} writes. */
@Component
public class DashboardView {

    private final MongoTemplate mongo;

    public DashboardView(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The matching contracts by service area, then provider (then id, so the order is stable). */
    public List<DashboardContract> contracts(DashboardQuery filter) {
        Query query = new Query().with(Sort.by("serviceArea", "provider", "id"));
        if (filter.serviceArea() != null) {
            query.addCriteria(Criteria.where("serviceArea").is(filter.serviceArea()));
        }
        if (filter.provider() != null) {
            query.addCriteria(Criteria.where("provider").is(filter.provider()));
        }
        // on an array field an equality matches the documents whose array contains the value
        if (filter.area() != null) {
            query.addCriteria(Criteria.where("areas").is(filter.area()));
        }
        if (filter.district() != null) {
            query.addCriteria(Criteria.where("districts").is(filter.district()));
        }
        return mongo.find(query, DashboardContract.class, DashboardProjection.COLLECTION);
    }

    public DashboardSummary summary() {
        List<DashboardContract> all = mongo.findAll(DashboardContract.class, DashboardProjection.COLLECTION);
        Map<String, Long> byServiceArea = new TreeMap<>();
        Map<String, Long> byArea = new TreeMap<>();
        BigDecimal total = BigDecimal.ZERO;
        long valued = 0;
        for (DashboardContract contract : all) {
            byServiceArea.merge(Objects.requireNonNullElse(contract.serviceArea(), "UNKNOWN"), 1L, Long::sum);
            contract.areas().stream().distinct().forEach(area -> byArea.merge(area, 1L, Long::sum));
            if (contract.annualValueGbp() != null) {
                total = total.add(contract.annualValueGbp());
                valued++;
            }
        }
        return new DashboardSummary(all.size(), byServiceArea, byArea, DashboardProjection.toPence(total), valued);
    }
}

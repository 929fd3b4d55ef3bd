package org.commissioning.rag.query;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.commissioning.rag.api.FrameworkRecordedEvent;
import org.commissioning.rag.api.FrameworkVersion;
import org.commissioning.rag.api.KpiSpec;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every contract's framework versions (band tables) as recorded, for the re-derivation check. Its own processing
 * group, so a deployment that already has a rating history builds it from the start of the event store.
 */
@Component
@ProcessingGroup("rating-frameworks")
public class RatingFrameworksProjection {

    public static final String COLLECTION = "rating_frameworks";

    /** A stored framework version, keyed by contract and version. */
    public record StoredFramework(String id, String contractId, int version, String effectiveFrom, List<KpiSpec> kpis) {
    }

    private final MongoTemplate mongo;

    public RatingFrameworksProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(FrameworkRecordedEvent e) {
        FrameworkVersion f = e.framework();
        mongo.save(new StoredFramework(e.contractId() + ":" + f.version(), e.contractId(), f.version(),
                f.effectiveFrom().toString(), f.kpis()), COLLECTION);
    }

    /** The contract's framework versions by version number. */
    public Map<Integer, FrameworkVersion> frameworks(String contractId) {
        Map<Integer, FrameworkVersion> found = new TreeMap<>();
        mongo.find(Query.query(Criteria.where("contractId").is(contractId)), StoredFramework.class, COLLECTION)
                .forEach(s -> found.put(s.version(),
                        new FrameworkVersion(s.version(), YearMonth.parse(s.effectiveFrom()), s.kpis())));
        return found;
    }
}

package org.commissioning.rag.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.commissioning.knowncontracts.KnownContract;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.domain.CausationContext;
import org.commissioning.rag.api.NoticeScope;
import org.commissioning.rag.api.PerformanceNotice;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.commissioning.rag.api.PerformanceNoticeConfirmedEvent;
import org.commissioning.rag.api.PerformanceNoticeDraftedEvent;
import org.commissioning.rag.api.PerformanceNoticeOverdueEvent;
import org.commissioning.rag.command.NoticeSchedule;
import org.commissioning.rag.command.PerformanceNoticePolicy;
import org.commissioning.rag.query.NoticeContractsProjection;
import org.commissioning.rag.query.NoticeContractsProjection.NoticeContract;
import org.springframework.stereotype.Component;

/**
 * What the performance notices read, all from the event store (the source of truth, so a notice never rests on a
 * projection still catching up): a contract's rating events, and its notices as their own stored events say.
 */
@Component
@RequiredArgsConstructor
class PerformanceNoticeRecords {

    private final EventStore eventStore;
    private final NoticeContractsProjection contracts;

    /** The payloads of the contract's rating stream, from sequence 0 (a snapshot would hide the frameworks). */
    List<Object> ratingEvents(String contractId) {
        return eventStore.readEvents(contractId, 0L).asStream().map(m -> (Object) m.getPayload()).toList();
    }

    /** The contract's notices by assessment year, as their stored events say. */
    Map<YearMonth, PerformanceNotice> notices(KnownContract contract) {
        return notices(contract.provider(), noticeEvents(contract.id(), null));
    }

    /** The stored events of the contract's notices (their own stream) as the store held them at {@code asOf}. */
    List<DomainEventMessage<?>> noticeEvents(String contractId, Instant asOf) {
        return AsOf.of(eventStore.readEvents(PerformanceNoticeCommands.id(contractId), 0L), asOf);
    }

    /** The notices the stored events of a contract's notices give, by assessment year. */
    static SortedMap<YearMonth, PerformanceNotice> notices(String provider, List<DomainEventMessage<?>> events) {
        SortedMap<YearMonth, PerformanceNotice> notices = new TreeMap<>();
        events.forEach(m -> apply(notices, provider, m));
        return notices;
    }

    /** The value and the termination of the contract as contracts.events.v1 told this service. */
    NoticeContract facts(String contractId) {
        return contracts.find(contractId).orElse(new NoticeContract(contractId, null, null, null, 0));
    }

    /**
     * s.52 scope of the contract, its value over the agreed term (a termination does not shrink it), its KPIs counted
     * in the framework version in force for {@code month}.
     */
    NoticeScope scope(KnownContract contract, List<Object> ratingEvents, YearMonth month) {
        NoticeContract facts = facts(contract.id());
        return NoticeSchedule.scope(facts.annualValueGbp(), contract.start(),
                facts.agreedEnd() != null ? facts.agreedEnd() : contract.end(),
                PerformanceNoticePolicy.kpisInForce(ratingEvents, month));
    }

    Optional<LocalDate> terminatedOn(String contractId) {
        return Optional.ofNullable(facts(contractId).terminatedOn());
    }

    private static void apply(Map<YearMonth, PerformanceNotice> notices, String provider, DomainEventMessage<?> m) {
        Object payload = m.getPayload();
        if (payload instanceof PerformanceNoticeDraftedEvent d) {
            PerformanceNotice.Overdue overdue = Optional.ofNullable(notices.get(d.yearFrom()))
                    .map(PerformanceNotice::overdue).orElse(null);
            notices.put(d.yearFrom(), new PerformanceNotice(d.contractId(), provider, d.yearFrom(), d.yearTo(),
                    "DRAFT", d.policyVersion(), d.scope(), d.kpis(), d.periods(), d.overall(), m.getTimestamp(),
                    actor(m), null, overdue));
        } else if (payload instanceof PerformanceNoticeConfirmedEvent c) {
            PerformanceNotice n = notices.get(c.yearFrom());
            notices.put(c.yearFrom(), new PerformanceNotice(n.contractId(), provider, n.yearFrom(), n.yearTo(),
                    "CONFIRMED", n.policyVersion(), n.scope(), n.kpis(), n.periods(), n.derivedOverall(),
                    n.draftedAt(), n.draftedBy(), new PerformanceNotice.Confirmation(c.overall(), c.kpis(),
                    c.amended(), c.rationale(), c.officer(), m.getTimestamp()), n.overdue()));
        } else if (payload instanceof PerformanceNoticeOverdueEvent o) {
            PerformanceNotice.Overdue overdue = new PerformanceNotice.Overdue(o.dueBy(), o.trigger(), m.getTimestamp());
            PerformanceNotice n = notices.get(o.yearFrom());
            notices.put(o.yearFrom(), n == null
                    ? new PerformanceNotice(o.contractId(), provider, o.yearFrom(), o.yearTo(), "NONE", null, null,
                    List.of(), List.of(), null, null, null, null, overdue)
                    : new PerformanceNotice(n.contractId(), provider, n.yearFrom(), n.yearTo(), n.status(),
                    n.policyVersion(), n.scope(), n.kpis(), n.periods(), n.derivedOverall(), n.draftedAt(),
                    n.draftedBy(), n.confirmation(), overdue));
        }
    }

    private static String actor(DomainEventMessage<?> m) {
        Object actor = m.getMetaData().get(CausationContext.ACTOR);
        return actor == null ? CausationContext.SYSTEM : actor.toString();
    }
}

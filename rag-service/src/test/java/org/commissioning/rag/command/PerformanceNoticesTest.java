package org.commissioning.rag.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.commissioning.platform.domain.RuleViolationException;
import org.commissioning.platform.domain.StateConflictException;
import org.commissioning.rag.api.KpiNoticeAssessment;
import org.commissioning.rag.api.NoticeRating;
import org.commissioning.rag.api.NoticeScope;
import org.commissioning.rag.api.NoticeTrigger;
import org.commissioning.rag.api.PerformanceNoticeCommands;
import org.commissioning.rag.api.PerformanceNoticeConfirmedEvent;
import org.commissioning.rag.api.PerformanceNoticeConfirmedEvent.ConfirmedKpi;
import org.commissioning.rag.api.PerformanceNoticeDraftedEvent;
import org.commissioning.rag.api.PerformanceNoticeOverdueEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PerformanceNoticesTest {

    static final String C = "5c1e9a51-3f7f-4d9b-8a10-2f0c5a4e8d1b";
    static final String ID = PerformanceNoticeCommands.id(C);
    static final YearMonth FROM = YearMonth.of(2025, 4);
    static final YearMonth TO = YearMonth.of(2026, 3);
    static final String POLICY = PerformanceNoticePolicy.VERSION;
    static final PerformanceNoticeDraftedEvent DRAFT = new PerformanceNoticeDraftedEvent(C, FROM, TO, POLICY,
            new NoticeScope(true, new BigDecimal("6000000.00"), 3, LocalDate.of(2025, 4, 1), List.of()),
            List.of(kpi("A", NoticeRating.GOOD), kpi("B", NoticeRating.INADEQUATE), kpi("C", NoticeRating.OTHER)),
            List.of(), NoticeRating.INADEQUATE);
    static final PerformanceNoticeOverdueEvent OVERDUE = new PerformanceNoticeOverdueEvent(C, FROM, TO,
            LocalDate.of(2026, 4, 30), NoticeTrigger.ANNUAL);

    AggregateTestFixture<PerformanceNotices> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PerformanceNotices.class);
    }

    @Test
    void recordsADraftAndADraftAgainUntilConfirmed() {
        fixture.givenNoPriorActivity().when(new PerformanceNoticeCommands.Draft(ID, DRAFT)).expectEvents(DRAFT);
        fixture.given(DRAFT).when(new PerformanceNoticeCommands.Draft(ID, DRAFT)).expectEvents(DRAFT);
    }

    @Test
    void confirmsTheDraftAsDerived() {
        fixture.given(DRAFT)
                .when(confirm(Map.of(), "  Ratings as derived.  "))
                .expectEvents(new PerformanceNoticeConfirmedEvent(C, FROM, TO, List.of(
                        new ConfirmedKpi("A", NoticeRating.GOOD, NoticeRating.GOOD),
                        new ConfirmedKpi("B", NoticeRating.INADEQUATE, NoticeRating.INADEQUATE),
                        new ConfirmedKpi("C", NoticeRating.OTHER, NoticeRating.OTHER)),
                        NoticeRating.INADEQUATE, false, "Ratings as derived.", "officer.jones", POLICY));
    }

    @Test
    void confirmsAnAmendedRatingAndRecomputesTheOverallUnderThePolicy() {
        fixture.given(DRAFT)
                .when(confirm(Map.of("B", NoticeRating.REQUIRES_IMPROVEMENT), "Recovered in the last quarter."))
                .expectEvents(new PerformanceNoticeConfirmedEvent(C, FROM, TO, List.of(
                        new ConfirmedKpi("A", NoticeRating.GOOD, NoticeRating.GOOD),
                        new ConfirmedKpi("B", NoticeRating.INADEQUATE, NoticeRating.REQUIRES_IMPROVEMENT),
                        new ConfirmedKpi("C", NoticeRating.OTHER, NoticeRating.OTHER)),
                        NoticeRating.REQUIRES_IMPROVEMENT, true, "Recovered in the last quarter.", "officer.jones",
                        POLICY));
    }

    @Test
    void refusesToConfirmANoticeNotDraftedAndOneConfirmedAlready() {
        fixture.givenNoPriorActivity().when(confirm(Map.of(), "Why")).expectNoEvents()
                .expectException(conflict("notice-drafted", "NONE"));
        fixture.given(DRAFT, confirmed()).when(confirm(Map.of(), "Again")).expectNoEvents()
                .expectException(conflict("notice-not-confirmed", "CONFIRMED"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("confirmed already"));
        fixture.given(DRAFT, confirmed()).when(new PerformanceNoticeCommands.Draft(ID, DRAFT)).expectNoEvents()
                .expectException(conflict("notice-not-confirmed", "CONFIRMED"));
    }

    @Test
    void refusesAnAmendmentOfAKpiTheNoticeDoesNotRate() {
        fixture.given(DRAFT).when(confirm(Map.of("Z", NoticeRating.GOOD), "Why")).expectNoEvents()
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("KPI Z is not in the notice"));
        assertThat(PerformanceNoticeCommands.id(C)).isEqualTo(C + ":performance-notices");
    }

    @Test
    void recordsANoticeOverdueOnceAndNotOnceConfirmed() {
        PerformanceNoticeCommands.RecordOverdue overdue = new PerformanceNoticeCommands.RecordOverdue(ID, C, FROM, TO,
                LocalDate.of(2026, 4, 30), NoticeTrigger.ANNUAL);
        fixture.givenNoPriorActivity().when(overdue).expectEvents(OVERDUE);
        fixture.given(OVERDUE).when(overdue).expectNoEvents();
        fixture.given(DRAFT, confirmed()).when(overdue).expectNoEvents();
        fixture.given(OVERDUE).when(new PerformanceNoticeCommands.Draft(ID, DRAFT)).expectEvents(DRAFT);
    }

    static Matcher<Object> conflict(String rule, String state) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof StateConflictException e && rule.equals(e.rule())
                        && state.equals(e.currentState());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a 409 of rule " + rule + " in state " + state);
            }
        };
    }

    static PerformanceNoticeConfirmedEvent confirmed() {
        return new PerformanceNoticeConfirmedEvent(C, FROM, TO, List.of(), NoticeRating.INADEQUATE, false, "As derived",
                "officer.jones", POLICY);
    }

    static PerformanceNoticeCommands.Confirm confirm(Map<String, NoticeRating> amendments, String rationale) {
        return new PerformanceNoticeCommands.Confirm(ID, C, FROM, amendments, rationale, "officer.jones");
    }

    static KpiNoticeAssessment kpi(String code, NoticeRating rating) {
        return new KpiNoticeAssessment(code, code, List.of(), 0, 0, rating, "rule");
    }
}

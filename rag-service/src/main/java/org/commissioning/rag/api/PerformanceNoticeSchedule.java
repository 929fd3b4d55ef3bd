package org.commissioning.rag.api;

import java.util.List;

/** A contract's performance notices: whether it owes them (s.52 scope) and each assessment year begun so far. */
public record PerformanceNoticeSchedule(String contractId, NoticeScope scope, List<NoticeYear> years) {
}

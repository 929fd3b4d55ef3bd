package org.commissioning.rag.api;

/** A month's recorded contract rating (GREEN, AMBER, RED or NOT_RATED) and what it maps to in a notice. */
public record PeriodNoticeRating(String period, Rating contractRating, NoticeRating noticeRating) {
}

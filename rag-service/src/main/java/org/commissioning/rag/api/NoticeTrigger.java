package org.commissioning.rag.api;

/** Why a notice falls due (s.71): the end of an assessment year, or the contract's termination. */
public enum NoticeTrigger {
    ANNUAL, TERMINATION
}

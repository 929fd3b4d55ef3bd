package org.commissioning.rag.api;

/** What a contract rating rests on: the policy's computation, or an officer's judgement with a rationale. */
public enum Basis {
    COMPUTED, OFFICER
}

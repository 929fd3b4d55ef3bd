package org.commissioning.rag.api;

/** An event of a contract's performance notices (Procurement Act 2023 s.71): every one names the contract. */
public interface PerformanceNoticeEvent {

    String contractId();
}

package org.commissioning.contract.query;

import java.time.Instant;
import java.util.Map;

/** One stored event of a contract, keyed by the event's id: storing it again replaces it, never duplicates it. */
class HistoryDocument {

    String id;
    String contractId;
    long sequence;
    String type;
    Instant time;
    String actor;
    String causedBy;
    String summary;
    Map<String, Object> fields;
}

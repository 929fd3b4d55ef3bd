package org.commissioning.contract.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.commissioning.contract.api.ContractAsOfQuery;
import org.commissioning.contract.api.ContractEventsAsOfQuery;
import org.commissioning.contract.api.ContractSummary;
import org.commissioning.contract.api.StoredContractEvent;
import org.commissioning.platform.domain.NotFoundException;
import org.commissioning.platform.evidence.EvidenceContent;
import org.commissioning.platform.evidence.EvidenceJson;
import org.commissioning.platform.evidence.EvidenceSource;
import org.springframework.stereotype.Service;

/**
 * contract-service's share of a contract's evidence pack (context {@value #CONTEXT}): the contract as it stood at
 * the instant, its whole lifecycle, and its decisions by kind (payments, ratings recorded, cadence, meetings,
 * escalation, actions), all read from the contract's stored events as the store held them then
 * ({@link ContractAsOfQuery}, {@link ContractEventsAsOfQuery}); the platform has checked the caller's permission (AUDIT) and the instant.
 */
@Service
@RequiredArgsConstructor
public class ContractEvidence implements EvidenceSource {

    public static final String CONTEXT = "contract";
    private static final String README = readme();

    private final ContractQueries queries;

    @Override
    public String context() {
        return CONTEXT;
    }

    /** @throws NotFoundException for a contract unknown here or not yet registered at {@code asOf} */
    @Override
    public EvidenceContent evidence(String contractId, Instant asOf) {
        ContractSummary contract = queries.one(new ContractAsOfQuery(contractId, asOf), ContractSummary.class)
                .orElseThrow(() -> new NotFoundException("No contract " + contractId));
        List<StoredContractEvent> events = queries.all(new ContractEventsAsOfQuery(contractId, asOf),
                StoredContractEvent.class);
        ContractEvidenceTables tables = new ContractEvidenceTables(events);
        return new EvidenceContent(List.of(
                EvidenceJson.record(CONTEXT + "/contract.json", contract),
                tables.lifecycleCsv(),
                tables.lifecycleJson(),
                tables.payments(),
                tables.ratings(),
                tables.cadence(),
                tables.meetings(),
                tables.overdueMeetings(),
                tables.escalation(),
                tables.actions()), List.of(contractId), README);
    }

    private static String readme() {
        try (InputStream in = ContractEvidence.class.getResourceAsStream("contract-evidence-readme.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

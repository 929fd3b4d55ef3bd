package org.commissioning.gateway.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.commissioning.platform.domain.AsOf;
import org.commissioning.platform.evidence.EvidenceFile;
import org.commissioning.platform.evidence.EvidencePart;
import org.commissioning.platform.security.Access;
import org.commissioning.platform.security.Permission;
import org.commissioning.platform.web.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * A contract's evidence pack as of an instant: each context's part, asked of the service that owns it as the caller
 * with the same explicit instant, put together in one zip ({@link EvidencePackArchive}).
 */
@Service
@RequiredArgsConstructor
public class BuildEvidencePack {

    private final EvidencePackParts parts;
    private final EvidenceOwners owners;
    private final Clock clock;

    /**
     * For a caller with permission AUDIT (403 otherwise, before any owner is asked). {@code asOf} as the caller wrote
     * it: null for now, to the second; malformed or in the future, refused as every asOf of the platform is (400
     * {@code instant} or {@code as-of-in-future}, naming {@code asOf}). An owner's refusal (an unknown contract's
     * 404, say) is relayed as it came; an owner that cannot be reached, 503 naming it.
     */
    public EvidencePack build(String contractId, String asOf) {
        Access.require(Permission.AUDIT);
        Instant instant = AsOf.parseOrNow(asOf, clock);
        List<EvidencePackArchive.Part> rendered = parts.inOrder().stream()
                .map(owner -> new EvidencePackArchive.Part(owner, owners.part(owner, contractId, instant)))
                .toList();
        Set<String> names = new HashSet<>(Set.of(EvidencePackArchive.README, EvidencePackArchive.MANIFEST));
        rendered.forEach(part -> check(part, contractId, instant, names));
        return new EvidencePack(contractId, instant, EvidencePackArchive.zip(contractId, instant, rendered));
    }

    /** A part of another contract, context or instant, or with a file outside its folder, is the owner's fault. */
    private static void check(EvidencePackArchive.Part rendered, String contractId, Instant asOf, Set<String> names) {
        EvidencePartOwner owner = rendered.owner();
        EvidencePart part = rendered.part();
        String folder = owner.context() + "/";
        String fault = !owner.context().equals(part.context()) ? "the part of context " + part.context()
                : !contractId.equals(part.contractId()) ? "the part of contract " + part.contractId()
                : !asOf.equals(part.asOf()) ? "the part as of " + part.asOf()
                : part.files() == null ? "a part without files"
                : null;
        for (EvidenceFile file : part.files() == null ? List.<EvidenceFile>of() : part.files()) {
            String name = file.name();
            if (fault == null && (!name.startsWith(folder) || name.contains("..") || name.contains("\\")
                    || name.contains("//") || name.endsWith("/") || !names.add(name))) {
                fault = "a file named " + name;
            }
        }
        if (fault != null) {
            ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.BAD_GATEWAY, "evidence-part-unusable",
                    "Evidence part unusable", owner.service() + " answered " + fault + " for the " + owner.context()
                            + " part of contract " + contractId + " as of " + asOf + ".");
            problem.setProperty("service", owner.service());
            throw new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null);
        }
    }
}

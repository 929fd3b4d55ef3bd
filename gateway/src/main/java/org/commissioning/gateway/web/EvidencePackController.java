package org.commissioning.gateway.web;

import lombok.RequiredArgsConstructor;
import org.commissioning.gateway.application.BuildEvidencePack;
import org.commissioning.gateway.application.EvidencePack;
import org.commissioning.gateway.application.OwnerRefused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contract's evidence pack for an auditor: a zip of every context's part as of one instant ({@code asOf}, ISO-8601;
 * absent: now, to the second), named {@code evidence-<contractId>-<asOf>.zip}.
 */
@RestController
@RequiredArgsConstructor
public class EvidencePackController {

    private final BuildEvidencePack build;

    @GetMapping("/api/audit/contracts/{contractId}/evidence-pack")
    public ResponseEntity<byte[]> pack(@PathVariable String contractId, @RequestParam(required = false) String asOf) {
        return download(build.build(contractId, asOf));
    }

    /** The pack as a download: {@code application/zip}, an attachment named after the contract and instant. */
    public static ResponseEntity<byte[]> download(EvidencePack pack) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(pack.fileName()).build().toString())
                .body(pack.zip());
    }

    /** An owner's refusal, as the owner wrote it: status, content type and body. */
    @ExceptionHandler(OwnerRefused.class)
    public ResponseEntity<byte[]> ownerRefused(OwnerRefused refused) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(refused.status());
        if (refused.contentType() != null) {
            answer.header(HttpHeaders.CONTENT_TYPE, refused.contentType());
        }
        return answer.body(refused.body());
    }
}

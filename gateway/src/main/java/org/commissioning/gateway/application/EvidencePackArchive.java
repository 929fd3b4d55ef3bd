package org.commissioning.gateway.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.commissioning.platform.evidence.EvidenceFile;
import org.commissioning.platform.evidence.EvidenceJson;
import org.commissioning.platform.evidence.EvidencePart;

/**
 * An evidence pack as a zip: README.txt, manifest.json, then every part's files in part order, each entry stored
 * (not deflated) and dated asOf, so that the same parts always give the same bytes. java.util.zip suffices: with the
 * method, sizes, CRC and DOS time of each entry set here and no extra fields, its output is a function of the
 * entries alone; stored rather than deflated, it does not depend on the zlib the JVM runs with either.
 */
final class EvidencePackArchive {

    static final String README = "README.txt";
    static final String MANIFEST = "manifest.json";

    private EvidencePackArchive() {
    }

    /** One file of the pack in manifest.json: its name, its size in bytes and the SHA-256 of those bytes (hex). */
    record ManifestFile(String name, long bytes, String sha256) {
    }

    /** manifest.json: every file of the pack but itself, in the zip's order. */
    record Manifest(String contractId, Instant asOf, List<ManifestFile> files) {
    }

    /** A part with the service it came from. */
    record Part(EvidencePartOwner owner, EvidencePart part) {
    }

    static byte[] zip(String contractId, Instant asOf, List<Part> parts) {
        List<Entry> entries = new ArrayList<>();
        entries.add(new Entry(README, utf8(readme(contractId, asOf, parts))));
        for (Part part : parts) {
            for (EvidenceFile file : part.part().files()) {
                entries.add(new Entry(file.name(), utf8(file.content())));
            }
        }
        List<ManifestFile> listed = entries.stream()
                .map(e -> new ManifestFile(e.name(), e.bytes().length, sha256(e.bytes()))).toList();
        entries.add(1, new Entry(MANIFEST, utf8(EvidenceJson.record(MANIFEST,
                new Manifest(contractId, asOf, listed)).content())));
        return zip(entries, LocalDateTime.ofInstant(asOf, ZoneOffset.UTC));
    }

    private record Entry(String name, byte[] bytes) {
    }

    private static byte[] zip(List<Entry> entries, LocalDateTime time) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Entry entry : entries) {
                CRC32 crc = new CRC32();
                crc.update(entry.bytes());
                ZipEntry zipped = new ZipEntry(entry.name());
                zipped.setMethod(ZipEntry.STORED);
                zipped.setSize(entry.bytes().length);
                zipped.setCompressedSize(entry.bytes().length);
                zipped.setCrc(crc.getValue());
                zipped.setTimeLocal(time);
                zip.putNextEntry(zipped);
                zip.write(entry.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String readme(String contractId, Instant asOf, List<Part> parts) {
        StringBuilder text = new StringBuilder();
        text.append("""
                EVIDENCE PACK
                Contract: %s
                As of:    %s (UTC)

                This pack holds what the platform recorded on the contract up to the instant above, and nothing \
                recorded after it. Each context rendered its own part from its event store as it stood at that \
                instant (judged by the time the store recorded each event, not by the business dates the events \
                carry), and the gateway put the parts together in this order: %s. The same contract and instant \
                always give the same pack, byte for byte: nothing in it depends on when it was made.

                manifest.json lists every file of the pack but itself, in the pack's order, with its size in bytes \
                and its SHA-256 (hex), so that a copy can be checked with sha256sum. Tables are CSV (RFC 4180: a \
                header row, CRLF line ends, ISO-8601 dates and instants, codes rather than labels); full records \
                are JSON (UTF-8, indented, keys sorted). Every file of a context is under its folder.
                """.formatted(contractId, asOf, String.join(", ", parts.stream()
                .map(p -> p.owner().context() + "/ (" + p.owner().service() + ")").toList())));
        for (Part part : parts) {
            String heading = part.owner().context() + "/ (" + part.owner().service() + ")";
            text.append('\n').append(heading).append('\n').append("=".repeat(heading.length())).append("\n\n")
                    .append(part.part().readme() == null ? "" : part.part().readme().strip()).append('\n');
        }
        text.append("""

                Verifying the history chain
                ===========================

                Each context's chain/ folder holds the tamper-evident history of its event streams as of the \
                instant: <stream>.lines (the export format), verification.json (the platform's own verification), \
                seals.json (the signed checkpoints of the heads) and seal-keys.json (the public keys). The format is \
                in the platform's README, section "Tamper-evident history". To check a stream yourself, with bash, \
                jq, sha256sum and openssl only, take its last seal and run tools/verify-chain.sh from the \
                platform's repository:

                  jq '[.[] | select(.stream == "STREAM")] | last' kpi/chain/seals.json > seal.json
                  tools/verify-chain.sh kpi/chain/STREAM.lines seal.json kpi/chain/seal-keys.json

                It prints INTACT when the lines lead to the seal's head and the seal's signature verifies, or names \
                the first event that differs. The same seals were published as HistorySealed events on each \
                context's Kafka topic: a copy kept outside the platform is the stronger evidence.

                Re-deriving the ratings
                =======================

                ratings/policies.json defines every rating policy the ratings name (its rule in words and as \
                data) and the band tables they rated against. For each rating in the ratings/ files, apply the \
                policy of its policy version to its evidence (per headline KPI: value, band, framework version) \
                and compare the result with the computed rating recorded; then cross-check the evidence values \
                against the returns and corrections in kpi/.
                """);
        return text.toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.commissioning.testsupport.evidence;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading a context's evidence part as a service serves it ({@code <prefix>/contracts/{id}/evidence}) in a test. */
public final class PartContents {

    private PartContents() {
    }

    /** The part's files, name to content, in the part's order. */
    public static Map<String, String> files(JsonNode part) {
        Map<String, String> files = new LinkedHashMap<>();
        part.get("files").forEach(file -> files.put(file.get("name").asText(), file.get("content").asText()));
        return files;
    }

    /** A CSV file's rows after its header, each readable by column name. */
    public static List<CSVRecord> rows(String csv) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

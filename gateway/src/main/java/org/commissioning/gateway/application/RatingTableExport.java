package org.commissioning.gateway.application;

/**
 * A rating table as a file to download.
 *
 * @param fileName    {@code rating-table-<yyyy-MM-dd>.csv} or {@code .xlsx}, the council's date of the export
 * @param contentType its media type
 * @param content     the file
 */
public record RatingTableExport(String fileName, String contentType, byte[] content) {

    public static final String CSV = "text/csv;charset=UTF-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

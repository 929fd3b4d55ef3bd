package org.commissioning.kpi.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReturnCsvTest {

    @Test
    void readsQuotedFieldsBlankLinesAndFractionsWithTheirLineNumbers() {
        ReturnCsv.Parsed parsed = ReturnCsv.parse("\uFEFFkpiCode,district,value,numerator,denominator\r\n"
                + "CALLS-TRIAGED-24H,,97,,\r\n\r\n"
                + "CALLS-TRIAGED-24H,\"Folkestone and Hythe\",95,,\r\n"
                + " LAC-ASSESSED-2W , , ,2,3\n");

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(ReturnCsv.Row::line, ReturnCsv.Row::kpiCode, ReturnCsv.Row::district,
                        ReturnCsv.Row::value, ReturnCsv.Row::numerator, ReturnCsv.Row::denominator)
                .containsExactly(tuple(2, "CALLS-TRIAGED-24H", null, new BigDecimal("97"), null, null),
                        tuple(4, "CALLS-TRIAGED-24H", "Folkestone and Hythe", new BigDecimal("95"), null, null),
                        tuple(5, "LAC-ASSESSED-2W", null, null, new BigDecimal("2"), new BigDecimal("3")));
    }

    @Test
    void reportsEachBadRowWithItsLine() {
        ReturnCsv.Parsed parsed = ReturnCsv.parse("kpiCode,district,value,numerator,denominator\n"
                + "CALLS-TRIAGED-24H,,ninety,,\n"
                + "CALLS-TRIAGED-24H,,97\n"
                + "CALLS-TRIAGED-24H,\"Dover,,97,,\n"
                + "CRISIS-TREATED-4H,,85,,\n");

        assertThat(parsed.errors()).extracting(ReturnCsv.RowError::line, ReturnCsv.RowError::rule,
                        ReturnCsv.RowError::column)
                .containsExactly(tuple(2, "csv-number", "value"), tuple(3, "csv-columns", null),
                        tuple(4, "csv-syntax", null));
        assertThat(parsed.rows()).extracting(ReturnCsv.Row::line).containsExactly(5);
    }

    @Test
    void refusesAWrongHeaderOrAnEmptyFile() {
        assertThat(ReturnCsv.parse("code,value\nX,1\n").errors()).extracting(ReturnCsv.RowError::rule)
                .containsExactly("csv-header");
        assertThat(ReturnCsv.parse("").errors()).extracting(ReturnCsv.RowError::rule).containsExactly("csv-header");
    }

    @Test
    void writesATemplateThatReadsBackAsRowsWithoutValues() {
        String template = ReturnCsv.template(List.of("CALLS-TRIAGED-24H", "LAC-ASSESSED-2W"));

        assertThat(template).isEqualTo("kpiCode,district,value,numerator,denominator\r\n"
                + "CALLS-TRIAGED-24H,,,,\r\nLAC-ASSESSED-2W,,,,\r\n");
        assertThat(ReturnCsv.parse(template).rows()).extracting(ReturnCsv.Row::kpiCode)
                .containsExactly("CALLS-TRIAGED-24H", "LAC-ASSESSED-2W");
    }

    @Test
    void refusesTextAfterAClosingQuoteAndAnUnclosedQuoteEachOnItsOwnLine() {
        ReturnCsv.Parsed parsed = ReturnCsv.parse("kpiCode,district,value,numerator,denominator\n"
                + "CALLS-TRIAGED-24H,\"Dover\"x,97,,\n"
                + "CALLS-TRIAGED-24H,\"Dover,97,,\n"
                + "CALLS-TRIAGED-24H, \"Dover\" ,97,,\n");

        assertThat(parsed.errors()).extracting(ReturnCsv.RowError::line, ReturnCsv.RowError::rule)
                .containsExactly(tuple(2, "csv-syntax"), tuple(3, "csv-syntax"));
        assertThat(parsed.rows()).extracting(ReturnCsv.Row::line, ReturnCsv.Row::district)
                .containsExactly(tuple(4, "Dover"));
    }

    @Test
    void writesATemplateQuotingACodeWithACommaOrAQuote() {
        String template = ReturnCsv.template(List.of("A,B", "C\"D"));

        assertThat(template).endsWith("\r\n\"A,B\",,,,\r\n\"C\"\"D\",,,,\r\n");
        assertThat(ReturnCsv.parse(template).rows()).extracting(ReturnCsv.Row::kpiCode).containsExactly("A,B", "C\"D");
    }
}

package dev.storefront.catalog.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Exported cells never start a spreadsheet formula, and every text comes back from an import as it was. */
class CatalogCsvCellsTest {

    private static final List<String> TEXTS = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1", "-50% sale",
            "@SUM(A1)", "\tTab", "\rReturn", "'=already", "''=twice", "'Tis the season", "Plain name", "",
            "O'Brien's = best", "'", "''");

    @Test
    void formulasAreDefusedAndEveryTextRoundTrips() {
        for (String text : TEXTS) {
            String cell = CatalogCsv.toCell(text);
            assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, "a formula: " + cell);
            assertEquals(text, CatalogCsv.fromCell(cell), "round trip of " + text);
        }
        assertEquals("'=1+1", CatalogCsv.toCell("=1+1"));
        assertEquals("Plain name", CatalogCsv.toCell("Plain name"), "ordinary text is left alone");
    }
}

package org.sanctionskg.knowledge;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportChecksumTest {

    private static QuerySolution report() {
        List<QuerySolution> rows = Knowledge.select(Knowledge.union(), """
                SELECT ?report ?algorithm ?sha256 ?chars ?bytes ?path WHERE {
                  ?report a skg:Report ; spdx:checksum ?c ; skg:characterCount ?chars ; skg:byteCount ?bytes ;
                          skg:textPath ?path .
                  ?c spdx:algorithm ?algorithm ; spdx:checksumValue ?sha256 .
                }""");
        assertEquals(1, rows.size(), "exactly one report with one checksum");
        return rows.get(0);
    }

    @Test
    void reportChecksumIsTheSha256OfTheArticleText() throws Exception {
        QuerySolution row = report();
        assertEquals("http://spdx.org/rdf/terms#checksumAlgorithm_sha256", row.getResource("algorithm").getURI());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Knowledge.ARTICLE));
        assertEquals(HexFormat.of().formatHex(digest), row.getLiteral("sha256").getLexicalForm().toLowerCase());
    }

    @Test
    void reportLengthsMatchTheArticleInCodePointsAndBytes() throws Exception {
        QuerySolution row = report();
        String text = Knowledge.article();
        assertEquals(text.codePointCount(0, text.length()), row.getLiteral("chars").getInt());
        assertEquals(Files.size(Knowledge.ARTICLE), row.getLiteral("bytes").getLong());
        assertEquals(Knowledge.ARTICLE, Knowledge.ROOT.resolve(row.getLiteral("path").getString()));
    }
}

package io.github.geodispatch.examples.report;

import io.github.geodispatch.examples.CsvRows;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Customer text that is markup, a formula, control characters or other scripts: shown as text, valid HTML, safe CSV. */
class ReportPageHostileTextTest {
    private static final List<String> HOSTILE = List.of(
            "<img src=x onerror=alert(1)>",
            "</script><script>alert(1)</script>",
            "=HYPERLINK(\"http://evil.example\",\"Pay here\")",
            "NUL\u0000 ESC\u001b DEL\u007f NEL\u0085",
            "lone \ud800 surrogate",
            "two\r\nlines\u2028and\u2029more\ttab",
            "देवनागरी தமிழ் العربية 😀 Tom & Jerry; \"quoted\", comma");

    private static String page() {
        OwnerReport week = SampleReports.week();
        OwnerReport.Builder b = OwnerReport.builder("A", week.zone(), week.currency()).asOf(week.asOf())
                .day(week.days().get(week.days().size() - 1)).reconciliation(week.reconciliation()).howRun(week.howRun());
        Instant at = week.asOf().minusSeconds(3_600);
        for (int i = 0; i < HOSTILE.size(); i++) {
            String text = HOSTILE.get(i);
            b.unhappy(new UnhappyCustomer(text, "+91 98860 3344" + i, "J-0009" + i, "AC repair", "Ravi", 1, text, at));
        }
        return ReportPage.render(b.build());
    }

    @Test
    void thePageIsValidHtmlWithTheTextEscapedNotDropped() throws Exception {
        String html = page();

        assertThat(ReportPageBrowserTest.nuErrors(html)).isEmpty();
        assertThat(html).doesNotContain("<img", "<script>alert", "\u0000", "\u001b", "\ud800")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
                        "=HYPERLINK(&quot;http://evil.example&quot;,&quot;Pay here&quot;)",
                        "NUL\\u0000 ESC\\u001b DEL\\u007f NEL\\u0085", "lone \\ud800 surrogate",
                        "two\r\nlines\u2028and\u2029more\ttab", "देवनागरी தமிழ் العربية 😀 Tom &amp; Jerry; &quot;quoted&quot;, comma");
        assertThat(html.indexOf("<script>")).as("only the page's own script").isEqualTo(html.lastIndexOf("<script>"));
    }

    @Test
    void theTableCsvNeutralisesFormulasAndKeepsOneRecordPerRow(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        Files.writeString(file, page());
        try (WebClient browser = new WebClient(BrowserVersion.CHROME)) {
            browser.getOptions().setThrowExceptionOnScriptError(true);
            HtmlPage loaded = browser.getPage(file.toUri().toURL());
            String csv = (String) loaded.executeJavaScript("reportCsv('t-unhappy')").getJavaScriptResult();

            List<List<String>> rows = CsvRows.parse(csv);
            assertThat(rows).hasSize(1 + HOSTILE.size()).allSatisfy(r -> assertThat(r).hasSize(rows.get(0).size()));
            assertThat(rows.stream().flatMap(List::stream)).contains(
                    "'=HYPERLINK(\"http://evil.example\",\"Pay here\")",
                    "two lines and more tab", // whitespace collapsed, as the cell is shown
                    "देवनागरी தமிழ் العربية 😀 Tom & Jerry; \"quoted\", comma")
                    .noneMatch(cell -> cell.startsWith("="));
        }
    }
}

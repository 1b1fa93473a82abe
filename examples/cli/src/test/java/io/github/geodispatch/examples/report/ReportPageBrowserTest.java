package io.github.geodispatch.examples.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nu.validator.client.EmbeddedValidator;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTable;
import org.htmlunit.html.HtmlTableCell;
import org.htmlunit.html.HtmlTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the owner's page like a browser would: the Nu HTML Checker finds no error, and HtmlUnit loads it, sorts a
 * table on a header click and exports exactly the rows shown as CSV, with no script error.
 */
public class ReportPageBrowserTest {
    private static WebClient browser;

    @BeforeAll
    static void browser() {
        browser = new WebClient(BrowserVersion.CHROME);
        browser.getOptions().setThrowExceptionOnScriptError(true);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(true);
        browser.getOptions().setCssEnabled(true);
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void theWeekPassesTheNuHtmlCheckerWithNoError() throws Exception {
        assertThat(nuErrors(ReportPage.render(SampleReports.week()))).isEmpty();
    }

    @Test
    void theOneDayPagePassesTheNuHtmlCheckerWithNoError() throws Exception {
        assertThat(nuErrors(ReportPage.render(SampleReports.oneDay()))).isEmpty();
    }

    @Test
    void theCheckerCatchesABrokenPage() throws Exception {
        // the check can fail: a stray end tag (the unquoted attributes are ReportPageTest's)
        String broken = ReportPage.render(SampleReports.week()).replace("</main>", "</div></main>");
        assertThat(nuErrors(broken)).isNotEmpty();
    }

    @Test
    void clickingAHeaderSortsTheTableAndAgainReversesIt(@TempDir Path dir) throws Exception {
        HtmlPage page = load(dir);
        HtmlTable table = (HtmlTable) page.getElementById("t-technicians");
        DomElement revenueHeader = header(table, "Revenue");
        revenueHeader.click();
        List<Long> ascending = column(table, "Revenue");
        assertThat(ascending).hasSize(3).isSorted();
        assertThat(revenueHeader.getAttribute("aria-sort")).isEqualTo("ascending");
        revenueHeader.click();
        List<Long> descending = new ArrayList<>(column(table, "Revenue"));
        Collections.reverse(descending);
        assertThat(descending).containsExactlyElementsOf(ascending);

        header(table, "Technician").click();
        assertThat(texts(table, 0)).containsExactly("Imran Pasha", "Kavya Reddy", "Ravi Shankar");
    }

    @Test
    void theCsvExportHoldsExactlyTheRowsShownInTheirOrder(@TempDir Path dir) throws Exception {
        HtmlPage page = load(dir);
        HtmlTable table = (HtmlTable) page.getElementById("t-pending");
        header(table, "Owed").click();
        String csv = (String) page.executeJavaScript("reportCsv('t-pending')").getJavaScriptResult();
        List<String> expected = new ArrayList<>();
        for (HtmlTableRow row : table.getRows()) {
            expected.add(row.getCells().stream().map(c -> csvField(neutralised(c))).collect(Collectors.joining(",")));
        }
        assertThat(csv.split("\r\n")).containsExactlyElementsOf(expected);
        assertThat(expected).hasSize(4); // the header and three customers
        assertThat(expected.get(1)).startsWith("Deepa Hegde,").endsWith(",₹599,6 days"); // sorted by what is owed

        // the button downloads the same text (a Blob URL); it must run without a script error
        ((HtmlElement) page.querySelector("button[data-table='t-pending']")).click();
    }

    @Test
    void theOneDayPageLoadsAndExportsWithoutAScriptError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("day.html");
        ReportPage.write(SampleReports.oneDay(), file);
        HtmlPage page = browser.getPage(file.toUri().toURL());
        HtmlTable leakage = (HtmlTable) page.getElementById("t-leakage");
        header(leakage, "At risk").click();
        String csv = (String) page.executeJavaScript("reportCsv('t-leakage')").getJavaScriptResult();
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("What,Technician,Job,At risk,Evidence\r\nCompleted without a visit at the site,");
    }

    @Test
    void branchNamesAreDrawnBesideTheirMarkersNotInsideThem(@TempDir Path dir) throws Exception {
        HtmlPage page = load(dir);
        List<DomElement> branches = page.querySelectorAll("svg.map g.branch").stream().map(n -> (DomElement) n).toList();
        assertThat(branches).hasSize(3);
        List<String> names = new ArrayList<>();
        for (DomElement g : branches) {
            DomElement rect = (DomElement) g.querySelector("rect");
            assertThat(rect.getChildElementCount()).as("nothing nests in a marker").isZero();
            names.add(g.querySelector("text.name").getTextContent());
        }
        assertThat(names).containsExactly("Koramangala", "Whitefield", "Hebbal");
    }

    /** The cell's text, after an apostrophe when it is a text cell a spreadsheet would read as a formula (a phone number). */
    private static String neutralised(HtmlTableCell c) {
        String text = c.asNormalizedText();
        boolean textCell = c.getTagName().equals("td") && !c.getAttribute("class").matches("(.* )?n( .*)?");
        return textCell && text.matches("[=+\\-@].*") ? "'" + text : text;
    }

    private static String csvField(String s) {
        return s.matches(".*[\",\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static HtmlPage load(Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        ReportPage.write(SampleReports.week(), file);
        return browser.getPage(file.toUri().toURL());
    }

    private static DomElement header(HtmlTable table, String name) {
        return table.getRow(0).getCells().stream().filter(c -> c.asNormalizedText().startsWith(name)).findFirst().orElseThrow();
    }

    private static List<Long> column(HtmlTable table, String name) {
        int i = table.getRow(0).getCells().indexOf(header(table, name));
        List<Long> values = new ArrayList<>();
        for (HtmlTableRow row : table.getBodies().get(0).getRows()) {
            values.add(Long.parseLong(row.getCell(i).getAttribute("data-v")));
        }
        return values;
    }

    private static List<String> texts(HtmlTable table, int column) {
        return table.getBodies().get(0).getRows().stream().map(r -> r.getCell(column)).map(HtmlTableCell::asNormalizedText).toList();
    }

    /** The Nu HTML Checker's errors, fatal errors and warnings for the page, each as "line: message". */
    public static List<String> nuErrors(String html) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        String out = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<String> errors = new ArrayList<>();
        for (JsonNode m : new ObjectMapper().readTree(out).path("messages")) {
            if (!"info".equals(m.path("type").asText()) || "warning".equals(m.path("subType").asText())) {
                errors.add(m.path("lastLine").asText() + ": " + m.path("message").asText() + " [" + m.path("extract").asText() + "]");
            }
        }
        return errors;
    }
}

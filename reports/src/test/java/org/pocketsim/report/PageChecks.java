package org.pocketsim.report;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ReportBrowserTest} checks on every page it opens, as a reader would find it at
 * 1280 px: layout, sorting, filtering, alt texts and links.
 */
final class PageChecks {

    /** "Line chart of Decode speed (tok/s) against keep (share of MLP columns read)". */
    private static final String ALT = "^(Line chart|Scatter chart|Pareto chart|Stacked bar chart|Heatmap|Bar chart|Stacked area chart) of "
            + ".*\\(.+\\).* against .+$";

    private PageChecks() {
    }

    @SuppressWarnings("unchecked")
    static void noElementWiderThanTheWindow(JavascriptExecutor js, Path index) {
        List<String> wide = (List<String>) js.executeScript(
                "var vw = document.documentElement.clientWidth;"
                        + "return Array.from(document.querySelectorAll('body *'))"
                        + ".filter(function (e) { return !e.closest('.scroll'); })"
                        + ".filter(function (e) { var r = e.getBoundingClientRect();"
                        + "  return r.width > 0 && (r.right > vw + 1 || r.left < -1); })"
                        + ".map(function (e) { return e.tagName + (e.id ? '#' + e.id : '') + ' '"
                        + "  + Math.round(e.getBoundingClientRect().right) + 'px'; });");
        assertThat(wide).as("elements wider than the window outside a scroll box in " + index).isEmpty();
        Number page = (Number) js.executeScript("return document.documentElement.scrollWidth - "
                + "document.documentElement.clientWidth;");
        assertThat(page.longValue()).as("sideways scrolling of the page " + index).isLessThanOrEqualTo(0);
    }

    /**
     * Published beside ours, with its source, without scrolling sideways: the comparison table's
     * scroll box is no wider than the window (long sources wrap).
     */
    static void theComparisonTableFitsTheWindow(JavascriptExecutor js, Path index) {
        Number overflow = (Number) js.executeScript("var t = document.getElementById('comparison');"
                + "if (!t) return 0; var box = t.parentElement; return box.scrollWidth - box.clientWidth;");
        assertThat(overflow.longValue()).as("sideways scrolling of the comparison table in " + index).isLessThanOrEqualTo(0);
    }

    @SuppressWarnings("unchecked")
    static void chartAltTextsNameTheirAxesWithUnits(JavascriptExecutor js, Path index) {
        List<String> alts = (List<String>) js.executeScript(
                "return Array.from(document.querySelectorAll('figure img')).map(function (i) { return i.alt; });");
        for (String alt : alts) assertThat(alt).as("alt text in " + index).matches(ALT);
    }

    @SuppressWarnings("unchecked")
    static void everyLinkResolves(JavascriptExecutor js, Path folder, Path index) {
        List<Map<String, Object>> links = (List<Map<String, Object>>) js.executeScript(
                "return Array.from(document.querySelectorAll('a[href], img[src]')).map(function (a) {"
                        + " var h = a.getAttribute('href') || a.getAttribute('src');"
                        + " return {href: h, anchor: h.charAt(0) === '#' ? !!document.getElementById(h.substring(1)) : null}; });");
        assertThat(links).as("links in " + index).isNotEmpty();
        for (Map<String, Object> l : links) {
            String href = String.valueOf(l.get("href"));
            if (href.startsWith("#")) {
                assertThat(l.get("anchor")).as("anchor " + href + " in " + index).isEqualTo(Boolean.TRUE);
            } else {
                assertThat(href).as("link in " + index).doesNotContain(":", "/");
                assertThat(folder.resolve(href)).as("file linked from " + index).isRegularFile();
            }
        }
    }

    /** A click on a numeric header sorts ascending, a second descending; at least one changes the order. */
    static void sortingByAHeaderReordersTheRows(WebDriver driver, String tableId) {
        List<WebElement> headers = driver.findElements(By.cssSelector("#" + tableId + " thead th"));
        WebElement header = headers.get(headers.size() - 1);
        int column = headers.size() - 1;
        List<String> before = firstCells(driver, tableId);
        header.click();
        List<Double> ascending = values(driver, tableId, column);
        List<String> afterFirst = firstCells(driver, tableId);
        header.click();
        List<Double> descending = values(driver, tableId, column);
        List<String> afterSecond = firstCells(driver, tableId);
        assertThat(ascending).as("after one click on " + header.getText()).isSorted();
        List<Double> reversed = new ArrayList<>(descending);
        java.util.Collections.reverse(reversed);
        assertThat(reversed).as("after two clicks on " + header.getText()).isSorted();
        if (ascending.stream().distinct().count() > 1) {
            assertThat(afterFirst.equals(before) && afterSecond.equals(before)).as("rows reordered").isFalse();
        }
        headers.get(0).click();
    }

    /** Text no row holds hides every row; a value of the first row keeps exactly the rows holding it. */
    static void theFilterBoxHidesRowsThatDoNotMatch(WebDriver driver, String tableId) {
        WebElement box = driver.findElement(By.cssSelector("input[data-filter='" + tableId + "']"));
        List<WebElement> rows = driver.findElements(By.cssSelector("#" + tableId + " tbody tr"));
        box.sendKeys("no-such-row-zzz");
        assertThat(rows.stream().filter(WebElement::isDisplayed)).as("rows shown for a text no row holds").isEmpty();
        box.clear();
        box.sendKeys(" ");
        box.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
        String value = rows.get(0).findElements(By.tagName("td")).get(1).getText();
        box.sendKeys(value);
        for (WebElement r : rows) {
            boolean holds = r.getAttribute("textContent").toLowerCase().contains(value.toLowerCase());
            assertThat(r.isDisplayed()).as("row '" + r.getText() + "' shown for filter '" + value + "'").isEqualTo(holds);
        }
        box.clear();
        box.sendKeys(" ");
        box.sendKeys(org.openqa.selenium.Keys.BACK_SPACE);
    }

    private static List<String> firstCells(WebDriver driver, String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr td:first-child")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
    }

    private static List<Double> values(WebDriver driver, String tableId, int column) {
        List<Double> out = new ArrayList<>();
        for (WebElement r : driver.findElements(By.cssSelector("#" + tableId + " tbody tr"))) {
            String v = r.findElements(By.tagName("td")).get(column).getAttribute("data-v");
            if (v != null) out.add(Double.parseDouble(v));
        }
        return out;
    }
}

package org.pocketsim.report.html;

/** The report's only stylesheet, inlined so the page needs nothing beside its own folder. */
final class PageStyle {

    private PageStyle() {
    }

    static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif;
                   margin: 0 auto; max-width: 1180px; padding: 24px 32px 48px; color: #1d1d1f;
                   line-height: 1.45; background: #fff; }
            h1 { font-size: 28px; margin: 0 0 4px; }
            h2 { font-size: 20px; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #4e79a7; }
            h3 { font-size: 16px; margin: 20px 0 8px; }
            p.question { font-size: 17px; color: #444; margin: 4px 0 16px; }
            dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0;
                      font-size: 14px; }
            dl.meta dt { color: #666; }
            dl.meta dd { margin: 0; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace;
                         overflow-wrap: anywhere; }
            p.files { font-size: 14px; margin: 12px 0 0; }
            nav.toc { margin: 20px 0 0; font-size: 14px; background: #f6f8fa; border: 1px solid #e3e3e3;
                      padding: 4px 18px 8px; }
            nav.toc h2 { font-size: 15px; border: 0; margin: 8px 0 4px; padding: 0; }
            nav.toc ol { margin: 0; padding-left: 22px; }
            nav.toc ol ol { list-style: lower-alpha; }
            a { color: #2f5f8f; }
            .scroll { overflow: auto; max-width: 100%; }
            .scroll.tall { max-height: 70vh; border: 1px solid #e3e3e3; }
            table { border-collapse: collapse; font-size: 13.5px; margin: 6px 0 8px; }
            .scroll.tall table { margin: 0; width: 100%; }
            th, td { border-bottom: 1px solid #e3e3e3; padding: 5px 10px; text-align: left;
                     vertical-align: top; }
            th { background: #f3f5f8; font-weight: 600; }
            table.sortable thead th { position: sticky; top: 0; z-index: 1; cursor: pointer; vertical-align: bottom;
                                      min-width: 4.5em; box-shadow: inset 0 -1px 0 #c9ced6; }
            table.sortable th[aria-sort=ascending]::after { content: " \\25B2"; font-size: 10px; }
            table.sortable th[aria-sort=descending]::after { content: " \\25BC"; font-size: 10px; }
            td.label { min-width: 14em; max-width: 30em; }
            #comparison td:last-child { min-width: 22em; overflow-wrap: anywhere; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            p.filter { margin: 4px 0 6px; font-size: 14px; }
            p.filter input { font: inherit; padding: 3px 6px; width: 18em; }
            dl.notes dt { font-weight: 600; margin-top: 8px; }
            dl.notes dd { margin: 2px 0 0 18px; }
            details { margin: 4px 0; font-size: 14px; }
            details pre { max-height: 28em; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            tr.off td { background: #fde8e8; }
            p.note { font-size: 13px; color: #666; margin: 4px 0; }
            figure { margin: 18px 0 26px; }
            figure img { max-width: 100%; height: auto; border: 1px solid #e3e3e3; }
            figcaption { font-size: 13px; color: #555; max-width: 960px; }
            figcaption .files { white-space: nowrap; }
            pre { background: #f6f8fa; border: 1px solid #e3e3e3; padding: 12px 14px; font-size: 13px;
                  overflow-x: auto; }
            footer { margin-top: 40px; font-size: 12px; color: #888; }
            """;
}

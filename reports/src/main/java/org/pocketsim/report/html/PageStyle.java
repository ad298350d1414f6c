package org.pocketsim.report.html;

/** The report's only stylesheet, inlined so the page needs nothing beside its own folder. */
final class PageStyle {

    private PageStyle() {
    }

    static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif;
                   margin: 0 auto; max-width: 1100px; padding: 24px 32px 48px; color: #1d1d1f;
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
            nav { margin: 16px 0 0; font-size: 14px; }
            nav a { margin-right: 14px; }
            a { color: #2f5f8f; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 13.5px; margin: 6px 0 8px; }
            th, td { border-bottom: 1px solid #e3e3e3; padding: 5px 10px; text-align: left;
                     vertical-align: top; }
            th { background: #f3f5f8; font-weight: 600; white-space: nowrap; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            tr.off td { background: #fde8e8; }
            p.note { font-size: 13px; color: #666; margin: 4px 0; }
            figure { margin: 18px 0 26px; }
            figure img { max-width: 100%; height: auto; border: 1px solid #e3e3e3; }
            figcaption { font-size: 13px; color: #666; }
            pre { background: #f6f8fa; border: 1px solid #e3e3e3; padding: 12px 14px; font-size: 13px;
                  overflow-x: auto; }
            footer { margin-top: 40px; font-size: 12px; color: #888; }
            """;
}

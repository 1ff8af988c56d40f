/** The inline stylesheet and script of the HTML report (no external requests: fonts, images, scripts). */

export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa;
  --ok: #1a7f37; --due: #bf8700; --overdue: #cf222e; --unknown: #8c959f; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 24px 28px 48px; color: var(--fg); background: #fff;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.meta { color: var(--muted); margin: 2px 0; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; min-width: 150px; background: var(--bg-soft); }
.card .value { font-size: 22px; font-weight: 600; } .card .label { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; white-space: nowrap; }
td.num, th.num { text-align: right; }
th { background: var(--bg-soft); position: sticky; top: 0; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); }
th[aria-sort="ascending"] button::after { content: " \\25B2"; font-size: 10px; }
th[aria-sort="descending"] button::after { content: " \\25BC"; font-size: 10px; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: var(--unknown); }
.badge.state-ok, .badge.action-promote, .badge.verdict-yes { background: var(--ok); }
.badge.state-due, .badge.action-renew { background: var(--due); }
.badge.state-overdue, .badge.action-remove, .badge.verdict-no { background: var(--overdue); }
.badge.action-keep { background: #6e7781; }
.hint { color: var(--muted); font-size: 12px; }
.chart { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--fg); }
svg text.date, svg text.status-label { fill: var(--muted); font-size: 10px; }
svg text.release { font-weight: 600; } svg text.beyond { fill: var(--muted); font-style: italic; }
svg .grid { stroke: var(--line); stroke-dasharray: 2 3; }
svg .review { fill: #ddf4ff; }
svg .bar.state-ok, svg .flag.state-ok { fill: var(--ok); stroke: var(--ok); }
svg .bar.state-due, svg .flag.state-due { fill: var(--due); stroke: var(--due); }
svg .overdue-by { fill: var(--overdue); font-size: 11px; }
svg .bar.state-overdue, svg .flag.state-overdue { fill: var(--overdue); stroke: var(--overdue); }
svg .bar.state-unknown, svg .flag.state-unknown { fill: var(--unknown); stroke: var(--unknown); }
svg .bar { fill-opacity: 0.85; } svg .flag { fill-opacity: 0.9; stroke-width: 1.5; }
svg .renewal { fill: #8250df; stroke: #fff; stroke-width: 1.5; } svg .renewal.void { fill: #fff; stroke: #8250df; }
svg line.status-stable, svg line.status-deprecated { stroke: #6e7781; stroke-width: 3; }
svg line.status-removed { stroke: var(--unknown); stroke-width: 3; stroke-dasharray: 5 4; }
svg circle.status-stable, svg circle.status-deprecated { fill: #6e7781; } svg circle.status-removed { fill: var(--unknown); }
svg .tick { stroke: var(--muted); }
.day-pass { fill: #2da44e; } .day-test { fill: #d4a72c; } .day-infra { fill: #8c959f; }
.day-silent { fill: #ffcecb; } .day-quiet { fill: #eaeef2; } .day-broken { fill: #cf222e; }
.legend { white-space: nowrap; margin-right: 12px; color: var(--muted); font-size: 12px; }
article { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 10px; margin: 12px 0; }
article dl { display: grid; grid-template-columns: 130px 1fr; gap: 2px 12px; margin: 8px 0; }
article dt { color: var(--muted); } article dd { margin: 0; }
article ul { margin: 2px 0; padding-left: 18px; color: var(--muted); }
.recommendation { margin: 8px 0 2px; }
.failing { margin: 4px 0 0; padding-left: 18px; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
`;

/**
 * Sorting of tables with class "sortable": a click on a header button sorts by that column
 * (numbers by data-sort, text otherwise), a second click reverses; ties keep the original order.
 */
export const REPORT_SCRIPT = `
(function () {
  'use strict';
  function key(cell, numeric) {
    var raw = cell.getAttribute('data-sort');
    if (raw === null) raw = cell.textContent || '';
    return numeric ? Number(raw) : raw.toLowerCase();
  }
  function sortTable(table, header, column) {
    var direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    var headers = table.tHead.rows[0].cells;
    for (var i = 0; i < headers.length; i++) headers[i].removeAttribute('aria-sort');
    header.setAttribute('aria-sort', direction);
    var numeric = header.getAttribute('data-type') === 'number';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var sign = direction === 'ascending' ? 1 : -1;
    rows.sort(function (a, b) {
      var x = key(a.cells[column], numeric);
      var y = key(b.cells[column], numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return order * sign || Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'));
    });
    for (var r = 0; r < rows.length; r++) body.appendChild(rows[r]);
  }
  var tables = document.querySelectorAll('table.sortable');
  for (var t = 0; t < tables.length; t++) {
    (function (table) {
      var headers = table.tHead.rows[0].cells;
      for (var c = 0; c < headers.length; c++) {
        (function (header, column) {
          var button = header.querySelector('button');
          if (button) button.addEventListener('click', function () { sortTable(table, header, column); });
        })(headers[c], c);
      }
    })(tables[t]);
  }
})();
`;

/**
 * The head of a self-contained HTML document (the report's and the readiness verdict's): no
 * request but the document itself, so the Content-Security-Policy allows inline styles (and
 * inline script only when the page has one) and data: images. `title` is already escaped.
 */
export function htmlDocumentHead(options: { escapedTitle: string; css: string; script: boolean }): string[] {
  const scriptSource = options.script ? " script-src 'unsafe-inline';" : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';${scriptSource} img-src data:">`,
    `<title>${options.escapedTitle}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${options.css}</style>`,
    '</head>',
  ];
}

"""``--format html``: one self-contained page (inline CSS and JS, nothing fetched).

The page has a summary header, a findings table with rule / severity filters, and each post
with findings shown with its matches highlighted (overlapping matches are split into
segments) and its redacted rewrite. Every piece of post text is untrusted and is escaped;
a Content-Security-Policy built from the hashes of the inline style and script blocks
everything else, so even a missed escape could not run script or load anything.

The summary comes first on the page but is only known at the end of the stream, so the
table rows and post sections are spooled to temporary files (bounded memory) while the
reports are counted, then copied out after the header.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import tempfile
from collections.abc import Iterable
from html import escape
from typing import TextIO

from hipaalint.models import Finding, Report, Severity
from hipaalint.reporters import RenderOptions, shown
from hipaalint.reporters.json import SummaryCounter, shown_message

SEVERITIES = ("error", "warning", "info")
_SPOOL_BYTES = 8 * 1024 * 1024

STYLE = """
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1b1b1f; --muted: #4a4a55; --line: #c9c9d1;
  --panel: #f4f4f7; --link: #0b57d0; --err-bg: #b3261e; --warn-bg: #8a5300; --info-bg: #0b57d0; --overlap: #5b2a86; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #16161a; --fg: #ececf1; --muted: #b8b8c4; --line: #3d3d48; --panel: #202027; --link: #9ec1ff; --overlap: #d0a8ff; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 1px solid var(--line); }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.5rem 0 .5rem; }
h3 { font-size: 1rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h4 { font-size: .95rem; margin: .75rem 0 .25rem; color: var(--muted); }
a { color: var(--link); }
.meta { color: var(--muted); margin: 0; }
.stats { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0 0; padding: 0; }
.stats div { background: var(--panel); border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .75rem; min-width: 8rem; }
.stats dt { font-size: .8rem; color: var(--muted); }
.stats dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .6rem; font-size: .85rem; font-weight: 600; color: #fff; white-space: nowrap; }
.badge.sev-error { background: var(--err-bg); }
.badge.sev-warning { background: var(--warn-bg); }
.badge.sev-info { background: var(--info-bg); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); position: sticky; top: 0; }
caption { text-align: left; color: var(--muted); padding: .25rem 0; caption-side: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: .5rem; }
.table-wrap:focus { outline: 2px solid var(--link); }
#findings td { overflow-wrap: break-word; }
#findings td.msg { min-width: 14rem; }
th code, td code.rule, .badge { white-space: nowrap; }
th.num { text-align: right; }
tr[hidden] { display: none; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; margin: .5rem 0 .75rem; }
.filters label { display: block; font-size: .85rem; font-weight: 600; }
.filters select { font: inherit; min-height: 2.5rem; min-width: 12rem; padding: .25rem .5rem;
  border: 1px solid var(--muted); border-radius: .375rem; background: var(--bg); color: var(--fg); }
#filter-status { margin: 0; color: var(--muted); }
.post { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; margin: 0 0 1rem; background: var(--panel); }
.post-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; padding: .5rem .75rem;
  background: var(--bg); border-radius: .375rem; border: 1px solid var(--line); }
mark { color: #000; border-radius: .2rem; padding: 0 .1rem; }
mark.sev-error { background: #ffd4cf; box-shadow: inset 0 -2px 0 #b3261e; }
mark.sev-warning { background: #ffe7a8; box-shadow: inset 0 -2px 0 #8a5300; }
mark.sev-info { background: #d3e3fd; box-shadow: inset 0 -2px 0 #0b57d0; }
mark.overlap { outline: 2px dashed var(--overlap); outline-offset: -1px; }
.legend { font-size: .85rem; color: var(--muted); }
footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); }
@media (max-width: 600px) {
  header, main, footer { padding: .75rem; }
  h1 { font-size: 1.35rem; }
  .stats div { min-width: 0; flex: 1 1 40%; }
  .filters select { min-width: 0; width: 100%; }
  .filters > div { flex: 1 1 100%; }
  /* Findings become cards: one block per finding, each value labelled. */
  .table-wrap.cards { overflow: visible; border: 0; }
  #findings thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  #findings caption { display: block; }
  #findings tr { display: block; border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 .75rem;
    padding: .25rem 0; background: var(--panel); }
  #findings tr[hidden] { display: none; }
  #findings td { display: block; border: 0; padding: .2rem .5rem .2rem 6.5rem; position: relative;
    min-width: 0; overflow-wrap: anywhere; text-align: left; }
  #findings td::before { content: attr(data-label); position: absolute; left: .5rem; width: 5.5rem;
    font-size: .8rem; font-weight: 600; color: var(--muted); padding-top: .1rem; }
}
"""

SCRIPT = """
(function () {
  var rule = document.getElementById('filter-rule');
  var severity = document.getElementById('filter-severity');
  var status = document.getElementById('filter-status');
  if (!rule || !severity) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
  function preset(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.value = value; return; }
    }
  }
  function apply() {
    var r = rule.value, s = severity.value, shown = 0;
    rows.forEach(function (tr) {
      var visible = (!r || tr.getAttribute('data-rule') === r) &&
                    (!s || tr.getAttribute('data-severity') === s);
      tr.hidden = !visible;
      if (visible) { shown++; }
    });
    status.textContent = 'Showing ' + shown + ' of ' + rows.length + ' findings';
  }
  if (window.URLSearchParams && location.hash.length > 1) {
    var params = new URLSearchParams(location.hash.slice(1));
    if (params.get('rule')) { preset(rule, params.get('rule')); }
    if (params.get('severity')) { preset(severity, params.get('severity')); }
  }
  rule.addEventListener('change', apply);
  severity.addEventListener('change', apply);
  apply();
})();
"""


def _csp_hash(block: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(block.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = (
    "default-src 'none'; "
    f"style-src {_csp_hash(STYLE)}; "
    f"script-src {_csp_hash(SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _severity_rank(severity: Severity | str) -> int:
    try:
        return Severity(str(severity)).rank
    except ValueError:
        return -1


def _title(finding: Finding, options: RenderOptions) -> str:
    return f"{finding.rule_id}: {shown_message(finding, options)}"


def highlight(report: Report, options: RenderOptions) -> str:
    """The post text, escaped, with each finding span in a ``<mark>``.

    Overlapping spans are split at every boundary; each segment is marked with the highest
    severity covering it and a title listing every finding that covers it.
    """
    text = report.post.text
    size = len(text)
    spans = []
    for f in report.findings:
        start, end = min(max(f.start, 0), size), min(max(f.end, 0), size)
        if start < end:
            spans.append((start, end, f))
    cuts = sorted({0, size, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    parts: list[str] = []
    for left, right in zip(cuts, cuts[1:]):
        segment = text[left:right]
        covering = [f for s, e, f in spans if s <= left and right <= e]
        if not covering:
            parts.append(_e(segment))
            continue
        worst = max(covering, key=lambda f: _severity_rank(f.severity))
        classes = f"sev-{_e(worst.severity)}" + (" overlap" if len(covering) > 1 else "")
        title = "\n".join(_title(f, options) for f in covering)
        parts.append(f'<mark class="{classes}" title="{_e(title)}">{_e(shown(segment, options))}</mark>')
    return "".join(parts)


def _path(source: str) -> str:
    """An escaped path that may wrap after each '/'."""
    return "/<wbr>".join(_e(part) for part in source.split("/"))


# The findings table turns into cards on narrow screens (display: block), which drops the
# implicit table semantics in some browsers; explicit roles keep it a table for screen readers.
def _finding_row(report: Report, finding: Finding, anchor: str, options: RenderOptions) -> str:
    post = report.post
    sev = str(finding.severity)
    return (
        f'<tr data-rule="{_e(finding.rule_id)}" data-severity="{_e(sev)}" role="row">'
        f'<td role="cell" data-label="Source">{_path(post.source)}</td>'
        f'<td role="cell" data-label="Post"><a href="#{anchor}">{_e(post.id)}</a></td>'
        f'<td role="cell" data-label="Line" class="num">{finding.line}</td>'
        f'<td role="cell" data-label="Rule"><code class="rule">{_e(finding.rule_id)}</code></td>'
        f'<td role="cell" data-label="Severity"><span class="badge sev-{_e(sev)}">{_e(sev)}</span></td>'
        f'<td role="cell" data-label="Text"><code>{_e(shown(finding.text, options))}</code></td>'
        f'<td role="cell" data-label="Message" class="msg">{_e(shown_message(finding, options))}</td>'
        "</tr>\n"
    )


def _post_section(report: Report, anchor: str, options: RenderOptions) -> str:
    post = report.post
    n = len(report.findings)
    parts = [
        f'<section class="post" id="{anchor}" aria-labelledby="{anchor}-h">',
        f'<h3 id="{anchor}-h">{_e(post.source)}:{post.line} &middot; post {_e(post.id)} '
        f'<span class="meta">({n} finding{"s" if n != 1 else ""})</span></h3>',
        f'<div class="post-text">{highlight(report, options)}</div>',
    ]
    if report.redacted is not None:
        parts.append(f'<h4>Redacted rewrite</h4><div class="post-text redacted">{_e(report.redacted)}</div>')
    parts.append("</section>\n")
    return "\n".join(parts)


def _summary(summary: SummaryCounter, options: RenderOptions) -> str:
    stats = [
        ("Posts", summary.posts),
        ("Posts with findings", summary.posts_with_findings),
        ("Findings", summary.findings),
    ] + [(sev.capitalize(), summary.by_severity.get(sev, 0)) for sev in SEVERITIES]
    items = "".join(f"<div><dt>{_e(label)}</dt><dd>{value}</dd></div>" for label, value in stats)
    out = [f'<dl class="stats">{items}</dl>']
    if summary.by_rule:
        rows = []
        for rule_id, count in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            info = options.rules.get(rule_id)
            name = _e(info.name) if info and info.name else '<span class="meta">—</span>'
            rows.append(
                f'<tr><th scope="row"><code>{_e(rule_id)}</code></th><td>{name}</td>'
                f'<td class="num">{count}</td></tr>'
            )
        out.append(
            '<h2 id="by-rule">Findings by rule</h2>'
            '<div class="table-wrap" role="region" aria-labelledby="by-rule" tabindex="0">'
            '<table><thead><tr><th scope="col">Rule</th><th scope="col">Name</th>'
            '<th scope="col" class="num">Findings</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    return "\n".join(out)


def _filters(summary: SummaryCounter, options: RenderOptions) -> str:
    rule_options = ['<option value="">All rules</option>']
    for rule_id in sorted(summary.by_rule):
        info = options.rules.get(rule_id)
        label = f"{rule_id} — {info.name}" if info and info.name else rule_id
        rule_options.append(f'<option value="{_e(rule_id)}">{_e(label)} ({summary.by_rule[rule_id]})</option>')
    sev_options = ['<option value="">All severities</option>']
    for sev in SEVERITIES:
        if summary.by_severity.get(sev):
            sev_options.append(f'<option value="{sev}">{sev} ({summary.by_severity[sev]})</option>')
    return (
        '<div class="filters">'
        f'<div><label for="filter-rule">Rule</label><select id="filter-rule">{"".join(rule_options)}</select></div>'
        f'<div><label for="filter-severity">Severity</label>'
        f'<select id="filter-severity">{"".join(sev_options)}</select></div>'
        f'<p id="filter-status" role="status" aria-live="polite">{summary.findings} findings</p>'
        "</div>"
    )


def render(reports: Iterable[Report], out: TextIO, options: RenderOptions) -> None:
    summary = SummaryCounter()
    spool = dict(max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8", newline="")
    with tempfile.SpooledTemporaryFile(**spool) as rows, tempfile.SpooledTemporaryFile(**spool) as posts:
        for report in reports:
            summary.add(report)
            if not report.findings:
                continue
            anchor = f"post-{summary.posts}"
            for finding in sorted(report.findings, key=lambda f: (f.start, f.end, f.rule_id)):
                rows.write(_finding_row(report, finding, anchor, options))
            posts.write(_post_section(report, anchor, options))

        out.write(
            "<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            "<title>hipaalint report</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n"
            "<header>\n<h1>hipaalint report</h1>\n"
            f'<p class="meta">hipaalint {_e(options.version)}'
            f'{" &middot; matched text masked" if options.mask else ""}</p>\n'
            f"{_summary(summary, options)}\n</header>\n<main>\n"
        )
        if not summary.findings:
            out.write(f"<p>No findings in {summary.posts} post{'s' if summary.posts != 1 else ''}.</p>\n")
        else:
            out.write('<h2 id="findings-h">Findings</h2>\n')
            out.write(_filters(summary, options) + "\n")
            out.write(
                '<div class="table-wrap cards" role="region" aria-labelledby="findings-h" tabindex="0">\n'
                '<table id="findings" role="table">\n'
                "<caption>Every finding; use the filters above to narrow the list.</caption>\n"
                '<thead role="rowgroup"><tr role="row">'
                + "".join(
                    f'<th scope="col" role="columnheader"{cls}>{label}</th>'
                    for label, cls in (
                        ("Source", ""), ("Post", ""), ("Line", ' class="num"'), ("Rule", ""),
                        ("Severity", ""), ("Text", ""), ("Message", ""),
                    )
                )
                + '</tr></thead>\n<tbody role="rowgroup">\n'
            )
            rows.seek(0)
            shutil.copyfileobj(rows, out)
            out.write("</tbody>\n</table>\n</div>\n")
            out.write(
                '<h2 id="posts-h">Posts with findings</h2>\n'
                '<p class="legend">Highlights: <mark class="sev-error">error</mark> '
                '<mark class="sev-warning">warning</mark> <mark class="sev-info">info</mark> '
                '<mark class="sev-info overlap">overlapping</mark>; hover a highlight for its rule.</p>\n'
            )
            posts.seek(0)
            shutil.copyfileobj(posts, out)
        out.write(
            "</main>\n<footer><p>Generated by hipaalint. This page loads nothing from the network; "
            "treat it as sensitive: unmasked reports contain the PHI they found.</p></footer>\n"
            f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
        )

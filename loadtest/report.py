"""Turns the runs of loadtest/run into its report: medians per case and target, the baseline's and NGINX's
rates beside the service's and the service's ratio to NGINX, as Markdown and as a self-contained HTML page with SVG bar charts.

    /usr/bin/python3 loadtest/report.py RUNS.tsv META.tsv OUT [LAG.md]

RUNS.tsv: a header, then one line per measured run (case, target, run, requests/s, p50, p99, max in ms,
non-2xx responses, socket errors, MB read from disk during the run). META.tsv: label<TAB>text lines: "title", "target:<name>" (what the
target is), then the settings in order. Writes OUT.md and OUT.html.
"""
import csv
import html
import statistics
import sys

FIGURES = ["rps", "p50", "p99", "max", "non2xx", "errors", "disk_mb"]
HEADINGS = ["req/s", "p50 ms", "p99 ms", "max ms", "non-2xx", "socket errors", "disk read MB"]
# one colour per target in every report, so that charts of different runs read alike
COLOURS = {"service": "#2f6db5", "baseline": "#c0504d", "nginx": "#7f7f7f", "service-x2": "#4f9a45", "service-cluster": "#8064a2",
           "service-near-off": "#4bacc6", "service-whole": "#f79646"}


def read_medians(path):
    """{(case, target): {figure: median}} and the cases and targets in the order they ran."""
    runs, cases, targets = {}, [], []
    with open(path, newline="") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            case, target = row["case"], row["target"]
            cases += [case] if case not in cases else []
            targets += [target] if target not in targets else []
            runs.setdefault((case, target), []).append({f: float(row[f]) for f in FIGURES})
    medians = {key: {f: statistics.median(run[f] for run in rows) for f in FIGURES} for key, rows in runs.items()}
    return medians, cases, targets


def read_meta(path):
    title, targets, settings = "Load test", {}, []
    with open(path) as file:
        for line in file:
            label, text = line.rstrip("\n").split("\t", 1)
            if label == "title":
                title = text
            elif label.startswith("target:"):
                targets[label[len("target:"):]] = text
            else:
                settings.append((label, text))
    return title, targets, settings


def number(value, digits=0):
    return f"{value:,.{digits}f}"


def ratio(numerator, denominator):
    return f"{numerator / denominator:.2f}" if numerator is not None and denominator else "–"


def tables(medians, cases, targets):
    """The two tables, as (headings, rows of text): all medians, then the targets side by side."""
    figures = [["case", "target"] + HEADINGS]
    for case in cases:
        for target in targets:
            m = medians.get((case, target))
            if m:
                figures.append([case, target, number(m["rps"]), number(m["p50"], 2), number(m["p99"], 2),
                                number(m["max"], 1), number(m["non2xx"]), number(m["errors"]), number(m["disk_mb"])])
    ratios = [("service", "nginx"), ("service-whole", "nginx"), ("service-x2", "service"), ("service-cluster", "service-near-off"),
              ("service", "service-near-off")]
    ratios = [(a, b) for a, b in ratios if a in targets and b in targets]
    side = [["case"] + [f"{t} req/s" for t in targets] + [f"{a} / {b}" for a, b in ratios]]
    for case in cases:
        rps = {t: medians[(case, t)]["rps"] for t in targets if (case, t) in medians}
        side.append([case] + [number(rps[t]) if t in rps else "–" for t in targets]
                    + [ratio(rps.get(a), rps.get(b)) for a, b in ratios])
    return figures, side


def markdown_table(rows):
    lines = ["| " + " | ".join(rows[0]) + " |", "| --- | " + " | ".join("---:" for _ in rows[0][1:]) + " |"]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows[1:]])


def html_table(rows):
    head = "".join(f"<th>{html.escape(cell)}</th>" for cell in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:])
    return f"<table><tr>{head}</tr>{body}</table>"


def bar_chart(medians, cases, targets, figure, unit):
    """Horizontal bars, one group per case, one bar per target, each labelled with its value."""
    bar, gap, left, width, top = 14, 12, 130, 520, 30
    largest = max((m[figure] for m in medians.values()), default=0) or 1
    height = top + len(cases) * (len(targets) * bar + gap) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 90}" height="{height}" font-family="sans-serif" font-size="11">']
    for i, target in enumerate(targets):
        parts.append(f'<rect x="{left + i * 120}" y="4" width="10" height="10" fill="{COLOURS.get(target, "#000")}"/>'
                     f'<text x="{left + i * 120 + 14}" y="13">{html.escape(target)}</text>')
    y = top
    for case in cases:
        parts.append(f'<text x="{left - 6}" y="{y + len(targets) * bar / 2 + 4}" text-anchor="end">{html.escape(case)}</text>')
        for target in targets:
            value = medians.get((case, target), {}).get(figure)
            if value is not None:
                length = max(1, width * value / largest)
                parts.append(f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar - 2}" fill="{COLOURS.get(target, "#000")}"/>'
                             f'<text x="{left + length + 4:.1f}" y="{y + bar - 4}">{number(value, 0 if figure == "rps" else 1)} {unit}</text>')
            y += bar
        y += gap
    return "\n".join(parts + ["</svg>"])


def demoted(markdown):
    """The lag report's headings one level down, to sit under this report's."""
    return "\n".join("#" + line if line.startswith("#") else line for line in markdown.splitlines())


def main(runs_path, meta_path, out, lag_path=None):
    medians, cases, targets = read_medians(runs_path)
    title, target_texts, settings = read_meta(meta_path)
    figures, side = tables(medians, cases, targets)
    lag = open(lag_path).read() if lag_path else None
    name = out.rsplit("/", 1)[-1]

    md = [f"# {title}", ""] + [f"- **{label}**: {text}" for label, text in settings] + ["", "Targets:", ""]
    md += [f"- `{t}`: {target_texts.get(t, '')}" for t in targets]
    md += ["", "## Medians per case and target", "", markdown_table(figures), "",
           "## Side by side (requests/s)", "", markdown_table(side), ""]
    if lag:
        md += [demoted(lag), ""]
    md += [f"Charts: `{name}.html`; every run: `{name}.tsv`.", ""]
    with open(out + ".md", "w") as file:
        file.write("\n".join(md))

    page = [f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>",
            "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;font-size:14px}"
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
            "td:first-child,th:first-child{text-align:left}pre{background:#f6f6f6;padding:1em;overflow:auto}</style></head><body>",
            f"<h1>{html.escape(title)}</h1><ul>"]
    page += [f"<li><b>{html.escape(label)}</b>: {html.escape(text)}</li>" for label, text in settings]
    page += ["</ul><p>Targets:</p><ul>"] + [f"<li><code>{html.escape(t)}</code>: {html.escape(target_texts.get(t, ''))}</li>" for t in targets]
    page += ["</ul><h2>Requests per second (medians)</h2>", bar_chart(medians, cases, targets, "rps", "/s"),
             "<h2>p99 latency (medians)</h2>", bar_chart(medians, cases, targets, "p99", "ms"),
             "<h2>Medians per case and target</h2>", html_table(figures),
             "<h2>Side by side (requests/s)</h2>", html_table(side)]
    if lag:
        page += ["<h2>Projection lag under load</h2>", f"<pre>{html.escape(lag)}</pre>"]
    page += ["</body></html>"]
    with open(out + ".html", "w") as file:
        file.write("\n".join(page))


if __name__ == "__main__":
    main(*sys.argv[1:])

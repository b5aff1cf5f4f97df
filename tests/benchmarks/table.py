#!/usr/bin/python3
"""Prints the benchmark table from the "TABLE" lines the benchmarks wrote (tablerow.h).

    table.py LOG [--markdown]

Each TABLE line is tab-separated: figure, unit, baseline, the baseline's median, min and max, the
subject's median, min and max, ratio (subject / baseline median), target, verdict (met, missed,
info, skipped) and runs. "-" marks an empty field. The table keeps the order of the log; the last
line counts the verdicts. Standard library only.
"""

import sys

FIELDS = ("figure", "unit", "baseline", "b_median", "b_min", "b_max", "s_median", "s_min",
          "s_max", "ratio", "target", "verdict", "runs")


def read_rows(path):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for line in log:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "TABLE" and len(parts) == len(FIELDS) + 1:
                rows.append(dict(zip(FIELDS, parts[1:])))
    return rows


def spread(row, side):
    median, low, high = row[side + "_median"], row[side + "_min"], row[side + "_max"]
    if median == "-":
        return "-"
    return f"{median} ({low}-{high}) {row['unit']}"


def cells(row):
    return [row["figure"], row["baseline"], spread(row, "b"), spread(row, "s"), row["ratio"],
            row["target"], row["verdict"], row["runs"]]


HEADER = ["figure", "baseline", "baseline: median (min-max)", "subject: median (min-max)",
          "ratio", "target", "verdict", "runs"]


def plain(rows):
    table = [HEADER] + [cells(row) for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    out = []
    for number, line in enumerate(table):
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    return "\n".join(out)


def markdown(rows):
    out = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for row in rows:
        line = cells(row)
        if row["verdict"] in ("met", "missed"):
            line[6] = f"**{line[6]}**"
        out.append("| " + " | ".join(cell.replace("|", "\\|") for cell in line) + " |")
    return "\n".join(out)


def main():
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    if len(args) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    rows = read_rows(args[0])
    if not rows:
        print("no TABLE rows in " + args[0], file=sys.stderr)
        return 1
    print(markdown(rows) if "--markdown" in sys.argv else plain(rows))
    counts = {}
    for row in rows:
        counts[row["verdict"]] = counts.get(row["verdict"], 0) + 1
    print("\n" + ", ".join(f"{n} {verdict}" for verdict, n in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Rewrites the figures in docs/copy-safety.md ("How well it reads") from the corpus test's table.

Run: swift test --filter CopySafetyCorpusTests 2>&1 | python3 Scripts/copy-safety-table.py
The test prints a line per split, language and rule: precision, recall, tp, fp, fn.
"""
import re, sys

rows = {}
for line in sys.stdin:
    m = re.match(r"^(tune|test)\s+(\S+)\s+(\S+)\s+([\d.]+)%\s+([\d.]+)%\s+(\d+)\s+(\d+)\s+(\d+)", line)
    if m:
        split, lang, rule = m.group(1), m.group(2), m.group(3)
        rows[(split, lang, rule)] = (float(m.group(4)), float(m.group(5)), m.group(6), m.group(7), m.group(8))
if not rows:
    sys.exit("no table in the input: pipe the corpus test's output in")
rules = ["private-info-in-public", "secret-request", "redirect-off-platform"]
langs = sorted({k[1] for k in rows if k[1] != "all"}) + ["all"]
table = ["| language | rule | tune precision | tune recall | test precision | test recall | test tp/fp/fn |",
         "| --- | --- | --- | --- | --- | --- | --- |"]
short = []
for lang in langs:
    for rule in rules:
        tune, test = rows[("tune", lang, rule)], rows[("test", lang, rule)]
        table.append(f"| {lang} | `{rule}` | {tune[0]:.1f}% | {tune[1]:.1f}% | {test[0]:.1f}% | {test[1]:.1f}% | {test[2]}/{test[3]}/{test[4]} |")
        if test[0] < 95 or test[1] < 95:
            short.append(f"- {lang} {rule} (P {test[0]:.1f}%, R {test[1]:.1f}%)")
path = "docs/copy-safety.md"
doc = open(path, encoding="utf-8").read()
start = doc.index("| language | rule | tune precision")
end = doc.index("\n\n", start)
doc = doc[:start] + "\n".join(table) + doc[end:]
start = doc.index("fall short of it:\n\n") + len("fall short of it:\n\n")
end = doc.index("\n\n", start)
doc = doc[:start] + "\n".join(short) + doc[end:]
open(path, "w", encoding="utf-8").write(doc)
print(f"{len(short)} of {len(table) - 2} rows below 95%")

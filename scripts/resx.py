#!/usr/bin/env python3
"""Generate .resx files from the TSV sources in src/*/Resources (any project).

Each line of NAME.tsv is: key <TAB> Bahasa Indonesia <TAB> English. Lines starting with # are
comments. NAME.resx (Indonesian, the default culture) and NAME.en.resx are written beside it.
One line per key keeps both languages side by side, so neither can be forgotten.
Run after editing a .tsv: python3 scripts/resx.py
"""
import glob, os, sys
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def main():
    src = os.path.join(os.path.dirname(__file__), "..", "src")
    failed = False
    for tsv in sorted(glob.glob(os.path.join(src, "*", "**", "Resources", "**", "*.tsv"), recursive=True)):
        entries, seen = [], set()
        with open(tsv, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.split("\t")
                if len(parts) != 3 or not all(p.strip() for p in parts):
                    print(f"{tsv}:{n}: expected key<TAB>id<TAB>en", file=sys.stderr); failed = True; continue
                if parts[0] in seen:
                    print(f"{tsv}:{n}: duplicate key {parts[0]}", file=sys.stderr); failed = True; continue
                seen.add(parts[0]); entries.append(parts)
        base = tsv[:-4]
        for suffix, col in ((".resx", 1), (".en.resx", 2)):
            with open(base + suffix, "w", encoding="utf-8", newline="\n") as out:
                out.write(HEADER)
                for e in entries:
                    value = e[col].replace("\\n", "\n")
                    out.write(f'  <data name="{escape(e[0], {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
                out.write("</root>\n")
        print(f"{os.path.relpath(tsv)}: {len(entries)} keys")
    sys.exit(1 if failed else 0)

if __name__ == "__main__":
    main()

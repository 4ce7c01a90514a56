#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Colours come from the palette: fails on a colour named anywhere under ui/ or app/ except ui/common/Tones.cpp.

A fixed red or green that reads on a light window can vanish on a dark one; the tones module moves every colour's
lightness until it reads on the palette in use, so it is the only file allowed to name one.
Usage: check_colour_literals.py SOURCE_DIR
"""
import pathlib
import re
import sys

ALLOWED = {"ui/common/Tones.cpp"}
PATTERNS = [
    (re.compile(r"QColor\s*\(\s*(0x|\d|\"|u\"|QStringLiteral)"), "a QColor built from numbers or a name"),
    (re.compile(r"QColor::fromRgb|QColor::fromHsl|QColor::fromHsv"), "a QColor built from numbers"),
    (re.compile(r"\bQt::(white|black|red|darkRed|green|darkGreen|blue|darkBlue|cyan|darkCyan|magenta|darkMagenta|"
                r"yellow|darkYellow|gray|darkGray|lightGray)\b"), "a fixed Qt colour"),
    (re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b(?![\w(])"), "a CSS hex colour"),
    (re.compile(r"\brgba?\s*\("), "a CSS rgb() colour"),
]


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    files = sorted(p for d in ("ui", "app") for p in (root / d).rglob("*") if p.suffix in (".cpp", ".h"))
    if not files:
        print(f"no sources under {root}/ui and {root}/app")
        return 1
    problems = []
    for path in files:
        rel = path.relative_to(root).as_posix()
        if rel in ALLOWED:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith("#include") or line.lstrip().startswith("//"):
                continue
            for pattern, what in PATTERNS:
                if pattern.search(line):
                    problems.append(f"{rel}:{number}: {what}: {line.strip()}")
    if problems:
        print("Colours must come from the palette through ui/common/Tones (toneColour, seriesColour, toneSpan):")
        print("\n".join(problems))
        return 1
    print(f"checked {len(files)} files: every colour comes from the palette or ui/common/Tones")
    return 0


if __name__ == "__main__":
    sys.exit(main())

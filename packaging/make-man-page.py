#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes juxta(1) from the commands' own --help (so the page never lags behind an option) and the hand-written
# sections of packaging/juxta.1.in: files, environment, exit status, examples. Run by the build:
#   make-man-page.py JUXTA_BINARY TEMPLATE OUTPUT VERSION
import os
import re
import subprocess
import sys

COMMANDS = ["ask", "compare", "run", "models", "profiles", "key", "budget", "history", "report"]


def troff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text.startswith((".", "'")) else text


def help_of(binary, command):
    # Placeholder homes, shown in the page as the variables they stand for.
    env = dict(os.environ, XDG_CONFIG_HOME="/XDG_CONFIG_HOME", XDG_DATA_HOME="/XDG_DATA_HOME",
               XDG_CACHE_HOME="/XDG_CACHE_HOME", COLUMNS="80", QT_QPA_PLATFORM="offscreen")
    args = [binary] + ([command] if command else []) + ["--help"]
    out = subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        out = out.replace("/" + var, "$" + var)
    return out.replace(binary, "juxta")


def section(command, text):
    lines = text.splitlines()
    usage = lines[0].removeprefix("Usage: ")
    out = ['.SS "%s"' % troff("juxta " + command if command else "juxta"), ".B " + troff(usage), ".PP"]
    part = "description"
    item = None
    for line in lines[1:]:
        if line in ("Options:", "Arguments:"):
            part = line
            out.append(".PP" if part == "Arguments:" else "")
            continue
        if part == "description":
            out.append(troff(line) + "\n.br" if line.strip() else ".PP")
            continue
        m = re.match(r"^  (\S.*?)(?:\s{2,}(.*))?$", line)
        if m:  # an option or argument: name (and value), then its description
            item = [m.group(1), m.group(2) or ""]
            out.append(".TP\n\\fB" + troff(item[0]) + "\\fR")
            if item[1]:
                out.append(troff(item[1]))
        elif line.strip() and item is not None:
            out.append(troff(line.strip()))
    return "\n".join(l for l in out if l != "")


def main():
    binary, template, output, version = sys.argv[1:5]
    sections = [section("", help_of(binary, None))]
    sections += [section(c, help_of(binary, c)) for c in COMMANDS]
    with open(template, encoding="utf-8") as f:
        page = f.read()
    page = page.replace("@VERSION@", version).replace("@COMMANDS@", "\n".join(sections))
    # groff reads ASCII: every other character as its Unicode escape (–, ▸, …)
    page = "".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in page)
    with open(output, "w", encoding="utf-8") as f:
        f.write(page)


main()

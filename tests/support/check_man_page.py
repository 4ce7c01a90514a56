#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Every option and argument any command's --help prints appears in juxta(1), and the page renders without a
# warning from groff (when man is installed). Usage: check_man_page.py JUXTA_BINARY MAN_PAGE
import os
import re
import shutil
import subprocess
import sys

binary, page_path = sys.argv[1:3]
page = open(page_path, encoding="utf-8").read()
env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
missing = []
for command in ["", "ask", "compare", "run", "models", "profiles", "key", "budget", "history", "report"]:
    args = [binary] + ([command] if command else []) + ["--help"]
    text = subprocess.run(args, env=env, capture_output=True, text=True, check=True).stdout
    for option in sorted(set(re.findall(r"^\s+(?:-\w, )?(--[a-z][a-z0-9-]*)", text, re.M))):
        if option.replace("-", "\\-") not in page:
            missing.append(f"juxta {command} {option}")
    arguments = text.split("Arguments:")[1] if "Arguments:" in text else ""
    for name in re.findall(r"^  ([A-Z][A-Z_]+)\b", arguments, re.M):
        if name not in page:
            missing.append(f"juxta {command} {name}")
for needed in ["config.json", "history.sqlite", "juxta.conf", "XDG_CONFIG_HOME", "XDG_DATA_HOME", ".SH EXIT STATUS"]:
    if needed.replace("-", "\\-") not in page:
        missing.append(needed)
if missing:
    sys.exit("not in juxta(1): " + ", ".join(missing))
if shutil.which("groff"):
    result = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page_path], capture_output=True, text=True)
    if result.returncode != 0 or result.stderr.strip():
        sys.exit("groff: " + result.stderr)
print("juxta(1) covers every option")

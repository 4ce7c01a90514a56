#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package: cpack builds it from this build, lintian finds no error or warning in it, and unpacked into a
# scratch root (dpkg -x) its juxta answers --version and --help and streams an offline answer — no network.
# Usage: check_package.py BUILD_DIR SCRATCH_DIR VERSION
import glob
import os
import shutil
import subprocess
import sys

build, scratch, version = sys.argv[1:4]
shutil.rmtree(scratch, ignore_errors=True)
os.makedirs(scratch)
subprocess.run(["cpack", "-G", "DEB", "-B", scratch, "--config", os.path.join(build, "CPackConfig.cmake")],
               check=True, capture_output=True)
debs = glob.glob(os.path.join(scratch, "juxta_*.deb"))
if len(debs) != 1:
    sys.exit(f"expected one package in {scratch}, found {debs}")
lint = subprocess.run(["lintian", "--fail-on", "error,warning", debs[0]], capture_output=True, text=True)
findings = [line for line in (lint.stdout + lint.stderr).splitlines() if line[:2] in ("E:", "W:")]
if lint.returncode != 0 or findings:
    sys.exit("lintian:\n" + "\n".join(findings or [lint.stdout, lint.stderr]))

root = os.path.join(scratch, "root")
subprocess.run(["dpkg", "-x", debs[0], root], check=True)
binary = os.path.join(root, "usr", "bin", "juxta")
env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(scratch, "config"), XDG_DATA_HOME=os.path.join(scratch, "data"),
           XDG_CACHE_HOME=os.path.join(scratch, "cache"), QT_QPA_PLATFORM="offscreen")


def run(*args):
    result = subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        sys.exit(f"juxta {' '.join(args)}: exit {result.returncode}\n{result.stderr}")
    return result.stdout


if version not in run("--version"):
    sys.exit("the installed juxta does not say its version")
if "ask" not in run("--help") or "report" not in run("--help"):
    sys.exit("the installed juxta's --help lists no commands")
answer = run("ask", "--model", "echo/echo", "hello from the package")
if "hello from the package" not in answer:
    sys.exit(f"the installed juxta did not answer offline: {answer!r}")
for needed in ["usr/share/man/man1/juxta.1.gz", "usr/share/applications/org.juxta.Juxta.desktop",
               "usr/share/metainfo/org.juxta.Juxta.metainfo.xml", "usr/share/icons/hicolor/256x256/apps/org.juxta.Juxta.png",
               "usr/share/mime/packages/org.juxta.Juxta.xml", "usr/share/bash-completion/completions/juxta",
               "usr/share/doc/juxta/copyright"]:
    if not os.path.exists(os.path.join(root, needed)):
        sys.exit(f"the package lacks /{needed}")
print(f"{os.path.basename(debs[0])}: lintian clean; installed juxta runs --version, --help and an offline ask")

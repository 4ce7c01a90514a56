#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The shell completions know every command and every option each command's --help prints; bash, zsh and fish read
# their files without a syntax error; and bash completes for real: commands, a command's options, profile ids and
# the model references of the cached lists (from a configuration with the offline "scripted" profile).
# Usage: check_completions.py JUXTA_BINARY COMPLETIONS_DIR SCRATCH_DIR
import os
import re
import shlex
import shutil
import subprocess
import sys

binary, folder, scratch = sys.argv[1:4]
files = {"bash": os.path.join(folder, "juxta.bash"), "zsh": os.path.join(folder, "_juxta"),
         "fish": os.path.join(folder, "juxta.fish")}
texts = {shell: open(path, encoding="utf-8").read() for shell, path in files.items()}
commands = ["ask", "compare", "run", "models", "profiles", "key", "budget", "history", "report"]
env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
problems = []
for command in commands:
    help_text = subprocess.run([binary, command, "--help"], env=env, capture_output=True, text=True, check=True).stdout
    options = set(re.findall(r"^\s+(?:-\w, )?--([a-z][a-z0-9-]*)", help_text, re.M)) - {"help", "help-all"}
    for shell, text in texts.items():
        if command not in text:
            problems.append(f"{shell}: no command {command}")
        for option in sorted(options):
            # bash and zsh write --option; fish writes -l option (or lists it in a for loop)
            if f"--{option}" not in text and not re.search(rf"(-l |\s){re.escape(option)}(\s|$)", text):
                problems.append(f"{shell}: juxta {command} --{option}")
for shell, check in (("bash", ["bash", "-n"]), ("zsh", ["zsh", "-n"]), ("fish", ["fish", "-n"])):
    if shutil.which(check[0]) is None:
        problems.append(f"{check[0]} is not installed (packaging/packages.txt, test section)")
        continue
    result = subprocess.run(check + [files[shell]], capture_output=True, text=True)
    if result.returncode != 0:
        problems.append(f"{shell}: {result.stderr.strip()}")

# bash, for real: juxta on PATH, a configuration with an offline profile (its models come from the bundled list).
shutil.rmtree(scratch, ignore_errors=True)  # a fresh configuration every run
home = {k: os.path.join(scratch, k) for k in ("config", "data", "cache")}
run_env = dict(env, XDG_CONFIG_HOME=home["config"], XDG_DATA_HOME=home["data"], XDG_CACHE_HOME=home["cache"],
               PATH=os.path.dirname(binary) + os.pathsep + os.environ.get("PATH", ""))
subprocess.run([binary, "profiles", "--add", "scripted"], env=run_env, capture_output=True, check=True)


def complete(*words):
    quoted = " ".join(shlex.quote(w) for w in words)
    line = " ".join(words)
    script = f"""source {shlex.quote(files['bash'])}
COMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; COMP_LINE={shlex.quote(line)}; COMP_POINT=${{#COMP_LINE}}
_juxta; printf '%s\\n' "${{COMPREPLY[@]}}" """
    out = subprocess.run(["bash", "-c", script], env=run_env, capture_output=True, text=True).stdout
    return set(out.split())


expectations = [
    (("juxta", "com"), {"compare"}),
    (("juxta", "budget", "--per"), {"--per-request", "--per-day"}),
    (("juxta", "key", "test", "scr"), {"scripted"}),
    (("juxta", "ask", "--model", "scripted/sw"), {"scripted/swift"}),
    (("juxta", "report", "--format", ""), {"html", "md", "csv", "json"}),
]
for words, wanted in expectations:
    got = complete(*words)
    if not wanted <= got:
        problems.append(f"bash: completing {' '.join(words)!r} gave {sorted(got)}, wanted {sorted(wanted)}")
if problems:
    sys.exit("\n".join(problems))
print("completions: every command and option; bash completes commands, options, profiles and models")

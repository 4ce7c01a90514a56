#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes most seed corpora in tests/fuzz/corpus/<target>/ from the test fixtures and examples: the bodies of the
# recorded provider replies, the shipped pipelines and demo script, and a few hand-made inputs. Run it again after
# adding fixtures; files the fuzzer found (crash-*, regression-*) live beside the seeds and are never rewritten.
# The first byte of a stream seed is the selector of tests/fuzz/FuzzInput.h (dialect, status, split pattern).
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
fixtures = root / "tests" / "fixtures"
corpus = root / "tests" / "fuzz" / "corpus"


def body(path):
    raw = path.read_bytes()
    for separator in (b"\r\n\r\n", b"\n\n"):
        at = raw.find(separator)
        if at >= 0:
            return raw[at + len(separator):]
    return raw


def write(target, name, data):
    folder = corpus / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"seed-{name}").write_bytes(data)


dialects = {"openai": 0, "anthropic": 1, "gemini": 2, "ollama": 3}
for dialect, index in dialects.items():
    for path in sorted((fixtures / dialect).glob("*.http")):
        data = body(path)
        stem = path.stem
        if stem.startswith("error_"):
            status = int(stem.split("_")[1])
            statuses = [400, 401, 402, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 504, 529, 200]
            slot = statuses.index(status) if status in statuses else 0
            write("error_body", f"{dialect}-{stem}", bytes([index | (slot << 2)]) + data)
        elif stem in ("models_list", "tags"):
            write("model_list", f"{dialect}-{stem}", bytes([index]) + data)
        else:
            target = {"openai": "openai_stream", "anthropic": "anthropic_stream",
                      "gemini": "gemini_stream", "ollama": "ollama_stream"}[dialect]
            for selector in (0, 1, 3):
                write(target, f"{stem}-{selector}", bytes([selector]) + data)
            if dialect == "ollama":
                write("ndjson", stem, bytes([1]) + data)
            else:
                write("sse", f"{dialect}-{stem}", bytes([1]) + data)

for path in sorted((fixtures / "models").glob("*.http")):
    index = next((i for name, i in dialects.items() if path.stem.startswith(name)), 0)
    write("model_list", path.stem, bytes([index]) + body(path))

for value in [b"1", b"0", b"120", b"1.5", b"-3", b"Wed, 21 Oct 2015 07:28:00 GMT", b"Sun, 06 Dec 2026 20:00:00 GMT",
              b"Sunday, 06-Dec-26 20:00:00 GMT", b"Sun Dec  6 20:00:00 2026", b"99999999999999999999", b"1e308", b"nan"]:
    write("retry_after", value.decode().replace(" ", "_").replace(",", "").replace(":", "-"), value)

write("scripted_answers", "demo", (root / "resources" / "offline" / "demo-script.json").read_bytes())
write("scripted_answers", "jsonl",
      b'{"match":"hello","text":"Hi there","ttft_ms":10}\n\n{"regex":"^sum","text":"A summary","fault":"cut"}\n'
      b'{"text":"in turn","finish_reason":"length","reasoning":"thinking"}\n')

for path in sorted((root / "resources" / "examples").glob("*.juxta")):
    write("pipeline_file", path.stem, path.read_bytes())

write("part_scanner", "long-text", bytes([8]) + (root / "resources" / "examples" / "long-text.md").read_bytes())
write("part_scanner", "fences", bytes([1]) + b"intro\n\n```python\nprint(1)\n\n\n```\n\n~~~~\nopen fence\n```\nstill\n"
      b"~~~~\n\n- list\n- items\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")

# config/ and conversation_import/ hold real files written by the app (a config with presets added, a profile
# export, conversation exports as JSON and Markdown); they are not generated here.

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks a JSON report against resources/report.schema.json (python3-jsonschema from Debian): prints each problem
# with its path and exits 1, or exits 0 in silence.
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(document), key=lambda e: list(e.path))
for error in errors:
    print("/".join(str(p) for p in error.path) or "(top)", error.message[:300])
sys.exit(1 if errors else 0)

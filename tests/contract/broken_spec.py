"""Writes the deliberately broken copy of the OpenAPI document.

The copy renames one documented field, `complianceStatus` of
ComplianceSummaryEntry, to `complianceState`. It is made from the real
document at test time, so it cannot drift from it; every contract check must
reject it.

Usage: broken_spec.py SPEC OUT.json
"""

import json
import sys
from pathlib import Path

import yaml

OLD, NEW = "complianceStatus", "complianceState"


def break_spec(spec):
    entry = spec["components"]["schemas"]["ComplianceSummaryEntry"]
    if OLD not in entry["properties"] or OLD not in entry["required"]:
        raise SystemExit(f"broken_spec.py: {OLD} is no longer a required field of "
                         "ComplianceSummaryEntry; choose another field to rename")
    entry["properties"] = {NEW if k == OLD else k: v for k, v in entry["properties"].items()}
    entry["required"] = [NEW if k == OLD else k for k in entry["required"]]
    return spec


def main(source, target):
    spec = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
    Path(target).write_text(json.dumps(break_spec(spec), indent=1), encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.strip().splitlines()[-1])
    main(*sys.argv[1:])

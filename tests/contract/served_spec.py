"""Checks that the emulator serves the committed OpenAPI document.

GET /__emulator/openapi.json must return openapi/pci-merchant.yaml as JSON,
the same document value for value.

Usage: QUALYS_PCI_EMULATOR_URL=http://127.0.0.1:PORT served_spec.py
(scripts/with-emulator.sh sets the variable).
"""

import base64
import json
import os
import sys
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def main():
    committed = yaml.safe_load((ROOT / "openapi" / "pci-merchant.yaml").read_text(encoding="utf-8"))
    url = os.environ["QUALYS_PCI_EMULATOR_URL"].rstrip("/") + "/__emulator/openapi.json"
    request = urllib.request.Request(
        url, headers={"Authorization": "Basic " + base64.b64encode(b"demo:demo").decode()})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            served = json.load(response)
    except Exception as error:  # any failure is the finding, reported as such
        print(f"GET {url} failed: {error}", file=sys.stderr)
        return 1
    if served != committed:
        print("/__emulator/openapi.json differs from openapi/pci-merchant.yaml", file=sys.stderr)
        return 1
    print("/__emulator/openapi.json is openapi/pci-merchant.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Check 3 of the contract: the vendor's JSON samples against the OpenAPI document.

Every JSON sample printed in the vendor's reference text is validated against
the schema of the operation it belongs to (found from the endpoint table that
precedes it), and every example in the document against the schema of its
media type. The examples must also be the vendor's samples.

Usage: samples.py [--spec PATH] [--reference PATH]
Prints one summary line and exits 0, or lists the problems and exits 1.
"""

import argparse
import copy
import json
import re
import sys
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]

# The vendor's sample request body omits the two fields its own table makes
# mandatory; the check accepts exactly that omission and nothing else.
SUBMISSION_FIELDS_MISSING_FROM_SAMPLE = {"yourName", "yourTitle"}


def extract_samples(text):
    """Yields (endpoint, method, kind, value) for each JSON sample in the text.

    The reference was rendered from a web page that wrapped some long string
    values onto a second line, leaving a raw line break inside a JSON string
    literal. Such a break is escaped as \\n before parsing: that is the only
    change made to the samples.
    """
    endpoint = method = None
    kind = None
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        found = re.match(r"\|\s*API Endpoint\s*\|\s*(\S+)\s*\|", line)
        if found:
            endpoint = found.group(1)
        found = re.match(r"\|\s*Method\s*\|\s*(\w+)\s*\|", line)
        if found:
            method = found.group(1).lower()
        if line.startswith("API Request Body"):
            kind = "request"
        elif line.startswith("API Response"):
            kind = "response"
        if line.strip() == "{":
            raw, i = _read_object(lines, i)
            yield endpoint, method, kind, json.loads(raw)
            continue
        i += 1


# The same six samples as the repository keeps them (tests/fixtures/, exactly
# as printed), with the endpoint each belongs to: used when the reference text
# itself is not beside the repository, as in a clone outside this workspace.
FIXTURES = [
    ("compliance-summary.json", "/pci/compliance/summary", "get", "response"),
    ("report-data.json", "/pci/reporting/reportGeneration/fetch", "get", "response"),
    ("submit-request.json", "/pci/reporting/reportGeneration/submit", "post", "request"),
    ("submit-response.json", "/pci/reporting/reportGeneration/submit", "post", "response"),
    ("report-status.json", "/pci/reporting/<reportId>/status", "get", "response"),
    ("request-review.json", "/pci/reporting/{reportId}/requestReview", "put", "response"),
]


def fixture_samples():
    """Yields (endpoint, method, kind, value) from tests/fixtures/."""
    for name, endpoint, method, kind in FIXTURES:
        lines = (ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8").splitlines(keepends=True)
        raw, _ = _read_object(lines, 0)
        yield endpoint, method, kind, json.loads(raw)


def _read_object(lines, start):
    """Reads one JSON object from lines[start:], escaping raw line breaks inside strings."""
    out = []
    depth = 0
    in_string = escaped = False
    for index in range(start, len(lines)):
        for char in lines[index]:
            if in_string:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = True
                elif char == '"':
                    in_string = False
                elif char == "\n":
                    out.append("\\n")
                    continue
            elif char == '"':
                in_string = True
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            out.append(char)
            if depth == 0 and not in_string and char == "}":
                return "".join(out), index + 1
    raise ValueError(f"unterminated JSON sample starting at line {start + 1}")


def find_operation(spec, endpoint, method):
    """The spec's operation for a path as the vendor prints it (`<reportId>` or `{reportId}`)."""
    wanted = re.sub(r"[<{][^>}]+[>}]", "{}", "/" + endpoint.lstrip("/"))
    for path, item in spec["paths"].items():
        if re.sub(r"\{[^}]+\}", "{}", path) == wanted and method in item:
            return path, item[method]
    raise LookupError(f"no operation {method.upper()} {endpoint} in the spec")


def deref(spec, node):
    """Follows local $refs until a node without one."""
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def json_schema_of(spec, operation, kind):
    if kind == "request":
        media = deref(spec, operation["requestBody"])["content"]["application/json"]
    else:
        media = deref(spec, operation["responses"]["200"])["content"]["application/json"]
    return media


def errors_of(spec, schema, value):
    # The schema is checked from inside the whole document, so that its local
    # $refs resolve; the document's own keys are not JSON Schema keywords.
    root = {**spec, "$ref": "#/x-checked", "x-checked": schema}
    return sorted(Draft202012Validator(root).iter_errors(value),
                  key=lambda e: list(e.absolute_path))


def describe(error):
    where = "/".join(str(p) for p in error.absolute_path) or "(root)"
    return f"at {where}: {error.message}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", default=ROOT / "openapi" / "pci-merchant.yaml", type=Path)
    parser.add_argument("--reference", type=Path,
                        default=ROOT.parent / "shared" / "reference" / "pci-merchant-api-1.6.0.txt")
    args = parser.parse_args()

    spec = load_spec(args.spec)
    problems = []

    if args.reference.exists():
        samples = list(extract_samples(args.reference.read_text(encoding="utf-8")))
    else:
        print(f"{args.reference} is absent; using the samples kept in tests/fixtures/", file=sys.stderr)
        samples = list(fixture_samples())
    if len(samples) != 6:
        problems.append(f"expected 6 JSON samples in the reference, found {len(samples)}")

    for endpoint, method, kind, value in samples:
        label = f"{method.upper()} {endpoint} {kind} sample"
        try:
            _path, operation = find_operation(spec, endpoint, method)
            media = json_schema_of(spec, operation, kind)
        except (LookupError, KeyError) as missing:
            problems.append(f"{label}: {missing}")
            continue

        checked = value
        if kind == "request" and operation["operationId"] == "submitReportGeneration":
            checked = copy.deepcopy(value)
            absent = SUBMISSION_FIELDS_MISSING_FROM_SAMPLE - checked.keys()
            for field in absent:
                checked[field] = "Sample"
        for error in errors_of(spec, media["schema"], checked):
            problems.append(f"{label} {describe(error)}")

        example_values = [deref(spec, e).get("value") for e in media.get("examples", {}).values()]
        if kind == "request":
            example_values = [{k: v for k, v in e.items()
                               if k not in SUBMISSION_FIELDS_MISSING_FROM_SAMPLE or k in value}
                              for e in example_values]
        if value not in example_values:
            problems.append(f"{label}: no example of {operation['operationId']} equals it")

    examples_checked = 0
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for media, where in media_types(spec, operation):
                for name, example in example_entries(spec, media):
                    examples_checked += 1
                    for error in errors_of(spec, media["schema"], example):
                        problems.append(f"example {name} of {method.upper()} {path} {where} "
                                        f"{describe(error)}")

    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"{len(samples)} samples and {examples_checked} examples conform")
    return 0


def media_types(spec, operation):
    if "requestBody" in operation:
        for media in deref(spec, operation["requestBody"]).get("content", {}).values():
            yield media, "request body"
    for status, response in operation.get("responses", {}).items():
        for media in deref(spec, response).get("content", {}).values():
            if "schema" in media:
                yield media, f"response {status}"


def example_entries(spec, media):
    if "example" in media:
        yield "example", media["example"]
    for name, example in media.get("examples", {}).items():
        yield name, deref(spec, example)["value"]


def load_spec(path):
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)


if __name__ == "__main__":
    sys.exit(main())

"""Part of check 1: the emulator's limit and error answers against the spec.

schemathesis never meets a rate limit or a server error, so this injects each
through the emulator's control route and checks every operation's answer: a
documented status, a documented content type, a body that conforms to its
schema, and the documented headers (present where required, integers where
given).

Usage: QUALYS_PCI_EMULATOR_URL=http://127.0.0.1:PORT faults.py SPEC
(scripts/with-emulator.sh sets the variable).
"""

import base64
import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

from jsonschema import Draft202012Validator

sys.path.insert(0, str(Path(__file__).resolve().parent))
from samples import deref, errors_of, load_spec  # noqa: E402

FAULTS = [
    {"fault": "rateLimit409", "toWaitSec": 7},
    {"fault": "tooMany429", "retryAfterSec": 3},
    {"fault": "status", "status": 500},
    {"fault": "status", "status": 503},
]
SUBMISSION = {"yourName": "Jane Example", "yourTitle": "Ms."}
AUTH = "Basic " + base64.b64encode(b"demo:demo").decode()


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", AUTH)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def concrete_path(path):
    return path.replace("{reportId}", "7713")


def query_for(spec, operation):
    required = [deref(spec, p) for p in operation.get("parameters", [])]
    pairs = [(p["name"], p.get("example") or p["schema"].get("enum", ["7713"])[0])
             for p in required if p.get("required") and p["in"] == "query"]
    return "?" + "&".join(f"{k}={v}" for k, v in pairs) if pairs else ""


def check_answer(spec, operation, status, headers, body):
    responses = operation["responses"]
    documented = responses.get(str(status)) or responses.get(f"{status // 100}XX")
    if documented is None:
        return [f"status {status} is not documented"]
    documented = deref(spec, documented)
    problems = []

    media_type = (headers.get("Content-Type") or "").split(";")[0].strip()
    media = documented.get("content", {}).get(media_type)
    if media is None:
        problems.append(f"content type {media_type!r} is not documented for {status}")
    elif "schema" in media and media_type == "application/json":
        try:
            value = json.loads(body)
        except ValueError:
            return problems + ["the body is not JSON"]
        problems += [f"body at {'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
                     for e in errors_of(spec, media["schema"], value)]

    for name, header in documented.get("headers", {}).items():
        header = deref(spec, header)
        raw = headers.get(name)
        if raw is None:
            if header.get("required"):
                problems.append(f"required header {name} is missing")
            continue
        try:
            value = int(raw)
        except ValueError:
            problems.append(f"header {name} is {raw!r}, not an integer")
            continue
        problems += [f"header {name}: {e.message}"
                     for e in Draft202012Validator(header["schema"]).iter_errors(value)]
    return problems


def main():
    spec = load_spec(Path(sys.argv[1]))
    base = os.environ["QUALYS_PCI_EMULATOR_URL"].rstrip("/")
    problems = []
    answers = 0
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for fault in FAULTS:
                status, _, _ = call(base, "POST", "/__emulator/faults",
                                    {**fault, "count": 1, "path": concrete_path(path)})
                if status != 200:
                    problems.append(f"queuing {fault} answered {status}")
                    continue
                body = SUBMISSION if method == "post" else None
                answer = call(base, method.upper(),
                              concrete_path(path) + query_for(spec, operation), body)
                answers += 1
                label = f"{method.upper()} {path} under {fault['fault']} {fault.get('status', '')}"
                problems += [f"{label}: {p}" for p in check_answer(spec, operation, *answer)]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"{answers} injected-fault answers conform")
    return 0


if __name__ == "__main__":
    sys.exit(main())

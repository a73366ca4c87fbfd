#!/usr/bin/env python3
"""Checks the bundled samples (Python 3 stdlib only; pdftotext from poppler-utils for the text check).

For every local/src/main/resources/samples/NAME.json:
  1. validates it against core/src/main/resources/schema/resume-schema.json (the draft-07 subset the
     schema uses: type, properties, items, $ref, pattern, enum, format email/uri);
  2. checks that every free-text value in it (names, positions, highlights, keywords, ...) occurs in the
     text layer of NAME.pdf (pdftotext, whitespace and line breaks collapsed, hyphenated line ends joined).
Values that are normalised by a reader (dates, URLs, countryCode) are not looked up in the text.
jobs/*.json are validated against job-schema.json.
Usage: python3 samples/check.py      (exit code 1 on any problem)
"""
import json, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "local/src/main/resources/samples")
SCHEMAS = os.path.join(ROOT, "core/src/main/resources/schema")
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool, "number": (int, float), "integer": int}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$")


def validate(node, schema, root, path, errors):
    if "$ref" in schema:
        ref = schema["$ref"]
        target = root
        for part in ref.lstrip("#/").split("/"):
            target = target[part]
        return validate(node, target, root, path, errors)
    t = schema.get("type")
    if t and not isinstance(node, TYPES[t]):
        errors.append(f"{path}: expected {t}, got {type(node).__name__}")
        return
    if "enum" in schema and node not in schema["enum"]:
        errors.append(f"{path}: {node!r} not in {schema['enum']}")
    if isinstance(node, str):
        if "pattern" in schema and not re.search(schema["pattern"], node):
            errors.append(f"{path}: {node!r} does not match {schema['pattern']}")
        fmt = schema.get("format")
        if fmt == "email" and not EMAIL.match(node):
            errors.append(f"{path}: {node!r} is not an email")
        if fmt == "uri" and not URI.match(node):
            errors.append(f"{path}: {node!r} is not a URI")
    if isinstance(node, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in node:
                errors.append(f"{path}: missing {key}")
        for key, value in node.items():
            if key in props:
                validate(value, props[key], root, f"{path}.{key}", errors)
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected property {key}")
    if isinstance(node, list) and "items" in schema:
        for i, item in enumerate(node):
            validate(item, schema["items"], root, f"{path}[{i}]", errors)


NOT_IN_TEXT = {"startDate", "endDate", "date", "url", "countryCode", "network", "type"}


def strings(node, path="$"):
    if isinstance(node, dict):
        for k, v in node.items():
            if k not in NOT_IN_TEXT:
                yield from strings(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from strings(v, f"{path}[{i}]")
    elif isinstance(node, str):
        yield path, node


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def pdf_text(pdf):
    raw = subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True, capture_output=True, text=True).stdout
    joined = re.sub(r"(\w)-\n(\w)", r"\1-\2", raw)  # "Cloud-\nMigration" stays "Cloud-Migration"
    return norm(joined)


def main():
    problems = 0
    resume_schema = json.load(open(os.path.join(SCHEMAS, "resume-schema.json")))
    job_schema = json.load(open(os.path.join(SCHEMAS, "job-schema.json")))
    for name in sorted(os.listdir(SAMPLES)):
        if not name.endswith(".json"):
            continue
        data = json.load(open(os.path.join(SAMPLES, name), encoding="utf-8"))
        errors = []
        validate(data, resume_schema, resume_schema, "$", errors)
        pdf = os.path.join(SAMPLES, name[:-5] + ".pdf")
        if not os.path.exists(pdf):
            errors.append(f"no PDF {pdf}")
        else:
            text = pdf_text(pdf)
            for path, value in strings(data):
                if norm(value) not in text:
                    errors.append(f"{path}: {value!r} not found in the PDF text")
        print(f"{name}: {'OK' if not errors else str(len(errors)) + ' problem(s)'}")
        for e in errors:
            print("   ", e)
        problems += len(errors)
    jobs = os.path.join(SAMPLES, "jobs")
    for name in sorted(os.listdir(jobs)):
        if name.endswith(".json"):
            errors = []
            validate(json.load(open(os.path.join(jobs, name), encoding="utf-8")), job_schema, job_schema, "$", errors)
            print(f"jobs/{name}: {'OK' if not errors else str(len(errors)) + ' problem(s)'}")
            for e in errors:
                print("   ", e)
            problems += len(errors)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

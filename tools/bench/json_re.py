"""json and re on big inputs: dumps/loads of a ~5 MB document, findall/sub
over ~10 MB of text. Run by tools/bench/run_json_re.py under tulip and
python3 side by side; prints one line per operation: name, seconds, check."""
import json
import re
import sys
import time


def document():
    records = []
    for i in range(40000):
        records.append({
            "id": i,
            "name": f"user{i:06d}",
            "score": i * 0.37 - 1000.5,
            "tags": ["alpha", "beta", "gamma"][: i % 4],
            "active": i % 3 == 0,
            "note": None if i % 5 else "line\nbreak \u00e9\u4e2d",
        })
    return {"records": records, "version": 3}


def text():
    words = ["lorem", "ipsum", "dolor", "sit", "amet", "2024-05-06", "user@example.com", "42", "x9y8", "Zeta"]
    parts = []
    for i in range(1_700_000):
        parts.append(words[(i * 7) % len(words)])
    return " ".join(parts)


def timed(name, fn):
    start = time.perf_counter()
    check = fn()
    print(f"{name} {time.perf_counter() - start:.3f} {check}")


def main():
    doc = document()
    encoded = json.dumps(doc)
    timed("json.dumps", lambda: len(json.dumps(doc)))
    timed("json.loads", lambda: len(json.loads(encoded)["records"]))
    t = text()
    timed("re.findall", lambda: len(re.findall(r"\b\d{4}-\d\d-\d\d\b|\w+@\w+\.com", t)))
    timed("re.sub", lambda: len(re.sub(r"[aeiou]+", "_", t)))
    print("sizes", len(encoded), len(t), file=sys.stderr)


main()

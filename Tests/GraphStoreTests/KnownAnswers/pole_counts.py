#!/usr/bin/env python3
"""Known answers for the POLE import test, computed without cegraph's code.

Reads the Neo4j POLE crime-investigation CSVs (plain and .csv.gz) with the standard
library only, applies the mapping of docs/IMPORT_NEO4J.md, and prints what a store should
hold afterwards: entities per kind (entities with the same normalised key are one), links
per kind (one per from, to and kind), phone numbers given the +999 fallback, and rows
mapped and dropped per source file.

    python3 pole_counts.py [DIR] > pole_counts.json

DIR defaults to ../shared/peers/pole beside the package root.
"""
import csv
import gzip
import json
import os
import sys

ACQUAINTANCE = {"KNOWS", "KNOWS_LW", "KNOWS_PHONE", "KNOWS_SN"}
DIRECT = {
    ("CURRENT_ADDRESS", ("Person", "Location")): "lives_at",
    ("HAS_PHONE", ("Person", "Phone")): "uses_phone",
    ("HAS_EMAIL", ("Person", "Email")): "uses_handle",
    ("PARTY_TO", ("Person", "Crime")): "subject_of",
    ("INVOLVED_IN", ("Vehicle", "Crime")): "subject_of",
}
ENTITY_LABELS = {"Person", "Location", "Phone", "Email", "Vehicle", "Crime"}


def rows(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = [cell.strip() for cell in next(reader)]
        # "latitude:double" is the property latitude; ":ID" the special column ID.
        names = [cell.split(":")[0] or cell.lstrip(":") for cell in header]
        for cells in reader:
            if cells:
                yield {name: cell.strip() for name, cell in zip(names, cells)}


def uk_phone(text):
    """cegraph's Normalise.phone, restated: E.164 text, or None."""
    digits, plus = "", False
    for index, char in enumerate(text):
        if char in " -.()\t":
            continue
        if char == "+" and (index == 0 or (not digits and not plus)):
            plus = True
        elif char in "0123456789":
            digits += char
        else:
            return None
    if plus:
        e164 = digits
    elif digits.startswith("00"):
        e164 = digits[2:]
    elif digits.startswith("0"):
        e164 = "44" + digits[1:]
    elif digits.startswith("44") and len(digits) >= 11:
        e164 = digits
    else:
        return None
    if e164.startswith("440"):
        e164 = "44" + e164[3:]
    if not 8 <= len(e164) <= 15 or e164[0] == "0":
        return None
    if e164.startswith("44") and not 11 <= len(e164) <= 12:
        return None
    return "+" + e164


def build(directory):
    """The store a POLE import should give: entities, links, counts per file.

    Returns a dict with "entities" (canonical node id -> kind), "labels" (node id -> Neo4j
    label), "links" (a set of (from, to, kind) over canonical node ids), "files",
    "phone_fallbacks" and "contacted" ((caller, called) -> [first, last]).
    """
    names = sorted(os.listdir(directory))
    node_files = [n for n in names if ".nodes." in n]
    rel_files = [n for n in names if ".relationships." in n]

    files = {}
    label_of = {}       # node id -> label
    entity_of = {}      # node id -> (kind, canonical key)
    entities = {}       # canonical key -> kind
    by_key = {}         # normalised key -> canonical key
    call_date = {}
    phone_fallbacks = 0

    def entity(node_id, kind, key=None):
        canonical = by_key.setdefault((kind, key), node_id) if key else node_id
        entities[canonical] = kind
        entity_of[node_id] = (kind, canonical)

    for name in node_files:
        counts = files[name] = {"rows": 0, "mapped": 0, "dropped": 0}
        for row in rows(os.path.join(directory, name)):
            counts["rows"] += 1
            node_id, label = row["ID"], row["LABEL"]
            label_of[node_id] = label
            if label == "Person":
                age = row.get("age")
                entity(node_id, "child" if age and int(age) < 18 else "adult")
            elif label == "Location":
                entity(node_id, "location")
            elif label == "Phone":
                number = uk_phone(row["phoneNo"])
                if number is None:
                    phone_fallbacks += 1
                    number = "+999" + "".join(c for c in row["phoneNo"] if c.isdigit())
                entity(node_id, "phone", number)
            elif label == "Email":
                entity(node_id, "handle", "email:" + row["email_address"].lower())
            elif label == "Vehicle":
                entity(node_id, "vehicle", row["reg"].upper().replace(" ", "").replace("-", ""))
            elif label == "Crime":
                entity(node_id, "operation")
            elif label == "PhoneCall":
                day, month, year = row["call_date"].split("/")
                call_date[node_id] = f"{year}-{month}-{day}"
            if label in ENTITY_LABELS:
                counts["mapped"] += 1
            elif label != "PhoneCall":
                counts["dropped"] += 1

    links = set()
    call_ends = {}      # call id -> {"CALLER": [(phone, file)], "CALLED": [...]}

    def link(start, end, kind):
        a, b = entity_of[start][1], entity_of[end][1]
        if a == b:
            return False
        links.add((a, b, kind))
        return True

    for name in rel_files:
        counts = files[name] = {"rows": 0, "mapped": 0, "dropped": 0}
        for row in rows(os.path.join(directory, name)):
            counts["rows"] += 1
            start, end, kind = row["START_ID"], row["END_ID"], row["TYPE"]
            ends = (label_of[start], label_of[end])
            made = None
            if kind in ACQUAINTANCE and ends == ("Person", "Person"):
                made = link(start, end, "associates_with")
            elif kind == "FAMILY_REL" and ends == ("Person", "Person"):
                relation = {"SIBLING": "sibling_of", "PARENT": "parent_of"}.get(row.get("rel_type", "").upper(), "associates_with")
                made = link(start, end, relation)
            elif (kind, ends) in DIRECT:
                made = link(start, end, DIRECT[(kind, ends)])
            elif kind == "OCCURRED_AT" and ends == ("Crime", "Location"):
                made = link(end, start, "subject_of")
            elif kind in ("CALLER", "CALLED") and ends == ("PhoneCall", "Phone"):
                call_ends.setdefault(start, {"CALLER": [], "CALLED": []})[kind].append((end, name))
                continue
            counts["mapped" if made else "dropped"] += 1

    contacted = {}
    call_file = next(n for n in node_files if ".nodes.PhoneCall." in n)
    for call, date in call_date.items():
        ends = call_ends.get(call, {"CALLER": [], "CALLED": []})
        whole = len(ends["CALLER"]) == 1 and len(ends["CALLED"]) == 1
        if whole:
            caller, called = entity_of[ends["CALLER"][0][0]][1], entity_of[ends["CALLED"][0][0]][1]
            whole = caller != called
        outcome = "mapped" if whole else "dropped"
        files[call_file][outcome] += 1
        for phone, name in ends["CALLER"] + ends["CALLED"]:
            files[name][outcome] += 1
        if whole:
            seen = contacted.setdefault((caller, called), [date, date])
            seen[0], seen[1] = min(seen[0], date), max(seen[1], date)
    for caller, called in contacted:
        links.add((caller, called, "contacted"))

    return {"entities": entities, "labels": label_of, "links": links, "files": files,
            "phone_fallbacks": phone_fallbacks, "contacted": contacted}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "..", "..", "shared", "peers", "pole")
    directory = sys.argv[1] if len(sys.argv) > 1 else default
    built = build(directory)
    entities, links, contacted = built["entities"], built["links"], built["contacted"]
    files, phone_fallbacks = built["files"], built["phone_fallbacks"]

    def tally(kinds):
        result = {}
        for kind in kinds:
            result[kind] = result.get(kind, 0) + 1
        return dict(sorted(result.items()))

    print(json.dumps({
        "entities": tally(entities.values()),
        "links": tally(kind for _, _, kind in links),
        "phone_fallbacks": phone_fallbacks,
        "contacted_dates": {"first": min(s[0] for s in contacted.values()), "last": max(s[1] for s in contacted.values())},
        "files": files,
    }, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()

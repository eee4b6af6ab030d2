"""Builds the chart described by CHART.json with anxwritter (PyPI, MIT) and compares its
structure with cegraph's ANX file: grade collections, attribute classes, link types, and
for every chart item its identity, label, icon or link type, ends, date, grade indexes and
attributes. Ids and positions are left out (each writer numbers and places its own).

    python anx_compare.py CHART.json CEGRAPH.anx    # prints "same" or the differences
"""
import json
import sys
import xml.etree.ElementTree as ET

from anxwritter import ANXChart, GradeCollection, Icon, Link


def reference(chart):
    c = ANXChart()
    c.grades_one = GradeCollection(items=["1", "2", "3"])
    c.grades_two = GradeCollection(items=["A", "B", "C", "D", "E"])
    c.grades_three = GradeCollection(items=["P", "C"])
    for node in chart["nodes"]:
        c.add(Icon(id=node["id"], type=node["type"], label=node["label"], attributes=node["attributes"]))
    for link in chart["links"]:
        # Grades are given to anxwritter as indexes: it reads a digit string such as "2" as
        # an index too, which would make source "2" the third grade.
        grades = [None, None, None]
        if "grades" in link:
            grades = [["1", "2", "3"].index(link["grades"][0]), ["A", "B", "C", "D", "E"].index(link["grades"][1]),
                      ["P", "C"].index(link["grades"][2])]
        c.add(Link(from_id=link["from"], to_id=link["to"], type=link["type"], label=link["label"], date=link.get("date"),
                   grade_one=grades[0], grade_two=grades[1], grade_three=grades[2], attributes=link["attributes"]))
    return c.to_xml()


def canonical(text):
    root = ET.fromstring(text.encode("utf-8"))
    grades = {name: [s.get("Text") for s in root.find(name).iter("String")] for name in ("GradeOne", "GradeTwo", "GradeThree")}
    classes = sorted(a.get("Name") for a in root.iter("AttributeClass"))
    link_types = sorted(t.get("Name") for t in root.iter("LinkType"))
    identity = {e.get("EntityId"): e.get("Identity") for e in root.iter("Entity")}
    items = []
    for item in root.find("ChartItemCollection"):
        attributes = {a.get("AttributeClass"): a.get("Value") for a in item.iter("Attribute")}
        grades_index = [item.get("GradeOneIndex"), item.get("GradeTwoIndex"), item.get("GradeThreeIndex")]
        entity = item.find("End/Entity")
        if entity is not None:
            items.append(["entity", entity.get("Identity"), item.get("Label"), item.find("End/Entity/Icon/IconStyle").get("Type"),
                          grades_index, attributes])
        else:
            link = item.find("Link")
            items.append(["link", identity[link.get("End1Id")], identity[link.get("End2Id")], item.get("Label"),
                          link.find("LinkStyle").get("Type"), item.get("DateTime"), grades_index, attributes])
    return {"grades": grades, "classes": classes, "link_types": link_types, "items": sorted(items, key=json.dumps)}


chart = json.load(open(sys.argv[1]))
ours = canonical(open(sys.argv[2], encoding="utf-8").read())
theirs = canonical(reference(chart))
if ours == theirs:
    print("same")
else:
    for key in theirs:
        if ours[key] != theirs[key]:
            print(key, "differs:\n  cegraph:    ", ours[key], "\n  anxwritter: ", theirs[key])
    sys.exit(1)

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Trims a full export (vaern --export=full) to a small seed for the
full-import target: the first K rows of each section, all rows of the
sections named in KEEP (comma-separated), and every row those rows refer
to (by id="…-N" and …-ref attributes, and Annex A controls by number), so
the trimmed file still imports.
    trim-export.py IN.xml OUT.xml K [KEEP]
The demo seed: trim-export.py demo.xml corpus/full-import/demo-trimmed.xml 4 \
    risk-scale-levels,risk-scale-bands,roles"""
import sys, xml.etree.ElementTree as ET
NS='https://vaern.github.io/ns/report/1'
ns='{%s}'%NS
ET.register_namespace('', NS)
src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
keep_all = set(sys.argv[4].split(',')) if len(sys.argv) > 4 and sys.argv[4] else set()
t = ET.parse(src); r = t.getroot(); rec = r.find(ns+'records')
by_id = {}; by_num = {}
for s in rec:
    for row in s:
        by_id[row.get('id')] = row
        if s.tag == ns+'annex-a':
            by_num[row.find(ns+'number').text] = row
kept = set()
todo = []
for s in rec:
    rows = list(s) if s.tag.replace(ns,'') in keep_all else list(s)[:k]
    todo += rows
while todo:
    row = todo.pop()
    if id(row) in kept: continue
    kept.add(id(row))
    for key, v in row.attrib.items():
        if key.endswith('-ref') and v in by_id: todo.append(by_id[v])
    for tag in ('control', 'control-2022'):
        c = row.find(ns+tag)
        if c is not None and c.text in by_num: todo.append(by_num[c.text])
for s in rec:
    for row in list(s):
        if id(row) not in kept: s.remove(row)
ET.indent(t, '  ')
t.write(dst, xml_declaration=True, encoding='UTF-8')

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes full-import.dict, the libFuzzer dictionary of the full-import
target, from the report schema: every element as an opening and a closing
tag, every attribute, every enumerated value, and a few XML constructs the
importer must refuse or handle. Run from the source root:
    tests/fuzz/make-full-import-dict.py"""
import re

xsd = open('data/vaern-report.xsd', encoding='utf-8').read()
elements = sorted(set(re.findall(r'<xs:element name="([^"]+)"', xsd)))
attributes = sorted(set(re.findall(r'<xs:attribute name="([^"]+)"', xsd)))
values = sorted(set(re.findall(r'<xs:enumeration value="([^"]+)"', xsd)))
extra = ['xmlns="https://vaern.github.io/ns/report/1"',
         '<?xml version="1.0" encoding="UTF-8"?>', 'kind="full"', 'version="1"', '-ref="',
         '<!DOCTYPE', '<![CDATA[', '&amp;', '&#x', 'encoding="', 'ISO-8859-1', 'UTF-16']


def quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


lines = ['# Made by make-full-import-dict.py from data/vaern-report.xsd; for',
         '# libFuzzer: -dict=tests/fuzz/full-import.dict']
for e in elements:
    lines += [quote('<' + e + '>'), quote('</' + e + '>')]
lines += [quote(' ' + a + '="') for a in attributes]
lines += [quote(v) for v in values]
lines += [quote(s) for s in extra]
with open('tests/fuzz/full-import.dict', 'w', encoding='utf-8') as out:
    out.write('\n'.join(lines) + '\n')

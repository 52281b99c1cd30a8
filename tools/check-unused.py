#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Functions that nothing calls.

The compiler finds an unused static function (-Wunused-function, in -Wall)
but not an unused function of a library's API: it may be called from
another file. This finds those: every function defined at the start of a
line in src/ (GNU style: the return type on the line above) whose name
appears nowhere else in src/, tests/, bench/ or ui/ (a template names its
callbacks), other than in header prototypes. Run by the test suite (suite
'data'); a new function that nothing uses fails it.

  check-unused.py ROOT           list the unused functions (exit 1 if any)
  check-unused.py --self-test    check that an unused function is caught
"""

import os
import re
import sys
import tempfile

DEFINITION = re.compile(r'^([a-z_][a-z0-9_]*)\s*\(')
WORD = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
# Entry points that are called from outside the code: main, and GType
# boilerplate written by G_DEFINE_* macros (never spelled out in full).
ENTRY_POINTS = {'main', 'LLVMFuzzerTestOneInput'}


def sources(root):
    for top in ('src', 'tests', 'bench', 'ui'):
        base = os.path.join(root, top)
        for folder, _dirs, files in os.walk(base):
            for f in sorted(files):
                if f.endswith(('.c', '.h', '.ui')):
                    yield os.path.join(folder, f)


def definitions(path):
    """Names of the non-static functions a .c file defines."""
    with open(path, encoding='utf-8') as fh:
        lines = fh.read().split('\n')
    for n, line in enumerate(lines):
        m = DEFINITION.match(line)
        if not m or n == 0:
            continue
        above = lines[n - 1].strip()
        # GNU style: the type alone on the line above; static ones are the
        # compiler's to find.
        if not above or above.startswith(('static', '#', '/', '*', '}')) or above.endswith((';', ',', '{', ')')):
            continue
        if 'G_GNUC_' in above and 'static' in above:
            continue
        # A definition, not a prototype: the parameter list ends in "{" on a
        # later line before any ";".
        rest = '\n'.join(lines[n:n + 40])
        brace = rest.find('{')
        semi = rest.find(';')
        if brace < 0 or (0 <= semi < brace):
            continue
        yield m.group(1), n + 1


def unused(root):
    counts = {}
    files = list(sources(root))
    for path in files:
        with open(path, encoding='utf-8') as fh:
            text = fh.read()
        if path.endswith('.h'):
            # A prototype is no use: strip declarations "name (…);" from the count.
            text = re.sub(r'\b([a-z_][a-z0-9_]*)\s*\([^;{}]*\)\s*(G_GNUC_[A-Z_]+(\s*\([^)]*\))?\s*)*;', ' ', text)
        for w in WORD.findall(text):
            counts[w] = counts.get(w, 0) + 1
    found = []
    for path in files:
        if not path.endswith('.c') or os.sep + 'src' + os.sep not in os.sep + os.path.relpath(path, root):
            continue
        for name, line in definitions(path):
            if name in ENTRY_POINTS:
                continue
            # The definition itself is one occurrence.
            if counts.get(name, 0) <= 1:
                found.append('%s:%d: %s is defined but nothing uses it'
                             % (os.path.relpath(path, root), line, name))
    return found


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, 'src', 'core'))
        os.makedirs(os.path.join(tmp, 'tests'))
        def write(rel, text):
            with open(os.path.join(tmp, rel), 'w', encoding='utf-8') as fh:
                fh.write(text)
        write('src/core/a.h', 'int vaern_used (int x);\nint vaern_dead (void);\n'
                              'int vaern_tested (void) G_GNUC_CONST;\n')
        write('src/core/a.c', '#include "a.h"\n\nint\nvaern_used (int x)\n{\n  return x;\n}\n\n'
                              'int\nvaern_dead (void)\n{\n  return vaern_used (1);\n}\n\n'
                              'int\nvaern_tested (void)\n{\n  return 2;\n}\n\n'
                              'static int\nhelper (void)\n{\n  return 3;\n}\n')
        write('tests/t.c', 'int main (void) { return vaern_tested (); }\n')
        found = unused(tmp)
        if len(found) != 1 or 'vaern_dead' not in found[0]:
            print('self-test: expected only vaern_dead, got %s' % found)
            return 1
    print('self-test: an unused function was caught')
    return 0


def main(argv):
    if argv[1:] == ['--self-test']:
        return self_test()
    if len(argv) != 2:
        print(__doc__)
        return 2
    found = unused(argv[1])
    for line in found:
        print(line)
    if found:
        print('%d function(s) that nothing uses: remove them, or use them' % len(found))
        return 1
    print('every function of src/ is used')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

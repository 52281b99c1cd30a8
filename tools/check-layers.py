#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The include graph of src/: every arrow points down.

    app -> views -> widgets -> render | report -> store -> core

A file may include headers of its own folder and of any layer below its
own; render and report stand side by side and include neither the other.
An include that points up or sideways fails, naming the file, the line and
the layer it should not reach. Run by the test suite (suite 'data').

  check-layers.py SRC             check the tree (exit 1 on a bad arrow)
  check-layers.py --graph SRC     print the arrows between layers, counted
  check-layers.py --self-test     check that a bad arrow is caught
"""

import os
import re
import sys
import tempfile

RANKS = {
    'core': 0,
    'store': 1,
    'render': 2,
    'report': 2,
    'widgets': 3,
    'views': 4,
    'app': 5,
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of_include(name, own):
    """The layer an #include "name" reaches from a file in folder own."""
    if '/' in name:
        first = name.split('/', 1)[0]
        return first if first in RANKS else None
    if name == 'config.h' or name.startswith('vaern-resources'):
        return None
    return own


def arrows(src):
    """(file, line number, from layer, to layer) for every include."""
    for layer in sorted(RANKS):
        folder = os.path.join(src, layer)
        if not os.path.isdir(folder):
            continue
        for root, _dirs, files in os.walk(folder):
            for f in sorted(files):
                if not f.endswith(('.c', '.h')):
                    continue
                path = os.path.join(root, f)
                with open(path, encoding='utf-8') as fh:
                    for n, line in enumerate(fh, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        target = layer_of_include(m.group(1), layer)
                        if target is not None:
                            yield os.path.relpath(path, src), n, layer, target, m.group(1)
    unknown = [d for d in os.listdir(src)
               if os.path.isdir(os.path.join(src, d)) and d not in RANKS]
    for d in unknown:
        yield d, 0, d, None, None


def check(src):
    bad = []
    for path, n, frm, to, name in arrows(src):
        if to is None:
            bad.append('src/%s: a folder of src/ in no layer; add it to '
                       'tools/check-layers.py' % path)
        elif frm != to and RANKS[to] >= RANKS[frm]:
            bad.append('src/%s:%d: includes "%s": %s may not include %s '
                       '(%s)' % (path, n, name, frm, to,
                                 'up' if RANKS[to] > RANKS[frm] else 'sideways'))
    return bad


def graph(src):
    counts = {}
    for _path, _n, frm, to, _name in arrows(src):
        if to is not None and frm != to:
            counts[(frm, to)] = counts.get((frm, to), 0) + 1
    for (frm, to), c in sorted(counts.items(), key=lambda kv: (-RANKS[kv[0][0]], kv[0])):
        print('%-8s -> %-8s %4d' % (frm, to, c))


def self_test():
    with tempfile.TemporaryDirectory() as tmp:
        for layer in RANKS:
            os.makedirs(os.path.join(tmp, layer))
        def write(rel, text):
            with open(os.path.join(tmp, rel), 'w', encoding='utf-8') as fh:
                fh.write(text)
        write('app/a.c', '#include "config.h"\n#include "views/v.h"\n#include "a.h"\n')
        write('views/v.c', '#include "widgets/w.h"\n#include "store/s.h"\n')
        write('render/r.c', '#include "store/s.h"\n#include "core/c.h"\n')
        if check(tmp):
            print('self-test: a good tree was refused: %s' % check(tmp))
            return 1
        cases = [
            ('views/up.c', '#include "app/vaern-window.h"\n', 'up'),
            ('widgets/up.h', '  #  include "views/vaern-view.h"\n', 'up'),
            ('render/side.c', '#include "report/vaern-report.h"\n', 'sideways'),
            ('core/up.c', '#include "store/vaern-document.h"\n', 'up'),
        ]
        for rel, text, kind in cases:
            write(rel, text)
            found = check(tmp)
            if len(found) != 1 or kind not in found[0] or rel not in found[0]:
                print('self-test: %s was not caught as %s: %s' % (rel, kind, found))
                return 1
            os.remove(os.path.join(tmp, rel))
        os.makedirs(os.path.join(tmp, 'misc'))
        if not check(tmp):
            print('self-test: a folder in no layer was not caught')
            return 1
    print('self-test: every bad arrow was caught')
    return 0


def main(argv):
    if argv[1:] == ['--self-test']:
        return self_test()
    if len(argv) == 3 and argv[1] == '--graph':
        graph(argv[2])
        return 0
    if len(argv) != 2:
        print(__doc__)
        return 2
    bad = check(argv[1])
    for line in bad:
        print(line)
    if bad:
        print('%d include(s) point the wrong way; see the rule at the top '
              'of tools/check-layers.py and README.md' % len(bad))
        return 1
    print('every include of src/ points down')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

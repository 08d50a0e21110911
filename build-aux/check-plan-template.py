#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-aux/check-plan-template.py SRCDIR — the plan template keeps, beside
each msgid, the plan's own Chinese words for the official forms; they must
be the zh_CN translation of that msgid, or the window and the exported
ledger would word the same task two ways. Fails listing the pairs that
differ."""

import re
import sys


def strings(text):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', text))


def main():
    srcdir = sys.argv[1]
    with open(f"{srcdir}/app/core/wy-plan-template.c", encoding="utf-8") as f:
        source = f.read()
    with open(f"{srcdir}/po/zh_CN.po", encoding="utf-8") as f:
        po = f.read()

    translations = {}
    for block in po.split("\n\n"):
        if "msgctxt" in block:
            continue
        m = re.search(r'msgid ((?:"(?:[^"\\]|\\.)*"\s*)+)msgstr ((?:"(?:[^"\\]|\\.)*"\s*)+)', block)
        if m:
            translations[strings(m.group(1))] = strings(m.group(2))

    pairs = re.findall(r'\{\s*N_\("((?:[^"\\]|\\.)*)"\),\s*"((?:[^"\\]|\\.)*)"\s*\}', source)
    n_msgids = len(re.findall(r'N_\("', source))
    bad = [(en, zh, translations.get(en)) for en, zh in pairs if translations.get(en) != zh]
    if len(pairs) != n_msgids:
        print(f"{n_msgids - len(pairs)} template msgids have no Chinese words beside them")
        return 1
    for en, zh, po_zh in bad:
        print(f"{en!r}: template says {zh!r}, zh_CN.po says {po_zh!r}")
    print(f"{len(pairs)} template texts, {len(bad)} differing from zh_CN.po")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

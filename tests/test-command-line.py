#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The commands that need no display: --create-demo and --export-ledger,
their exit statuses, their messages on stderr, and that a refused command
writes nothing. Run without DISPLAY on purpose.

usage: test-command-line.py WUYOU_BINARY
"""

import os
import subprocess
import sys
import tempfile

import openpyxl

failures = 0


def check(name, condition, detail=""):
    global failures
    if condition:
        print(f"ok - {name}")
    else:
        failures += 1
        print(f"not ok - {name} {detail}")


def run(binary, *args):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([binary, *args], env=env, capture_output=True, text=True, timeout=120)


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="wuyou-cli-") as tmp:
        ledger = os.path.join(tmp, "demo.wuyou")
        done = run(binary, "--create-demo", ledger)
        check("create-demo exits 0", done.returncode == 0, done.stderr)
        check("create-demo says where", ledger in done.stdout, done.stdout)

        again = run(binary, "--create-demo", ledger)
        check("create-demo refuses a ledger with data", again.returncode == 1 and again.stderr.strip(), again.stderr)

        bad_size = run(binary, "--create-demo", os.path.join(tmp, "x.wuyou"), "--demo-size", "0")
        check("demo-size 0 is a usage error", bad_size.returncode == 2 and bad_size.stderr.strip())
        check("nothing written for a bad size", not os.path.exists(os.path.join(tmp, "x.wuyou")))

        xlsx = os.path.join(tmp, "ledger.xlsx")
        done = run(binary, "--export-ledger", xlsx, "--as-of", "2026-11-22", ledger)
        check("export-ledger exits 0", done.returncode == 0, done.stderr)
        workbook = openpyxl.load_workbook(xlsx, read_only=True)
        check("workbook has the compound register", "小区基本情况台账" in workbook.sheetnames, workbook.sheetnames)
        check("workbook has the sign-off ledger", "问题整改销号台账" in workbook.sheetnames, workbook.sheetnames)

        community_xlsx = os.path.join(tmp, "community.xlsx")
        done = run(binary, "--export-ledger", community_xlsx, "--scope", "community:东门社区",
                   "--sheets", "compounds", ledger)
        check("a community's register exits 0", done.returncode == 0, done.stderr)
        sheet = openpyxl.load_workbook(community_xlsx, read_only=True)["小区基本情况台账"]
        communities = {row[3] for row in sheet.iter_rows(min_row=5, values_only=True)
                       if row and isinstance(row[0], int)}
        check("only that community's compounds", communities == {"东门社区"}, communities)

        csv = os.path.join(tmp, "problems.csv")
        done = run(binary, "--export-ledger", csv, ledger)
        with open(csv, "rb") as f:
            head = f.read(3)
        check("csv export starts with a BOM", done.returncode == 0 and head == b"\xef\xbb\xbf", done.stderr)

        for args, what in (
            (["--export-ledger", os.path.join(tmp, "x.txt"), ledger], "an unknown extension"),
            (["--export-ledger", os.path.join(tmp, "y.xlsx"), "--scope", "street:没有这个街道", ledger], "an unknown street"),
            (["--export-ledger", os.path.join(tmp, "z.xlsx"), "--paper", "B5", ledger], "an unknown paper size"),
            (["--export-ledger", os.path.join(tmp, "w.xlsx"), "--as-of", "2026-02-30", ledger], "an impossible date"),
        ):
            done = run(binary, *args)
            check(f"{what} is a usage error", done.returncode == 2 and done.stderr.strip(), done.stderr)
            check(f"nothing written for {what}", not os.path.exists(args[1]))

        not_ledger = os.path.join(tmp, "notes.wuyou")
        with open(not_ledger, "w") as f:
            f.write("not a ledger")
        out = os.path.join(tmp, "never.xlsx")
        done = run(binary, "--export-ledger", out, not_ledger)
        check("a file that is not a ledger fails with a message", done.returncode == 1 and "notes.wuyou" in done.stderr,
              done.stderr)
        check("nothing written from a refused ledger", not os.path.exists(out))

        done = run(binary, "--export-ledger", os.path.join(tmp, "missing", "x.xlsx"), ledger)
        check("a missing folder fails with a message", done.returncode == 1 and done.stderr.strip(), done.stderr)

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

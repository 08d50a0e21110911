#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The commands that need no display: --create-demo, --export-ledger,
--list-charts and --render-chart, their exit statuses, their messages on
stderr, and that a refused command writes nothing. Run without DISPLAY on
purpose.

usage: test-command-line.py WUYOU_BINARY
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

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


CHARTS = ["attainment", "signoff", "timeline", "lights", "ranking"]


def png_size(path):
    """Width and height from the IHDR chunk, after checking the signature."""
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def leftovers(folder):
    return [name for name in os.listdir(folder) if name.startswith(".~wuyou-")]


def check_charts(binary, tmp, ledger, not_ledger):
    """--list-charts and --render-chart: formats, exit statuses, nothing
    left behind when refused."""
    done = run(binary, "--list-charts")
    names = [line.split()[0] for line in done.stdout.splitlines() if line.strip()]
    check("list-charts exits 0", done.returncode == 0, done.stderr)
    check("list-charts names the five charts", names == CHARTS, done.stdout)

    for name in CHARTS:
        out = os.path.join(tmp, f"{name}.png")
        done = run(binary, "--render-chart", name, "--output", out, "--as-of", "2026-11-22", ledger)
        check(f"{name} as PNG exits 0", done.returncode == 0, done.stderr)
        check(f"{name} PNG is 1200x700 by default", png_size(out) == (1200, 700), png_size(out))

    out = os.path.join(tmp, "ranking-small.png")
    done = run(binary, "--render-chart", "ranking", "--output", out, "--width", "640", "--height", "400",
               "--rank-by", "overdue", "--street", "青松街道", ledger)
    check("ranking of one street by overdue exits 0", done.returncode == 0, done.stderr)
    check("--width and --height give the PNG's size", png_size(out) == (640, 400), png_size(out))

    svg = os.path.join(tmp, "signoff.svg")
    done = run(binary, "--render-chart", "signoff", "--output", svg, "--width", "900", "--height", "500", ledger)
    check("signoff as SVG exits 0", done.returncode == 0, done.stderr)
    try:
        root = ET.parse(svg).getroot()
        check("the SVG parses, its root is <svg>", root.tag.endswith("svg"), root.tag)
        check("the SVG is 900 wide", root.get("width", "").startswith("900"), root.get("width"))
    except (ET.ParseError, OSError) as e:
        check("the SVG parses", False, e)

    pdf = os.path.join(tmp, "timeline.pdf")
    done = run(binary, "--render-chart", "timeline", "--output", pdf, "--community", "东门社区", ledger)
    check("timeline as PDF exits 0", done.returncode == 0, done.stderr)
    with open(pdf, "rb") as f:
        check("the PDF starts with %PDF", f.read(5) == b"%PDF-")
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
        check("pdfinfo reads one page", info.returncode == 0 and re.search(r"^Pages:\s+1$", info.stdout, re.M),
              info.stdout)
        check("the page is 900x525 pt (1200x700 px at 96 dpi)",
              re.search(r"^Page size:\s+900 x 525 pts", info.stdout, re.M), info.stdout)

    os.mkdir(os.path.join(tmp, "folder.png"))
    for args, what in (
        (["--render-chart", "pie", "--output", os.path.join(tmp, "pie.png")], "an unknown chart"),
        (["--render-chart", "lights", "--output", os.path.join(tmp, "lights.jpg")], "an unknown extension"),
        (["--render-chart", "lights"], "a missing --output"),
        (["--render-chart", "lights", "--output", os.path.join(tmp, "w.png"), "--width", "0"], "a width of 0"),
        (["--render-chart", "lights", "--output", os.path.join(tmp, "h.png"), "--height", "tall"], "a bad height"),
        (["--render-chart", "lights", "--output", os.path.join(tmp, "missing", "x.png")], "a missing folder"),
        (["--render-chart", "lights", "--output", os.path.join(tmp, "folder.png")], "a folder as output"),
        (["--render-chart", "lights", "--output", os.path.join(tmp, "s.png"), "--street", "没有这个街道"],
         "an unknown street"),
        (["--render-chart", "lights", "--output", os.path.join(tmp, "d.png"), "--as-of", "2026-02-30"],
         "an impossible date"),
    ):
        done = run(binary, *args, ledger)
        check(f"{what} is a usage error (2)", done.returncode == 2 and done.stderr.strip(),
              f"{done.returncode} {done.stderr}")
        if "--output" in args:
            target = args[args.index("--output") + 1]
            check(f"nothing written for {what}", not os.path.isfile(target))
    done = run(binary, "--render-chart", "pie", "--output", os.path.join(tmp, "pie.png"), ledger)
    check("an unknown chart's message lists the valid ones", all(n in done.stderr for n in CHARTS), done.stderr)

    out = os.path.join(tmp, "refused.png")
    done = run(binary, "--render-chart", "lights", "--output", out, not_ledger)
    check("a file that is not a ledger is refused (2) with its name", done.returncode == 2 and "notes.wuyou" in done.stderr,
          done.stderr)
    check("nothing written from a refused ledger", not os.path.exists(out))

    if os.geteuid() != 0:
        locked = os.path.join(tmp, "locked")
        os.mkdir(locked, 0o500)
        out = os.path.join(locked, "x.png")
        done = run(binary, "--render-chart", "lights", "--output", out, ledger)
        check("a folder without write permission is refused (2)", done.returncode == 2 and done.stderr.strip(),
              done.stderr)
        check("nothing written in it", os.listdir(locked) == [])
        os.chmod(locked, 0o700)

    check("no temporary files left", leftovers(tmp) == [], leftovers(tmp))


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
        # The demo was made under English messages (this test runs in
        # C.UTF-8): the official form still words the plan in Chinese.
        texts = {str(value) for sheet in workbook.worksheets
                 for row in sheet.iter_rows(values_only=True) for value in row if value is not None}
        english = [t for t in ("Owners' self-governance organization", "Professional property management",
                               "Delimit property-service areas", "Pilots first") if t in texts]
        check("the plan's texts are in Chinese in the ledger", not english and
              {"有业主自治组织", "划定物业服务区域", "试点先行、逐步探索"} <= texts, english)

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

        check_charts(binary, tmp, ledger, not_ledger)

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

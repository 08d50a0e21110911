#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads a Wuyou ledger workbook back as another program does (openpyxl)
and checks it against a JSON spec written by tests/test-export.c.

    check-xlsx.py WORKBOOK SPEC.json

Spec keys (all optional):
  sheets:   the sheet names, in order
  title:    text every sheet's A1 (the merged title row) must contain
  headers:  {sheet: [header cells of row 3]}
  rows:     {sheet: number of data rows (row 4 up to the blank row above 填报人)}
  find:     [{sheet, where: {header: value}, expect: {header: value},
              fill: {header: "RRGGBB"}, date: [header, ...]}]
            rows matching `where` must exist and all satisfy `expect`
            (dates compare as YYYY-MM-DD); `count`: how many match;
            `approx`: {header: number}; `date` columns must hold real
            dates; `fill` the cell's fill colour.
  paper:    expected paper size code (9 = A4, 8 = A3)
  chart:    chart sheet that must hold a chart
Print settings (landscape, fit to one page wide, rows 1:3 repeated, the
footer, frozen panes under the header, the autofilter, the sign-off line)
are checked on every sheet. Exit status 0 when all holds; the failures are
printed otherwise."""

import datetime
import json
import sys

import openpyxl

failures = []


def fail(message):
    failures.append(message)


def text(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def data_rows(ws):
    """Row 4 up to the blank row above the sign-off line."""
    sign = None
    for row in range(4, ws.max_row + 1):
        if "填报人" in text(ws.cell(row=row, column=1).value):
            sign = row
            break
    if sign is None:
        fail(f"{ws.title}: no sign-off line (填报人)")
        return [], ws.max_row + 1
    if any(c.value is not None for c in ws[sign - 1]):
        fail(f"{ws.title}: no blank row above the sign-off line")
    return list(range(4, sign - 1)), sign - 1


def check_sheet_form(ws, spec):
    name = ws.title
    ps = ws.page_setup
    if ps.orientation != "landscape":
        fail(f"{name}: orientation {ps.orientation}")
    paper = spec.get("paper", 9)
    if str(ps.paperSize) != str(paper):
        fail(f"{name}: paper {ps.paperSize}, expected {paper}")
    if not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage):
        fail(f"{name}: not fit to page")
    # fitToWidth 1 is the OOXML default, so writers may leave it out.
    if str(ps.fitToWidth) not in ("1", "None") or str(ps.fitToHeight) != "0":
        fail(f"{name}: fitToWidth {ps.fitToWidth} fitToHeight {ps.fitToHeight}")
    if (ws.print_title_rows or "").replace("$", "") != "1:3":
        fail(f"{name}: print_title_rows {ws.print_title_rows!r}")
    if ws.freeze_panes != "A4":
        fail(f"{name}: freeze_panes {ws.freeze_panes!r}")
    if not (ws.auto_filter.ref or "").startswith("A3:"):
        fail(f"{name}: autofilter {ws.auto_filter.ref!r}")
    footer = ws.oddFooter.center.text or ""
    if "第 &P 页 共 &N 页" not in footer:
        fail(f"{name}: footer {footer!r}")
    merged = [str(r) for r in ws.merged_cells.ranges]
    if not any(r.startswith("A1:") for r in merged):
        fail(f"{name}: title row not merged ({merged[:4]})")
    title = ws["A1"].value or ""
    if spec.get("title") and spec["title"] not in title:
        fail(f"{name}: title {title!r} lacks {spec['title']!r}")
    if "填报单位" not in text(ws["A2"].value):
        fail(f"{name}: A2 {ws['A2'].value!r}")
    info = " ".join(text(c.value) for c in ws[2])
    if "填报日期" not in info or "截至日期" not in info:
        fail(f"{name}: info row {info!r}")
    for cell in ws[3]:
        if cell.value is not None and not (cell.font.b and cell.border.left.style):
            fail(f"{name}: header {cell.coordinate} not bold and bordered")
            break
    if ws["A3"].font.name != "宋体":
        fail(f"{name}: header font {ws['A3'].font.name}")
    _, after = data_rows(ws)
    sign = text(ws.cell(row=after + 1, column=1).value)
    if "填报人" not in sign or "审核人" not in sign or "联系电话" not in sign:
        fail(f"{name}: sign-off line {sign!r} at row {after + 1}")


def main():
    wb = openpyxl.load_workbook(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        spec = json.load(f)

    if "sheets" in spec and wb.sheetnames != spec["sheets"]:
        fail(f"sheets {wb.sheetnames} != {spec['sheets']}")
    for ws in wb.worksheets:
        check_sheet_form(ws, spec)

    for sheet, headers in spec.get("headers", {}).items():
        got = [c.value for c in wb[sheet][3]]
        if got != headers:
            fail(f"{sheet}: headers {got} != {headers}")

    for sheet, n in spec.get("rows", {}).items():
        rows, _ = data_rows(wb[sheet])
        if len(rows) != n:
            fail(f"{sheet}: {len(rows)} data rows, expected {n}")

    for item in spec.get("find", []):
        ws = wb[item["sheet"]]
        headers = {c.value: c.column for c in ws[3]}
        rows, _ = data_rows(ws)
        matched = [r for r in rows
                   if all(text(ws.cell(row=r, column=headers[h]).value) == v
                          for h, v in item.get("where", {}).items())]
        if not matched:
            fail(f"{item['sheet']}: no row where {item['where']}")
            continue
        if "count" in item and len(matched) != item["count"]:
            fail(f"{item['sheet']}: {len(matched)} rows where {item['where']}, expected {item['count']}")
        for r in matched:
            for h, v in item.get("expect", {}).items():
                got = text(ws.cell(row=r, column=headers[h]).value)
                if got != v:
                    fail(f"{item['sheet']} row {r}: {h} = {got!r}, expected {v!r}")
            for h, v in item.get("approx", {}).items():
                got = ws.cell(row=r, column=headers[h]).value
                if not isinstance(got, (int, float)) or abs(got - v) > 1e-9:
                    fail(f"{item['sheet']} row {r}: {h} = {got!r}, expected the number {v}")
            for h in item.get("date", []):
                cell = ws.cell(row=r, column=headers[h])
                if not (cell.is_date and isinstance(cell.value, datetime.datetime)):
                    fail(f"{item['sheet']} row {r}: {h} is not a real date ({cell.value!r}, {cell.number_format})")
            for h, rgb in item.get("fill", {}).items():
                cell = ws.cell(row=r, column=headers[h])
                got = cell.fill.fgColor.rgb if cell.fill and cell.fill.fgColor is not None else None
                if not str(got).upper().endswith(rgb.upper()):
                    fail(f"{item['sheet']} row {r}: {h} fill {got}, expected {rgb}")

    if "chart" in spec and not wb[spec["chart"]]._charts:
        fail(f"{spec['chart']}: no chart")

    for message in failures:
        print("FAIL:", message)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

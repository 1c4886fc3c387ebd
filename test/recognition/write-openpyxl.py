"""Write the evaluation registers as openpyxl does (argv: cases.json, out dir)."""
import datetime
import json
import os
import sys

import openpyxl


def cell(value):
    if isinstance(value, dict) and "date" in value:
        return datetime.datetime.strptime(value["date"], "%Y-%m-%d")
    return value


cases = json.load(open(sys.argv[1], encoding="utf-8"))
for case in cases:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in case["sheets"]:
        ws = wb.create_sheet(sheet["name"])
        for row in sheet.get("above", []):
            ws.append([cell(v) for v in row] if row else [None])
        ws.append(sheet["header"])
        for row in sheet["rows"]:
            ws.append([cell(v) for v in row])
        for r in ws.iter_rows():
            for c in r:
                if isinstance(c.value, datetime.datetime):
                    c.number_format = "dd/mm/yyyy"
    wb.save(os.path.join(sys.argv[2], case["file"]))

"""A hostile corpus, written into a temporary folder: the sample articles plus every kind of bad input.

``write_hostile_corpus(root)`` returns what a reader must make of it: the rejects it must
name (``"file"`` or ``"file:line"`` -> a piece of the reason) and how many good documents
there are. Nothing binary is committed; it is all generated here.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

from .conftest import SAMPLES

MAX_DOC_CHARS = 40_000  # the hostile ingest runs with --max-doc-chars 40000
DATE = " date 2025-03-14 "
PROSE = ("Foreign Minister Jeyhun Bayramov met his Georgian counterpart in Tbilisi on Thursday. "
         "The two ministers discussed transit routes and signed a memorandum on customs cooperation. ")


def write_hostile_corpus(root: Path) -> tuple[dict[str, str], int]:
    rnd = random.Random(7)
    root.mkdir(parents=True, exist_ok=True)
    good = 0
    for p in sorted(SAMPLES.glob("*.txt")):  # the seeds and five written articles
        shutil.copy(p, root / p.name)
        good += 1
    shutil.copy(SAMPLES / "101_1ec0cd508143eff1.txt", root / "zz_copy_of_101.txt")  # same text again: stored once

    def put(name: str, data: bytes | str) -> None:
        (root / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    # good, but not plain: other encodings, a huge token, a run-on sentence
    put("fr_cp1252.txt", (DATE + "Le président Ilham Aliyev a reçu à Bakou le ministre français des "
                                 "Affaires étrangères, très chaleureusement.").encode("cp1252"))
    put("utf16_bom.txt", (DATE + "Kazakhstan and Kyrgyzstan agreed on Monday to demarcate their border.")
        .encode("utf-16"))
    put("long_token.txt", DATE + PROSE + "x" * 30_000 + " " + PROSE)
    put("run_on.txt", DATE + " and ".join(["Aliyev met Erdogan in Ankara"] * 500) + ".")
    good += 4

    rejects = {
        "binary.txt": "binary file",
        "report.txt": "binary file (PDF)",
        "scan.pdf": "not a corpus file",
        "undecodable.txt": "UTF-8",
        "damaged_utf8.txt": "damaged UTF-8",
        "utf16_no_bom.txt": "needs --encoding utf-16",
        "no_date.txt:1": "missing date line",
        "bad_date.txt:1": "invalid date '2024-02-30'",
        "slash_date.txt:1": "invalid date line",
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "date_only.txt": "empty text",
        "huge.txt": "over the 40000 limit",
        "nul.txt": "NUL byte",
        "page.txt": "HTML markup",
        "empty.jsonl": "empty file",
        "rows.jsonl:2": "malformed JSON",
        "rows.jsonl:3": "missing or non-text field(s): text",
        "rows.jsonl:4": "a JSON object is expected",
        "rows.jsonl:5": "invalid date",
        "rows.jsonl:6": "NUL character",
        "rows.jsonl:7": "over the 40000 limit",
        "rows.jsonl:9": "malformed JSON",  # truncated last line
        "rows.csv:3": "4 fields, the header has 3",
        "rows.csv:4": "NUL character",
        "truncated.csv:3": "unexpected end of data",
        "no_header.csv:1": "CSV header lacks",
    }
    put("binary.txt", bytes(rnd.randrange(256) for _ in range(4000)))
    put("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n")
    put("scan.pdf", b"%PDF-1.4\n")
    put("undecodable.txt", DATE.encode() + bytes(rnd.randrange(0x80, 0x100) for _ in range(600)))
    put("damaged_utf8.txt", (DATE + "Président Aliyev a félicité " + PROSE).encode("utf-8")[:60] + b"\xe2\x82 "
        + PROSE.encode())
    put("utf16_no_bom.txt", (DATE + PROSE).encode("utf-16-le"))
    put("no_date.txt", PROSE)
    put("bad_date.txt", " date 2024-02-30 " + PROSE)
    put("slash_date.txt", "date: 14/03/2025\n" + PROSE)
    put("empty.txt", b"")
    put("blank.txt", " \n\t\n  ")
    put("date_only.txt", " date 2025-03-14 \n\n")
    put("huge.txt", DATE + PROSE * (MAX_DOC_CHARS // len(PROSE) + 2))
    put("nul.txt", (DATE + PROSE).encode() + b"\x00" + PROSE.encode())
    put("page.txt", "<!DOCTYPE html><html><head><title>News</title></head><body><div class='nav'>Home</div>"
                    f"<p>{PROSE}</p><script>track()</script></body></html>")
    put("empty.jsonl", "\n\n")
    row = {"id": "j1", "date": "2025-03-14", "text": PROSE, "title": "Bayramov in Tbilisi"}
    put("rows.jsonl", "\n".join([
        json.dumps(row),
        '{"id": "j2", "date": "2025-03-14", "text": "The minist',
        json.dumps({"id": "j3", "date": "2025-03-14"}),
        json.dumps(["j4", "2025-03-14", "text"]),
        json.dumps({"id": "j5", "date": "14 March", "text": PROSE}),
        json.dumps({"id": "j6", "date": "2025-03-14", "text": "Tbilisi\u0000" + PROSE}),
        json.dumps({"id": "j7", "date": "2025-03-14", "text": PROSE * (MAX_DOC_CHARS // len(PROSE) + 2)}),
        json.dumps({"id": "j8", "date": "2025-03-15", "text": "Georgia and Azerbaijan agreed to open a new "
                                                              "border crossing, the ministers said."}),
        '{"id": "j9", "date": "2025-03-1',
    ]))
    put("rows.csv", "id,date,text\n"
                    'c1,2025-03-14,"Turkey condemned the attack, the foreign ministry said."\n'
                    "c2,2025-03-14,Too many,fields\n"
                    "c3,2025-03-14,Nul\x00here\n"
                    "c4,2025-03-16,Armenia protested against the decision of the Azerbaijani government.\n")
    put("truncated.csv", f'id,date,text\nt1,2025-03-14,"Chile recalled its ambassador."\nt2,2025-03-14,"{PROSE[:40]}')
    put("no_header.csv", "identifier,when,body\nx,2025-03-14,Text\n")
    good += 2 + 2 + 1  # j1, j8; c1, c4; t1
    return rejects, good

#!/usr/bin/env python3
"""Print the README's per-function status table from the tree itself, or with
--check README.md fail when the README's copy has drifted from the code.

Columns: portable C++ / AArch64 asm / x86-64 asm exist, and the proof state taken
from proofs/LEDGER (the ledger that proofs/check verifies)."""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEGIN, END = "<!-- status-table:begin -->", "<!-- status-table:end -->"


def functions():
    text = (ROOT / "cmake/functions.cmake").read_text()
    body = text.split("set(VBIGNUM_FUNCTIONS", 1)[1].split(")", 1)[0]
    body = re.sub(r"#.*", "", body)
    return body.split()


def ledger():
    """function -> proof column text, from proofs/LEDGER if present."""
    path = ROOT / "proofs/LEDGER"
    states = {}
    if not path.exists():
        return states
    for line in path.read_text().splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) >= 3 and re.match(r"(bignum|word)_", fields[0]):
            _, stated, arm = fields[:3]
            states[fields[0]] = ("proved (AArch64)" if arm == "yes"
                                 else "stated" if stated == "yes" else "-")
    return states


def table():
    proofs = ledger()
    yes = lambda p: "yes" if (ROOT / p).exists() else "-"
    rows = ["| function | portable | AArch64 asm | x86-64 asm | proof |",
            "|---|---|---|---|---|"]
    for fn in functions():
        rows.append(f"| `{fn}` | {yes(f'portable/{fn}.cpp')} | {yes(f'arm/{fn}.S')} "
                    f"| {yes(f'x86/{fn}.S')} | {proofs.get(fn, '-')} |")
    return "\n".join(rows)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        readme = Path(sys.argv[2]).read_text()
        inside = readme.split(BEGIN, 1)[-1].split(END, 1)[0].strip()
        if inside != table():
            print(f"{sys.argv[2]}: status table out of date; regenerate with "
                  f"tools/status_table.py and paste between the markers", file=sys.stderr)
            return 1
        return 0
    print(table())
    return 0


if __name__ == "__main__":
    sys.exit(main())

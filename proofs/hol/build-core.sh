#!/usr/bin/env bash
# Compiles Debian's HOL Light core (hol.ml order, minus the toplevel-only
# help/database files) plus Library/words.ml to native code, once per build dir.
# Output: $B/core.cmx/.o (+ quotexp.cmo, the camlp5 quotation expander that
# proof files are preprocessed with).
set -euo pipefail
HL=/usr/share/hol-light
here=$(cd "$(dirname "$0")" && pwd)
B=${1:?build dir}
mkdir -p "$B"
[ -f "$B/core.cmx" ] && [ "$B/core.cmx" -nt "$here/build-core.sh" ] && exit 0
ocamlfind ocamlc -package camlp5 -I +camlp5 -c "$here/quotexp.ml" -o "$B/quotexp.cmo"
files=$(sed -n 's/^loads "\([a-z_0-9]*\.ml\)".*/\1/p' $HL/hol.ml | grep -v -x -e help.ml -e database.ml)
{
  echo "set_jrh_lexer;;"
  for f in $files Library/words.ml; do
    echo "(* ==== $f ==== *)"
    # Toplevel directives and the toplevel quotation hook do not exist natively.
    sed -e 's/^#install_printer.*//' -e 's/^#load.*//' -e 's/^set_jrh_lexer;;//' \
        -e 's/^Quotation.add.*//' -e 's/^needs "[^"]*";;//' "$HL/$f" |
      # Value restriction: natively these need eta-expansion.
      sed -f "$here/eta.sed"
  done
} > "$B/core.ml"
camlp5 -I /usr/lib/ocaml/camlp-streams camlp_streams.cma $HL/pa_j.cmo "$B/quotexp.cmo" pr_dump.cmo -impl "$B/core.ml" -o "$B/core.ast"
ulimit -s unlimited
(cd "$B" && ocamlfind ocamlopt -package num -w -a -c -impl core.ast -o core.cmx)

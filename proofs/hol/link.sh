#!/usr/bin/env bash
# link.sh BUILD OUT.exe file1.ml file2.ml ...: preprocesses proof files with
# HOL Light's syntax (pa_j + quotation expander) and links them, in order,
# against the natively compiled core into one executable.
set -euo pipefail
B=$1; out=$2; shift 2
objs=()
for f in "$@"; do
  m=$(basename "$f" .ml | tr -c 'a-zA-Z0-9_\n' '_')
  { echo "set_jrh_lexer;;"; echo "open Core;;"
    for prev in "${objs[@]}"; do echo "open ${prev^};;"; done
    cat "$f"; } > "$B/p_$m.ml"
  camlp5 -I /usr/lib/ocaml/camlp-streams camlp_streams.cma /usr/share/hol-light/pa_j.cmo \
    "$B/quotexp.cmo" pr_dump.cmo -impl "$B/p_$m.ml" -o "$B/p_$m.ast" 2>&1 | grep -v "HOL-Light syntax" | grep -v '^$' || true
  (cd "$B" && ocamlfind ocamlopt -package num,unix -w -a -I . -c -impl "p_$m.ast" -o "p_$m.cmx")
  objs+=("p_$m")
done
(cd "$B" && ocamlfind ocamlopt -package num,unix -linkpkg -w -a core.cmx $(for o in "${objs[@]}"; do echo "$o.cmx"; done) -o "$out")

(* Decoder coverage of the real routines: every instruction word of every
   arm/ routine goes through the HOL decoder (a theorem per distinct word);
   words the model does not know are listed. Informational: a proof of a
   routine with such words is impossible until the model covers them. *)
let coverage_t0 = Unix.gettimeofday();;
List.iter (fun def ->
  let name = fst(dest_const(lhs(concl def))) in
  let fn = String.sub name 0 (String.length name - 5) in
  let flipped = String.length fn > 8 &&
                String.sub fn (String.length fn - 8) 8 = "_flipped" in
  if String.length fn > 7 && not flipped &&
     (String.sub fn 0 7 = "bignum_" || String.sub fn 0 5 = "word_")
  then begin
    let bytes = map (fun t -> dest_small_numeral(rand t)) (dest_list(rhs(concl def))) in
    let rec words l = match l with
        a::b::c::d::t -> (a + 256 * b + 65536 * c + 16777216 * d) :: words t
      | _ -> [] in
    let ws = words bytes in
    let unknown = setify (filter (fun w ->
        try ignore(DECODE_CONV (mk_comb(`decode`, mk_small_numeral w))); false
        with Failure _ -> true) ws) in
    Printf.printf "%-34s %-8s %d instructions, %d distinct words outside the model%s\n%!"
      fn "DECODED" (length ws) (length unknown)
      (if unknown = [] then "" else
       ": " ^ String.concat " " (map (Printf.sprintf "%08x") (fst(chop_list (min 6 (length unknown)) unknown))))
  end) (rev !code_defs);;
Printf.printf "  decoder coverage: %.1fs\n%!" (Unix.gettimeofday() -. coverage_t0);;

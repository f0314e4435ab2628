(* bignum_sqr_4_8 (arm/bignum_sqr_4_8.S): the statement of statements.ml,
   proved by simulation; the closing step uses the Karatsuba block lemmas of
   hol/karatsuba.ml (three vb_sqr2 blocks, the masked |a_lo - a_hi|, the carry
   of Y = L + B^2*H). Negative control: the same statement about the routine
   with one flipped bit (sbcs x11, x11, x4 becomes sbcs x11, x11, x5) must
   not be provable. *)

let sqr_block_facts st =
  let ab = st.abbrevs in
  (lemma_instances SQR2_BLOCK ab @ lemma_instances ABS2 ab,
   lemma_instances YCHAIN ab);;

let with_block_facts f () =
  block_facts := sqr_block_facts;
  let r = try f () with e -> (block_facts := (fun _ -> [], []); raise e) in
  block_facts := (fun _ -> [], []); r;;

let BIGNUM_SQR_4_8_SPEC = parse_term (assoc "bignum_sqr_4_8" arm_statements);;

run_proof "bignum_sqr_4_8" (with_block_facts (fun () ->
  prove_straightline (BIGNUM_SQR_4_8_SPEC, bignum_sqr_4_8_ninstr)));;

expect_failure "bignum_sqr_4_8_flipped" (with_block_facts (fun () ->
  prove_straightline
    (subst [`bignum_sqr_4_8_flipped_code`, `bignum_sqr_4_8_code`] BIGNUM_SQR_4_8_SPEC,
     bignum_sqr_4_8_flipped_ninstr)));;

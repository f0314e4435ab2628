(* bignum_mul_4_8 (arm/bignum_mul_4_8.S): the statement of statements.ml,
   proved by simulation; the closing step uses the block lemmas of
   hol/karatsuba_mul.ml: the three vb_mul2 products L, H (MUL2_BLOCK) and the
   signed middle term B^2*(-1)^s*|d|*|e| with its sign extension (MIDSIGN2,
   which contains the third vb_mul2 and both masked differences), plus the
   zero carry of `adc x9, xzr, xzr`. Negative control: the same statement
   about the routine with one flipped bit (eor x10, x10, x15 becomes
   eor x10, x10, x14: a word of M not sign-corrected) must not be provable. *)

let BIGNUM_MUL_4_8_SPEC = parse_term (assoc "bignum_mul_4_8" arm_statements);;

run_proof "bignum_mul_4_8" (with_mul_facts mul4_block_facts (fun () ->
  prove_straightline (BIGNUM_MUL_4_8_SPEC, bignum_mul_4_8_ninstr)));;

expect_failure "bignum_mul_4_8_flipped" (with_mul_facts mul4_block_facts (fun () ->
  prove_straightline
    (subst [`bignum_mul_4_8_flipped_code`, `bignum_mul_4_8_code`] BIGNUM_MUL_4_8_SPEC,
     bignum_mul_4_8_flipped_ninstr)));;

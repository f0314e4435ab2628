(* bignum_mul_8_16 (arm/bignum_mul_8_16.S, vb_mul8 between a stack frame of
   80 bytes): the statement of statements.ml, proved by simulation; the
   closing step uses the block lemmas of hol/karatsuba_mul.ml: the 4x4
   products L and H as units (MUL4_BLOCK) and the 9-word middle sum
   L + H + (-1)^s*|M| (MID8, assembled by mid8_instance from the MUL4_BLOCK
   instances for L and H, the MIDSIGN3 instance for the signed |M| and
   MUL_MID_RANGE); mul8_block_facts collects them.
   Negative control: the same statement about the routine with one flipped
   bit (eor x26, x26, x27 becomes eor x26, x26, x26: a word of |M| not
   sign-corrected, byte 1556 bit 16) must not be provable. *)

let BIGNUM_MUL_8_16_SPEC = parse_term (assoc "bignum_mul_8_16" arm_statements);;

run_proof "bignum_mul_8_16" (with_mul_facts mul8_block_facts (fun () ->
  prove_straightline (BIGNUM_MUL_8_16_SPEC, bignum_mul_8_16_ninstr)));;

expect_failure "bignum_mul_8_16_flipped" (with_mul_facts mul8_block_facts (fun () ->
  prove_straightline
    (subst [`bignum_mul_8_16_flipped_code`, `bignum_mul_8_16_code`] BIGNUM_MUL_8_16_SPEC,
     bignum_mul_8_16_flipped_ninstr)));;

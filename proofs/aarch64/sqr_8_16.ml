(* bignum_sqr_8_16 (arm/bignum_sqr_8_16.S): the statement of statements.ml,
   proved by one flat simulation of its 260 instructions, including the stack
   frame (stp/ldp of x19-x26 with pre-/post-index writeback: "stack frame" in
   hol/sim.ml; returns_with_frame2) and the blocks stored to z and loaded back
   (per-address reads through the chain of stores); the closing step uses the
   block lemmas of hol/karatsuba_sqr8.ml (vb_sqr4 x3, vb_absdiff4, the middle
   term's borrow, one combined identity). Negative control: the same statement
   about the routine with one flipped bit (adcs x8, x8, x21 becomes
   adcs x8, x8, x20 in the final sum) must not be provable. *)

let BIGNUM_SQR_8_16_SPEC = parse_term (assoc "bignum_sqr_8_16" arm_statements);;

let with_sqr8_facts f () =
  block_facts := sqr8_block_facts;
  let r = try f () with e -> (block_facts := (fun _ -> [], []); raise e) in
  block_facts := (fun _ -> [], []); r;;

run_proof "bignum_sqr_8_16" (with_sqr8_facts (fun () ->
  prove_straightline (BIGNUM_SQR_8_16_SPEC, bignum_sqr_8_16_ninstr)));;

expect_failure "bignum_sqr_8_16_flipped" (with_sqr8_facts (fun () ->
  prove_straightline
    (subst [`bignum_sqr_8_16_flipped_code`, `bignum_sqr_8_16_code`] BIGNUM_SQR_8_16_SPEC,
     bignum_sqr_8_16_flipped_ninstr)));;

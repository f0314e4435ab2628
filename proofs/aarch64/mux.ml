(* bignum_mux (arm/bignum_mux.S): the statement of statements.ml, proved with
   the invariant rule of hol/loop.ml. The loop counts x1 down from k; at the
   loop head (offset 8) with c words left: x1 = c, Z = (p = 0) from the cmp,
   words c..k-1 of z hold the selected input, words below c of z are as on
   entry, and memory outside z is unchanged. *)

let BIGNUM_MUX_SPEC = parse_term (assoc "bignum_mux" arm_statements);;

let mux_inv = `\c s. ?M a5 a6 nf cf vf.
   s = Arm (regupd 1 (word c) (regupd 5 a5 (regupd 6 a6 R_))) SP_ (word_add pc (word 8))
           M nf (p = word 0) cf vf /\
   c <= val (k:int64) /\
   (!a. ~(val(word_sub a z) < 8 * val k) ==> M a = M_ a) /\
   (!j. j < c ==> read64 (word_add z (word(8 * j))) M =
                  read64 (word_add z (word(8 * j))) M_) /\
   (!j. c <= j /\ j < val k ==>
        read64 (word_add z (word(8 * j))) M =
        read64 (word_add (if val (p:int64) = 0 then y else x) (word(8 * j))) M_)`;;

let COND_BIGNUM_AT = prove
 (`!b (x:int64) y n m. (if b then bignum_at x n m else bignum_at y n m) =
                       bignum_at (if b then x else y) n m`,
  MESON_TAC[]);;

(* The inputs as they appear in the goal (x or y may have become z). *)
let mux_inv_for (asl,w) =
  let c = rand(body(rand(rator w))) in
  let _, sel = dest_eq c in
  let _, (yb, xb) = dest_cond sel in
  let arg t = el 0 (snd(strip_comb t)) in
  subst [arg yb, `y:int64`; arg xb, `x:int64`] mux_inv;;

let MUX_TAC (asl,w) =
  LOOP_DOWN_TAC (mux_inv_for (asl,w)) `val(k:int64)`
   (* entry: bti, cmp *)
   (ARM_RUN_TO_TAC 8 THEN AT_INV_TAC THEN REWRITE_TAC[LE_REFL] THEN
    REPEAT STRIP_TAC THEN ASM_ARITH_TAC)
   (* exit: cbz taken, ret *)
   (STRIP_STATE_TAC THEN ARM_STEP_TAC THEN ARM_STEP_TAC THEN
    MATCH_MP_TAC EV_NOW THEN CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN
    REWRITE_TAC[returns_with_frame; arm_pc; arm_sp; arm_regs; arm_mem] THEN
    REPEAT CONJ_TAC THEN FIRST
     [REGS_CALLEE_TAC;
      FIRST_ASSUM MATCH_ACCEPT_TAC;
      REWRITE_TAC[COND_BIGNUM_AT] THEN MATCH_MP_TAC BIGNUM_AT_READS THEN
      ASM_MESON_TAC[LE_0]])
   (* body: cbz, sub, ldr, ldr, csel, str, b *)
   (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 8 THEN AT_INV_TAC THEN
    REPEAT CONJ_TAC THENL
     [ASM_ARITH_TAC;
      MATCH_MP_TAC FRAME_WRITE64 THEN ASM_REWRITE_TAC[] THEN ASM_ARITH_TAC;
      REPEAT STRIP_TAC THEN READS_TAC THEN REFL_TAC;
      REPEAT STRIP_TAC THEN ASM_CASES_TAC `j:num = r` THENL
       [FIRST_X_ASSUM SUBST_ALL_TAC THEN READS_TAC THEN
        REWRITE_TAC[VAL_EQ_0] THEN COND_CASES_TAC THEN ASM_REWRITE_TAC[] THEN
        READS_TAC THEN REFL_TAC;
        READS_TAC THEN REFL_TAC]]) (asl,w);;

let prove_mux spec =
  prove(spec,
    ENSURES_INIT_TAC THEN
    ALIAS_CASES_TAC `z:int64` THEN
    MUX_TAC);;

run_proof "bignum_mux" (fun () -> prove_mux BIGNUM_MUX_SPEC);;

(* Negative control: csel x5, x5, x6, ne becomes csel x5, x5, x6, eq (bit 12
   of the word at offset 24): the selection is reversed and must not prove. *)
expect_failure "bignum_mux_flipped" (fun () ->
  prove_mux (subst [`bignum_mux_flipped_code`, `bignum_mux_code`] BIGNUM_MUX_SPEC));;

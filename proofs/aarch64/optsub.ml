(* bignum_optsub (arm/bignum_optsub.S): the statement of statements.ml, proved
   with the invariant rule of hol/loop.ml (LOOP_UP, i words done). At the loop
   head (offset 20): x0 = k - i, x5 = i, x3 = the mask (0 or all ones from
   p), and with B = 1 - C the borrow so far,
     z[0..i) + (p = 0 ? 0 : y[0..i)) = x[0..i) + 2^(64 i) * B,
   the words i..k-1 of z are as on entry (z may be x or y), and memory
   outside z is unchanged. *)

let BIGNUM_OPTSUB_SPEC = parse_term (assoc "bignum_optsub" arm_statements);;

let optsub_inv = `\i s. ?M a6 a7 nf zf cf vf.
   s = Arm (regupd 0 (word (val (k:int64) - i))
           (regupd 3 (if (p:int64) = word 0 then word 0 else word_not (word 0):int64)
           (regupd 5 (word i) (regupd 6 a6 (regupd 7 a7 R_))))) SP_
           (word_add pc (word 20)) M nf zf cf vf /\
   i <= val k /\
   (!a. ~(val(word_sub a z) < 8 * val k) ==> M a = M_ a) /\
   (!j. i <= j /\ j < val k ==> read64 (word_add z (word(8 * j))) M =
                               read64 (word_add z (word(8 * j))) M_) /\
   bignum_at z i M + (if p = word 0 then 0 else bignum_at y i M_) =
   bignum_at x i M_ + 2 EXP (64 * i) * bitval(~cf)`;;

let VAL_AND_MASK = prove
 (`!(w:int64) b. val(word_and w (if b then word 0 else word_not(word 0))) =
                 if b then 0 else val w`,
  REPEAT GEN_TAC THEN COND_CASES_TAC THEN
  REWRITE_TAC[WORD_AND_0; WORD_AND_NOT0; VAL_WORD_0]);;

(* The value invariant after one more word: a ring identity in the values
   of the words, the borrows and E = 2^(64 i). *)
let SBC_RING_TAC =
  CARRY_FACTS_TAC THEN REWRITE_TAC[VAL_AND_MASK] THEN
  REWRITE_TAC[ARITH_RULE `64 * (i + 1) = 64 * i + 64`; EXP_ADD] THEN
  CONV_TAC NUM_REDUCE_CONV THEN
  SPEC_TAC(`2 EXP (64 * i)`, `E:num`) THEN GEN_TAC THEN
  COND_CASES_TAC THEN REWRITE_TAC[ADD_CLAUSES; MULT_CLAUSES] THEN
  CONV_TAC NUM_RING;;

let alias_inv inv (asl,w) =
  subst (mapfilter (fun v -> if mem v (frees w) then fail() else `z:int64`, v)
           [`x:int64`; `y:int64`]) inv;;

let OPTSUB_TAC (asl,w) =
  LOOP_UP_TAC (alias_inv optsub_inv (asl,w)) `val(k:int64)`
   (* entry: bti, cmp, csetm, mov, cmp *)
   (ARM_RUN_TO_TAC 20 THEN AT_INV_TAC THEN
    REWRITE_TAC[LE_0; bignum_at; BITVAL_CLAUSES; MULT_CLAUSES; ADD_CLAUSES; COND_ID] THEN
    REPEAT STRIP_TAC THEN ASM_ARITH_TAC)
   (* exit: cbz taken, cset, ret *)
   (STRIP_STATE_TAC THEN ARM_STEP_TAC THEN ARM_STEP_TAC THEN ARM_STEP_TAC THEN
    MATCH_MP_TAC EV_NOW THEN CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN
    REWRITE_TAC[returns_with_frame; arm_pc; arm_sp; arm_regs; arm_mem] THEN
    REPEAT CONJ_TAC THEN FIRST
     [REGS_CALLEE_TAC;
      FIRST_ASSUM MATCH_ACCEPT_TAC;
      REWRITE_TAC[regupd] THEN CONV_TAC NUM_REDUCE_CONV THEN REWRITE_TAC[] THEN
      CONV_TAC(TOP_DEPTH_CONV let_CONV) THEN REWRITE_TAC[VAL_EQ_0; W64] THEN
      FIRST_X_ASSUM(fun th -> match concl th with
          Comb(Comb(Const("=",_),Comb(Comb(Const("+",_),_),_)),_) -> MP_TAC th
        | _ -> fail()) THEN
      BIGNUM_BOUNDS_TAC THEN COND_CASES_TAC THEN ASM_REWRITE_TAC[] THEN
      BOOL_CASES_TAC `cf:bool` THEN
      REWRITE_TAC[BITVAL_CLAUSES; VAL_WORD_0; VAL_WORD_1] THEN CONV_TAC NUM_REDUCE_CONV THEN
      REPEAT STRIP_TAC THEN TRY COND_CASES_TAC THEN ASM_ARITH_TAC])
   (* body: cbz, ldr, ldr, and, sbcs, str, add, sub, b *)
   (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 20 THEN AT_INV_TAC THEN
    REPEAT CONJ_TAC THENL
     [ASM_ARITH_TAC;
      MATCH_MP_TAC FRAME_WRITE64 THEN ASM_REWRITE_TAC[] THEN ASM_ARITH_TAC;
      REPEAT STRIP_TAC THEN READS_TAC THEN REFL_TAC;
      BIGNUM_WRITE_TOP_TAC THEN READS_TAC THEN REWRITE_TAC[BIGNUM_AT_ADD1] THEN
      FIRST_X_ASSUM(fun th -> match concl th with
          Comb(Comb(Const("=",_),Comb(Comb(Const("+",_),_),_)),_) -> MP_TAC th
        | _ -> fail()) THEN
      SBC_RING_TAC]) (asl,w);;

let prove_optsub spec =
  prove(spec, ENSURES_INIT_TAC THEN ALIAS_CASES_TAC `z:int64` THEN OPTSUB_TAC);;

run_proof "bignum_optsub" (fun () -> prove_optsub BIGNUM_OPTSUB_SPEC);;

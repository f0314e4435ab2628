(* bignum_copy_row_from_table (arm/bignum_copy_row_from_table.S): the
   statement of statements.ml, proved with the invariant rule of hol/loop.ml
   for three loops: z := 0 (i words zeroed), then rows r = 0..height-1 with
   the column loop nested inside (c words of row r done). With
   T j = word j of row idx of the table:
     after row r:   z[j] = (idx < r ? T j : 0)  for all j < width,
     in row r at c: z[j] = (idx < r+1 ? T j : 0) for j < c, the old value above.
   x1 walks the table a row at a time (table + 8*width*r); Z = (row = idx). *)

let BIGNUM_COPY_ROW_FROM_TABLE_SPEC =
  parse_term (assoc "bignum_copy_row_from_table" arm_statements);;

(* SEPARATE_NOWRAP comes from sim.ml. *)

let ROW_ADVANCE = prove
 (`!(t:int64) (w:int64) r.
     word_add (word_add t (word(8 * val w * r))) (word_shl w 3) =
     word_add t (word(8 * val w * (r + 1)))`,
  REPEAT GEN_TAC THEN REWRITE_TAC[word_shl; GSYM WORD_ADD_ASSOC; GSYM WORD_ADD] THEN
  AP_TERM_TAC THEN AP_TERM_TAC THEN ARITH_TAC);;

let WORD_EQ_VAL = prove
 (`!r (w:int64). r < 2 EXP 64 ==> (word r = w <=> val w = r)`,
  REPEAT STRIP_TAC THEN EQ_TAC THEN STRIP_TAC THENL
   [FIRST_X_ASSUM(SUBST1_TAC o SYM) THEN MATCH_MP_TAC VAL64_WORD_SMALL THEN
    ASM_REWRITE_TAC[];
    FIRST_X_ASSUM(SUBST1_TAC o SYM) THEN REWRITE_TAC[WORD_VAL]]);;

let ROW_BOUND = prove
 (`!r c h w. r < h /\ c < w ==> 8 * w * r + 8 * c + 8 <= 8 * h * w`,
  REPEAT STRIP_TAC THEN
  SUBGOAL_THEN `w * (r + 1) <= w * h` MP_TAC THENL
   [REWRITE_TAC[LE_MULT_LCANCEL] THEN ASM_ARITH_TAC; ALL_TAC] THEN
  REWRITE_TAC[LEFT_ADD_DISTRIB; MULT_CLAUSES] THEN ASM_ARITH_TAC);;

let BIGNUM_AT_ZERO = prove
 (`!n (a:int64) m. (!j. j < n ==> read64 (word_add a (word(8 * j))) m = word 0)
                   ==> bignum_at a n m = 0`,
  INDUCT_TAC THEN REWRITE_TAC[bignum_at] THEN REPEAT STRIP_TAC THEN
  FIRST_ASSUM(MP_TAC o SPEC `n:num`) THEN REWRITE_TAC[LT] THEN
  DISCH_THEN SUBST1_TAC THEN REWRITE_TAC[VAL_WORD_0; MULT_CLAUSES; ADD_CLAUSES] THEN
  FIRST_X_ASSUM MATCH_MP_TAC THEN ASM_MESON_TAC[LT]);;

(* word j of row idx *)
let crt_T = `\j. read64 (word_add table (word(8 * val(width:int64) * val(idx:int64) + 8 * j))) M_`;;

let crt_zero_inv = `\i s. ?M nf zf cf vf.
   s = Arm (regupd 5 (word i) (regupd 6 (word (val (width:int64) - i)) R_)) SP_
           (word_add pc (word 12)) M nf zf cf vf /\
   i <= val width /\
   (!a. ~(val(word_sub a z) < 8 * val width) ==> M a = M_ a) /\
   (!j. j < i ==> read64 (word_add z (word(8 * j))) M = word 0)`;;

let crt_row_inv = subst [crt_T, `tw:num->int64`] `\r s. ?M a5 a6 a8 a9 nf zf cf vf.
   s = Arm (regupd 1 (word_add table (word(8 * val (width:int64) * r)))
           (regupd 2 (word (val (height:int64) - r)) (regupd 5 a5 (regupd 6 a6
           (regupd 7 (word r) (regupd 8 a8 (regupd 9 a9 R_))))))) SP_
           (word_add pc (word 36)) M nf zf cf vf /\
   r <= val height /\
   (!a. ~(val(word_sub a z) < 8 * val width) ==> M a = M_ a) /\
   (!j. j < val width ==> read64 (word_add z (word(8 * j))) M =
                         (if val (idx:int64) < r then tw j else word 0))`;;

let crt_col_inv r = subst [crt_T, `tw:num->int64`; r, `r:num`] `\c s. ?M a8 a9 nf cf vf.
   s = Arm (regupd 1 (word_add table (word(8 * val (width:int64) * r)))
           (regupd 2 (word (val (height:int64) - r)) (regupd 5 (word c)
           (regupd 6 (word (val width - c))
           (regupd 7 (word r) (regupd 8 a8 (regupd 9 a9 R_))))))) SP_
           (word_add pc (word 52)) M nf (word r = idx) cf vf /\
   c <= val width /\
   (!a. ~(val(word_sub a z) < 8 * val width) ==> M a = M_ a) /\
   (!j. j < c ==> read64 (word_add z (word(8 * j))) M =
                  (if val (idx:int64) < r + 1 then tw j else word 0)) /\
   (!j. c <= j /\ j < val width ==> read64 (word_add z (word(8 * j))) M =
                  (if val idx < r then tw j else word 0))`;;

let FRAME_STEP_TAC =
  MATCH_MP_TAC FRAME_WRITE64 THEN ASM_REWRITE_TAC[] THEN ASM_ARITH_TAC;;

(* The loop indices among the assumptions: v < val height (the row), v < val
   width (the column, in the column loop). *)
let index_var asl bound =
  fst(dest_var(lhand(concl(snd(find (fun (_,th) -> match concl th with
      Comb(Comb(Const("<",_),a),b) -> b = bound && is_var a | _ -> false) asl)))))
  |> fun n -> mk_var(n, `:num`);;

let CRT_COL_BODY_TAC (asl0,w0) =
  let r = index_var asl0 `val(height:int64)` in
  let lt th = find (fun (_,t) -> match concl t with
      Comb(Comb(Const("<",_),a),b) -> a = th | _ -> false) asl0 in
  (STRIP_STATE_TAC THEN
   (fun (asl,w) ->
      let c = index_var asl `val(width:int64)` in
      let rb = MATCH_MP ROW_BOUND (CONJ (snd(lt r)) (snd(find (fun (_,t) -> match concl t with
                  Comb(Comb(Const("<",_),a),_) -> a = c | _ -> false) asl))) in
      (ASSUME_TAC rb THEN ARM_RUN_TO_TAC 52 THEN AT_INV_TAC THEN
       REPEAT CONJ_TAC THENL
        [ASM_ARITH_TAC;
         FRAME_STEP_TAC;
         X_GEN_TAC `j:num` THEN DISCH_TAC THEN ASM_CASES_TAC (mk_eq(`j:num`, c)) THENL
          [FIRST_X_ASSUM SUBST_ALL_TAC THEN READS_TAC THEN
           W(fun (asl,w) -> MP_TAC(MP (SPECL [r; `idx:int64`] WORD_EQ_VAL)
                                    (ARITH_SIDE asl (mk_binop `(<):num->num->bool` r `2 EXP 64`)))) THEN
           DISCH_THEN SUBST1_TAC THEN
           ASM_CASES_TAC (mk_eq(`val(idx:int64)`, r)) THEN ASM_REWRITE_TAC[] THEN
           REWRITE_TAC[ARITH_RULE (mk_binop `(<):num->num->bool` r (mk_binop `(+):num->num->num` r `1`))] THEN
           SUBGOAL_THEN (mk_iff(mk_binop `(<):num->num->bool` `val(idx:int64)` (mk_binop `(+):num->num->num` r `1`),
                                mk_binop `(<):num->num->bool` `val(idx:int64)` r)) SUBST1_TAC THENL
            [ASM_ARITH_TAC; REFL_TAC];
           READS_TAC THEN REFL_TAC];
         REPEAT STRIP_TAC THEN READS_TAC THEN REFL_TAC]) (asl,w))) (asl0,w0);;

let CRT_TAC =
  ENSURES_INIT_TAC THEN
  FIRST_ASSUM(fun th -> match concl th with
      Comb(Comb(Comb(Comb(Const("separate",_),z),_),_),_) when z = `z:int64` ->
        STRIP_ASSUME_TAC(MATCH_MP SEPARATE_NOWRAP th)
    | _ -> fail()) THEN
  LOOP_UP_TAC crt_zero_inv `val(width:int64)`
   (* entry: bti, mov, mov *)
   (ARM_RUN_TO_TAC 12 THEN AT_INV_TAC THEN REWRITE_TAC[LE_0; LT])
   (* exit: cbz taken, mov x7; then the row loop *)
   (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 36 THEN
    LOOP_UP_TAC crt_row_inv `val(height:int64)`
     (AT_INV_TAC THEN REWRITE_TAC[LE_0; LT] THEN REPEAT CONJ_TAC THEN
      TRY(FIRST_ASSUM MATCH_ACCEPT_TAC) THEN REPEAT STRIP_TAC THEN ASM_SIMP_TAC[])
     (* exit: cbz taken, ret *)
     (STRIP_STATE_TAC THEN ARM_STEP_TAC THEN ARM_STEP_TAC THEN
      MATCH_MP_TAC EV_NOW THEN CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN
      REWRITE_TAC[returns_with_frame; arm_pc; arm_sp; arm_regs; arm_mem] THEN
      REPEAT CONJ_TAC THEN FIRST
       [REGS_CALLEE_TAC;
        FIRST_ASSUM MATCH_ACCEPT_TAC;
        REWRITE_TAC[spec_bignum_copy_row_from_table; row_of] THEN COND_CASES_TAC THENL
         [MATCH_MP_TAC BIGNUM_AT_READS THEN ASM_SIMP_TAC[WORD_ADD_ASSOC_CONST];
          MATCH_MP_TAC BIGNUM_AT_ZERO THEN ASM_SIMP_TAC[]]])
     (* body: cbz, cmp, mov, mov; the column loop; add, add, sub, b *)
     (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 52 THEN
      W(fun (asl,w) -> LOOP_UP_TAC (crt_col_inv (index_var asl `val(height:int64)`)) `val(width:int64)`
       (AT_INV_TAC THEN REWRITE_TAC[LE_0; LT] THEN REPEAT CONJ_TAC THEN
        TRY(FIRST_ASSUM MATCH_ACCEPT_TAC) THEN REPEAT STRIP_TAC THEN ASM_SIMP_TAC[])
       (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 36 THEN
        REWRITE_TAC[ROW_ADVANCE] THEN AT_INV_TAC THEN
        REPEAT CONJ_TAC THENL
         [ASM_ARITH_TAC;
          FIRST_ASSUM MATCH_ACCEPT_TAC;
          REPEAT STRIP_TAC THEN ASM_SIMP_TAC[]])
       CRT_COL_BODY_TAC)))
   (* body: cbz, str xzr, add, sub, b *)
   (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 12 THEN AT_INV_TAC THEN
    REPEAT CONJ_TAC THENL
     [ASM_ARITH_TAC;
      FRAME_STEP_TAC;
      X_GEN_TAC `j:num` THEN DISCH_TAC THEN
      W(fun (asl,w) -> ASM_CASES_TAC (mk_eq(`j:num`, index_var asl `val(width:int64)`))) THENL
       [FIRST_X_ASSUM SUBST_ALL_TAC THEN READS_TAC THEN REFL_TAC;
        READS_TAC THEN REFL_TAC]]);;

let prove_crt spec = prove(spec, CRT_TAC);;

run_proof "bignum_copy_row_from_table" (fun () ->
  prove_crt BIGNUM_COPY_ROW_FROM_TABLE_SPEC);;

(* Negative control in the nested loop: csel x9, x8, x9, eq becomes ne (bit 12
   of the word at offset 64): every row but idx would be copied. *)
expect_failure "bignum_copy_row_from_table_flipped" (fun () ->
  prove_crt (subst [`bignum_copy_row_from_table_flipped_code`, `bignum_copy_row_from_table_code`]
                   BIGNUM_COPY_ROW_FROM_TABLE_SPEC));;

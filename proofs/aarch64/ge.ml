(* bignum_ge (arm/bignum_ge.S): the statement of statements.ml, proved with
   the invariant rule of hol/loop.ml. Two branches (m >= n, m < n), each two
   loops in sequence (common words, then the longer number's tail); in every
   loop, with i words done, the carry flag says  y[0..iy) <= x[0..ix)  for
   the words read so far (the missing words of the shorter number are 0). *)

let BIGNUM_GE_SPEC = parse_term (assoc "bignum_ge" arm_statements);;

(* The carry out of sbcs a - b - (1 - c): no borrow iff b + borrow <= a. *)
let AWC_C_SBC = prove
 (`!a b:int64 c. awc_c a (word_not b) c <=> val b + bitval(~c) <= val a`,
  REPEAT GEN_TAC THEN REWRITE_TAC[awc_c; VAL64_NOT] THEN
  MP_TAC(ISPEC `b:int64` VAL64_BOUND) THEN
  BOOL_CASES_TAC `c:bool` THEN REWRITE_TAC[BITVAL_CLAUSES] THEN
  CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

(* Comparing numbers from the top word: lexicographic. *)
let LEX_LE = prove
 (`!X Y E x y. X < E /\ Y < E
     ==> (Y + E * y <= X + E * x <=> y + bitval(~(Y <= X)) <= x)`,
  REPEAT STRIP_TAC THEN MP_TAC(SPEC `~(Y <= X)` BITVAL_BOUND) THEN
  SUBGOAL_THEN `y + 1 <= x \/ y = x \/ x + 1 <= y` MP_TAC THENL
   [ARITH_TAC; ALL_TAC] THEN
  STRIP_TAC THENL
   [SUBGOAL_THEN `E * (y + 1) <= E * x` MP_TAC THENL
     [ASM_REWRITE_TAC[LE_MULT_LCANCEL]; ALL_TAC] THEN
    REWRITE_TAC[LEFT_ADD_DISTRIB; MULT_CLAUSES] THEN ASM_ARITH_TAC;
    FIRST_X_ASSUM SUBST_ALL_TAC THEN REWRITE_TAC[LE_ADD_RCANCEL] THEN
    ASM_CASES_TAC `Y <= X` THEN ASM_REWRITE_TAC[BITVAL_CLAUSES] THEN ARITH_TAC;
    SUBGOAL_THEN `E * (x + 1) <= E * y` MP_TAC THENL
     [ASM_REWRITE_TAC[LE_MULT_LCANCEL]; ALL_TAC] THEN
    REWRITE_TAC[LEFT_ADD_DISTRIB; MULT_CLAUSES] THEN ASM_ARITH_TAC]);;

let LEX_LE_XTAIL = prove
 (`!X Y E x. X < E /\ Y < E ==> (Y <= X + E * x <=> bitval(~(Y <= X)) <= x)`,
  REPEAT STRIP_TAC THEN MP_TAC(SPECL [`X:num`; `Y:num`; `E:num`; `x:num`; `0`] LEX_LE) THEN
  ASM_REWRITE_TAC[MULT_CLAUSES; ADD_CLAUSES]);;

let LEX_LE_YTAIL = prove
 (`!X Y E y. X < E /\ Y < E ==> (Y + E * y <= X <=> y + bitval(~(Y <= X)) <= 0)`,
  REPEAT STRIP_TAC THEN MP_TAC(SPECL [`X:num`; `Y:num`; `E:num`; `0`; `y:num`] LEX_LE) THEN
  ASM_REWRITE_TAC[MULT_CLAUSES; ADD_CLAUSES]);;

let BIGNUM_AT_BOUND_LE = prove
 (`!(a:int64) k j m. k <= j ==> bignum_at a k m < 2 EXP (64 * j)`,
  REPEAT STRIP_TAC THEN MATCH_MP_TAC LTE_TRANS THEN
  EXISTS_TAC `2 EXP (64 * k)` THEN REWRITE_TAC[BIGNUM_AT_BOUND; LE_EXP] THEN
  ASM_ARITH_TAC);;

(* The flag after one more word: rewrite the comparison of the extended
   numbers by LEX_LE*, the bounds from BIGNUM_AT_BOUND_LE. *)
let LEX_CONV asl tm =
  let bound t =
    let a, k, m = match t with
        Comb(Comb(Comb(Const("bignum_at",_),a),k),m) -> a, k, m
      | _ -> failwith "bound" in
    fun e -> let j = rand(rand e) in
      MP (ISPECL [a; k; j; m] BIGNUM_AT_BOUND_LE) (ARITH_SIDE asl (mk_binop `(<=):num->num->bool` k j)) in
  tryfind (fun lem ->
      let th = PART_MATCH (lhand o rand) lem tm in
      let [c1; c2] = conjuncts(lhand(concl th)) in
      let e = rand c1 in
      MP th (CONJ (bound (lhand c1) e) (bound (lhand c2) e)))
    [LEX_LE; LEX_LE_XTAIL; LEX_LE_YTAIL];;

(* Rewrite the carry flag (a variable of the goal) with its meaning from the
   invariant  cf <=> y[..] <= x[..]. *)
let FLAG_REWRITE_TAC (asl,w) =
  let fv = frees w in
  let th = snd(find (fun (_,th) -> match concl th with
      Comb(Comb(Const("=",Tyapp("fun",[ty;_])),(Var(_,_) as v)),_) ->
        ty = `:bool` && mem v fv
    | _ -> false) asl) in
  REWRITE_TAC[th] (asl,w);;

let LEX_STEP_TAC (asl,w) =
  (REWRITE_TAC[ADD_ASSOC; BIGNUM_AT_ADD1; AWC_C_SBC; VAL_WORD_0; ADD_CLAUSES] THEN
   W(fun (asl,w) -> let l, r = dest_eq w in CONV_TAC(RAND_CONV(LEX_CONV asl))) THEN
   FLAG_REWRITE_TAC) (asl,w);;

let ge_inv1 = `\i s. ?a6 a7 nf zf cf vf.
   s = Arm (regupd 2 (word (val (n:int64) - i)) (regupd 4 (word_sub (m:int64) n)
           (regupd 5 (word i) (regupd 6 a6 (regupd 7 a7 R_)))))
           SP_ (word_add pc (word 16)) M_ nf zf cf vf /\
   i <= val n /\ (cf <=> bignum_at y i M_ <= bignum_at x i M_)`;;

let ge_inv2 = `\i s. ?a2 a6 a7 nf zf cf vf.
   s = Arm (regupd 2 a2 (regupd 4 (word (val (m:int64) - val (n:int64) - i))
           (regupd 5 (word (val n + i)) (regupd 6 a6 (regupd 7 a7 R_)))))
           SP_ (word_add pc (word 44)) M_ nf zf cf vf /\
   i <= val m - val n /\ (cf <=> bignum_at y (val n) M_ <= bignum_at x (val n + i) M_)`;;

let ge_inv3 = `\i s. ?a6 a7 nf zf cf vf.
   s = Arm (regupd 0 (word (val (m:int64) - i)) (regupd 4 (word_sub (n:int64) m)
           (regupd 5 (word i) (regupd 6 a6 (regupd 7 a7 R_)))))
           SP_ (word_add pc (word 72)) M_ nf zf cf vf /\
   i <= val m /\ (cf <=> bignum_at y i M_ <= bignum_at x i M_)`;;

let ge_inv4 = `\i s. ?a0 a6 a7 nf zf cf vf.
   s = Arm (regupd 0 a0 (regupd 4 (word (val (n:int64) - val (m:int64) - i))
           (regupd 5 (word (val m + i)) (regupd 6 a6 (regupd 7 a7 R_)))))
           SP_ (word_add pc (word 100)) M_ nf zf cf vf /\
   i <= val n - val m /\ (cf <=> bignum_at y (val m + i) M_ <= bignum_at x (val m) M_)`;;

let GE_CLOSE_TAC = REPEAT CONJ_TAC THEN TRY ARITH_SIDE_TAC THEN LEX_STEP_TAC;;

(* cset x0, cs; ret: the contract from the flag. *)
let GE_POST_TAC lenx leny =
  STRIP_STATE_TAC THEN ARM_STEP_TAC THEN ARM_STEP_TAC THEN ARM_STEP_TAC THEN
  MATCH_MP_TAC EV_NOW THEN CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN
  REWRITE_TAC[returns_with_frame; arm_pc; arm_sp; arm_regs; arm_mem] THEN
  REPEAT CONJ_TAC THEN FIRST
   [REGS_CALLEE_TAC;
    REWRITE_TAC[] THEN NO_TAC;
    REWRITE_TAC[regupd] THEN CONV_TAC NUM_REDUCE_CONV THEN REWRITE_TAC[] THEN
    SUBGOAL_THEN (mk_eq(lenx, `val(m:int64)`)) (fun th -> RULE_ASSUM_TAC(REWRITE_RULE[th])) THENL
     [ARITH_SIDE_TAC; ALL_TAC] THEN
    SUBGOAL_THEN (mk_eq(leny, `val(n:int64)`)) (fun th -> RULE_ASSUM_TAC(REWRITE_RULE[th])) THENL
     [ARITH_SIDE_TAC; ALL_TAC] THEN
    FLAG_REWRITE_TAC THEN
    COND_CASES_TAC THEN ASM_REWRITE_TAC[VAL_WORD_0; VAL_WORD_1]];;

let GE_TAC =
  ENSURES_INIT_TAC THEN ASM_CASES_TAC `val(n:int64) <= val(m:int64)` THENL
   [LOOP_UP_TAC ge_inv1 `val(n:int64)`
     (ARM_RUN_TO_TAC 16 THEN AT_INV_TAC THEN
      REWRITE_TAC[LE_0; bignum_at] THEN ASM_REWRITE_TAC[LE_REFL])
     (STRIP_STATE_TAC THEN ARM_STEP_TAC THEN
      LOOP_UP_TAC ge_inv2 `val(m:int64) - val(n:int64)`
       (AT_INV_TAC THEN REWRITE_TAC[LE_0; ADD_CLAUSES] THEN ASM_REWRITE_TAC[])
       (GE_POST_TAC `val(n:int64) + (val(m:int64) - val n)` `val(n:int64)`)
       (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 44 THEN AT_INV_TAC THEN GE_CLOSE_TAC))
     (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 16 THEN AT_INV_TAC THEN GE_CLOSE_TAC);
    LOOP_UP_TAC ge_inv3 `val(m:int64)`
     (ARM_RUN_TO_TAC 72 THEN AT_INV_TAC THEN
      REWRITE_TAC[LE_0; bignum_at; LE_REFL] THEN ASM_ARITH_TAC)
     (STRIP_STATE_TAC THEN ARM_STEP_TAC THEN
      LOOP_UP_TAC ge_inv4 `val(n:int64) - val(m:int64)`
       (AT_INV_TAC THEN REWRITE_TAC[LE_0; ADD_CLAUSES] THEN ASM_REWRITE_TAC[])
       (GE_POST_TAC `val(m:int64)` `val(m:int64) + (val(n:int64) - val m)`)
       (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 100 THEN AT_INV_TAC THEN GE_CLOSE_TAC))
     (STRIP_STATE_TAC THEN ARM_RUN_TO_TAC 72 THEN AT_INV_TAC THEN GE_CLOSE_TAC)];;

let prove_ge spec = prove(spec, GE_TAC);;

run_proof "bignum_ge" (fun () -> prove_ge BIGNUM_GE_SPEC);;

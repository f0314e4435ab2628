(* ========================================================================= *)
(* Block lemmas for the Karatsuba product kernels of arm/_products.h        *)
(* (vb_mul2, the signed middle term of vb_mul4), in the style of            *)
(* hol/karatsuba.ml: each is an implication whose antecedent is a           *)
(* conjunction of v = term equations exactly as the simulation abbreviates  *)
(* the instructions, so `lemma_instances LEMMA st.abbrevs` finds every      *)
(* occurrence in a simulated routine; B = 2^64 below.                       *)
(*                                                                           *)
(*  MUL2_BLOCK   vb_mul2 (r0..r3 <- (a1:a0) * (b1:b0), 26 instructions as   *)
(*               MUL2_ANTE names them): r0 + B*w1 + B^2*w2 + B^3*w3 =       *)
(*               (a0 + B*a1) * (b0 + B*b1), exactly (its three dropped       *)
(*               carries are shown to cancel).                               *)
(*  MIDSIGN1     the signed middle product inside vb_mul2 (cneg/csetm,       *)
(*               cneg/cinv, mul/umulh, eor with the mask, cmn):              *)
(*               q0 + B*q1 + B^2*m2 + g = (a0 - a1)*(b1 - b0) + B^3*g.       *)
(*  CNEG_INT     |a - b| by subs/cneg, as an integer.                        *)
(*  ABS2S        the masked 2-word |a_lo - a_hi| of vb_mul4 (ABS2_ANTE of    *)
(*               karatsuba.ml) with its sign: e = if c2 then A - A' else     *)
(*               A' - A.                                                     *)
(*  MIDSIGN2     vb_mul4's middle term: |d| and |e| with masks sm, tm,       *)
(*               s = sm xor tm, M = |d|*|e| by vb_mul2 (MUL2_ANTE, suffix    *)
(*               M), then cmn s,#1 and q_i = M_i xor s:                      *)
(*               q0 + B*q1 + B^2*q2 + B^3*q3 + (B^4 + B^5)*s + g            *)
(*                 = (a_lo - a_hi)*(b_hi - b_lo) + B^6*g                     *)
(*               i.e. the words added at B^2 by the final adcs chain are     *)
(*               (-1)^s*M plus the sign extension, up to B^8*g.              *)
(*  AWC_C_ZERO0  bitval(awc_c (word 0) (word 0) g) = 0 (adc x, xzr, xzr).    *)
(*  MUL4_BLOCK   vb_mul4 (r0..r7 <- (a3..a0) * (b3..b0); MUL4_ANTE_TM: two   *)
(*               MUL2_ANTE copies, suffixes L and H, MIDSIGN2's antecedent,  *)
(*               Y = L + B^2*H, (1 + B^2)*Y and the signed addition):        *)
(*               r0L + B*w1L + B^2*o2 + ... + B^7*o7 = A * B', exactly.      *)
(*  ABSD4S       vb_absdiff4 with its sign: e = if c3 then A - B' else B'-A. *)
(*  MIDSIGN3     vb_mul8's middle term: |x_lo - x_hi|, |y_hi - y_lo| by      *)
(*               vb_absdiff4 (suffixes X, Y), |M| by vb_mul4 (suffix N),     *)
(*               s8 = mX xor mY, cmn, p_i = |M|_i xor s8:                    *)
(*               sum B^i*p_i + B^8*s8 + g8 = (x_lo - x_hi)*(y_hi - y_lo)     *)
(*                 + B^9*g8.                                                 *)
(*  MID8         vb_mul8's 9-word sum mid = L + H + (-1)^s*|M| (with its     *)
(*               sign extension) is exact; its antecedent is the add chain   *)
(*               (MID8_CHAIN_TM) plus the values PL, PH, PM and the range    *)
(*               0 <= PL + PH + PM < B^9 (MUL_MID_RANGE), so it is           *)
(*               instantiated by `mid8_instance` from MUL4_BLOCK and         *)
(*               MIDSIGN3 instances rather than by lemma_instances.          *)
(*  fast_instances  lemma_instances with the antecedent matched in an order  *)
(*               where each conjunct is determined by the earlier ones.      *)
(*  mul4_block_facts, mul8_block_facts, with_mul_facts: the facts for the    *)
(*               block_facts hook of routines built from vb_mul4 / vb_mul8,  *)
(*               and a wrapper that installs them with mul_pivot_ok.         *)
(*                                                                           *)
(* Users: aarch64/mul_4_8.ml (MUL2_BLOCK, MIDSIGN2), aarch64/mul_8_16.ml     *)
(* (MUL4_BLOCK, MIDSIGN3, MID8). The ante shapes follow arm/_products.h      *)
(* register for register, so any routine built from these macros can reuse   *)
(* them (e.g. vb_mul4 inside vb_mul8, vb_mul8 inside the 16x16 kernels).     *)
(* Tested (19:46 UTC, not in CI): the three vb_mul8 segments of              *)
(* aarch64/kmul_16_32.ml, KMUL_SEG_MULL / _MULH / _MULM, prove as            *)
(*   with_mul_facts mul8_block_facts (fun () ->                              *)
(*     prove_segment (KMUL_SEG_MULL, At_offset 1704))                        *)
(* (stops 1704, 3380, 5356), 43-61 s each on a loaded machine.               *)
(*                                                                           *)
(* In the closing step of sim.ml the equations are combined linearly with    *)
(* the goal; `mul_pivot_ok` (for sim.ml's pivot_ok) keeps products of loaded *)
(* words, which also occur in the specification's product, from being taken  *)
(* as the pivot that fixes an equation's coefficient.                        *)
(* ========================================================================= *)

let karatsuba_mul_t0 = Unix.gettimeofday();;

(* "#k" in a statement stands for the integer numeral 2^(64k). *)
let expand_b s =
  let b = Buffer.create (String.length s + 200) in
  let n = String.length s in
  let i = ref 0 in
  while !i < n do
    if s.[!i] = '#' && !i + 1 < n && s.[!i+1] >= '1' && s.[!i+1] <= '9' then
      (let k = Char.code s.[!i+1] - 48 in
       Buffer.add_string b ("&" ^ string_of_num(power_num (Int 2) (Int (64 * k))));
       i := !i + 2)
    else (Buffer.add_char b s.[!i]; incr i)
  done;
  Buffer.contents b;;
let bterm s = parse_term(expand_b s);;

(* ---- small facts ---- *)

let AWC_C_01 = prove
 (`awc_c (word 0) (word 1) F = F`,
  REWRITE_TAC[awc_c; VAL_WORD_0; VAL_WORD_1; BITVAL_CLAUSES] THEN
  CONV_TAC NUM_REDUCE_CONV);;

let AWC_C_N01 = prove
 (`awc_c (word_not(word 0)) (word 1) F = T`,
  REWRITE_TAC[awc_c; VAL64_NOT; VAL_WORD_0; VAL_WORD_1; BITVAL_CLAUSES] THEN
  CONV_TAC NUM_REDUCE_CONV);;

let AWC_C_ZERO0 = prove
 (`!g. bitval(awc_c (word 0) (word 0) g) = 0`,
  GEN_TAC THEN REWRITE_TAC[BITVAL_EQ_0; awc_c; VAL_WORD_0; ADD_CLAUSES] THEN
  MP_TAC(SPEC `g:bool` BITVAL_BOUND) THEN CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

let XOR_MASKS = prove
 (`word_xor (word 0) (word 0):int64 = word 0 /\
   word_xor (word 0) (word_not(word 0)):int64 = word_not(word 0) /\
   word_xor (word_not(word 0)) (word 0):int64 = word_not(word 0) /\
   word_xor (word_not(word 0)) (word_not(word 0)):int64 = word 0`,
  REWRITE_TAC[WORD_XOR_0; WORD_XOR_NOT0; WORD_NOT_NOT]);;

let POS_AWC_INT = prove
 (`!a b. awc_c a (word_not b) T ==> &(val(awc a (word_not b) T)):int = &(val a) - &(val b)`,
  REPEAT GEN_TAC THEN DISCH_TAC THEN
  ASM_REWRITE_TAC[INT_AWC_EQ; INT_VAL_NOT; BITVAL_CLAUSES] THEN INT_ARITH_TAC);;

let NEG_AWC_INT = prove
 (`!a b. ~(awc_c a (word_not b) T)
         ==> &(val(word_neg(awc a (word_not b) T))):int = &(val b) - &(val a)`,
  REPEAT GEN_TAC THEN DISCH_TAC THEN
  MP_TAC(ISPECL [`a:int64`; `word_not b:int64`; `T`] INT_AWC_EQ) THEN
  ASM_REWRITE_TAC[INT_VAL_NOT; BITVAL_CLAUSES; INT_VAL_WORD_NEG_CASES; DIMINDEX_64] THEN
  MP_TAC(ISPEC `a:int64` INT_VAL_BOUNDS) THEN MP_TAC(ISPEC `b:int64` INT_VAL_BOUNDS) THEN
  MP_TAC(ISPEC `awc a (word_not b) T` INT_VAL_BOUNDS) THEN
  CONV_TAC INT_REDUCE_CONV THEN REPEAT DISCH_TAC THEN
  COND_CASES_TAC THEN ASM_INT_ARITH_TAC);;

let CNEG_INT = prove
 (`!a b. &(val(if awc_c a (word_not b) T then awc a (word_not b) T
               else word_neg(awc a (word_not b) T))):int =
         if awc_c a (word_not b) T then &(val a) - &(val b) else &(val b) - &(val a)`,
  REPEAT GEN_TAC THEN COND_CASES_TAC THEN ASM_SIMP_TAC[POS_AWC_INT; NEG_AWC_INT]);;

(* ---- the signed middle product of vb_mul2 ---- *)

let MIDSIGN1_ANTE = "x0 = awc a0 (word_not a1) T /\\ c1 = awc_c a0 (word_not a1) T /\\
   x = (if c1 then x0 else word_neg x0) /\\ m = (if c1 then word 0 else word_not(word 0)) /\\
   y0 = awc b1 (word_not b0) T /\\ c2 = awc_c b1 (word_not b0) T /\\
   y = (if c2 then y0 else word_neg y0) /\\ m2 = (if c2 then m else word_not m) /\\
   p0 = word_mul x y /\\ p1 = umulh x y /\\ g4 = awc_c m2 (word 1) F /\\
   q0 = word_xor p0 m2 /\\ q1 = word_xor p1 m2";;

let MIDSIGN1 = prove
 (bterm("(" ^ MIDSIGN1_ANTE ^ ") ==>
   &(val(q0:int64)) + #1 * &(val(q1:int64)) + #2 * &(val(m2:int64)) + &(bitval g4):int =
   (&(val(a0:int64)) - &(val(a1:int64))) * (&(val(b1:int64)) - &(val(b0:int64))) +
   #3 * &(bitval g4)"),
  STRIP_TAC THEN REPEAT(FIRST_X_ASSUM SUBST_ALL_TAC) THEN
  ASM_CASES_TAC `awc_c a0 (word_not a1) T` THEN
  ASM_CASES_TAC `awc_c b1 (word_not b0) T` THEN
  ASM_REWRITE_TAC[WORD_NOT_NOT; WORD_XOR_0; WORD_XOR_NOT0; AWC_C_01; AWC_C_N01;
                  BITVAL_CLAUSES] THEN
  REWRITE_TAC[INT_VAL_NOT; INT_VAL_WORD_0; INT_MUL_EQ; INT_UMULH_EQ] THEN
  ASM_SIMP_TAC[POS_AWC_INT; NEG_AWC_INT] THEN CONV_TAC INT_RING);;

(* ---- vb_mul2 as a unit ---- *)

let PROD128_BOUNDS = prove
 (`!(a0:int64) (a1:int64) (b0:int64) (b1:int64).
     &0:int <= (&(val a0) + &18446744073709551616 * &(val a1)) *
               (&(val b0) + &18446744073709551616 * &(val b1)) /\
     (&(val a0) + &18446744073709551616 * &(val a1)) *
     (&(val b0) + &18446744073709551616 * &(val b1)) <=
     &115792089237316195423570985008687907852589419931798687112530834793049593217025`,
  REPEAT GEN_TAC THEN
  let x = `&(val(a0:int64)) + &18446744073709551616 * &(val(a1:int64)):int`
  and y = `&(val(b0:int64)) + &18446744073709551616 * &(val(b1:int64)):int`
  and c = `&340282366920938463463374607431768211455:int` in
  MP_TAC(SPECL [x; y] INT_LE_MUL) THEN MP_TAC(SPECL [x; c; y; c] INT_LE_MUL2) THEN
  CONV_TAC INT_REDUCE_CONV THEN
  MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS))
    [`a0:int64`; `a1:int64`; `b0:int64`; `b1:int64`] THEN
  INT_ARITH_TAC);;

let MUL2_ANTE = "r0 = word_mul a0 b0 /\\ r1 = umulh a0 b0 /\\ r2 = word_mul a1 b1 /\\
   r3 = umulh a1 b1 /\\ " ^ MIDSIGN1_ANTE ^ " /\\
   t0 = awc r1 r2 F /\\ g1 = awc_c r1 r2 F /\\ t1 = awc r3 (word 0) g1 /\\
   u1 = awc t0 r0 F /\\ g2 = awc_c t0 r0 F /\\ u2 = awc t1 t0 g2 /\\
   g3 = awc_c t1 t0 g2 /\\ u3 = awc t1 (word 0) g3 /\\
   w1 = awc u1 q0 g4 /\\ g5 = awc_c u1 q0 g4 /\\ w2 = awc u2 q1 g5 /\\
   g6 = awc_c u2 q1 g5 /\\ w3 = awc u3 m2 g6";;
let MUL2_ANTE_TM = parse_term MUL2_ANTE;;

let MUL2_BLOCK = prove
 (bterm("(" ^ MUL2_ANTE ^ ") ==>
   &(val(r0:int64)) + #1 * &(val(w1:int64)) + #2 * &(val(w2:int64)) +
   #3 * &(val(w3:int64)):int =
   (&(val(a0:int64)) + #1 * &(val(a1:int64))) * (&(val(b0:int64)) + #1 * &(val(b1:int64)))"),
  STRIP_TAC THEN
  MP_TAC MIDSIGN1 THEN ANTS_TAC THENL
   [REPEAT CONJ_TAC THEN FIRST_ASSUM ACCEPT_TAC; DISCH_TAC] THEN
  SUBGOAL_THEN `bitval(awc_c r3 (word 0) g1) = 0` ASSUME_TAC THENL
   [MP_TAC(ISPECL [`a1:int64`; `b1:int64`] UMULH_LT) THEN
    MP_TAC(SPEC `g1:bool` BITVAL_BOUND) THEN
    FIRST_ASSUM(fun th -> if concl th = `r3 = umulh a1 b1` then SUBST1_TAC th else fail()) THEN
    REWRITE_TAC[BITVAL_EQ_0; awc_c; VAL_WORD_0; UMULH_EQ] THEN ARITH_TAC;
    ALL_TAC] THEN
  SUBGOAL_THEN (bterm "&(val(r0:int64)) + #1 * &(val(w1:int64)) + #2 * &(val(w2:int64)) +
      #3 * &(val(w3:int64)):int =
      (&(val(a0:int64)) + #1 * &(val(a1:int64))) * (&(val(b0:int64)) + #1 * &(val(b1:int64))) +
      #4 * (&(bitval g4) - &(bitval(awc_c t1 (word 0) g3)) - &(bitval(awc_c u3 m2 g6)))")
  MP_TAC THENL
   [FIRST_X_ASSUM(fun th -> if is_eq(concl th) && type_of(lhs(concl th)) = `:int`
                            then MP_TAC th else fail()) THEN
    VAL_EXPAND_TAC THEN CONV_TAC INT_REDUCE_CONV THEN INT_ARITH_TAC;
    ALL_TAC] THEN
  MP_TAC(ISPECL [`a0:int64`; `a1:int64`; `b0:int64`; `b1:int64`] PROD128_BOUNDS) THEN
  MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS))
    [`r0:int64`; `w1:int64`; `w2:int64`; `w3:int64`] THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `g4:bool` BITVAL_INT_CASES) THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c t1 (word 0) g3` BITVAL_INT_CASES) THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c u3 m2 g6` BITVAL_INT_CASES) THEN
  INT_ARITH_TAC);;

(* ---- |a_lo - a_hi| with its sign (vb_mul4, vb_absdiff of 2 words) ---- *)

let ABS2S = prove
 (bterm("(" ^ ABS2_ANTE ^ ") ==> &(val(e0:int64)) + #1 * &(val(e1:int64)):int =
    if c2 then (&(val(a0:int64)) + #1 * &(val(a1:int64))) - (&(val(a2:int64)) + #1 * &(val(a3:int64)))
    else (&(val a2) + #1 * &(val a3)) - (&(val a0) + #1 * &(val a1))"),
  ABS2_CASES_TAC INT_ARITH_TAC);;

(* ---- vb_mul4's signed middle term ---- *)

let rename_map pairs sfx tm =
  vsubst (map (fun v -> (try assoc (fst(dest_var v)) pairs
                         with Failure _ -> mk_var(fst(dest_var v) ^ sfx, type_of v)), v)
              (frees tm)) tm;;
let ABS2_ANTE_TM = parse_term ABS2_ANTE;;
let MIDSIGN2_ANTE_TM =
  let w = fun s -> mk_var(s, `:int64`) in
  let absD = rename_map [("a0", w "a0"); ("a1", w "a1"); ("a2", w "a2"); ("a3", w "a3")] "D"
               ABS2_ANTE_TM
  and absE = rename_map [("a0", w "b2"); ("a1", w "b3"); ("a2", w "b0"); ("a3", w "b1")] "E"
               ABS2_ANTE_TM
  and mulM = rename_map [("a0", w "e0D"); ("a1", w "e1D"); ("b0", w "e0E"); ("b1", w "e1E")] "M"
               MUL2_ANTE_TM
  and tail = `s = word_xor mD mE /\ g = awc_c s (word 1) F /\ q0 = word_xor r0M s /\
              q1 = word_xor w1M s /\ q2 = word_xor w2M s /\ q3 = word_xor w3M s` in
  list_mk_conj(conjuncts absD @ conjuncts absE @ conjuncts mulM @ conjuncts tail);;

let MIDSIGN2 = prove
 (mk_imp(MIDSIGN2_ANTE_TM, bterm
   "&(val(q0:int64)) + #1 * &(val(q1:int64)) + #2 * &(val(q2:int64)) + #3 * &(val(q3:int64)) +
    (#4 + #5) * &(val(s:int64)) + &(bitval g):int =
    ((&(val(a0:int64)) + #1 * &(val(a1:int64))) - (&(val(a2:int64)) + #1 * &(val(a3:int64)))) *
    ((&(val(b2:int64)) + #1 * &(val(b3:int64))) - (&(val(b0:int64)) + #1 * &(val(b1:int64)))) +
    #6 * &(bitval g)"),
  let w = fun s -> mk_var(s, `:int64`) in
  let inst pairs sfx th =
    INST (map (fun v -> (try assoc (fst(dest_var v)) pairs
                         with Failure _ -> mk_var(fst(dest_var v) ^ sfx, type_of v)), v)
              (frees(concl th))) th in
  let absD = inst [("a0", w "a0"); ("a1", w "a1"); ("a2", w "a2"); ("a3", w "a3")] "D" ABS2S
  and absE = inst [("a0", w "b2"); ("a1", w "b3"); ("a2", w "b0"); ("a3", w "b1")] "E" ABS2S
  and mulM = inst [("a0", w "e0D"); ("a1", w "e1D"); ("b0", w "e0E"); ("b1", w "e1E")] "M"
               MUL2_BLOCK in
  let use th = MP_TAC th THEN ANTS_TAC THENL
                [REPEAT CONJ_TAC THEN FIRST_ASSUM ACCEPT_TAC; DISCH_TAC] in
  STRIP_TAC THEN use absD THEN use absE THEN use mulM THEN
  ASM_CASES_TAC `c2D:bool` THEN ASM_CASES_TAC `c2E:bool` THEN
  (fun (asl,w) ->
    let ce = snd(hd asl) and cd = snd(hd(tl asl)) in
    let mdth = REWRITE_RULE[cd] (hyp_eq `mD:int64` asl)
    and meth = REWRITE_RULE[ce] (hyp_eq `mE:int64` asl) in
    let sth = REWRITE_RULE[mdth; meth; XOR_MASKS] (hyp_eq `s:int64` asl) in
    let gth = REWRITE_RULE[sth; AWC_C_01; AWC_C_N01] (hyp_eq `g:bool` asl) in
    let qths = map (fun q -> REWRITE_RULE[sth; WORD_XOR_0; WORD_XOR_NOT0] (hyp_eq q asl))
                 [`q0:int64`; `q1:int64`; `q2:int64`; `q3:int64`] in
    let vals = map (fun th -> AP_TERM `int_of_num` (AP_TERM `val:int64->num` th)) (sth :: qths) in
    let facts = filter (fun th -> is_eq(concl th) && type_of(lhs(concl th)) = `:int`)
                  (map snd asl) in
    (MAP_EVERY MP_TAC facts THEN
     REWRITE_TAC([cd; ce; gth] @ vals @ [BITVAL_CLAUSES; INT_VAL_NOT; INT_VAL_WORD_0]) THEN
     CONV_TAC INT_RING) (asl,w)));;



(* Pivot filter for sim.ml's closing step: a monomial qualifies if one of its
   factors is something other than the value of a loaded word. *)
let mul_pivot_ok m =
  let rec factors t = match t with
      Comb(Comb(Const("int_mul",_),a),b) -> factors a @ factors b
    | Comb(Comb(Const("int_pow",_),a),_) -> factors a
    | _ -> [t] in
  let is_load t = match t with
      Comb(Const("int_of_num",_),Comb(Const("val",_),Comb(Comb(Const("read64",_),_),_))) -> true
    | _ -> false in
  exists (fun t -> not (is_load t)) (factors m);;

(* ---- vb_mul4 as a unit ---- *)

(* Expand the values of the given named words only (one level each, through
   REWRITE's repetition: the listed words in terms of unlisted ones). *)
let VAL_EXPAND_ONLY_TAC (vars:term list) : tactic = fun (asl,w) ->
  let thl = map snd asl in
  let facts = filter (fun th -> mem (rand(rand(lhs(concl th)))) vars) (val_facts_of thl) in
  REWRITE_TAC (facts @ zero_facts_of thl @ [BITVAL_CLAUSES]) (asl,w);;

let ren pairs sfx tm = rename_map pairs sfx tm;;
let wv s = mk_var(s, `:int64`);;
let MUL4_ANTE_TM =
  let mulL = ren [("a0", wv "a0"); ("a1", wv "a1"); ("b0", wv "b0"); ("b1", wv "b1")] "L" MUL2_ANTE_TM
  and mulH = ren [("a0", wv "a2"); ("a1", wv "a3"); ("b0", wv "b2"); ("b1", wv "b3")] "H" MUL2_ANTE_TM
  and chain = `y2 = awc w2L r0H F /\ cy2 = awc_c w2L r0H F /\ y3 = awc w3L w1H cy2 /\
     cy3 = awc_c w3L w1H cy2 /\ y4 = awc w2H (word 0) cy3 /\ cy4 = awc_c w2H (word 0) cy3 /\
     y5 = awc w3H (word 0) cy4 /\
     z2 = awc y2 r0L F /\ cz2 = awc_c y2 r0L F /\ z3 = awc y3 w1L cz2 /\ cz3 = awc_c y3 w1L cz2 /\
     z4 = awc y4 y2 cz3 /\ cz4 = awc_c y4 y2 cz3 /\ z5 = awc y5 y3 cz4 /\ cz5 = awc_c y5 y3 cz4 /\
     z6 = awc y4 (word 0) cz5 /\ cz6 = awc_c y4 (word 0) cz5 /\ z7 = awc y5 (word 0) cz6 /\
     o2 = awc z2 q0 g /\ co2 = awc_c z2 q0 g /\ o3 = awc z3 q1 co2 /\ co3 = awc_c z3 q1 co2 /\
     o4 = awc z4 q2 co3 /\ co4 = awc_c z4 q2 co3 /\ o5 = awc z5 q3 co4 /\ co5 = awc_c z5 q3 co4 /\
     o6 = awc z6 s co5 /\ co6 = awc_c z6 s co5 /\ o7 = awc z7 s co6` in
  list_mk_conj(conjuncts mulL @ conjuncts mulH @ conjuncts MIDSIGN2_ANTE_TM @ conjuncts chain);;

let PROD256_BOUNDS = prove
 (bterm "!(a0:int64) (a1:int64) (a2:int64) (a3:int64) (b0:int64) (b1:int64) (b2:int64) (b3:int64).
     &0 <= (&(val a0) + #1 * &(val a1) + #2 * &(val a2) + #3 * &(val a3)) *
           (&(val b0) + #1 * &(val b1) + #2 * &(val b2) + #3 * &(val b3)) /\\
     (&(val a0) + #1 * &(val a1) + #2 * &(val a2) + #3 * &(val a3)) *
     (&(val b0) + #1 * &(val b1) + #2 * &(val b2) + #3 * &(val b3)) < #8",
  REPEAT GEN_TAC THEN
  let x = bterm "&(val(a0:int64)) + #1 * &(val(a1:int64)) + #2 * &(val(a2:int64)) + #3 * &(val(a3:int64)):int"
  and y = bterm "&(val(b0:int64)) + #1 * &(val(b1:int64)) + #2 * &(val(b2:int64)) + #3 * &(val(b3:int64)):int"
  and c = bterm "#4 - &1:int" in
  MP_TAC(SPECL [x; y] INT_LE_MUL) THEN MP_TAC(SPECL [x; c; y; c] INT_LE_MUL2) THEN
  CONV_TAC INT_REDUCE_CONV THEN
  MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS))
    [`a0:int64`; `a1:int64`; `a2:int64`; `a3:int64`; `b0:int64`; `b1:int64`; `b2:int64`; `b3:int64`] THEN
  INT_ARITH_TAC);;

let MUL4_BLOCK = prove
 (mk_imp(MUL4_ANTE_TM, bterm
   "&(val(r0L:int64)) + #1 * &(val(w1L:int64)) + #2 * &(val(o2:int64)) + #3 * &(val(o3:int64)) +
    #4 * &(val(o4:int64)) + #5 * &(val(o5:int64)) + #6 * &(val(o6:int64)) +
    #7 * &(val(o7:int64)):int =
    (&(val(a0:int64)) + #1 * &(val(a1:int64)) + #2 * &(val(a2:int64)) + #3 * &(val(a3:int64))) *
    (&(val(b0:int64)) + #1 * &(val(b1:int64)) + #2 * &(val(b2:int64)) + #3 * &(val(b3:int64)))"),
  let inst pairs sfx th =
    INST (map (fun v -> (try assoc (fst(dest_var v)) pairs
                         with Failure _ -> mk_var(fst(dest_var v) ^ sfx, type_of v)), v)
              (frees(concl th))) th in
  let mulL = inst [("a0", wv "a0"); ("a1", wv "a1"); ("b0", wv "b0"); ("b1", wv "b1")] "L" MUL2_BLOCK
  and mulH = inst [("a0", wv "a2"); ("a1", wv "a3"); ("b0", wv "b2"); ("b1", wv "b3")] "H" MUL2_BLOCK in
  let use th = MP_TAC th THEN ANTS_TAC THENL
                [REPEAT CONJ_TAC THEN FIRST_ASSUM ACCEPT_TAC; DISCH_TAC] in
  STRIP_TAC THEN use mulL THEN use mulH THEN use MIDSIGN2 THEN
  (* the carry out of Y = L + B^2*H is zero: Y <= (B^2-1)^2*(1 + B^2) < B^6 *)
  SUBGOAL_THEN `bitval(awc_c w3H (word 0) cy4) = 0` ASSUME_TAC THENL
   [REWRITE_TAC[GSYM INT_OF_NUM_EQ] THEN
    SUBGOAL_THEN (bterm "&(val(r0L:int64)) + #1 * &(val(w1L:int64)) + #2 * &(val(y2:int64)) +
        #3 * &(val(y3:int64)) + #4 * &(val(y4:int64)) + #5 * &(val(y5:int64)):int =
        (&(val(r0L:int64)) + #1 * &(val(w1L:int64)) + #2 * &(val(w2L:int64)) + #3 * &(val(w3L:int64))) +
        #2 * (&(val(r0H:int64)) + #1 * &(val(w1H:int64)) + #2 * &(val(w2H:int64)) + #3 * &(val(w3H:int64))) -
        #6 * &(bitval(awc_c w3H (word 0) cy4))") MP_TAC THENL
     [VAL_EXPAND_ONLY_TAC [`y2:int64`; `y3:int64`; `y4:int64`; `y5:int64`] THEN
      CONV_TAC(LAND_CONV INT_POLY_CONV THENC RAND_CONV INT_POLY_CONV) THEN REWRITE_TAC[];
      ALL_TAC] THEN
    REPEAT(FIRST_X_ASSUM(fun th -> if is_eq(concl th) && type_of(lhs(concl th)) = `:int`
                                   then MP_TAC th else fail())) THEN
    MP_TAC(ISPECL [`a0:int64`; `a1:int64`; `b0:int64`; `b1:int64`] PROD128_BOUNDS) THEN
    MP_TAC(ISPECL [`a2:int64`; `a3:int64`; `b2:int64`; `b3:int64`] PROD128_BOUNDS) THEN
    MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS))
      [`r0L:int64`; `w1L:int64`; `y2:int64`; `y3:int64`; `y4:int64`; `y5:int64`] THEN
    DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c w3H (word 0) cy4` BITVAL_INT_CASES) THEN
    INT_ARITH_TAC;
    ALL_TAC] THEN
  SUBGOAL_THEN (bterm "&(val(r0L:int64)) + #1 * &(val(w1L:int64)) + #2 * &(val(o2:int64)) + #3 * &(val(o3:int64)) +
    #4 * &(val(o4:int64)) + #5 * &(val(o5:int64)) + #6 * &(val(o6:int64)) +
    #7 * &(val(o7:int64)):int =
    (&(val(r0L:int64)) + #1 * &(val(w1L:int64)) + #2 * &(val(w2L:int64)) + #3 * &(val(w3L:int64))) * (&1 + #2) +
    (&(val(r0H:int64)) + #1 * &(val(w1H:int64)) + #2 * &(val(w2H:int64)) + #3 * &(val(w3H:int64))) * (#2 + #4) +
    #2 * (&(val(q0:int64)) + #1 * &(val(q1:int64)) + #2 * &(val(q2:int64)) + #3 * &(val(q3:int64)) +
    (#4 + #5) * &(val(s:int64)) + &(bitval g)) -
    #8 * (&(bitval(awc_c y5 (word 0) cz6)) + &(bitval(awc_c z7 s co6)))") MP_TAC THENL
   [VAL_EXPAND_ONLY_TAC [`y2:int64`; `y3:int64`; `y4:int64`; `y5:int64`; `z2:int64`; `z3:int64`;
      `z4:int64`; `z5:int64`; `z6:int64`; `z7:int64`; `o2:int64`; `o3:int64`; `o4:int64`;
      `o5:int64`; `o6:int64`; `o7:int64`] THEN
    CONV_TAC(LAND_CONV INT_POLY_CONV THENC RAND_CONV INT_POLY_CONV) THEN REWRITE_TAC[];
    ALL_TAC] THEN
  REPEAT(FIRST_X_ASSUM(fun th -> if is_eq(concl th) && type_of(lhs(concl th)) = `:int`
                                 then MP_TAC th else fail())) THEN
  MP_TAC(ISPECL [`a0:int64`; `a1:int64`; `a2:int64`; `a3:int64`;
                 `b0:int64`; `b1:int64`; `b2:int64`; `b3:int64`] PROD256_BOUNDS) THEN
  MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS))
    [`r0L:int64`; `w1L:int64`; `o2:int64`; `o3:int64`; `o4:int64`; `o5:int64`; `o6:int64`; `o7:int64`] THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `g:bool` BITVAL_INT_CASES) THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c y5 (word 0) cz6` BITVAL_INT_CASES) THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c z7 s co6` BITVAL_INT_CASES) THEN
  INT_ARITH_TAC);;

(* ---- vb_absdiff4 with its sign, vb_mul8's signed middle term ---- *)

let ABSD4_ANTE = "d0 = awc a0 (word_not b0) T /\\ c0 = awc_c a0 (word_not b0) T /\\
   d1 = awc a1 (word_not b1) c0 /\\ c1 = awc_c a1 (word_not b1) c0 /\\
   d2 = awc a2 (word_not b2) c1 /\\ c2 = awc_c a2 (word_not b2) c1 /\\
   d3 = awc a3 (word_not b3) c2 /\\ c3 = awc_c a3 (word_not b3) c2 /\\
   m = (if c3 then word 0 else word_not(word 0)) /\\
   x0 = word_xor d0 m /\\ e0 = awc x0 (word_not m) T /\\ k0 = awc_c x0 (word_not m) T /\\
   x1 = word_xor d1 m /\\ e1 = awc x1 (word_not m) k0 /\\ k1 = awc_c x1 (word_not m) k0 /\\
   x2 = word_xor d2 m /\\ e2 = awc x2 (word_not m) k1 /\\ k2 = awc_c x2 (word_not m) k1 /\\
   x3 = word_xor d3 m /\\ e3 = awc x3 (word_not m) k2";;
let ABSD4_ANTE_TM = parse_term ABSD4_ANTE;;
let SUM4 a = expand_b("&(val(" ^ a ^ "0:int64)) + #1 * &(val(" ^ a ^ "1:int64)) + #2 * &(val(" ^
  a ^ "2:int64)) + #3 * &(val(" ^ a ^ "3:int64))");;

let ABSD4_D = prove
 (bterm("(" ^ ABSD4_ANTE ^ ") ==> " ^ SUM4 "d" ^ " + #4 * &(bitval c3):int = (" ^ SUM4 "a" ^
        ") - (" ^ SUM4 "b" ^ ") + #4"),
  STRIP_TAC THEN POLY_EQ_TAC);;
let ABSD4_E = prove
 (bterm("(" ^ ABSD4_ANTE ^ ") ==> " ^ SUM4 "e" ^ ":int = " ^ SUM4 "x" ^
        " + (&1 + #1 + #2 + #3) * (&18446744073709551615 - &(val(m:int64))) + &1 - #4 * &(bitval(awc_c x3 (word_not m) k2))"),
  STRIP_TAC THEN POLY_EQ_TAC);;

let ABSD4S = prove
 (bterm("(" ^ ABSD4_ANTE ^ ") ==> " ^ SUM4 "e" ^ ":int = if c3 then (" ^ SUM4 "a" ^ ") - (" ^
        SUM4 "b" ^ ") else (" ^ SUM4 "b" ^ ") - (" ^ SUM4 "a" ^ ")"),
  DISCH_TAC THEN
  FIRST_ASSUM(ASSUME_TAC o MATCH_MP ABSD4_D) THEN
  FIRST_ASSUM(ASSUME_TAC o MATCH_MP ABSD4_E) THEN
  POP_ASSUM MP_TAC THEN POP_ASSUM MP_TAC THEN POP_ASSUM STRIP_ASSUME_TAC THEN
  MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS))
    [`a0:int64`; `a1:int64`; `a2:int64`; `a3:int64`; `b0:int64`; `b1:int64`; `b2:int64`;
     `b3:int64`; `d0:int64`; `d1:int64`; `d2:int64`; `d3:int64`;
     `e0:int64`; `e1:int64`; `e2:int64`; `e3:int64`] THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c x3 (word_not m) k2` BITVAL_INT_CASES) THEN
  ASM_CASES_TAC `c3:bool` THEN
  (fun (asl,w) ->
    let cth = snd(hd asl) in
    let mth = REWRITE_RULE[cth] (hyp_eq `m:int64` asl) in
    let fs = map (fun v -> REWRITE_RULE[mth; WORD_XOR_0; WORD_XOR_NOT0] (hyp_eq v asl))
               [`x0:int64`; `x1:int64`; `x2:int64`; `x3:int64`] in
    let vals = map (fun th -> AP_TERM `int_of_num` (AP_TERM `val:int64->num` th)) (mth :: fs) in
    (REWRITE_TAC(cth :: vals @ [BITVAL_CLAUSES; INT_VAL_NOT; INT_VAL_WORD_0]) THEN
     INT_ARITH_TAC) (asl,w)));;

(* vb_mul8's middle term: |x_lo - x_hi| and |y_hi - y_lo| (vb_absdiff4, masks
   mX, mY), |M| = their product by vb_mul4 (MUL4_ANTE, suffix N), s8 = mX xor mY,
   cmn s8,#1 and p_i = |M|_i xor s8. *)
let MIDSIGN3_ANTE_TM =
  let absX = ren (map (fun i -> ("a" ^ string_of_int i, wv("xw" ^ string_of_int i))) [0;1;2;3] @
                  map (fun i -> ("b" ^ string_of_int i, wv("xw" ^ string_of_int (i+4)))) [0;1;2;3])
               "X" ABSD4_ANTE_TM
  and absY = ren (map (fun i -> ("a" ^ string_of_int i, wv("yw" ^ string_of_int (i+4)))) [0;1;2;3] @
                  map (fun i -> ("b" ^ string_of_int i, wv("yw" ^ string_of_int i))) [0;1;2;3])
               "Y" ABSD4_ANTE_TM
  and mulN = ren (map (fun i -> ("a" ^ string_of_int i, wv("e" ^ string_of_int i ^ "X"))) [0;1;2;3] @
                  map (fun i -> ("b" ^ string_of_int i, wv("e" ^ string_of_int i ^ "Y"))) [0;1;2;3])
               "N" MUL4_ANTE_TM
  and tail = `s8 = word_xor mX mY /\ g8 = awc_c s8 (word 1) F /\
     p0 = word_xor r0LN s8 /\ p1 = word_xor w1LN s8 /\ p2 = word_xor o2N s8 /\
     p3 = word_xor o3N s8 /\ p4 = word_xor o4N s8 /\ p5 = word_xor o5N s8 /\
     p6 = word_xor o6N s8 /\ p7 = word_xor o7N s8` in
  list_mk_conj(conjuncts absX @ conjuncts absY @ conjuncts mulN @ conjuncts tail);;

let SUM8 a = expand_b("&(val(" ^ a ^ "0:int64)) + #1 * &(val(" ^ a ^ "1:int64)) + #2 * &(val(" ^
  a ^ "2:int64)) + #3 * &(val(" ^ a ^ "3:int64)) + #4 * &(val(" ^ a ^ "4:int64)) + #5 * &(val(" ^
  a ^ "5:int64)) + #6 * &(val(" ^ a ^ "6:int64)) + #7 * &(val(" ^ a ^ "7:int64))");;
let SUM4_AT a k = expand_b("&(val(" ^ a ^ string_of_int k ^ ":int64)) + #1 * &(val(" ^ a ^
  string_of_int (k+1) ^ ":int64)) + #2 * &(val(" ^ a ^ string_of_int (k+2) ^ ":int64)) + #3 * &(val(" ^
  a ^ string_of_int (k+3) ^ ":int64))");;

let MIDSIGN3 = prove
 (mk_imp(MIDSIGN3_ANTE_TM, bterm(SUM8 "p" ^ " + #8 * &(val(s8:int64)) + &(bitval g8):int = ((" ^
    SUM4_AT "xw" 0 ^ ") - (" ^ SUM4_AT "xw" 4 ^ ")) * ((" ^ SUM4_AT "yw" 4 ^ ") - (" ^
    SUM4_AT "yw" 0 ^ ")) + #9 * &(bitval g8)")),
  let inst pairs sfx th =
    INST (map (fun v -> (try assoc (fst(dest_var v)) pairs
                         with Failure _ -> mk_var(fst(dest_var v) ^ sfx, type_of v)), v)
              (frees(concl th))) th in
  let absX = inst (map (fun i -> ("a" ^ string_of_int i, wv("xw" ^ string_of_int i))) [0;1;2;3] @
                  map (fun i -> ("b" ^ string_of_int i, wv("xw" ^ string_of_int (i+4)))) [0;1;2;3])
               "X" ABSD4S
  and absY = inst (map (fun i -> ("a" ^ string_of_int i, wv("yw" ^ string_of_int (i+4)))) [0;1;2;3] @
                  map (fun i -> ("b" ^ string_of_int i, wv("yw" ^ string_of_int i))) [0;1;2;3])
               "Y" ABSD4S
  and mulN = inst (map (fun i -> ("a" ^ string_of_int i, wv("e" ^ string_of_int i ^ "X"))) [0;1;2;3] @
                  map (fun i -> ("b" ^ string_of_int i, wv("e" ^ string_of_int i ^ "Y"))) [0;1;2;3])
               "N" MUL4_BLOCK in
  let use th = MP_TAC th THEN ANTS_TAC THENL
                [REPEAT CONJ_TAC THEN FIRST_ASSUM ACCEPT_TAC; DISCH_TAC] in
  STRIP_TAC THEN use absX THEN use absY THEN use mulN THEN
  ASM_CASES_TAC `c3X:bool` THEN ASM_CASES_TAC `c3Y:bool` THEN
  (fun (asl,w) ->
    let ce = snd(hd asl) and cd = snd(hd(tl asl)) in
    let mdth = REWRITE_RULE[cd] (hyp_eq `mX:int64` asl)
    and meth = REWRITE_RULE[ce] (hyp_eq `mY:int64` asl) in
    let sth = REWRITE_RULE[mdth; meth; XOR_MASKS] (hyp_eq `s8:int64` asl) in
    let gth = REWRITE_RULE[sth; AWC_C_01; AWC_C_N01] (hyp_eq `g8:bool` asl) in
    let qths = map (fun i -> REWRITE_RULE[sth; WORD_XOR_0; WORD_XOR_NOT0]
                               (hyp_eq (wv("p" ^ string_of_int i)) asl)) [0;1;2;3;4;5;6;7] in
    let vals = map (fun th -> AP_TERM `int_of_num` (AP_TERM `val:int64->num` th)) (sth :: qths) in
    let facts = filter (fun th -> is_eq(concl th) && type_of(lhs(concl th)) = `:int`)
                  (map snd asl) in
    (MAP_EVERY MP_TAC facts THEN
     REWRITE_TAC([cd; ce; gth] @ vals @ [BITVAL_CLAUSES; INT_VAL_NOT; INT_VAL_WORD_0]) THEN
     CONV_TAC INT_RING) (asl,w)));;

(* The 9-word middle sum of vb_mul8, mid = L + H + (-1)^s*|M| with the sign
   extension in its top word: exact, because the true value
   x_lo*y_hi + x_hi*y_lo lies in [0, B^9). PL, PH, PM are the values of L, H
   and the signed M (from MUL4_BLOCK and MIDSIGN3 instances). *)
let MID8_CHAIN_TM =
  let v s = mk_var(s, `:int64`) and b s = mk_var(s, `:bool`) and i = string_of_int in
  let awc x y c = list_mk_comb(`awc`, [x; y; c]) and awcc x y c = list_mk_comb(`awc_c`, [x; y; c]) in
  let z = `word 0:int64` in
  let m_part = mk_eq(v "m8", awc z z (b "cm7")) ::
    flat (map (fun k -> [mk_eq(b("cm" ^ i k), awcc (v("l" ^ i k)) (v("h" ^ i k))
                                               (if k = 0 then `F` else b("cm" ^ i (k-1))));
                         mk_eq(v("m" ^ i k), awc (v("l" ^ i k)) (v("h" ^ i k))
                                               (if k = 0 then `F` else b("cm" ^ i (k-1))))])
                [7;6;5;4;3;2;1;0]) in
  let n_part = mk_eq(v "n8", awc (v "m8") (v "s8") (b "cn7")) ::
    flat (map (fun k -> [mk_eq(b("cn" ^ i k), awcc (v("m" ^ i k)) (v("p" ^ i k))
                                               (if k = 0 then b "g8" else b("cn" ^ i (k-1))));
                         mk_eq(v("n" ^ i k), awc (v("m" ^ i k)) (v("p" ^ i k))
                                               (if k = 0 then b "g8" else b("cn" ^ i (k-1))))])
                [7;6;5;4;3;2;1;0]) in
  list_mk_conj(m_part @ n_part);;

let SUM9 a = SUM8 a ^ expand_b(" + #8 * &(val(" ^ a ^ "8:int64))");;

let MID8 = prove
 (mk_imp(list_mk_conj(conjuncts MID8_CHAIN_TM @ conjuncts(bterm(SUM8 "l" ^ " = PL:int /\\ " ^
     SUM8 "h" ^ " = PH:int /\\ " ^ SUM8 "p" ^ " + #8 * &(val(s8:int64)) + &(bitval g8):int = PM + #9 * &(bitval g8) /\\
     &0 <= PL + PH + PM /\\ PL + PH + PM < #9"))),
   bterm(SUM9 "n" ^ " = (" ^ SUM8 "l" ^ ") + (" ^ SUM8 "h" ^ ") + PM:int")),
  STRIP_TAC THEN
  SUBGOAL_THEN (bterm(SUM9 "n" ^ " = (" ^ SUM8 "l" ^ ") + (" ^ SUM8 "h" ^ ") + (" ^ SUM8 "p" ^
     " + #8 * &(val(s8:int64)) + &(bitval g8)) - #9 * &(bitval(awc_c m8 s8 cn7)):int")) MP_TAC THENL
   [VAL_EXPAND_ONLY_TAC (map (fun k -> wv("m" ^ string_of_int k)) [0;1;2;3;4;5;6;7;8] @
                         map (fun k -> wv("n" ^ string_of_int k)) [0;1;2;3;4;5;6;7;8]) THEN
    REWRITE_TAC[AWC_C_ZERO0; BITVAL_CLAUSES] THEN
    CONV_TAC(LAND_CONV INT_POLY_CONV THENC RAND_CONV INT_POLY_CONV) THEN REWRITE_TAC[];
    ALL_TAC] THEN
  REPEAT(FIRST_X_ASSUM(fun th -> if is_eq(concl th) && type_of(lhs(concl th)) = `:int`
                                 then MP_TAC th else fail())) THEN
  REPEAT(FIRST_X_ASSUM(fun th -> if is_comb(concl th) && is_comb(rator(concl th)) &&
          (fst(dest_const(rator(rator(concl th)))) = "int_le" ||
           fst(dest_const(rator(rator(concl th)))) = "int_lt") then MP_TAC th else fail())) THEN
  MAP_EVERY (fun k -> MP_TAC(ISPEC (wv("n" ^ string_of_int k)) INT_VAL_BOUNDS)) [0;1;2;3;4;5;6;7;8] THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `g8:bool` BITVAL_INT_CASES) THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c m8 s8 cn7` BITVAL_INT_CASES) THEN
  INT_ARITH_TAC);;

let MUL_MID_RANGE = prove
 (bterm "!x0 x1 y0 y1:int. &0 <= x0 /\\ x0 < #4 /\\ &0 <= x1 /\\ x1 < #4 /\\
     &0 <= y0 /\\ y0 < #4 /\\ &0 <= y1 /\\ y1 < #4
     ==> &0 <= x0 * y0 + x1 * y1 + (x0 - x1) * (y1 - y0) /\\
         x0 * y0 + x1 * y1 + (x0 - x1) * (y1 - y0) < #9",
  REPEAT GEN_TAC THEN STRIP_TAC THEN
  SUBGOAL_THEN `x0 * y0 + x1 * y1 + (x0 - x1) * (y1 - y0):int = x0 * y1 + x1 * y0` SUBST1_TAC THENL
   [INT_ARITH_TAC; ALL_TAC] THEN
  let c = bterm "#4 - &1:int" in
  MP_TAC(SPECL [`x0:int`; `y1:int`] INT_LE_MUL) THEN MP_TAC(SPECL [`x1:int`; `y0:int`] INT_LE_MUL) THEN
  MP_TAC(SPECL [`x0:int`; c; `y1:int`; c] INT_LE_MUL2) THEN
  MP_TAC(SPECL [`x1:int`; c; `y0:int`; c] INT_LE_MUL2) THEN
  CONV_TAC INT_REDUCE_CONV THEN ASM_INT_ARITH_TAC);;


(* lemma_instances with the antecedent matched in a better order: each next
   conjunct is one whose left side or pattern is already determined. *)
let order_conjs ante =
  let pvars = frees ante in
  let rec go bound rest acc =
    if rest = [] then rev acc else
    let det c = let v,p = dest_eq c in
      mem v bound || subset (intersect (frees p) pvars) bound in
    let c = try find det rest with Failure _ -> hd rest in
    go (union (frees c) bound) (filter (fun c' -> c' <> c) rest) (c :: acc) in
  go [] (conjuncts ante) [];;
let fast_instances lemma abbrevs =
  let th = SPEC_ALL lemma in
  let ante = lhand(concl th) in
  map (fun theta ->
      let th' = INST theta th in
      MP th' (end_itlist CONJ (map ASSUME (conjuncts(lhand(concl th'))))))
    (match_ante abbrevs (list_mk_conj(order_conjs ante)));;

(* &0 <= t /\ t < B^4 for a 4-word sum t. *)
let sum4_bounds t =
  let ws = find_terms (fun x -> match x with
      Comb(Const("val",_),w) -> type_of w = `:int64` | _ -> false) t in
  prove(mk_conj(mk_comb(mk_comb(`int_le`, `&0:int`), t),
                mk_comb(mk_comb(`int_lt`, t), bterm "#4:int")),
        MAP_EVERY (fun v -> MP_TAC(ISPEC (rand v) INT_VAL_BOUNDS)) ws THEN INT_ARITH_TAC);;

(* The MID8 instance for one match theta of its chain: L and H values from the
   MUL4_BLOCK instances m4, the signed M from the MIDSIGN3 instances ms. *)
let mid8_instance ab m4 ms theta =
  let chain = vsubst theta MID8_CHAIN_TM in
  let lsum = vsubst theta (bterm(SUM8 "l" ^ ":int")) and hsum = vsubst theta (bterm(SUM8 "h" ^ ":int"))
  and psum = vsubst theta (bterm(SUM8 "p" ^ " + #8 * &(val(s8:int64)) + &(bitval g8):int")) in
  let by_lhs l = find (fun th -> lhs(concl th) = l) in
  let lth = by_lhs lsum m4 and hth = by_lhs hsum m4 and pth = by_lhs psum ms in
  let pl = rhs(concl lth) and ph = rhs(concl hth) and pm = lhand(rhs(concl pth)) in
  let x0,y0 = dest_binop `int_mul` pl and x1,y1 = dest_binop `int_mul` ph in
  let rth = MP (SPECL [x0; x1; y0; y1] MUL_MID_RANGE)
              (end_itlist CONJ (flat (map (fun t -> CONJUNCTS(sum4_bounds t)) [x0; x1; y0; y1]))) in
  let th = INST ([pl, `PL:int`; ph, `PH:int`; pm, `PM:int`] @ theta) MID8 in
  let ante = lhand(concl th) in
  let nch = length(conjuncts chain) in
  let cs = map ASSUME (fst(chop_list nch (conjuncts ante))) in
  MP th (end_itlist CONJ (cs @ [lth; hth; pth; CONJUNCT1 rth; CONJUNCT2 rth]));;

(* ---- block facts for sim.ml's closing step ---- *)

(* A routine built from vb_mul4 (bignum_mul_4_8's layout): the vb_mul2
   products and the signed middle term. *)
let mul4_block_facts (st:simstate) =
  let ab = st.abbrevs in
  (fast_instances MUL2_BLOCK ab @ fast_instances MIDSIGN2 ab, [AWC_C_ZERO0]);;

(* A routine built from vb_mul8: the vb_mul4 products and every vb_mul8
   middle sum (MID8). *)
let mul8_block_facts (st:simstate) =
  let ab = st.abbrevs in
  let m4 = fast_instances MUL4_BLOCK ab in
  let ms = fast_instances MIDSIGN3 ab in
  let mids = map (mid8_instance ab m4 ms) (match_ante ab MID8_CHAIN_TM) in
  (m4 @ mids, [AWC_C_ZERO0]);;

(* Run f with the given block facts and mul_pivot_ok installed. *)
let with_mul_facts facts f () =
  let reset () = block_facts := (fun _ -> [], []); pivot_ok := (fun _ -> true) in
  block_facts := facts; pivot_ok := mul_pivot_ok;
  let r = try f () with e -> (reset (); raise e) in
  reset (); r;;

Printf.printf "  karatsuba_mul.ml lemmas: %.1fs\n%!" (Unix.gettimeofday() -. karatsuba_mul_t0);;

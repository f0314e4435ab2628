(* ========================================================================= *)
(* Closing steps for the 16-word Karatsuba levels (bignum_ksqr_16_32; the   *)
(* block sums of vb_blk_* are shared with bignum_kmul_16_32), used as the   *)
(* close argument of prove_sim:                                              *)
(*                                                                           *)
(* BLK_REM_CLOSE_TAC: a postcondition &(bignum_at z k m') = P rem &2 pow n.  *)
(* The carries between blocks are signed words (an sbc may leave -1), and   *)
(* vb_blk_start sign-extends them with asr #63. Each asr #63 is rewritten    *)
(* to (2^64-1) * bit63 w (INT_VAL_ISHR63); each carry word w read by an asr *)
(* gets the fact val w = k + 2^64 * bit63 w, k its small signed value       *)
(* (SMALL_WORD_TOPBIT, from its expansion modulo 2^64 and k's range); the   *)
(* expanded difference plus multiples of those facts (pivot: a carry atom   *)
(* awc_c of the word's chain) must be a multiple of 2^n.                    *)
(*                                                                           *)
(* ABS_BLOCK_CLOSE_TAC: a postcondition bignum_at d n m' = (if A < B then    *)
(* B - A else A - B) after vb_absdiff8r-style code (sub chain, csetm mask,  *)
(* eor and subtract the mask): the chain's borrow decides A < B             *)
(* (ABS_BORROW_LT), then by cases on it the mask is a constant and the      *)
(* block equals A - B or B - A modulo 2^(64n) (ABS_BLOCK_FINISH).           *)
(* ========================================================================= *)

(* A lemma that fails to prove must not abort the proof executable: it
   becomes T, and the proofs using it (inside run_proof) fail instead. *)
let framework_lemma name f =
  try f () with e -> Printf.printf "  %s: %s\n%!" name (Printexc.to_string e); TRUTH;;

(* vb_blk_start sign-extends the carry word c of the previous block with
   asr x24, c, #63: all ones or zero by the top bit. *)
let INT_VAL_ISHR63 = framework_lemma "INT_VAL_ISHR63" (fun () -> prove
 (`!w:int64. &(val(word_ishr w 63)):int =
             &18446744073709551615 * &(bitval(bit 63 w))`,
  GEN_TAC THEN
  MP_TAC(CONV_RULE NUM_REDUCE_CONV (REWRITE_RULE[DIMINDEX_64] (ISPEC `w:int64` WORD_ISHR_MSB))) THEN
  DISCH_THEN SUBST1_TAC THEN BOOL_CASES_TAC `bit 63 (w:int64)` THEN
  REWRITE_TAC[BITVAL_CLAUSES] THEN CONV_TAC WORD_REDUCE_CONV THEN
  REWRITE_TAC[VAL_WORD; DIMINDEX_64] THEN CONV_TAC(NUM_REDUCE_CONV THENC INT_REDUCE_CONV)));;

(* A word congruent to a small integer k modulo 2^64 is k plus 2^64 times its
   top bit (k < 0 iff the top bit is set). *)
let SMALL_WORD_TOPBIT = framework_lemma "SMALL_WORD_TOPBIT" (fun () -> prove
 (`!(w:int64) k e. &(val w):int = k + &18446744073709551616 * e /\
     --(&4611686018427387904) <= k /\ k < &4611686018427387904
     ==> &(val w):int = k + &18446744073709551616 * &(bitval(bit 63 w))`,
  REPEAT GEN_TAC THEN
  MP_TAC(CONV_RULE NUM_REDUCE_CONV (REWRITE_RULE[DIMINDEX_64] (ISPEC `w:int64` MSB_VAL))) THEN
  REWRITE_TAC[GSYM INT_OF_NUM_LE] THEN
  DISCH_THEN SUBST1_TAC THEN STRIP_TAC THEN
  MP_TAC(ISPEC `w:int64` INT_VAL_BOUNDS) THEN STRIP_TAC THEN
  ASM_CASES_TAC `&9223372036854775808 <= &(val(w:int64)):int` THEN
  POP_ASSUM(fun c -> REWRITE_TAC[c; BITVAL_CLAUSES] THEN ASSUME_TAC c) THENL
   [SUBGOAL_THEN `e = &1:int` (fun th -> ASM_REWRITE_TAC[th]) THEN
    SUBGOAL_THEN `&0 < e /\ e < &2:int` MP_TAC THENL
     [REPEAT(POP_ASSUM MP_TAC) THEN INT_ARITH_TAC; INT_ARITH_TAC];
    SUBGOAL_THEN `e = &0:int` (fun th -> ASM_REWRITE_TAC[th]) THEN
    SUBGOAL_THEN `--(&1) < e /\ e < &1:int` MP_TAC THENL
     [REPEAT(POP_ASSUM MP_TAC) THEN INT_ARITH_TAC; INT_ARITH_TAC]]));;

let INT_BITVAL_BOUNDS = framework_lemma "INT_BITVAL_BOUNDS" (fun () -> prove
 (`!b. &0 <= &(bitval b):int /\ &(bitval b):int <= &1`,
  GEN_TAC THEN BOOL_CASES_TAC `b:bool` THEN REWRITE_TAC[BITVAL_CLAUSES] THEN
  INT_ARITH_TAC));;

let REM_FROM_MULTIPLE = framework_lemma "REM_FROM_MULTIPLE" (fun () -> prove
 (`!N Z P e. &Z - P = &N * e /\ Z < N ==> &Z = P rem &N`,
  REPEAT STRIP_TAC THEN CONV_TAC SYM_CONV THEN MATCH_MP_TAC INT_REM_UNIQ THEN
  EXISTS_TAC `--e:int` THEN REPEAT(POP_ASSUM MP_TAC) THEN
  REWRITE_TAC[INT_POS; INT_ABS_NUM; GSYM INT_OF_NUM_LT] THEN INT_ARITH_TAC));;

(* Expansion into the polynomial normal form over loaded words, flags,
   carry atoms and top bits (asr #63 by INT_VAL_ISHR63); extra: rewrites a
   caller adds (e.g. the sign mask's value in one case). *)
let carry_expand_extra extra st =
  REWRITE_CONV (map snd st.valeqs @ extra) THENC
  REWRITE_CONV ([INT_VAL_ISHR63; WORD_OR_0; VAL_WORD_0; BITVAL_CLAUSES] @ extra) THENC
  INT_POLY_CONV;;
let carry_expand st = carry_expand_extra [] st;;

let has_const c tm = can (find_term (fun t -> match t with
    Const(c',_) -> c' = c | _ -> false)) tm;;

let mk_poly terms =
  let mono (c,m) = if m = `&1:int` then mk_intconst c
                   else mk_comb(mk_comb(`int_mul`, mk_intconst c), m) in
  match filter (fun (c,_) -> c <>/ Int 0) terms with
    [] -> `&0:int`
  | ts -> end_itlist (fun a b -> mk_comb(mk_comb(`int_add`,a),b)) (map mono ts);;

(* For the carry word w read by an asr: |- &(val w) = k + 2^64 * bitval(bit 63 w),
   k its small signed value (the carry chain's flags). *)
let small_word_fact_extra extra st w =
  let two64 = power_num (Int 2) (Int 64) in
  let pth = carry_expand_extra extra st (mk_comb(`int_of_num`, mk_comb(`val:int64->num`, w))) in
  let monos = poly_monos (rand(concl pth)) in
  let sym c = let r = mod_num c two64 in
              let r = if r </ Int 0 then r +/ two64 else r in
              if r >/ quo_num two64 (Int 2) then r -/ two64 else r in
  let k = mk_poly (map (fun (c,m) -> sym c, m) monos) in
  let e = mk_poly (map (fun (c,m) -> quo_num (c -/ sym c) two64, m) monos) in
  let ke = mk_comb(mk_comb(`int_add`, k),
                   mk_comb(mk_comb(`int_mul`, `&18446744073709551616:int`), e)) in
  let rth = INT_POLY_CONV ke in
  if rand(concl rth) <> rand(concl pth) then failwith "small_word_fact: split";
  let eqth = TRANS pth (SYM rth) in
  let bits = find_terms (fun t -> match t with
      Comb(Const("bitval",_),_) -> true | _ -> false) k in
  let rng = prove(mk_conj(mk_comb(mk_comb(`int_le`, `--(&4611686018427387904):int`), k),
                          mk_comb(mk_comb(`int_lt`, k), `&4611686018427387904:int`)),
                  MAP_EVERY (fun b -> MP_TAC(ISPEC (rand b) INT_BITVAL_BOUNDS)) bits THEN
                  (INT_ARITH_TAC ORELSE (fun g -> Printf.printf "  small word %s: k = %s\n%!"
                     (string_of_term w) (string_of_term k); failwith "small word range"))) in
  MP (ISPECL [w; k; e] SMALL_WORD_TOPBIT) (CONJ eqth rng);;
let small_word_fact st w = small_word_fact_extra [] st w;;

(* Goal &(bignum_at z k m') = P rem &2 pow n: the difference, expanded,
   plus multiples of the carry words' facts (pivot: a carry atom awc_c of the
   word's chain), is a multiple of 2^n. extra: rewrites added to the
   expansion (BLK_REM_TAC: none). *)
let BLK_REM_TAC_EXTRA extra st (asl,w) =
  let l, r = dest_eq w in
  let ztm = rand l and p = lhand r in
  let expand = carry_expand_extra extra st in
  let load_subs = mapfilter (fun (v,t) -> match t with
      Comb(Comb(Const("read64",_),_),_) -> SYM(ASSUME(mk_eq(v,t)))
    | _ -> fail()) st.abbrevs in
  let diff = mk_comb(mk_comb(`int_sub`, l), p) in
  let dth = (ONCE_DEPTH_CONV BIGNUM_EXPAND_CONV THENC
             REWRITE_CONV[arm_mem] THENC EVAL_CONV st.net THENC
             (fun t -> if load_subs = [] then REFL t else SUBS_CONV load_subs t) THENC
             REWRITE_CONV int_push_thms THENC DEPTH_CONV INT_RED_CONV THENC expand) diff in
  let d0 = rand(concl dth) in
  let ws = rev(mapfilter (fun (_,t) -> match t with
      Comb(Comb(Const("word_ishr",_),w),k) when k = `63` -> w | _ -> fail()) st.abbrevs) in
  let facts = map (small_word_fact_extra extra st) ws in
  let d, used = combine_facts expand (has_const "awc_c") facts d0 in
  let kexp = rand(rand r) in
  let nval = rand(concl(NUM_REDUCE_CONV(mk_comb(mk_comb(`EXP`,`2`), kexp)))) in
  let e = try divide_poly nval d with Failure s ->
    (let r = String.map (fun c -> if c = '\n' then ' ' else c) (string_of_term d) in
     Printf.printf "  BLK_REM_TAC residual: %s...\n%!" (String.sub r 0 (min 600 (String.length r)));
     failwith s) in
  let nint = mk_comb(`int_of_num`, nval) in
  let ne = mk_comb(mk_comb(`int_mul`, nint), e) in
  let eqth =
    if used = [] then TRANS dth (SYM(INT_POLY_CONV ne))
    else combination_eq "BLK_REM_TAC" dth d0 ne used in
  let th0 = ISPECL [nval; ztm; p; e] REM_FROM_MULTIPLE in
  let lb = CONV_RULE (RAND_CONV NUM_REDUCE_CONV) (PART_MATCH lhand BIGNUM_AT_BOUND ztm) in
  let th = MP th0 (CONJ eqth lb) in
  (CONV_TAC(RAND_CONV(RAND_CONV INT_REDUCE_CONV)) THEN ACCEPT_TAC th) (asl,w);;
let BLK_REM_TAC st = BLK_REM_TAC_EXTRA [] st;;

let rec BLK_REM_CLOSE_TAC st (asl,w) =
  if is_conj w then
    (CONJ_TAC THENL [BLK_REM_CLOSE_TAC st; BLK_REM_CLOSE_TAC st]) (asl,w)
  else if is_eq w && (match lhs w with Comb(Const("int_of_num",_),_) -> true | _ -> false)
  then BLK_REM_TAC st (asl,w)
  else SEG_CLOSE_TAC st (asl,w);;

(* The borrow f of the subtraction chain decides the comparison: the chain's
   words D = A - B + N - N*[f]. *)
let ABS_BORROW_LT = framework_lemma "ABS_BORROW_LT" (fun () -> prove
 (`!D:int A B N f. D = &A - &B + &N - &N * &(bitval f) /\ &0 <= D /\ D < &N
     ==> (A < B <=> ~f)`,
  REPEAT GEN_TAC THEN BOOL_CASES_TAC `f:bool` THEN
  REWRITE_TAC[BITVAL_CLAUSES; GSYM INT_OF_NUM_LT] THEN INT_ARITH_TAC));;

let ABS_BLOCK_FINISH = framework_lemma "ABS_BLOCK_FINISH" (fun () -> prove
 (`!N E A B e. &E - (&A - &B):int = &N * e /\ E < N /\ A < N /\ B <= A ==> E = A - B`,
  REPEAT STRIP_TAC THEN MATCH_MP_TAC FINISH_LEMMA THEN
  MAP_EVERY EXISTS_TAC [`N:num`; `e:int`] THEN
  ASM_SIMP_TAC[INT_OF_NUM_SUB] THEN ASM_ARITH_TAC));;

(* Goal bignum_at t n m' = (if A < B then B - A else A - B). The mask
   m = (if f then 0 else -1) of csetm; the eor'd words name the chain's
   words d_i. By cases on f, the mask is a constant and the stored block is
   A - B or B - A modulo 2^(64n). *)
(* The borrow fact of ABS_BORROW_LT for a chain d = words ds (as an integer
   dterm), once `expand` has shown both sides' polynomials agree. *)
let abs_borrow_lt_fact name expand dterm ta tb nn f ds =
  let th0 = ISPECL [dterm; ta; tb; nn; f] ABS_BORROW_LT in
  let rhs_tm = rand(lhand(lhand(concl th0))) in
  let c1 = expand dterm and c2 = expand rhs_tm in
  if rand(concl c1) <> rand(concl c2) then failwith (name ^ ": borrow chain");
  let deq = TRANS c1 (SYM c2) in
  let bounds = map (fun d -> ISPEC d INT_VAL_BOUNDS) ds in
  let dlo = prove(mk_comb(mk_comb(`int_le`, `&0:int`), dterm),
                  MAP_EVERY MP_TAC bounds THEN INT_ARITH_TAC) in
  let dhi = prove(mk_comb(mk_comb(`int_lt`, dterm), mk_comb(`int_of_num`, nn)),
                  MAP_EVERY MP_TAC bounds THEN INT_ARITH_TAC) in
  MP th0 (CONJ deq (CONJ dlo dhi));;

let ABS_BLOCK_TAC st (asl,w) =
  let mvar, f = tryfind (fun (v,t) -> match t with
      Comb(Comb(Comb(Const("COND",_),f),Comb(Const("word",_),z)),_) when z = `0` -> (v,f)
    | _ -> fail()) st.abbrevs in
  let ds = rev(mapfilter (fun (_,t) -> match t with
      Comb(Comb(Const("word_xor",_),d),m) when m = mvar -> d | _ -> fail()) st.abbrevs) in
  let nw = length ds in
  if nw = 0 then failwith "ABS_BLOCK_TAC: chain words";
  let l, r = dest_eq w in
  let lt = rand(rator(rator r)) in
  let ta = lhand lt and tb = rand lt in
  let nn = mk_numeral(power_num (Int 2) (Int (64 * nw))) in
  let load_subs = mapfilter (fun (v,t) -> match t with
      Comb(Comb(Const("read64",_),_),_) -> SYM(ASSUME(mk_eq(v,t)))
    | _ -> fail()) st.abbrevs in
  let pipeline extra =
    ONCE_DEPTH_CONV BIGNUM_EXPAND_CONV THENC REWRITE_CONV[arm_mem] THENC
    EVAL_CONV st.net THENC
    (fun t -> if load_subs = [] then REFL t else SUBS_CONV load_subs t) THENC
    REWRITE_CONV int_push_thms THENC DEPTH_CONV INT_RED_CONV THENC
    REWRITE_CONV (map snd st.valeqs @ extra @
                  [COND_CLAUSES; WORD_XOR_0; WORD_XOR_NOT0; INT_VAL_NOT; INT_VAL_WORD_0;
                   BITVAL_CLAUSES]) THENC INT_POLY_CONV in
  let dterm = end_itlist (fun a b -> mk_comb(mk_comb(`int_add`,a),b))
    (map2 (fun i d -> mk_comb(mk_comb(`int_mul`,
                        mk_intconst(power_num (Int 2) (Int (64*i)))),
                        mk_comb(`int_of_num`, mk_comb(`val:int64->num`, d)))) (0--(nw-1)) ds) in
  let ltf = abs_borrow_lt_fact "ABS_BLOCK_TAC" (pipeline []) dterm ta tb nn f ds in
  let mth = ASSUME(mk_eq(mvar, assoc mvar st.abbrevs)) in
  let case_tac fth (asl,w) =
    let mval = REWRITE_RULE[fth] mth in
    let r = rand w in
    let ra = lhand r and rb = rand r in
    let ble = TAC_PROOF(([], mk_comb(mk_comb(`(<=):num->num->bool`, rb), ra)),
                        MP_TAC ltf THEN REWRITE_TAC[fth] THEN ARITH_TAC) in
    let diff = mk_comb(mk_comb(`int_sub`, mk_comb(`int_of_num`, l)),
                 mk_comb(mk_comb(`int_sub`, mk_comb(`int_of_num`, ra)),
                         mk_comb(`int_of_num`, rb))) in
    let dth = pipeline [fth; mval] diff in
    let e = try divide_poly nn (rand(concl dth)) with Failure m ->
      (let r = String.map (fun c -> if c = '\n' then ' ' else c) (string_of_term(rand(concl dth))) in
       Printf.printf "  ABS_BLOCK_TAC residual: %s...\n%!" (String.sub r 0 (min 600 (String.length r)));
       failwith m) in
    let ne = mk_comb(mk_comb(`int_mul`, mk_comb(`int_of_num`, nn)), e) in
    let eqth = TRANS dth (SYM(INT_POLY_CONV ne)) in
    let lb = CONV_RULE (RAND_CONV NUM_REDUCE_CONV) (PART_MATCH lhand BIGNUM_AT_BOUND l) in
    let ab = CONV_RULE (RAND_CONV NUM_REDUCE_CONV) (PART_MATCH lhand BIGNUM_AT_BOUND ra) in
    ACCEPT_TAC (MP (ISPECL [nn; l; ra; rb; e] ABS_BLOCK_FINISH)
                   (CONJ eqth (CONJ lb (CONJ ab ble)))) (asl,w) in
  (REWRITE_TAC[ltf] THEN ASM_CASES_TAC f THEN
   POP_ASSUM(fun fth -> REWRITE_TAC[fth] THEN case_tac fth)) (asl,w);;

let rec ABS_BLOCK_CLOSE_TAC st (asl,w) =
  if is_conj w then
    (CONJ_TAC THENL [ABS_BLOCK_CLOSE_TAC st; ABS_BLOCK_CLOSE_TAC st]) (asl,w)
  else if is_eq w && (match rand w with Comb(Comb(Comb(Const("COND",_),_),_),_) -> true
                                      | _ -> false)
  then ABS_BLOCK_TAC st (asl,w)
  else SEG_CLOSE_TAC st (asl,w);;


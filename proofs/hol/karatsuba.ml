(* ========================================================================= *)
(* Block lemmas for the Karatsuba squaring kernels (arm/_products.h) and    *)
(* the machinery that applies them inside a simulation. Each lemma is       *)
(* stated over the named values of the simulation (v = term equations); the *)
(* closing step of sim.ml uses the instances as exact identities (vb_sqr2,  *)
(* |a_lo - a_hi|^2 via masks) and as zero facts for discarded carries.      *)
(* ========================================================================= *)

let INT_VAL_WORD_0 = prove
 (`&(val(word 0:int64)):int = &0`, REWRITE_TAC[VAL_WORD_0]);;

let UMULH_LT = prove
 (`!(a:int64) (b:int64). (val a * val b) DIV 2 EXP 64 < 2 EXP 64 - 1`,
  REPEAT GEN_TAC THEN
  SUBGOAL_THEN `val(a:int64) * val(b:int64) <= 18446744073709551615 * 18446744073709551615`
  MP_TAC THENL
   [MATCH_MP_TAC LE_MULT2 THEN MP_TAC(ISPEC `a:int64` VAL64_BOUND) THEN
    MP_TAC(ISPEC `b:int64` VAL64_BOUND) THEN CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC;
    ALL_TAC] THEN
  SIMP_TAC[RDIV_LT_EQ; EXP_EQ_0; ARITH_EQ] THEN CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

let INT_VAL_BOUNDS = prove
 (`!a:int64. &0 <= &(val a):int /\ &(val a):int <= &18446744073709551615`,
  GEN_TAC THEN REWRITE_TAC[INT_POS; INT_OF_NUM_LE] THEN
  MP_TAC(ISPEC `a:int64` VAL64_BOUND) THEN CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

let BITVAL_INT_CASES = prove
 (`!b. &(bitval b):int = &0 \/ &(bitval b):int = &1`,
  GEN_TAC THEN BOOL_CASES_TAC `b:bool` THEN REWRITE_TAC[BITVAL_CLAUSES]);;

(* From equations v = t among thl (t an awc, word_mul or umulh), the value
   facts |- &(val v) = polynomial, with awc_c terms replaced by their flag
   names where a flag equation g = awc_c ... is among thl. *)
let val_facts_of (thl:thm list) =
  let flags = filter (fun th -> is_eq(concl th) && is_var(lhs(concl th)) &&
                                type_of(lhs(concl th)) = bool_ty) thl in
  let fsubs = map SYM flags in
  mapfilter (fun th ->
      let v,t = dest_eq(concl th) in
      if not(is_var v) || type_of v <> `:int64` then fail() else
      let f = match t with
          Comb(Comb(Comb(Const("awc",_),a),b),c) -> ISPECL [a;b;c] INT_AWC_EQ
        | Comb(Comb(Const("word_mul",_),a),b) -> ISPECL [a;b] INT_MUL_EQ
        | Comb(Comb(Const("umulh",_),a),b) -> ISPECL [a;b] INT_UMULH_EQ
        | _ -> fail() in
      let f = CONV_RULE (LAND_CONV(RAND_CONV(RAND_CONV(REWR_CONV(SYM th))))) f in
      REWRITE_RULE (fsubs @ [INT_VAL_NOT; INT_VAL_WORD_0; BITVAL_CLAUSES]) f) thl;;

let zero_facts_of thl = filter (fun th ->
  match concl th with Comb(Comb(Const("=",_),Comb(Const("bitval",_),_)),z) -> z = `0`
  | _ -> false) thl;;

let VAL_EXPAND_TAC : tactic = fun (asl,w) ->
  let thl = map snd asl in
  REWRITE_TAC (val_facts_of thl @ zero_facts_of thl @ [BITVAL_CLAUSES]) (asl,w);;

let POLY_EQ_TAC =
  VAL_EXPAND_TAC THEN CONV_TAC(LAND_CONV INT_POLY_CONV THENC RAND_CONV INT_POLY_CONV) THEN
  REWRITE_TAC[];;

let SQ128_LE = prove
 (`!(a0:int64) (a1:int64). (&(val a0) + &18446744073709551616 * &(val a1)) pow 2 <=
     &115792089237316195423570985008687907852589419931798687112530834793049593217025:int`,
  REPEAT GEN_TAC THEN
  MATCH_MP_TAC INT_LE_TRANS THEN
  EXISTS_TAC `(&340282366920938463463374607431768211455:int) pow 2` THEN CONJ_TAC THENL
   [MATCH_MP_TAC INT_POW_LE2 THEN
    MP_TAC(ISPEC `a0:int64` INT_VAL_BOUNDS) THEN MP_TAC(ISPEC `a1:int64` INT_VAL_BOUNDS) THEN
    INT_ARITH_TAC;
    CONV_TAC INT_REDUCE_CONV]);;

let SQR2_ANTE = "(t3 = awc s3 (word 0) g4 /\\ s3 = awc r3 (word 0) g2 /\\ r3 = umulh a1 a1 /\\
   g4 = awc_c r2 q1 g3 /\\ r2 = word_mul a1 a1 /\\ q1 = awc p1 p1 g1 /\\
   g2 = awc_c p1 p1 g1 /\\ p1 = umulh a0 a1 /\\ g3 = awc_c r1 q0 F /\\
   r1 = umulh a0 a0 /\\ q0 = awc p0 p0 F /\\ g1 = awc_c p0 p0 F /\\
   p0 = word_mul a0 a1 /\\ s2 = awc r2 q1 g3 /\\ s1 = awc r1 q0 F /\\
   r0 = word_mul a0 a0)";;

let SQR2_POLY = prove
 (parse_term(SQR2_ANTE ^ " ==> " ^ "&(val r0) + &18446744073709551616 * &(val s1) +
    &340282366920938463463374607431768211456 * &(val s2) +
    &6277101735386680763835789423207666416102355444464034512896 * &(val t3):int =
    (&(val a0) + &18446744073709551616 * &(val a1)) pow 2 -
    &115792089237316195423570985008687907853269984665640564039457584007913129639936 *
    &(bitval(awc_c s3 (word 0) g4))"),
  STRIP_TAC THEN
  SUBGOAL_THEN `bitval(awc_c r3 (word 0) g2) = 0` ASSUME_TAC THENL
   [MP_TAC(ISPECL [`a1:int64`; `a1:int64`] UMULH_LT) THEN
    MP_TAC(SPEC `g2:bool` BITVAL_BOUND) THEN
    FIRST_ASSUM(fun th -> if concl th = `r3 = umulh a1 a1` then SUBST1_TAC th else fail()) THEN
    REWRITE_TAC[BITVAL_EQ_0; awc_c; VAL_WORD_0; UMULH_EQ] THEN ARITH_TAC;
    ALL_TAC] THEN
  POLY_EQ_TAC);;

(* The vb_sqr2 block: four words r0 s1 s2 t3 = (a1:a0)^2. *)
let SQR2_BLOCK = prove
 (parse_term(SQR2_ANTE ^ " ==> " ^ "&(val r0) + &18446744073709551616 * &(val s1) +
       &340282366920938463463374607431768211456 * &(val s2) +
       &6277101735386680763835789423207666416102355444464034512896 * &(val t3):int =
       (&(val a0) + &18446744073709551616 * &(val a1)) pow 2"),
  DISCH_THEN(MP_TAC o MATCH_MP SQR2_POLY) THEN
  MP_TAC(ISPECL [`a0:int64`; `a1:int64`] SQ128_LE) THEN
  MP_TAC(ISPEC `r0:int64` INT_VAL_BOUNDS) THEN MP_TAC(ISPEC `s1:int64` INT_VAL_BOUNDS) THEN
  MP_TAC(ISPEC `s2:int64` INT_VAL_BOUNDS) THEN MP_TAC(ISPEC `t3:int64` INT_VAL_BOUNDS) THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c s3 (word 0) g4` BITVAL_INT_CASES) THEN
  INT_ARITH_TAC);;


(* |a_lo - a_hi| by masks (vb_sqr4's first seven instructions): subs/sbcs,
   csetm m, then (d xor m) - m as a two-word subtraction whose borrow is
   dropped. Squared, the result equals (a_lo - a_hi)^2. *)
let ABS2_ANTE = "(e1 = awc x1 (word_not m) c3 /\\ x1 = word_xor d1 m /\\
   m = (if c2 then word 0 else word_not(word 0)) /\\ c3 = awc_c x0 (word_not m) T /\\
   x0 = word_xor d0 m /\\ c2 = awc_c a1 (word_not a3) c1 /\\ c1 = awc_c a0 (word_not a2) T /\\
   d0 = awc a0 (word_not a2) T /\\ d1 = awc a1 (word_not a3) c1 /\\ e0 = awc x0 (word_not m) T)";;
let ABS2_D = parse_term(ABS2_ANTE ^ " ==> (&(val d0) + &18446744073709551616 * &(val d1)) + &340282366920938463463374607431768211456 * &(bitval c2):int = (&(val a0) + &18446744073709551616 * &(val a1)) - (&(val a2) + &18446744073709551616 * &(val a3)) + &340282366920938463463374607431768211456");;
let ABS2_E = parse_term(ABS2_ANTE ^ " ==> (&(val e0) + &18446744073709551616 * &(val e1)):int = (&(val x0) + &18446744073709551616 * &(val x1)) + &18446744073709551617 * (&18446744073709551615 - &(val m)) + &1 - &340282366920938463463374607431768211456 * &(bitval(awc_c x1 (word_not m) c3))");;
let ABS2_DTH = prove(ABS2_D, STRIP_TAC THEN POLY_EQ_TAC);;
let ABS2_ETH = prove(ABS2_E, STRIP_TAC THEN POLY_EQ_TAC);;

let hyp_eq v asl = snd(find (fun (_,th) -> is_eq(concl th) && lhs(concl th) = v) asl);;

(* Goal ants ==> e pow 2 = (l - h) pow 2 (ints): from the antecedents e is
   l - h or h - l (INT_ARITH_TAC), either way the squares agree. *)
let SQUARE_OF_DIFF_TAC (asl,w) =
  let ants, c = splitlist dest_imp w in
  let e = lhand(lhand c) and lh = lhand(rand c) in
  let l = lhand lh and h = rand lh in
  let disj = mk_disj(mk_eq(e, lh), mk_eq(e, mk_comb(mk_comb(`int_sub`, h), l))) in
  let th = prove(itlist (curry mk_imp) ants disj, INT_ARITH_TAC) in
  (REPEAT DISCH_TAC THEN MP_TAC(UNDISCH_ALL th) THEN
   DISCH_THEN(DISJ_CASES_THEN SUBST1_TAC) THEN CONV_TAC INT_RING) (asl,w);;

(* Under ABS2_ANTE: the chain facts ABS2_DTH/ABS2_ETH and word bounds, then
   by cases on the borrow c2 the mask m is a constant and x0, x1 are d0, d1
   or their complements; fin closes each case. *)
let ABS2_CASES_TAC fin =
  DISCH_TAC THEN
  FIRST_ASSUM(ASSUME_TAC o MATCH_MP ABS2_DTH) THEN
  FIRST_ASSUM(ASSUME_TAC o MATCH_MP ABS2_ETH) THEN
  POP_ASSUM MP_TAC THEN POP_ASSUM MP_TAC THEN POP_ASSUM STRIP_ASSUME_TAC THEN
  MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS))
    [`a0:int64`; `a1:int64`; `a2:int64`; `a3:int64`; `d0:int64`; `d1:int64`;
     `e0:int64`; `e1:int64`] THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c x1 (word_not m) c3` BITVAL_INT_CASES) THEN
  ASM_CASES_TAC `c2:bool` THEN
  (fun (asl,w) ->
    let c2th = snd(hd asl) in
    let mth = REWRITE_RULE[c2th] (hyp_eq `m:int64` asl) in
    let f0 = REWRITE_RULE[mth; WORD_XOR_0; WORD_XOR_NOT0] (hyp_eq `x0:int64` asl)
    and f1 = REWRITE_RULE[mth; WORD_XOR_0; WORD_XOR_NOT0] (hyp_eq `x1:int64` asl) in
    let vals = map (fun th -> AP_TERM `int_of_num` (AP_TERM `val:int64->num` th)) [mth; f0; f1] in
    (REWRITE_TAC(c2th :: vals @ [BITVAL_CLAUSES; INT_VAL_NOT; INT_VAL_WORD_0]) THEN fin) (asl,w));;

let ABS2 = prove
 (parse_term(ABS2_ANTE ^ " ==> (&(val e0) + &18446744073709551616 * &(val e1)) pow 2 = (((&(val a0):int) + &18446744073709551616 * &(val a1)) - (&(val a2) + &18446744073709551616 * &(val a3))) pow 2"),
  ABS2_CASES_TAC (CONV_TAC NUM_REDUCE_CONV THEN SQUARE_OF_DIFF_TAC));;

(* The sum Y = L + B^2*H of two vb_sqr2 results in the squaring Karatsuba
   step has no carry out of its top word, because L, H <= (2^128-1)^2. *)
let rename_vars sfx tm =
  vsubst (map (fun v -> mk_var(fst(dest_var v) ^ sfx, type_of v), v) (frees tm)) tm;;
let SQR2_ANTE_TM = parse_term SQR2_ANTE;;
let YCHAIN_STMT =
  let chain = `y3 = awc t3H (word 0) c3 /\ c3 = awc_c s2H (word 0) c2 /\
               c2 = awc_c t3L s1H c1 /\ c1 = awc_c s2L r0H F /\ y0 = awc s2L r0H F /\
               y1 = awc t3L s1H c1 /\ y2 = awc s2H (word 0) c2` in
  mk_imp(list_mk_conj(conjuncts chain @ conjuncts(rename_vars "L" SQR2_ANTE_TM) @
                      conjuncts(rename_vars "H" SQR2_ANTE_TM)),
         `bitval(awc_c t3H (word 0) c3) = 0`);;
let YCHAIN = prove(YCHAIN_STMT,
  let inst sfx = INST (map (fun v -> mk_var(fst(dest_var v) ^ sfx, type_of v), v)
                        (frees SQR2_ANTE_TM)) SQR2_BLOCK in
  STRIP_TAC THEN
  MP_TAC(inst "L") THEN ANTS_TAC THENL
   [REPEAT CONJ_TAC THEN FIRST_ASSUM ACCEPT_TAC; DISCH_TAC] THEN
  MP_TAC(inst "H") THEN ANTS_TAC THENL
   [REPEAT CONJ_TAC THEN FIRST_ASSUM ACCEPT_TAC; DISCH_TAC] THEN
  SUBGOAL_THEN (parse_term "&(val(r0L:int64)) + &18446744073709551616 * &(val(s1L:int64)) + &340282366920938463463374607431768211456 * &(val(y0:int64)) + &6277101735386680763835789423207666416102355444464034512896 * &(val(y1:int64)) + &115792089237316195423570985008687907853269984665640564039457584007913129639936 * &(val(y2:int64)) + &2135987035920910082395021706169552114602704522356652769947041607822219725780640550022962086936576 * &(val(y3:int64)):int = (&(val(r0L:int64)) + &18446744073709551616 * &(val(s1L:int64)) + &340282366920938463463374607431768211456 * &(val(s2L:int64)) + &6277101735386680763835789423207666416102355444464034512896 * &(val(t3L:int64))) + &340282366920938463463374607431768211456 * (&(val(r0H:int64)) + &18446744073709551616 * &(val(s1H:int64)) + &340282366920938463463374607431768211456 * &(val(s2H:int64)) + &6277101735386680763835789423207666416102355444464034512896 * &(val(t3H:int64))) - &39402006196394479212279040100143613805079739270465446667948293404245721771497210611414266254884915640806627990306816 * &(bitval(awc_c t3H (word 0) c3))") MP_TAC THENL [POLY_EQ_TAC; ALL_TAC] THEN
  POP_ASSUM MP_TAC THEN POP_ASSUM MP_TAC THEN
  MP_TAC(ISPECL [`a0L:int64`; `a1L:int64`] SQ128_LE) THEN
  MP_TAC(ISPECL [`a0H:int64`; `a1H:int64`] SQ128_LE) THEN
  MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS))
    [`r0L:int64`; `s1L:int64`; `y0:int64`; `y1:int64`; `y2:int64`; `y3:int64`] THEN
  REWRITE_TAC[GSYM INT_OF_NUM_EQ] THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c t3H (word 0) c3` BITVAL_INT_CASES) THEN
  INT_ARITH_TAC);;

(* ---- applying block lemmas inside a simulation ---- *)

(* Instantiations of the pattern variables of ante (a conjunction of v = pat)
   by the simulation's abbreviations (v, t), found by backtracking. *)
let match_ante (abbrevs:(term*term) list) ante =
  let conjs = conjuncts ante in
  let pvars = frees ante in
  let tbl = Hashtbl.create 500 and rtbl = Hashtbl.create 500 in
  List.iter (fun (v,t) -> Hashtbl.replace tbl v t; Hashtbl.replace rtbl t v) abbrevs;
  let results = ref [] in
  let rec dfs theta cs =
    match cs with
      [] -> results := theta :: !results
    | c::rest ->
      let pv, pat = dest_eq c in
      let pat' = vsubst theta pat in
      let bound = try Some(rev_assoc pv theta) with Failure _ -> None in
      let try_cand (v,t) =
        try
          let lconsts = subtract (frees pat') pvars in
          let (_,inst,tyi) = term_match lconsts pat' t in
          if tyi <> [] then failwith "ty";
          (match bound with Some b -> if b <> v then failwith "b" | None -> ());
          let theta' = inst @ theta in
          let theta' = if bound = None then (v,pv)::theta' else theta' in
          Some theta'
        with Failure _ -> None in
      let go (v,t) = match try_cand (v,t) with Some th -> dfs th rest | None -> () in
      match bound with
        Some b -> (try go (b, Hashtbl.find tbl b) with Not_found -> ())
      | None ->
          if intersect (frees pat') pvars = [] then
            (try go (Hashtbl.find rtbl pat', pat') with Not_found -> ())
          else List.iter go abbrevs in
  dfs [] conjs; !results;;

let lemma_instances lemma abbrevs =
  let th = SPEC_ALL lemma in
  let ante = lhand(concl th) in
  map (fun theta ->
      let th' = INST theta th in
      MP th' (end_itlist CONJ (map ASSUME (conjuncts(lhand(concl th'))))))
    (match_ante abbrevs ante);;

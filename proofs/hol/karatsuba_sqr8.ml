(* ========================================================================= *)
(* Block lemmas for bignum_sqr_8_16 (vb_sqr8 of arm/_products.h), on top of  *)
(* hol/karatsuba.ml. Stated, like those, over the simulation's named values  *)
(* (conjunctions of v = term in matching order, outputs first, found by      *)
(* lemma_instances; the shapes are those sim.ml gives each instruction):     *)
(*   SQR4_BLOCK  vb_sqr4's eight words = (a3..a0)^2, composed from three     *)
(*               SQR2_BLOCK, ABS2, YCHAIN and the chain identity SQR4_POLY;  *)
(*               its two dropped carries cancel by a range argument;         *)
(*   ABS4        vb_absdiff4: (|a - b| as 4 words)^2 = (a - b)^2;            *)
(*   MIDB_POLY   vb_sqr8's middle term L + H - D (9 words, two chains);      *)
(*   MID_RANGE   its final borrow is 1 (no borrow): L + H - D = 2*lo*hi.     *)
(* sqr8_block_facts gives the closing step of sim.ml one exact identity,     *)
(* L + B^4 (L + H - D) + B^8 H = (lo + B^4 hi)^2 (COMBINE8), and the borrow  *)
(* fact and AWC_C_00 as rewrites. Nothing here is trusted.                   *)
(* ========================================================================= *)

let pow2n k = Num.power_num (Int 2) (Int k);;
let pow2s k = Num.string_of_num (pow2n k);;

(* &(val w0) + 2^64 * &(val w1) + ... as text, the same everywhere. *)
let wsum_s names =
  String.concat " + " (List.mapi (fun i n ->
    let w = "(&(val (" ^ n ^ ":int64)):int)" in
    if i = 0 then w else "&" ^ pow2s (64 * i) ^ " * " ^ w) names);;
let paren s = "(" ^ s ^ ")";;
let ante_of l = String.concat " /\\ " l;;
let ws4 l = paren(wsum_s l);;

let AWC_C_00 = prove
 (`!c. bitval(awc_c (word 0:int64) (word 0) c) = 0`,
  GEN_TAC THEN REWRITE_TAC[BITVAL_EQ_0; awc_c; VAL_WORD_0] THEN
  MP_TAC(SPEC `c:bool` BITVAL_BOUND) THEN CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

(* ---- vb_sqr4 ---- *)

(* The three carry chains after the three vb_sqr2: Y = L + B^2 H (y),
   (1 + B^2) Y (z), minus B^2 D (w); in matching order (outputs first). *)
let SQR4_CHAIN = [
 "w7 = awc z7 (word_not(word 0)) wc5"; "z7 = awc y3 (word 0) zc5";
 "wc5 = awc_c z6 (word_not(word 0)) wc4"; "z6 = awc y2 (word 0) zc4";
 "zc5 = awc_c y2 (word 0) zc4"; "w6 = awc z6 (word_not(word 0)) wc4";
 "wc4 = awc_c z5 (word_not t3D) wc3"; "w5 = awc z5 (word_not t3D) wc3";
 "z5 = awc y3 y1 zc3"; "zc4 = awc_c y3 y1 zc3";
 "wc3 = awc_c z4 (word_not s2D) wc2"; "w4 = awc z4 (word_not s2D) wc2";
 "z4 = awc y2 y0 zc2"; "zc3 = awc_c y2 y0 zc2";
 "wc2 = awc_c z3 (word_not s1D) wc1"; "w3 = awc z3 (word_not s1D) wc1";
 "z3 = awc y1 s1L zc1"; "zc2 = awc_c y1 s1L zc1";
 "wc1 = awc_c z2 (word_not r0D) T"; "w2 = awc z2 (word_not r0D) T";
 "z2 = awc y0 r0L F"; "zc1 = awc_c y0 r0L F";
 "y3 = awc t3H (word 0) yc3"; "y2 = awc s2H (word 0) yc2";
 "yc3 = awc_c s2H (word 0) yc2"; "y1 = awc t3L s1H yc1";
 "yc2 = awc_c t3L s1H yc1"; "y0 = awc s2L r0H F"; "yc1 = awc_c s2L r0H F"];;

let sqr4_out = ["r0L"; "s1L"; "w2"; "w3"; "w4"; "w5"; "w6"; "w7"];;
let sum4 sfx = paren(wsum_s (map (fun n -> n ^ sfx) ["r0"; "s1"; "s2"; "t3"]));;

let SQR4_POLY = prove
 (parse_term(paren(ante_of SQR4_CHAIN) ^ " ==> " ^ paren(wsum_s sqr4_out) ^ " = " ^
    sum4 "L" ^ " + &" ^ pow2s 128 ^ " * (" ^ sum4 "L" ^ " + " ^ sum4 "H" ^ " - " ^
    sum4 "D" ^ ") + &" ^ pow2s 256 ^ " * " ^ sum4 "H" ^ " + &" ^ pow2s 512 ^
    " * (&1 - &(bitval(awc_c z7 (word_not(word 0)) wc5)) - &(bitval(awc_c y3 (word 0) zc5)))" ^
    " - &" ^ Num.string_of_num(pow2n 384 +/ pow2n 512) ^ " * &(bitval(awc_c t3H (word 0) yc3))"),
  STRIP_TAC THEN POLY_EQ_TAC);;

let rename_inst sfx subs tm =
  let tm' = rename_vars sfx tm in
  vsubst (map (fun (a,b) -> mk_var(a,`:int64`), mk_var(b,`:int64`)) subs) tm';;

let SQR2_L = rename_inst "L" ["a0","a0L"; "a1","a1L"] SQR2_ANTE_TM;;
let SQR2_H = rename_inst "H" ["a2","a0H"; "a3","a1H"] SQR2_ANTE_TM;;
let SQR2_D = rename_inst "D" ["e0","a0D"; "e1","a1D"] SQR2_ANTE_TM;;

let SQR4_ANTE_TM = list_mk_conj(conjuncts(parse_term(ante_of SQR4_CHAIN)) @
  conjuncts SQR2_L @ conjuncts SQR2_H @ conjuncts SQR2_D @
  conjuncts(parse_term ABS2_ANTE));;

let SQ256_LE = prove
 (parse_term("!a0 a1 a2 a3. " ^ paren(wsum_s ["a0";"a1";"a2";"a3"]) ^ " pow 2 <= &" ^
    Num.string_of_num(Num.power_num (pow2n 256 -/ Int 1) (Int 2))),
  REPEAT GEN_TAC THEN MATCH_MP_TAC INT_LE_TRANS THEN
  EXISTS_TAC (parse_term("(&" ^ Num.string_of_num(pow2n 256 -/ Int 1) ^ ":int) pow 2")) THEN
  CONJ_TAC THENL
   [MATCH_MP_TAC INT_POW_LE2 THEN
    MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS))
      [`a0:int64`; `a1:int64`; `a2:int64`; `a3:int64`] THEN INT_ARITH_TAC;
    CONV_TAC INT_REDUCE_CONV]);;

(* Instance of lemma th (ante ==> concl) whose ante conjuncts are assumptions. *)
let USE_TAC th =
  MP_TAC th THEN ANTS_TAC THENL
   [REPEAT CONJ_TAC THEN FIRST_ASSUM ACCEPT_TAC; DISCH_TAC];;

let INST_NAMES subs th =
  INST (map (fun (a,b) -> mk_var(a,`:int64`), mk_var(b,`:int64`)) subs) th;;

let SQR4_RING = prove
 (let lo = ws4 ["a0";"a1"] and hi = ws4 ["a2";"a3"] in
  parse_term(lo ^ " pow 2 + &" ^ pow2s 128 ^ " * (" ^ lo ^ " pow 2 + " ^ hi ^ " pow 2 - (" ^
    lo ^ " - " ^ hi ^ ") pow 2) + &" ^ pow2s 256 ^ " * " ^ hi ^ " pow 2 = " ^
    ws4 ["a0";"a1";"a2";"a3"] ^ " pow 2"),
  CONV_TAC INT_RING);;

let SQR4_BLOCK = prove
 (mk_imp(SQR4_ANTE_TM, parse_term(paren(wsum_s sqr4_out) ^ " = " ^
           paren(wsum_s ["a0";"a1";"a2";"a3"]) ^ " pow 2")),
  let inst sfx subs = INST_NAMES subs
        (INST (map (fun v -> mk_var(fst(dest_var v) ^ sfx, type_of v), v)
                   (frees SQR2_ANTE_TM)) SQR2_BLOCK) in
  STRIP_TAC THEN
  USE_TAC (inst "L" ["a0","a0L"; "a1","a1L"]) THEN
  USE_TAC (inst "H" ["a2","a0H"; "a3","a1H"]) THEN
  USE_TAC (inst "D" ["e0","a0D"; "e1","a1D"]) THEN
  USE_TAC ABS2 THEN
  USE_TAC (INST [`yc1:bool`,`c1:bool`; `yc2:bool`,`c2:bool`; `yc3:bool`,`c3:bool`]
             (INST_NAMES ["a0","a0L"; "a1","a1L"; "a2","a0H"; "a3","a1H"] YCHAIN)) THEN
  USE_TAC SQR4_POLY THEN
  (* rewrite L, H, D by their squares in the chain identity *)
  (fun (asl,w) ->
    let eqs = filter (fun th -> is_eq(concl th) && type_of(lhs(concl th)) = `:int` &&
                        not(is_var(lhs(concl th)))) (map snd asl) in
    let zero = find (fun th -> match concl th with
        Comb(Comb(Const("=",_),Comb(Const("bitval",_),_)),_) -> true | _ -> false)
        (map snd asl) in
    let poly = find (fun th -> lhs(concl th) = lhs w) eqs in
    let sq = filter (fun th -> th != poly) eqs in
    let p1 = REWRITE_RULE (zero :: BITVAL_CLAUSES :: sq) poly in
    (MP_TAC p1 THEN MP_TAC SQR4_RING THEN MP_TAC(ISPEC (lhand(rand w)) INT_LE_POW_2) THEN
     MP_TAC(ISPECL [`a0:int64`; `a1:int64`; `a2:int64`; `a3:int64`] SQ256_LE) THEN
     MAP_EVERY (fun v -> MP_TAC(ISPEC (mk_var(v,`:int64`)) INT_VAL_BOUNDS)) sqr4_out THEN
     DISJ_CASES_THEN SUBST1_TAC
       (SPEC `awc_c z7 (word_not(word 0)) wc5` BITVAL_INT_CASES) THEN
     DISJ_CASES_THEN SUBST1_TAC
       (SPEC `awc_c y3 (word 0) zc5` BITVAL_INT_CASES) THEN
     INT_ARITH_TAC) (asl,w)));;

(* ---- vb_absdiff4: |a - b| on 4 words by a mask ---- *)

let ABS4_LIST = [
 "e3 = awc x3 (word_not m) k3"; "x3 = word_xor d3 m";
 "m = (if c4 then word 0 else word_not(word 0))";
 "k3 = awc_c x2 (word_not m) k2"; "x2 = word_xor d2 m"; "e2 = awc x2 (word_not m) k2";
 "k2 = awc_c x1 (word_not m) k1"; "x1 = word_xor d1 m"; "e1 = awc x1 (word_not m) k1";
 "k1 = awc_c x0 (word_not m) T"; "x0 = word_xor d0 m"; "e0 = awc x0 (word_not m) T";
 "d3 = awc a3 (word_not b3) c3"; "c4 = awc_c a3 (word_not b3) c3";
 "d2 = awc a2 (word_not b2) c2"; "c3 = awc_c a2 (word_not b2) c2";
 "d1 = awc a1 (word_not b1) c1"; "c2 = awc_c a1 (word_not b1) c1";
 "d0 = awc a0 (word_not b0) T"; "c1 = awc_c a0 (word_not b0) T"];;
let ABS4_ANTE = paren(ante_of ABS4_LIST);;
let A4 = ws4 ["a0";"a1";"a2";"a3"] and B4 = ws4 ["b0";"b1";"b2";"b3"]
and D4 = ws4 ["d0";"d1";"d2";"d3"] and E4 = ws4 ["e0";"e1";"e2";"e3"]
and X4 = ws4 ["x0";"x1";"x2";"x3"];;

let ABS4_DTH = prove(parse_term(ABS4_ANTE ^ " ==> " ^ D4 ^ " + &" ^ pow2s 256 ^
    " * &(bitval c4) = " ^ A4 ^ " - " ^ B4 ^ " + &" ^ pow2s 256),
  STRIP_TAC THEN POLY_EQ_TAC);;
let ABS4_ETH = prove(parse_term(ABS4_ANTE ^ " ==> " ^ E4 ^ " = " ^ X4 ^ " + &" ^
    Num.string_of_num(pow2n 0 +/ pow2n 64 +/ pow2n 128 +/ pow2n 192) ^ " * (&" ^
    pow2s 64 ^ " - &1 - &(val(m:int64))) + &1 - &" ^ pow2s 256 ^
    " * &(bitval(awc_c x3 (word_not m) k3))"),
  STRIP_TAC THEN POLY_EQ_TAC);;

let ABS4 = prove
 (parse_term(ABS4_ANTE ^ " ==> " ^ E4 ^ " pow 2 = (" ^ A4 ^ " - " ^ B4 ^ ") pow 2"),
  DISCH_TAC THEN
  FIRST_ASSUM(ASSUME_TAC o MATCH_MP ABS4_DTH) THEN
  FIRST_ASSUM(ASSUME_TAC o MATCH_MP ABS4_ETH) THEN
  POP_ASSUM MP_TAC THEN POP_ASSUM MP_TAC THEN POP_ASSUM STRIP_ASSUME_TAC THEN
  MAP_EVERY (fun v -> MP_TAC(ISPEC (mk_var(v,`:int64`)) INT_VAL_BOUNDS))
    ["a0";"a1";"a2";"a3";"b0";"b1";"b2";"b3";"d0";"d1";"d2";"d3";"e0";"e1";"e2";"e3"] THEN
  DISJ_CASES_THEN SUBST1_TAC (SPEC `awc_c x3 (word_not m) k3` BITVAL_INT_CASES) THEN
  ASM_CASES_TAC `c4:bool` THEN
  (fun (asl,w) ->
    let thm = hyp_eq `m:int64` asl in
    let c4th = snd(hd asl) in
    let mth = REWRITE_RULE[c4th] thm in
    let fs = map (fun x -> REWRITE_RULE[mth; WORD_XOR_0; WORD_XOR_NOT0]
                             (hyp_eq (mk_var(x,`:int64`)) asl)) ["x0";"x1";"x2";"x3"] in
    let vals = map (fun th -> AP_TERM `int_of_num` (AP_TERM `val:int64->num` th)) (mth :: fs) in
    (REWRITE_TAC(c4th :: vals @ [BITVAL_CLAUSES; INT_VAL_NOT; INT_VAL_WORD_0]) THEN
     CONV_TAC NUM_REDUCE_CONV THEN SQUARE_OF_DIFF_TAC) (asl,w)));;

(* ---- vb_sqr8's middle term: S = L + H (9 words), then S - D ---- *)

let MIDB_LIST =
  ["m8 = awc s8 (word_not(word 0)) j8"; "s8 = awc (word 0) (word 0) k8"] @
  flat (map (fun i ->
    let s = string_of_int i and s1 = string_of_int (i + 1) in
    ["j" ^ s1 ^ " = awc_c s" ^ s ^ " (word_not q" ^ s ^ ") " ^ (if i = 0 then "T" else "j" ^ s);
     "m" ^ s ^ " = awc s" ^ s ^ " (word_not q" ^ s ^ ") " ^ (if i = 0 then "T" else "j" ^ s);
     "s" ^ s ^ " = awc l" ^ s ^ " h" ^ s ^ " " ^ (if i = 0 then "F" else "k" ^ s);
     "k" ^ s1 ^ " = awc_c l" ^ s ^ " h" ^ s ^ " " ^ (if i = 0 then "F" else "k" ^ s)])
    [7;6;5;4;3;2;1;0]);;
let ws8 p = paren(wsum_s (map (fun i -> p ^ string_of_int i) [0;1;2;3;4;5;6;7]));;

let MIDB_POLY = prove
 (parse_term(paren(ante_of MIDB_LIST) ^ " ==> " ^
    paren(wsum_s (map (fun i -> "m" ^ string_of_int i) [0;1;2;3;4;5;6;7;8])) ^ " = " ^
    ws8 "l" ^ " + " ^ ws8 "h" ^ " - " ^ ws8 "q" ^ " + &2 pow 576 * (&1 - " ^
    "&(bitval(awc_c s8 (word_not(word 0)) j8)) - &(bitval(awc_c (word 0) (word 0) k8)))"),
  STRIP_TAC THEN POLY_EQ_TAC);;

let MID_RANGE = prove
 (`!M L H D E l h w z:bool.
     (M:int) = L + H - D + &2 pow 576 * (&1 - &(bitval w) - &(bitval z)) /\
     L = l pow 2 /\ H = h pow 2 /\ D = E /\ E = (l - h) pow 2 /\ bitval z = 0 /\
     (&0 <= M /\ M < &2 pow 576) /\ (&0 <= l /\ l < &2 pow 256) /\
     (&0 <= h /\ h < &2 pow 256)
     ==> bitval w = 1`,
  REPEAT GEN_TAC THEN STRIP_TAC THEN
  SUBGOAL_THEN `L + H - D:int = &2 * l * h` ASSUME_TAC THENL
   [ASM_REWRITE_TAC[] THEN CONV_TAC INT_RING; ALL_TAC] THEN
  SUBGOAL_THEN `&0 <= l * h:int` ASSUME_TAC THENL
   [MATCH_MP_TAC INT_LE_MUL THEN ASM_REWRITE_TAC[]; ALL_TAC] THEN
  SUBGOAL_THEN `l * h:int < &2 pow 256 * &2 pow 256` ASSUME_TAC THENL
   [MATCH_MP_TAC INT_LT_MUL2 THEN ASM_REWRITE_TAC[]; ALL_TAC] THEN
  MP_TAC(SPEC `w:bool` BITVAL_INT_CASES) THEN
  REPEAT(POP_ASSUM MP_TAC) THEN REWRITE_TAC[GSYM INT_OF_NUM_EQ] THEN
  CONV_TAC INT_REDUCE_CONV THEN INT_ARITH_TAC);;

let COMBINE8 = prove
 (parse_term("!L H D E l h. L = l pow 2 /\\ H = h pow 2 /\\ D = E /\\ E = (l - h) pow 2 ==> " ^
    "L + &" ^ pow2s 256 ^ " * (L + H - D) + &" ^ pow2s 512 ^ " * H = (l + &" ^ pow2s 256 ^
    " * h:int) pow 2"),
  REPEAT GEN_TAC THEN STRIP_TAC THEN ASM_REWRITE_TAC[] THEN CONV_TAC INT_RING);;

(* |- &0 <= S /\ S < &2 pow (64k) for a sum S of k words (wsum_s form). *)
let wsum_bounds s =
  let rec words t = match t with
      Comb(Comb(Const("int_add",_),a),b) -> words a @ words b
    | Comb(Comb(Const("int_mul",_),_),b) -> words b
    | Comb(Const("int_of_num",_),Comb(Const("val",_),v)) -> [v]
    | _ -> failwith "wsum_bounds" in
  let ws = words s in
  let k = 64 * length ws in
  let goal = mk_conj(mk_binop `(<=):int->int->bool` `&0:int` s,
                     mk_binop `(<):int->int->bool` s
                       (mk_binop `(pow):int->num->int` `&2:int` (mk_small_numeral k))) in
  prove(goal, MAP_EVERY (fun v -> MP_TAC(ISPEC v INT_VAL_BOUNDS)) ws THEN
              CONV_TAC INT_REDUCE_CONV THEN INT_ARITH_TAC);;

(* The facts for the closing step of bignum_sqr_8_16. *)
let sqr8_block_facts st =
  let ab = st.abbrevs in
  let sq4 = lemma_instances SQR4_BLOCK ab in
  let thA = match lemma_instances ABS4 ab with [th] -> th
            | l -> failwith ("sqr8: ABS4 instances: " ^ string_of_int(length l)) in
  let thM = match lemma_instances MIDB_POLY ab with [th] -> th
            | l -> failwith ("sqr8: MIDB instances: " ^ string_of_int(length l)) in
  if length sq4 <> 3 then failwith ("sqr8: SQR4 instances: " ^ string_of_int(length sq4));
  let e2 = lhs(concl thA) in
  let lh = lhand(rhs(concl thA)) in
  let lo = lhand lh and hi = rand lh in
  let rsq th = lhand(rhs(concl th)) in
  let thD = find (fun th -> rhs(concl th) = e2) sq4 in
  let thL = find (fun th -> rsq th = lo) sq4 in
  let thH = find (fun th -> rsq th = hi) sq4 in
  let tot = MATCH_MP COMBINE8 (CONJ thL (CONJ thH (CONJ thD thA))) in
  let bM = wsum_bounds (lhs(concl thM)) and bl = wsum_bounds lo
  and bh = wsum_bounds hi in
  let zth = PART_MATCH lhs AWC_C_00 (find_term (fun t -> match t with
      Comb(Const("bitval",_),Comb(Comb(Comb(Const("awc_c",_),a),_),_)) ->
        a = `word 0:int64` | _ -> false) (concl thM)) in
  let borrow = MATCH_MP MID_RANGE
      (end_itlist CONJ [thM; thL; thH; thD; thA; zth; bM; bl; bh]) in
  ([tot], [borrow; AWC_C_00]);;

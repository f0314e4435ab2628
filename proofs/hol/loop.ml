(* ========================================================================= *)
(* Loops: an "eventually" form of the ensures judgement, an invariant rule   *)
(* with a decreasing measure, word/memory lemmas for symbolic offsets        *)
(* x + 8*i, and a goal-directed stepper that executes instructions on an     *)
(* explicit state, follows a conditional branch whose condition the          *)
(* hypotheses decide, and stops wherever the caller's target holds (a loop  *)
(* head, the return). Nothing here is trusted: every step is a theorem.     *)
(* ========================================================================= *)

let eventually = new_definition
 `eventually (Q:armstate->bool) s <=> ?k s'. runs k s s' /\ Q s'`;;

(* RUNS_TRANS (runs is transitive) comes from segment.ml. *)

let ENSURES_EVENTUALLY = prove
 (`!pre post. ensures pre post <=> !s. pre s ==> eventually (post s) s`,
  REWRITE_TAC[ensures; eventually]);;

let EV_NOW = prove
 (`!Q s. Q s ==> eventually Q s`,
  REPEAT STRIP_TAC THEN REWRITE_TAC[eventually] THEN
  MAP_EVERY EXISTS_TAC [`0`; `s:armstate`] THEN ASM_REWRITE_TAC[runs]);;

let EV_STEP = prove
 (`!Q s f. decode (val(read32 (arm_pc s) (arm_mem s))) = SOME f
           ==> eventually Q (f s) ==> eventually Q s`,
  REWRITE_TAC[eventually] THEN REPEAT STRIP_TAC THEN
  MAP_EVERY EXISTS_TAC [`SUC k`; `s':armstate`] THEN ASM_REWRITE_TAC[runs] THEN
  EXISTS_TAC `(f:armstate->armstate) s` THEN ASM_REWRITE_TAC[arm_step] THEN
  EXISTS_TAC `f:armstate->armstate` THEN ASM_REWRITE_TAC[]);;

let EV_TRANS = prove
 (`!P Q s. eventually P s /\ (!t. P t ==> eventually Q t) ==> eventually Q s`,
  REWRITE_TAC[eventually] THEN REPEAT STRIP_TAC THEN
  FIRST_X_ASSUM(fun th -> FIRST_ASSUM(MP_TAC o MATCH_MP th)) THEN
  STRIP_TAC THEN MAP_EVERY EXISTS_TAC [`k + k'`; `s'':armstate`] THEN
  ASM_MESON_TAC[RUNS_TRANS]);;

let EV_MONO = prove
 (`!P Q s. eventually P s /\ (!t. P t ==> Q t) ==> eventually Q s`,
  REWRITE_TAC[eventually] THEN MESON_TAC[]);;

(* The invariant rule. J r s: the loop head with r iterations left (r is
   the decreasing measure). The body takes J (SUC r) to J r; J 0 is
   the exit and leads to the target Q. *)
let LOOP_DOWN = prove
 (`!(J:num->armstate->bool) Q.
     (!s. J 0 s ==> eventually Q s) /\
     (!r s. J (SUC r) s ==> eventually (J r) s)
     ==> !r s. J r s ==> eventually Q s`,
  REPEAT GEN_TAC THEN STRIP_TAC THEN INDUCT_TAC THEN ASM_REWRITE_TAC[] THEN
  REPEAT STRIP_TAC THEN MATCH_MP_TAC EV_TRANS THEN
  EXISTS_TAC `(J:num->armstate->bool) r` THEN ASM_MESON_TAC[]);;

(* The same, indexed by the iteration count i < n (i counts up). *)
let LOOP_UP = prove
 (`!(J:num->armstate->bool) Q n.
     (!i s. i < n /\ J i s ==> eventually (J (i + 1)) s) /\
     (!s. J n s ==> eventually Q s)
     ==> !i s. i <= n /\ J i s ==> eventually Q s`,
  REPEAT GEN_TAC THEN STRIP_TAC THEN
  SUBGOAL_THEN `!d i s. i + d = n /\ (J:num->armstate->bool) i s ==> eventually Q s`
    (fun th -> REPEAT STRIP_TAC THEN MATCH_MP_TAC(SPECL [`n - i:num`; `i:num`] th) THEN
               ASM_REWRITE_TAC[] THEN ASM_ARITH_TAC) THEN
  INDUCT_TAC THENL [ASM_MESON_TAC[ADD_CLAUSES]; ALL_TAC] THEN
  REPEAT STRIP_TAC THEN MATCH_MP_TAC EV_TRANS THEN
  EXISTS_TAC `(J:num->armstate->bool) (i + 1)` THEN CONJ_TAC THENL
   [FIRST_X_ASSUM MATCH_MP_TAC THEN ASM_REWRITE_TAC[] THEN ASM_ARITH_TAC;
    REPEAT STRIP_TAC THEN FIRST_X_ASSUM MATCH_MP_TAC THEN
    EXISTS_TAC `i + 1` THEN ASM_REWRITE_TAC[] THEN ASM_ARITH_TAC]);;

(* ---- word lemmas for the values loops compute ---- *)

let AWC_NOT_T = prove
 (`!a b:int64. awc a (word_not b) T = word_sub a b`,
  REPEAT GEN_TAC THEN REWRITE_TAC[awc; BITVAL_CLAUSES] THEN
  REWRITE_TAC[WORD_ADD; WORD_VAL; GSYM WORD_ADD_ASSOC] THEN
  REWRITE_TAC[WORD_NOT_AS_SUB] THEN CONV_TAC WORD_RULE);;

let AWC_F = prove
 (`!a b:int64. awc a b F = word_add a b`,
  REWRITE_TAC[awc; BITVAL_CLAUSES; ADD_CLAUSES] THEN REWRITE_TAC[WORD_ADD; WORD_VAL]);;

let AWC_C_NOT_T = prove
 (`!a b:int64. awc_c a (word_not b) T <=> val b <= val a`,
  REPEAT GEN_TAC THEN REWRITE_TAC[awc_c; VAL64_NOT; BITVAL_CLAUSES] THEN
  MP_TAC(ISPEC `b:int64` VAL64_BOUND) THEN CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

let WORD_SHL_3 = prove
 (`!n. word_shl (word n:int64) 3 = word(8 * n)`,
  GEN_TAC THEN REWRITE_TAC[word_shl; WORD_EQ; VAL_WORD; DIMINDEX_64; CONG] THEN
  CONV_TAC MOD_DOWN_CONV THEN AP_THM_TAC THEN AP_TERM_TAC THEN
  CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

let WORD_SUC_SUB1 = prove
 (`!r. word_sub (word(SUC r)) (word 1):int64 = word r`,
  GEN_TAC THEN MP_TAC(ISPECL [`SUC r`; `1`] (INST_TYPE [`:64`,`:N`] WORD_SUB)) THEN
  REWRITE_TAC[ARITH_RULE `1 <= SUC r /\ SUC r - 1 = r`] THEN
  DISCH_THEN(ACCEPT_TAC o SYM));;

let WORD_ADD1 = prove
 (`!i. word_add (word i) (word 1):int64 = word(i + 1)`,
  REWRITE_TAC[WORD_ADD]);;

let WORD_EQ_0_SMALL = prove
 (`!n. n < 2 EXP 64 ==> (word n:int64 = word 0 <=> n = 0)`,
  REPEAT STRIP_TAC THEN MP_TAC(ISPECL [`n:num`; `0`] (INST_TYPE [`:64`,`:N`] WORD_EQ_IMP)) THEN
  ASM_REWRITE_TAC[DIMINDEX_64] THEN CONV_TAC NUM_REDUCE_CONV THEN REWRITE_TAC[]);;

(* ---- memory with symbolic offsets ---- *)

let READN_EQ = prove
 (`!k (a:int64) (m:int64->byte) m'.
     (!i. i < k ==> m(word_add a (word i)) = m'(word_add a (word i)))
     ==> readn k a m = readn k a m'`,
  INDUCT_TAC THEN REWRITE_TAC[readn] THEN REPEAT STRIP_TAC THEN BINOP_TAC THENL
   [FIRST_X_ASSUM(MP_TAC o SPEC `0`) THEN REWRITE_TAC[WORD_ADD_0; LT_0] THEN SIMP_TAC[];
    AP_TERM_TAC THEN FIRST_X_ASSUM MATCH_MP_TAC THEN
    REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN REPEAT STRIP_TAC THEN
    FIRST_X_ASSUM MATCH_MP_TAC THEN ASM_ARITH_TAC]);;

(* Reads of bytes outside the region [b, b+n) where m and m0 may differ. *)
let READN_FRAME = prove
 (`!k (a:int64) L off (m:int64->byte) m0 b n.
     (!x. ~(val(word_sub x b) < n) ==> m x = m0 x) /\ separate a L b n /\ off + k <= L
     ==> readn k (word_add a (word off)) m = readn k (word_add a (word off)) m0`,
  REPEAT STRIP_TAC THEN MATCH_MP_TAC READN_EQ THEN REPEAT STRIP_TAC THEN
  FIRST_X_ASSUM MATCH_MP_TAC THEN REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN
  MATCH_MP_TAC SEPARATE_NOT_IN THEN EXISTS_TAC `L:num` THEN ASM_REWRITE_TAC[] THEN
  ASM_ARITH_TAC);;

let READ64_FRAME = prove
 (`!(a:int64) L off (m:int64->byte) m0 b n.
     (!x. ~(val(word_sub x b) < n) ==> m x = m0 x) /\ separate a L b n /\ off + 8 <= L
     ==> read64 (word_add a (word off)) m = read64 (word_add a (word off)) m0`,
  REPEAT STRIP_TAC THEN REWRITE_TAC[read64] THEN AP_TERM_TAC THEN
  MATCH_MP_TAC READN_FRAME THEN ASM_MESON_TAC[]);;

let READ32_FRAME = prove
 (`!(a:int64) L off (m:int64->byte) m0 b n.
     (!x. ~(val(word_sub x b) < n) ==> m x = m0 x) /\ separate a L b n /\ off + 4 <= L
     ==> read32 (word_add a (word off)) m = read32 (word_add a (word off)) m0`,
  REPEAT STRIP_TAC THEN REWRITE_TAC[read32] THEN AP_TERM_TAC THEN
  MATCH_MP_TAC READN_FRAME THEN ASM_MESON_TAC[]);;

(* A store inside [b, b+n) keeps the frame "equal to m0 outside [b, b+n)". *)
let FRAME_WRITE64 = prove
 (`!(m:int64->byte) m0 b n off w.
     (!x. ~(val(word_sub x b) < n) ==> m x = m0 x) /\ off + 8 <= n
     ==> (!x. ~(val(word_sub x b) < n) ==> write64 (word_add b (word off)) w m x = m0 x)`,
  MESON_TAC[WRITE64_FRAME]);;

(* Words j and i of one non-wrapping buffer are separate when j <> i. *)
let READ64_WRITE64_OTHER = prove
 (`!(z:int64) n i j w m.
     nowrap z n /\ 8 * i + 8 <= n /\ 8 * j + 8 <= n /\ ~(i = j)
     ==> read64 (word_add z (word(8 * j))) (write64 (word_add z (word(8 * i))) w m) =
         read64 (word_add z (word(8 * j))) m`,
  REPEAT STRIP_TAC THEN MATCH_MP_TAC READ64_WRITE64_SEP THEN
  MATCH_MP_TAC SEPARATE_SAME THEN EXISTS_TAC `n:num` THEN
  ASM_REWRITE_TAC[] THEN ASM_ARITH_TAC);;

(* A bignum is determined by its words. *)
let BIGNUM_AT_READS = prove
 (`!n (a:int64) b m m'.
     (!j. j < n ==> read64 (word_add a (word(8 * j))) m = read64 (word_add b (word(8 * j))) m')
     ==> bignum_at a n m = bignum_at b n m'`,
  INDUCT_TAC THEN REWRITE_TAC[bignum_at] THEN REPEAT STRIP_TAC THEN BINOP_TAC THENL
   [FIRST_X_ASSUM MATCH_MP_TAC THEN REPEAT STRIP_TAC THEN FIRST_X_ASSUM MATCH_MP_TAC THEN
    ASM_ARITH_TAC;
    AP_TERM_TAC THEN AP_TERM_TAC THEN FIRST_X_ASSUM MATCH_MP_TAC THEN ARITH_TAC]);;

(* ---- the stepper ---- *)

let WORD_ADD_ASSOC_MOD = prove
 (`!(a:int64) i j. word_add (word_add a (word i)) (word j) =
                   word_add a (word((i + j) MOD 2 EXP 64))`,
  REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN REPEAT GEN_TAC THEN AP_TERM_TAC THEN
  REWRITE_TAC[WORD_EQ; DIMINDEX_64; CONG; MOD_MOD_REFL]);;

(* word_add (word_add a (word i)) (word j) with numerals: offsets add mod 2^64
   (a backward branch adds 2^64 - d). *)
let ADDR_MOD_CONV tm =
  match tm with
    Comb(Comb(Const("word_add",_),Comb(Comb(Const("word_add",_),_),i)),j)
      when is_word_numeral i && is_word_numeral j ->
      (REWR_CONV WORD_ADD_ASSOC_MOD THENC RAND_CONV(RAND_CONV NUM_REDUCE_CONV)) tm
  | _ -> failwith "ADDR_MOD_CONV";;

let loop_eval_thms = sem_defs @ [rx; rxsp; wx; wxsp; setflags; nextpc; setpc; ld64; st64;
  flagc; curpc; condholds; shiftop; regupd; COND_CLAUSES; WORD_ADD_LZERO;
  WORD_SHL_ZERO64; NOT_CLAUSES; AND_CLAUSES; OR_CLAUSES; EQ_CLAUSES; IMP_CLAUSES;
  AWC_NOT_T; AWC_F; AWC_C_NOT_T; WORD_SHL_3; WORD_SUB_0; WORD_SUC_SUB1; WORD_ADD1;
  WORD_OR_0; VAL_WORD_0; LE_0; REFL_CLAUSE; WORD_SUB_EQ_0];;

let loop_base_net = lazy(
  let net = itlist (net_of_thm false) (itlist (mk_rewrites false) loop_eval_thms []) empty_net in
  let net = itlist (fun p -> net_of_conv p NUM_RED_CONV) num_red_pats net in
  net_of_conv `word_add (word_add a (word i)) (word j):int64` ADDR_MOD_CONV net);;

(* Register facts R_ i = v among the assumptions. *)
let reg_facts asl = mapfilter (fun (_,th) -> match concl th with
    Comb(Comb(Const("=",_),Comb(Var("R_",_),i)),_) when is_numeral i -> th
  | _ -> fail()) asl;;

let loop_net asl =
  itlist (net_of_thm false) (itlist (mk_rewrites false) (reg_facts asl) [])
    (Lazy.force loop_base_net);;

(* ---- arithmetic side conditions from the numeric assumptions ---- *)

let is_num_rel tm =
  match tm with
    Comb(Comb(Const(("<" | "<=" | "="),Tyapp("fun",[ty;_])),_),_) -> ty = `:num`
  | Comb(Const("~",_),Comb(Comb(Const(("<" | "<=" | "="),Tyapp("fun",[ty;_])),_),_)) ->
      ty = `:num`
  | _ -> false;;

let rec val_terms tm =
  match tm with
    Comb(Const("val",_),w) when type_of w = `:int64` -> [tm]
  | Comb(f,x) -> union (val_terms f) (val_terms x)
  | Abs(_,b) -> val_terms b
  | _ -> [];;

let ARITH_SIDE asl tm =
  let tm' = rand(concl(NUM_REDUCE_CONV tm)) in
  if tm' = `T` then EQT_ELIM(NUM_REDUCE_CONV tm) else
  let facts = filter (fun th -> is_num_rel(concl th)) (map snd asl) in
  let vals = itlist (fun t acc -> union (val_terms t) acc) (tm :: map concl facts) [] in
  let bounds = map (fun v -> CONV_RULE NUM_REDUCE_CONV (ISPEC (rand v) VAL64_BOUND)) vals in
  let hyps = facts @ bounds in
  let imp = itlist (fun th t -> mk_imp(concl th, t)) hyps tm in
  let th = ARITH_RULE (rand(concl(NUM_REDUCE_CONV imp))) in
  let th = EQ_MP (SYM(NUM_REDUCE_CONV imp)) th in
  itlist (fun h th -> MP th h) (rev hyps) th;;

(* |- c or |- ~c for a branch condition, from the assumptions. *)
let decide_cond asl c =
  let try_prove t =
    try find (fun th -> concl th = t) (map snd asl) with Failure _ ->
    match t with
      Comb(Const("~",_),Comb(Comb(Const("=",_),Comb(Const("word",_),n)),Comb(Const("word",_),z)))
        when z = `0` ->
        let lt = ARITH_SIDE asl (mk_comb(mk_comb(`(<):num->num->bool`,n),`2 EXP 64`)) in
        let eq = MP (ISPEC n WORD_EQ_0_SMALL) lt in
        EQ_MP (SYM(AP_TERM `(~)` eq)) (ARITH_SIDE asl (mk_neg(mk_eq(n,`0`))))
    | Comb(Comb(Const("=",_),Comb(Const("word",_),n)),Comb(Const("word",_),z)) when z = `0` ->
        let lt = ARITH_SIDE asl (mk_comb(mk_comb(`(<):num->num->bool`,n),`2 EXP 64`)) in
        let eq = MP (ISPEC n WORD_EQ_0_SMALL) lt in
        EQ_MP (SYM eq) (ARITH_SIDE asl (mk_eq(n,`0`)))
    | _ -> ARITH_SIDE asl t in
  try EQT_INTRO(try_prove c) with Failure _ ->
  try EQF_INTRO(try_prove (mk_neg c)) with Failure _ ->
  failwith ("decide_cond: the hypotheses do not decide " ^ string_of_term c);;

(* ---- instruction fetch through stores, frames and the code bytes ---- *)

let bytes_cache = Hashtbl.create 10;;

let sep_facts asl =
  let norm = CONV_RULE (REWRITE_CONV(LENGTH :: !code_defs) THENC NUM_REDUCE_CONV) in
  mapfilter (fun (_,th) -> match concl th with
      Comb(Comb(Comb(Comb(Const("separate",_),_),_),_),_) -> norm th
    | _ -> fail()) asl;;

(* separate (word_add a (word o1)) k1 (word_add b (word o2)) k2 from a fact
   separate a n b m (either orientation) and arithmetic. *)
let SEP_SUB asl a o1 k1 b o2 k2 =
  let facts = sep_facts asl in
  let try1 th =
    let th = match concl th with
        Comb(Comb(Comb(Comb(_,x),_),y),_) when x = a && y = b -> th
      | Comb(Comb(Comb(Comb(_,x),n),y),m) when x = b && y = a ->
          EQ_MP (ISPECL [x;n;y;m] SEPARATE_SYM) th
      | _ -> fail() in
    let [_;n;_;m] = snd(strip_comb(concl th)) in
    let th0 = ISPECL [a;n;b;m;o1;k1;o2;k2] SEPARATE_SUB in
    let conds = conjuncts(rand(lhand(concl th0))) in
    MP th0 (CONJ th (end_itlist CONJ (map (ARITH_SIDE asl) conds))) in
  tryfind try1 facts;;

let addr_split tm =
  match tm with
    Comb(Comb(Const("word_add",_),b),Comb(Const("word",_),k)) -> b, k
  | _ -> tm, `0`;;

let rec FETCH_CONV asl tm =
  (* tm = read32 (word_add pc (word off)) mt *)
  let a = lhand tm and mt = rand tm in
  let pc, off = addr_split a in
  match mt with
    Comb(Comb(Comb(Const("write64",_),b),w),m') ->
      let bb, o2 = addr_split b in
      let sth = SEP_SUB asl pc off `4` bb o2 `8` in
      let sth = if o2 = `0` && not (is_comb b && is_comb(rator b) &&
                                    rator(rator b) = `word_add:int64->int64->int64`)
                then CONV_RULE (RAND_CONV(LAND_CONV(REWRITE_CONV[WORD_ADD_0]))) sth
                else sth in
      let sth = if off = `0` && a = pc
                then CONV_RULE (LAND_CONV(LAND_CONV(LAND_CONV(REWRITE_CONV[WORD_ADD_0])))) sth
                else sth in
      let th = SPECL [w; m'] (MATCH_MP READ32_WRITE64_SEP sth) in
      TRANS th (FETCH_CONV asl (rand(concl th)))
  | _ ->
    (* a frame fact for mt? *)
    let frame = try Some(find (fun (_,th) -> match concl th with
        Comb(Const("!",_),Abs(x,Comb(Comb(Const("==>",_),_),
          Comb(Comb(Const("=",_),Comb(m,x')),_)))) -> m = mt
      | _ -> false) asl) with Failure _ -> None in
    match frame with
      Some(_,fth) ->
        let x, body = dest_forall(concl fth) in
        let cnd, eq = dest_imp body in
        let m0 = rator(rand eq) in
        let b = rand(rand(lhand(rand cnd))) and n = rand(rand cnd) in
        let facts = sep_facts asl in
        let sf = find (fun th -> match concl th with
            Comb(Comb(Comb(Comb(_,x),_),y),_) -> x = pc && y = b | _ -> false) facts in
        let l = el 1 (snd(strip_comb(concl sf))) in
        let th0 = ISPECL [pc; l; off; mt; m0; b; n] READ32_FRAME in
        let th1 = MP th0 (CONJ fth (CONJ sf (ARITH_SIDE asl (rand(rand(lhand(concl th0))))))) in
        let th1 = if a = pc then CONV_RULE (BINOP_CONV(LAND_CONV(REWRITE_CONV[WORD_ADD_0]))) th1
                  else th1 in
        TRANS th1 (FETCH_CONV asl (rand(concl th1)))
    | None ->
        let codeth = find (fun th -> match concl th with
            Comb(Comb(Comb(Const("code_at",_),m),p),_) -> m = mt && p = pc | _ -> false)
            (map snd asl) in
        let key = string_of_term(concl codeth) in
        let tbl = try Hashtbl.find bytes_cache key with Not_found ->
          let t = code_bytes (CONV_RULE (RAND_CONV (REWRITE_CONV (!code_defs))) codeth) in
          Hashtbl.add bytes_cache key t; t in
        let th = fetch_fact tbl pc (dest_small_numeral off) in
        if a = pc then CONV_RULE (LAND_CONV(LAND_CONV(REWRITE_CONV[WORD_ADD_0]))) th
        else th;;

let STATE_REGSORT_CONV =
  RATOR_CONV(RATOR_CONV(RATOR_CONV(RATOR_CONV
    (RATOR_CONV(RATOR_CONV(RATOR_CONV(RAND_CONV REGSORT_CONV)))))));;

(* One instruction: goal  eventually Q (Arm R SP PC M N Z C V)  becomes
   eventually Q (next state), a branch decided from the assumptions. *)
let ARM_STEP_TAC (asl,w) =
  let s = rand w in
  let args = snd(strip_comb s) in
  let pct = el 2 args and mt = el 3 args in
  let rd = list_mk_comb(`read32`, [pct; mt]) in
  let fetch = FETCH_CONV asl rd in
  let n = rand(rand(concl fetch)) in
  let vth = MP (ISPEC n VAL_WORD_NUMERAL32)
               (num_fact(mk_comb(mk_comb(`(<):num->num->bool`,n), `2 EXP 32`))) in
  let dth = DECODE_CONV (mk_comb(`decode`, n)) in
  let pcm = CONJ (REWRITE_CONV[arm_pc] (mk_comb(`arm_pc`,s)))
                 (REWRITE_CONV[arm_mem] (mk_comb(`arm_mem`,s))) in
  let dec = mk_comb(`decode`, mk_comb(`val:int32->num`,
              list_mk_comb(`read32`,[mk_comb(`arm_pc`,s); mk_comb(`arm_mem`,s)]))) in
  let dth' = (REWRITE_CONV[pcm] THENC ONCE_REWRITE_CONV[fetch] THENC
              ONCE_REWRITE_CONV[vth] THENC K dth) dec in
  let q = rand(rator w) in
  let step = MATCH_MP (ISPEC q EV_STEP) dth' in
  let net = loop_net asl in
  let ev = EVAL_CONV net in
  let rec settle tm =
    (* decide a conditional state; sort the registers of the result *)
    match tm with
      Comb(Comb(Comb(Const("COND",_),c),_),_) ->
        let cth = decide_cond asl c in
        (RATOR_CONV(RATOR_CONV(RAND_CONV(K cth))) THENC
         REWRITE_CONV[COND_CLAUSES] THENC settle) tm
    | _ -> (ev THENC STATE_REGSORT_CONV) tm in
  let eth = (ev THENC settle) (rand(lhand(concl step))) in
  (MATCH_MP_TAC step THEN CONV_TAC(RAND_CONV(K eth))) (asl,w);;

(* Run until the pc is word_add pc0 (word stop) (at least one step). *)
let ARM_RUN_TO_TAC stop =
  let target w off = match el 2 (snd(strip_comb(rand w))) with
      Comb(Comb(Const("word_add",_),_),Comb(Const("word",_),k)) -> k = off
    | _ -> off = `0` in
  let stop = mk_small_numeral stop in
  let rec go n (asl,w) =
    if n > 10000 then failwith "ARM_RUN_TO_TAC: no end" else
    (ARM_STEP_TAC THEN (fun (asl,w) ->
       if target w stop then ALL_TAC (asl,w) else go (n+1) (asl,w))) (asl,w) in
  fun (asl,w) ->
  go 0 (asl,w);;

(* ---- reads through stores, frames and per-word facts ---- *)

(* separate (word_add b1 (word o1)) k1 (word_add b2 (word o2)) k2: same base
   from a nowrap fact, otherwise from a separate fact. *)
let SEP_ANY asl b1 o1 k1 b2 o2 k2 =
  if b1 = b2 then
    let nw = tryfind (fun (_,th) -> match concl th with
        Comb(Comb(Const("nowrap",_),x),n) when x = b1 ->
          let th0 = ISPECL [b1; n; o1; k1; o2; k2] SEPARATE_SAME in
          let conds = conjuncts(lhand(concl th0)) in
          MP th0 (CONJ th (end_itlist CONJ (map (ARITH_SIDE asl) (tl conds))))
      | _ -> fail()) asl in nw
  else SEP_SUB asl b1 o1 k1 b2 o2 k2;;

let rec READ_THROUGH_CONV asl tm =
  match tm with
    Comb(Comb(Const("read64",_),(Comb(Comb(Const("word_add",_),
         Comb(Comb(Const("word_add",_),_),Comb(Const("word",_),_))),Comb(Const("word",_),_)) as a)),_) ->
      (* nested offsets: word_add (word_add b (word i)) (word j) = word_add b (word(i+j)) *)
      let th = LAND_CONV (REWR_CONV WORD_ADD_ASSOC_CONST) tm in
      TRANS th (READ_THROUGH_CONV asl (rand(concl th)))
  | Comb(Comb(Const("read64",_),a),mt) ->
      let b1, o1 = addr_split a in
      (match mt with
         Comb(Comb(Comb(Const("write64",_),b),w),m') ->
           if a = b then ISPECL [a; w; m'] READ64_WRITE64_SAME else
           let b2, o2 = addr_split b in
           let sth = SEP_ANY asl b1 o1 `8` b2 o2 `8` in
           let th = SPECL [w; m'] (MATCH_MP READ64_WRITE64_SEP sth) in
           TRANS th (READ_THROUGH_CONV asl (rand(concl th)))
       | _ ->
         (* per-word facts  !j. P j ==> read64 A mt = R *)
         let word_fact (_,th) =
           let j, body = dest_forall(concl th) in
           let p, eq = dest_imp body in
           let l = lhs eq in
           let i = term_match (subtract (frees l) [j]) l tm in
           let th1 = SPEC (instantiate i j) th in
           let th2 = MP th1 (ARITH_SIDE asl (lhand(concl th1))) in
           if lhs(concl th2) <> tm then fail() else th2 in
         let frame_fact (_,th) =
           match concl th with
             Comb(Const("!",_),Abs(x,Comb(Comb(Const("==>",_),cnd),
               Comb(Comb(Const("=",_),Comb(m,x')),Comb(m0,_))))) when m = mt ->
               let b = rand(rand(lhand(rand cnd))) and n = rand(rand cnd) in
               let sf = tryfind (fun sth -> match concl sth with
                   Comb(Comb(Comb(Comb(_,x),l),y),_) when x = b1 && y = b -> sth
                 | Comb(Comb(Comb(Comb(_,x),nn),y),l) when x = b && y = b1 ->
                     EQ_MP (ISPECL [x;nn;y;l] SEPARATE_SYM) sth
                 | _ -> fail()) (sep_facts asl) in
               let l = el 1 (snd(strip_comb(concl sf))) in
               let th0 = ISPECL [b1; l; o1; mt; m0; b; n] READ64_FRAME in
               MP th0 (CONJ th (CONJ sf (ARITH_SIDE asl (rand(rand(lhand(concl th0)))))))
           | _ -> fail() in
         (try tryfind word_fact (filter (fun (_,th) -> is_forall(concl th)) asl)
          with Failure _ -> tryfind frame_fact asl))
  | _ -> failwith "READ_THROUGH_CONV";;

(* Rewrite every read64 in the goal as far as the facts go. *)
let READS1_TAC (asl,w) =
  let rec reads t = match t with
      Comb(Comb(Const("read64",_),_),_) -> [t]
    | Comb(f,x) -> union (reads f) (reads x)
    | Abs(_,b) -> reads b
    | _ -> [] in
  let ths = mapfilter (fun t ->
      let th = READ_THROUGH_CONV asl t in
      if rand(concl th) = t then fail() else th) (reads w) in
  if ths = [] then failwith "READS1_TAC" else PURE_REWRITE_TAC ths (asl,w);;

let READS_TAC = REPEAT READS1_TAC;;

let REGUPD_SELF = prove
 (`!i (r:num->int64). regupd i (r i) r = r`,
  REWRITE_TAC[FUN_EQ_THM; regupd] THEN MESON_TAC[]);;

let REGUPD_CONG = prove
 (`!i a b (r:num->int64) r'. a = b /\ r = r' ==> regupd i a r = regupd i b r'`,
  SIMP_TAC[]);;

let REGUPD_ADD_R = prove
 (`!j b (r:num->int64) r'. r j = b /\ r = r' ==> r = regupd j b r'`,
  REPEAT STRIP_TAC THEN REPEAT(FIRST_X_ASSUM(SUBST_ALL_TAC o SYM)) THEN
  REWRITE_TAC[REGUPD_SELF]);;

let REGUPD_ADD_L = prove
 (`!i a (r:num->int64) r'. a = r' i /\ r = r' ==> regupd i a r = r'`,
  REPEAT STRIP_TAC THEN REPEAT(FIRST_X_ASSUM SUBST_ALL_TAC) THEN
  REWRITE_TAC[REGUPD_SELF]);;

let WORD_SUB_1_EQ = prove
 (`!a b. 1 <= a /\ b = a - 1 ==> word_sub (word a) (word 1):int64 = word b`,
  REPEAT STRIP_TAC THEN ASM_REWRITE_TAC[] THEN
  MP_TAC(ISPECL [`a:num`; `1`] (INST_TYPE [`:64`,`:N`] WORD_SUB)) THEN
  ASM_REWRITE_TAC[] THEN DISCH_THEN(ACCEPT_TAC o SYM));;

let WORD_SUB_VAL = prove
 (`!a b:int64 k. val b <= val a /\ k = val a - val b ==> word_sub a b = word k`,
  REPEAT STRIP_TAC THEN ASM_REWRITE_TAC[] THEN
  MP_TAC(ISPECL [`val(a:int64)`; `val(b:int64)`] (INST_TYPE [`:64`,`:N`] WORD_SUB)) THEN
  ASM_REWRITE_TAC[WORD_VAL] THEN DISCH_THEN(ACCEPT_TAC o SYM));;

let ARITH_SIDE_TAC (asl,w) = ACCEPT_TAC(ARITH_SIDE asl w) (asl,w);;

(* One register value: evaluate the update chain, then equal words. *)
let WORD_EQ_TAC (asl,w) =
  (REWRITE_TAC[regupd] THEN CONV_TAC NUM_REDUCE_CONV THEN
   REWRITE_TAC(reg_facts asl @ [SUB_0; MULT_CLAUSES; ADD_CLAUSES; WORD_ADD_0]) THEN
   FIRST [AP_TERM_TAC THEN ARITH_SIDE_TAC;
          MATCH_MP_TAC WORD_SUB_1_EQ THEN CONJ_TAC THEN ARITH_SIDE_TAC;
          MATCH_MP_TAC WORD_SUB_VAL THEN CONJ_TAC THEN ARITH_SIDE_TAC;
          REWRITE_TAC[WORD_VAL] THEN NO_TAC]) (asl,w);;

(* Two sorted register-update chains over R_ denote the same file. *)
let rec REGS_CHAIN_TAC (asl,w) =
  let l, r = dest_eq w in
  if l = r then REFL_TAC (asl,w) else
  let top t = match t with
      Comb(Comb(Comb(Const("regupd",_),i),_),_) -> dest_small_numeral i | _ -> 1000 in
  let il = top l and ir = top r in
  if il = 1000 && ir = 1000 then failwith "REGS_CHAIN_TAC: different bases"
  else
    let lem = if il = ir then REGUPD_CONG else if ir < il then REGUPD_ADD_R
              else REGUPD_ADD_L in
    (MATCH_MP_TAC lem THEN CONJ_TAC THENL [WORD_EQ_TAC; REGS_CHAIN_TAC]) (asl,w);;

let REGS_EQ_TAC =
  REWRITE_TAC[injectivity "armstate"] THEN REGS_CHAIN_TAC;;

(* Goal ?v1..vn. Arm ... = <pattern> /\ rest: pick the witnesses by matching
   the state components; an unmatched register witness a<n> is R_ n. *)
let INV_EXISTS_TAC (asl,w) =
  let vs, body = strip_exists w in
  let eq = fst(dest_conj body) in
  let l, r = dest_eq eq in
  let lcs = subtract (frees r) vs in
  let comps = zip (snd(strip_comb l)) (snd(strip_comb r)) in
  let rec chain t = match t with
      Comb(Comb(Comb(Const("regupd",_),i),a),r) -> (i,a) :: chain r
    | _ -> [] in
  let regpairs (a,b) =
    let ca = chain a in
    mapfilter (fun (i,vb) -> assoc i ca, vb) (chain b) in
  let insts = mapfilter (fun (a,b) -> term_match lcs b a)
                (comps @ flat (map regpairs comps)) in
  let wit v =
    try tryfind (fun i -> let t = instantiate i v in if t <> v then t else fail()) insts
    with Failure _ ->
    let nm = fst(dest_var v) in
    if String.length nm > 1 && nm.[0] = 'a' then
      mk_comb(`R_:num->int64`, mk_small_numeral(int_of_string(String.sub nm 1 (String.length nm - 1))))
    else failwith ("INV_EXISTS_TAC: no witness for " ^ nm) in
  let wits = map wit vs in
  (MAP_EVERY EXISTS_TAC wits THEN CONJ_TAC THENL [REFL_TAC ORELSE REGS_EQ_TAC; ALL_TAC]) (asl,w);;

(* Registers 18..30 untouched by a chain of updates of low registers. *)
let REGS_CALLEE_TAC =
  X_GEN_TAC `i:num` THEN DISCH_TAC THEN REWRITE_TAC[regupd] THEN
  REPEAT(COND_CASES_TAC THENL [ASM_ARITH_TAC; ALL_TAC]) THEN REFL_TAC;;

(* ---- proof skeleton for a routine with loops ---- *)

(* Destructure the precondition into an explicit initial state. *)
let ENSURES_INIT_TAC (asl,w) =
  (REWRITE_TAC[ENSURES_EVENTUALLY] THEN ONCE_REWRITE_TAC[FORALL_ARMSTATE'] THEN
  CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN
  REWRITE_TAC(!spec_defs @ [arm_pc; arm_regs; arm_mem; arm_sp]) THEN
  REPEAT GEN_TAC THEN STRIP_TAC THEN
  FIRST_X_ASSUM(fun th -> match concl th with
      Comb(Comb(Const("=",_),Var("PC_",_)),_) -> SUBST_ALL_TAC th
    | _ -> fail())) (asl,w);;

(* Apply the invariant rule: entry, exit, body. *)
let LOOP_DOWN_TAC inv n entry exit body (asl,w) =
  let q = rand(rator w) in
  let ld = ISPECL [inv; q] LOOP_DOWN in
  (MATCH_MP_TAC EV_TRANS THEN EXISTS_TAC (mk_comb(inv, n)) THEN CONJ_TAC THENL
    [entry;
     MP_TAC ld THEN ANTS_TAC THENL
      [CONJ_TAC THENL
        [GEN_TAC THEN CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN exit;
         REPEAT GEN_TAC THEN CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN body];
       DISCH_THEN(fun th -> ACCEPT_TAC(SPEC n th))]]) (asl,w);;

(* z = x \/ separate ...: split, and in the equal case write z for x. *)
let ALIAS_CASES_TAC z =
  REPEAT(FIRST_X_ASSUM(DISJ_CASES_TAC o check (fun th -> is_disj(concl th)))) THEN
  REPEAT(FIRST_X_ASSUM(fun th -> match concl th with
      Comb(Comb(Const("=",_),l),r) when l = z && is_var r && r <> z ->
        SUBST_ALL_TAC(SYM th)
    | _ -> fail()));;

(* The same with the iteration count i counting up to n (LOOP_UP). *)
let LOOP_UP_TAC inv n entry exit body (asl,w) =
  let q = rand(rator w) in
  let lu = ISPECL [inv; q; n] LOOP_UP in
  (MATCH_MP_TAC EV_TRANS THEN EXISTS_TAC (mk_comb(inv, `0`)) THEN CONJ_TAC THENL
    [entry;
     MP_TAC lu THEN ANTS_TAC THENL
      [CONJ_TAC THENL
        [REPEAT GEN_TAC THEN CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN body;
         GEN_TAC THEN CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN exit];
       DISCH_THEN(fun th -> X_GEN_TAC `t:armstate` THEN DISCH_TAC THEN
         MATCH_MP_TAC(SPECL [`0`; `t:armstate`] th) THEN ASM_REWRITE_TAC[LE_0])]]) (asl,w);;

let STRIP_STATE_TAC =
  DISCH_THEN(REPEAT_TCL CHOOSE_THEN STRIP_ASSUME_TAC) THEN
  FIRST_X_ASSUM(fun th -> match concl th with
      Comb(Comb(Const("=",_),Var("s",_)),_) -> SUBST_ALL_TAC th | _ -> fail());;

let AT_INV_TAC =
  MATCH_MP_TAC EV_NOW THEN CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN INV_EXISTS_TAC;;



(* ---- partial bignums ---- *)

let BIGNUM_AT_ADD1 = prove
 (`!(a:int64) i m. bignum_at a (i + 1) m =
     bignum_at a i m + 2 EXP (64 * i) * val(read64 (word_add a (word(8 * i))) m)`,
  REWRITE_TAC[GSYM ADD1; bignum_at]);;

(* Storing word i of a non-wrapping buffer extends its first i words. *)
let BIGNUM_AT_WRITE_TOP = prove
 (`!(z:int64) n i w m. nowrap z n /\ 8 * i + 8 <= n
     ==> bignum_at z (i + 1) (write64 (word_add z (word(8 * i))) w m) =
         bignum_at z i m + 2 EXP (64 * i) * val w`,
  REPEAT STRIP_TAC THEN REWRITE_TAC[GSYM ADD1; bignum_at; READ64_WRITE64_SAME] THEN
  AP_THM_TAC THEN AP_TERM_TAC THEN MATCH_MP_TAC BIGNUM_AT_READS THEN
  REPEAT STRIP_TAC THEN MATCH_MP_TAC READ64_WRITE64_OTHER THEN
  EXISTS_TAC `n:num` THEN ASM_REWRITE_TAC[] THEN ASM_ARITH_TAC);;

let BIGNUM_WRITE_TOP_TAC (asl,w) =
  let rec find_tm t = match t with
      Comb(Comb(Comb(Const("bignum_at",_),z),_),Comb(Comb(Comb(Const("write64",_),_),_),_)) -> t
    | Comb(f,x) -> (try find_tm f with Failure _ -> find_tm x)
    | _ -> failwith "BIGNUM_WRITE_TOP_TAC" in
  let t = find_tm w in
  let z = lhand(rator t) in
  let nw = find (fun (_,th) -> match concl th with
      Comb(Comb(Const("nowrap",_),x),_) -> x = z | _ -> false) asl in
  let th = PART_MATCH (lhs o rand) (ISPEC z BIGNUM_AT_WRITE_TOP) t in
  let n = rand(concl(snd nw)) in
  let th = INST [n, `n:num`] th in
  let side = lhand(concl th) in
  let th = MP th (CONJ (snd nw) (ARITH_SIDE asl (rand side))) in
  PURE_REWRITE_TAC[th] (asl,w);;

(* ---- arithmetic of a subtract-with-borrow chain ---- *)

let VAL64_NOT_ADD = prove
 (`!w:int64. val(word_not w) + val w = 18446744073709551615`,
  GEN_TAC THEN REWRITE_TAC[VAL64_NOT] THEN MP_TAC(ISPEC `w:int64` VAL64_BOUND) THEN
  CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

let BITVAL_NOT_ADD = prove
 (`!c. bitval(~c) + bitval c = 1`,
  GEN_TAC THEN BOOL_CASES_TAC `c:bool` THEN REWRITE_TAC[BITVAL_CLAUSES] THEN ARITH_TAC);;

(* Everything about the awc, word_not and bitval terms of the goal as
   equations (assumptions of an implication), for a ring normaliser. *)
let CARRY_FACTS_TAC (asl,w) =
  let rec subterms p t = (if p t then [t] else []) @
    (match t with Comb(f,x) -> union (subterms p f) (subterms p x)
                | Abs(_,b) -> subterms p b | _ -> []) in
  let awcs = setify(subterms (fun t -> match t with
      Comb(Comb(Comb(Const("awc",_),_),_),_) -> true | _ -> false) w) in
  let nots = setify(subterms (fun t -> match t with
      Comb(Const("word_not",_),_) -> true | _ -> false) w) in
  let nbits = setify(subterms (fun t -> match t with
      Comb(Const("bitval",_),Comb(Const("~",_),_)) -> true | _ -> false) w) in
  let facts = map (fun t -> let [a;b;c] = snd(strip_comb t) in ISPECL [a;b;c] AWC_EQ) awcs @
              map (fun t -> ISPEC (rand t) VAL64_NOT_ADD) nots @
              map (fun t -> ISPEC (rand(rand t)) BITVAL_NOT_ADD) nbits in
  MAP_EVERY MP_TAC facts (asl,w);;

(* Bounds  bignum_at a n m < 2 EXP (64 * n)  for every bignum in the goal,
   as antecedents. *)
let BIGNUM_BOUNDS_TAC (asl,w) =
  let rec bns t = match t with
      Comb(Comb(Comb(Const("bignum_at",_),_),_),_) -> [t]
    | Comb(f,x) -> union (bns f) (bns x)
    | Abs(_,b) -> bns b
    | _ -> [] in
  MAP_EVERY (fun t -> MP_TAC(PART_MATCH lhand BIGNUM_AT_BOUND t)) (bns w) (asl,w);;

(* ========================================================================= *)
(* Segments: Hoare-style triples over stretches of straight-line code and   *)
(* their composition, for routines too long to simulate in one go.         *)
(*                                                                           *)
(* A segment is an ordinary  ensures pre post  whose precondition fixes the  *)
(* PC at pc + a and whose postcondition puts it at pc + b, says what the     *)
(* segment may change (maychange: registers, SP as register 31, memory      *)
(* ranges) and states the values it produced, as bignum_at / read64 /       *)
(* register equations; the flags are never preserved. Segments are proved   *)
(* by the simulation of sim.ml stopped at pc + b (prove_sim) and composed   *)
(* forwards: runs is transitive (ENSURES_SEQ, RUNS_THEN), and facts about an *)
(* earlier state carry over to a later one through the frame lemmas         *)
(* (MAYCHANGE_REG, _BIGNUM, _READ64, _CODE), applied by FRAME_CONV.          *)
(* ========================================================================= *)

let RUNS_TRANS = prove
 (`!j k s t u. runs j s t /\ runs k t u ==> runs (j + k) s u`,
  INDUCT_TAC THEN REWRITE_TAC[runs; ADD_CLAUSES] THENL
   [MESON_TAC[]; ASM_MESON_TAC[]]);;

(* Sequencing rule. *)
let ENSURES_SEQ = prove
 (`!P Q R S T. ensures P Q /\ ensures R S /\
     (!s s1. P s /\ Q s s1 ==> R s1) /\
     (!s s1 s2. P s /\ Q s s1 /\ S s1 s2 ==> T s s2)
     ==> ensures P T`,
  REWRITE_TAC[ensures] THEN MESON_TAC[RUNS_TRANS]);;

(* The same, forwards: having run from s to s1, it remains to run on from s1. *)
let RUNS_THEN = prove
 (`!k s s1 (Q:armstate->bool). runs k s s1 /\ (?k' s'. runs k' s1 s' /\ Q s')
     ==> ?k' s'. runs k' s s' /\ Q s'`,
  MESON_TAC[RUNS_TRANS]);;

(* ---- what a segment may change ---- *)

(* x lies outside every range (a, n) of ms. *)
let outside = new_definition
 `outside (x:int64) (ms:(int64#num)list) <=>
    ALL (\r. ~(val(word_sub x (FST r)) < SND r)) ms`;;

(* Registers not in rs keep their values (SP too unless 31 is in rs), memory
   outside the ranges ms is unchanged; the flags may change. *)
let maychange = new_definition
 `maychange (rs:num list) (ms:(int64#num)list) s s' <=>
    (!i. ~(MEM i rs) ==> arm_regs s' i = arm_regs s i) /\
    (~(MEM 31 rs) ==> arm_sp s' = arm_sp s) /\
    (!x. outside x ms ==> arm_mem s' x = arm_mem s x)`;;

let ALL_SEPARATE_OUTSIDE = prove
 (`!ms p n i. ALL (\r. separate p n (FST r) (SND r)) ms /\ i < n
     ==> ALL (\r. ~(val(word_sub (word_add p (word i)) (FST r)) < SND r)) ms`,
  LIST_INDUCT_TAC THEN REWRITE_TAC[ALL] THEN CONV_TAC(DEPTH_CONV BETA_CONV) THEN
  REPEAT GEN_TAC THEN DISCH_THEN(REPEAT_TCL CONJUNCTS_THEN ASSUME_TAC) THEN CONJ_TAC THENL
   [MATCH_MP_TAC SEPARATE_NOT_IN THEN ASM_MESON_TAC[];
    FIRST_X_ASSUM MATCH_MP_TAC THEN EXISTS_TAC `n:num` THEN ASM_REWRITE_TAC[]]);;

let READN_LOCAL = prove
 (`!k (a:int64) m m'.
     (!i. i < k ==> m'(word_add a (word i)) = m(word_add a (word i)))
     ==> readn k a m' = readn k a m`,
  INDUCT_TAC THEN REWRITE_TAC[readn] THEN REPEAT STRIP_TAC THEN BINOP_TAC THENL
   [FIRST_X_ASSUM(MP_TAC o SPEC `0`) THEN REWRITE_TAC[WORD_ADD_0; LT_0] THEN
    DISCH_THEN SUBST1_TAC THEN REFL_TAC;
    AP_TERM_TAC THEN FIRST_X_ASSUM MATCH_MP_TAC THEN
    REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN REPEAT STRIP_TAC THEN
    FIRST_X_ASSUM MATCH_MP_TAC THEN ASM_ARITH_TAC]);;

let BIGNUM_AT_LOCAL = prove
 (`!n (a:int64) m m'.
     (!i. i < 8 * n ==> m'(word_add a (word i)) = m(word_add a (word i)))
     ==> bignum_at a n m' = bignum_at a n m`,
  INDUCT_TAC THEN REWRITE_TAC[bignum_at] THEN REPEAT STRIP_TAC THEN BINOP_TAC THENL
   [FIRST_X_ASSUM MATCH_MP_TAC THEN REPEAT STRIP_TAC THEN
    FIRST_X_ASSUM MATCH_MP_TAC THEN ASM_ARITH_TAC;
    AP_TERM_TAC THEN AP_TERM_TAC THEN REWRITE_TAC[read64] THEN AP_TERM_TAC THEN
    MATCH_MP_TAC READN_LOCAL THEN REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN
    REPEAT STRIP_TAC THEN FIRST_X_ASSUM MATCH_MP_TAC THEN ASM_ARITH_TAC]);;

let CODE_AT_LOCAL = prove
 (`!l (a:int64) m m'.
     (!i. i < LENGTH l ==> m'(word_add a (word i)) = m(word_add a (word i)))
     ==> (code_at m' a l <=> code_at m a l)`,
  LIST_INDUCT_TAC THEN REWRITE_TAC[code_at; LENGTH] THEN REPEAT STRIP_TAC THEN
  BINOP_TAC THENL
   [FIRST_X_ASSUM(MP_TAC o SPEC `0`) THEN REWRITE_TAC[WORD_ADD_0; LT_0] THEN
    DISCH_THEN SUBST1_TAC THEN REFL_TAC;
    FIRST_X_ASSUM MATCH_MP_TAC THEN REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN
    REPEAT STRIP_TAC THEN FIRST_X_ASSUM MATCH_MP_TAC THEN ASM_ARITH_TAC]);;

(* The frame rule, one lemma per kind of fact. *)
let MAYCHANGE_REG = prove
 (`!rs ms s s' i. maychange rs ms s s' /\ ~(MEM i rs)
     ==> arm_regs s' i = arm_regs s i`,
  SIMP_TAC[maychange]);;

let MAYCHANGE_SP = prove
 (`!rs ms s s'. maychange rs ms s s' /\ ~(MEM 31 rs) ==> arm_sp s' = arm_sp s`,
  SIMP_TAC[maychange]);;

let MAYCHANGE_BIGNUM = prove
 (`!rs ms s s' a n. maychange rs ms s s' /\
     ALL (\r. separate a (8 * n) (FST r) (SND r)) ms
     ==> bignum_at a n (arm_mem s') = bignum_at a n (arm_mem s)`,
  REWRITE_TAC[maychange; outside] THEN REPEAT STRIP_TAC THEN
  MATCH_MP_TAC BIGNUM_AT_LOCAL THEN REPEAT STRIP_TAC THEN
  FIRST_X_ASSUM MATCH_MP_TAC THEN MATCH_MP_TAC ALL_SEPARATE_OUTSIDE THEN
  EXISTS_TAC `8 * n` THEN ASM_REWRITE_TAC[]);;

let MAYCHANGE_READ64 = prove
 (`!rs ms s s' a. maychange rs ms s s' /\ ALL (\r. separate a 8 (FST r) (SND r)) ms
     ==> read64 a (arm_mem s') = read64 a (arm_mem s)`,
  REWRITE_TAC[maychange; outside; read64] THEN REPEAT STRIP_TAC THEN
  AP_TERM_TAC THEN MATCH_MP_TAC READN_LOCAL THEN REPEAT STRIP_TAC THEN
  FIRST_X_ASSUM MATCH_MP_TAC THEN MATCH_MP_TAC ALL_SEPARATE_OUTSIDE THEN
  EXISTS_TAC `8` THEN ASM_REWRITE_TAC[]);;

let MAYCHANGE_CODE = prove
 (`!rs ms s s' a l. maychange rs ms s s' /\
     ALL (\r. separate a (LENGTH l) (FST r) (SND r)) ms
     ==> (code_at (arm_mem s') a l <=> code_at (arm_mem s) a l)`,
  REWRITE_TAC[maychange; outside] THEN REPEAT STRIP_TAC THEN
  MATCH_MP_TAC CODE_AT_LOCAL THEN REPEAT STRIP_TAC THEN
  FIRST_X_ASSUM MATCH_MP_TAC THEN MATCH_MP_TAC ALL_SEPARATE_OUTSIDE THEN
  EXISTS_TAC `LENGTH(l:byte list)` THEN ASM_REWRITE_TAC[]);;

(* Two segments' changes compose into their union. *)
let MAYCHANGE_TRANS = prove
 (`!rs ms s s1 s2. maychange rs ms s s1 /\ maychange rs ms s1 s2
     ==> maychange rs ms s s2`,
  REWRITE_TAC[maychange] THEN MESON_TAC[]);;

(* ---- proving maychange at the end of a simulation ---- *)

let REGUPD_OTHER = prove
 (`!j a r i. ~(j = i) ==> regupd j (a:int64) r i = r i`,
  REWRITE_TAC[regupd] THEN MESON_TAC[]);;

let REGUPD_RESTORE = prove
 (`!j a r i. r j = (a:int64) ==> regupd j a r i = r i`,
  REWRITE_TAC[regupd] THEN MESON_TAC[]);;

let WRITE64_FRAME_OFF = prove
 (`!(a:int64) k n off w m x. k <= off /\ off + 8 <= k + n /\
     ~(val(word_sub x (word_add a (word k))) < n)
     ==> write64 (word_add a (word off)) w m x = m x`,
  REPEAT STRIP_TAC THEN
  SUBGOAL_THEN `word_add a (word off):int64 = word_add (word_add a (word k)) (word(off - k))`
  SUBST1_TAC THENL
   [REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN AP_TERM_TAC THEN AP_TERM_TAC THEN
    ASM_ARITH_TAC;
    MATCH_MP_TAC WRITE64_FRAME THEN EXISTS_TAC `n:num` THEN ASM_REWRITE_TAC[] THEN
    ASM_ARITH_TAC]);;

(* |- chain i = R i, for a register update chain over R (a variable), given
   ~(i = k) for the registers k the segment may change, and facts R j = a for
   the registers it wrote back unchanged. *)
let rec regs_unchanged neqs facts chain i =
  match chain with
    Comb(Comb(Comb(Const("regupd",_),j),a),r) ->
      let rest = regs_unchanged neqs facts r i in
      let step =
        try let ne = find (fun th -> concl th = mk_neg(mk_eq(i,j))) neqs in
            MP (ISPECL [j;a;r;i] REGUPD_OTHER) (GSYM ne)
        with Failure _ ->
          let rj = (REWRITE_CONV[regupd] THENC NUM_REDUCE_CONV THENC REWRITE_CONV[])
                     (mk_comb(r,j)) in
          let fact = try find (fun th -> concl th = mk_eq(rand(concl rj), a)) facts
            with Failure _ -> try
              (* the initial value was named: R j = t and a = t *)
              let f1 = find (fun th -> is_eq(concl th) && lhs(concl th) = rand(concl rj)) facts in
              let f2 = find (fun th -> concl th = mk_eq(a, rand(concl f1))) facts in
              TRANS f1 (SYM f2)
            with Failure _ -> failwith ("maychange: register " ^ string_of_term j ^
                                        " changed") in
          MP (ISPECL [j;a;r;i] REGUPD_RESTORE) (TRANS rj fact) in
      TRANS step rest
  | _ -> REFL (mk_comb(chain, i));;

(* Goal maychange rs ms (Arm R_ ...) (Arm chain ...) after a simulation. *)
let MAYCHANGE_TAC (asl,w) =
  let facts = map snd asl in
  let regs_tac =
    X_GEN_TAC `i:num` THEN REWRITE_TAC[MEM; DE_MORGAN_THM] THEN STRIP_TAC THEN
    (fun (asl,w) ->
       let neqs = map snd asl in
       let l = lhs w in
       ACCEPT_TAC (regs_unchanged neqs facts (rator l) (rand l)) (asl,w))
  and sp_tac = REWRITE_TAC[MEM] THEN CONV_TAC NUM_REDUCE_CONV THEN REWRITE_TAC[] in
  (REWRITE_TAC[maychange; arm_regs; arm_sp; arm_mem] THEN REPEAT CONJ_TAC THEN
   (fun (asl,w) ->
     if not(is_forall w) then sp_tac (asl,w)
     else if type_of(fst(dest_forall w)) = `:num` then regs_tac (asl,w) else
   (X_GEN_TAC `addr:int64` THEN
    REWRITE_TAC[outside; ALL] THEN CONV_TAC(DEPTH_CONV BETA_CONV) THEN
    REWRITE_TAC[FST; SND] THEN DISCH_THEN(MAP_EVERY ASSUME_TAC o CONJUNCTS) THEN
    REPEAT(W(fun (asl,w) ->
      let l = lhs w in
      match l with
        Comb(Comb(Comb(Comb(Const("write64",_),a),_),_),_) ->
          let b,off = addr_parts a in
          let nk = mk_small_numeral in
          let try_hyp (_,th) =
            match concl th with
              Comb(Const("~",_),Comb(Comb(Const("<",_),Comb(_,Comb(Comb(_,_),rb))),n))
                when is_numeral n ->
                let nn = dest_small_numeral n in
                let rbase, k = (try addr_parts rb with Failure _ -> rb, 0) in
                if rbase <> b || k > off || off + 8 > k + nn then fail() else
                let th0 = ISPECL [b; nk k; n; nk off] WRITE64_FRAME_OFF in
                let th0 = SPECL [rand(rator(rator l)); rand(rator l); rand l] th0 in
                let th1 = if is_comb rb && (try fst(dest_const(rator(rator rb))) = "word_add"
                                           with Failure _ -> false) then th
                          else (* plain base: word_add b (word 0) *)
                            CONV_RULE (RAND_CONV(LAND_CONV(RAND_CONV(RAND_CONV
                              (REWR_CONV WORD_ADD_0_SYM))))) th in
                let side = lhand(concl th0) in
                let sth = CONJ (num_fact(lhand side))
                               (CONJ (num_fact(lhand(rand side))) th1) in
                MP th0 sth
            | _ -> fail() in
          let eq = tryfind try_hyp asl in
          GEN_REWRITE_TAC LAND_CONV [eq]
      | _ -> failwith "done")) THEN REFL_TAC) (asl,w))) (asl,w);;

(* ---- carrying facts across segments (the frame rule, applied) ---- *)

(* |- separate a n b m for numerals n, m, by prove_separate on the canonical
   forms word_add base (word k) of a and b. *)
let SEPARATE_PROVE ctx tm =
  match tm with
    Comb(Comb(Comb(Comb(Const("separate",_),a),n),b),m) ->
      let tha = ADDR_CONV a and thb = ADDR_CONV b in
      let th = prove_separate ctx (rand(concl tha)) (dest_small_numeral n)
                 (rand(concl thb)) (dest_small_numeral m) in
      let th' = CONV_RULE (LAND_CONV(K(SYM thb))) th in
      CONV_RULE (RATOR_CONV(RATOR_CONV(RATOR_CONV(RAND_CONV(K(SYM tha)))))) th'
  | _ -> failwith "SEPARATE_PROVE";;

(* |- ALL (\r. separate a n (FST r) (SND r)) [(b1,m1); ...] *)
let ALL_SEPARATE_PROVE ctx tm =
  let th = (REWRITE_CONV[ALL] THENC DEPTH_CONV BETA_CONV THENC
            REWRITE_CONV[FST; SND] THENC NUM_REDUCE_CONV) tm in
  let r = rand(concl th) in
  if r = `T` then EQT_ELIM th else
  EQ_MP (SYM th) (end_itlist CONJ (map (SEPARATE_PROVE ctx) (conjuncts r)));;

let length_cache = Hashtbl.create 20;;
(* LENGTH of a code constant as a numeral, computed once per constant. *)
let LENGTH_CODE_CONV tm =
  match tm with
    Comb(Const("LENGTH",_),Const(c,_)) ->
      (try Hashtbl.find length_cache c with Not_found ->
        let th = (REWRITE_CONV(LENGTH :: !code_defs) THENC NUM_REDUCE_CONV) tm in
        Hashtbl.add length_cache c th; th)
  | _ -> failwith "LENGTH_CODE_CONV";;

(* A history of segments: (s_k, |- maychange rs ms s_{k-1} s_k), newest first.
   FRAME_CONV moves arm_regs s_k i, arm_sp s_k, bignum_at a n (arm_mem s_k),
   read64 a (arm_mem s_k) and code_at (arm_mem s_k) a l back to the earliest
   state since which they have not changed. *)
let FRAME_CONV ctx (hist:(term*thm) list) =
  let norm = LENGTH_CODE_CONV in
  let rec back tm =
    let st, mk = match tm with
        Comb(Comb(Const("arm_regs",_),s),i) -> s, (fun th ->
          let nm = EQT_ELIM((REWRITE_CONV[MEM] THENC NUM_REDUCE_CONV THENC REWRITE_CONV[])
                              (mk_neg(mk_comb(mk_comb(`MEM:num->num list->bool`, i),
                                              rand(rator(rator(rator(concl th))))))))
          in MATCH_MP MAYCHANGE_REG (CONJ th nm))
      | Comb(Const("arm_sp",_),s) -> s, (fun th ->
          let nm = EQT_ELIM((REWRITE_CONV[MEM] THENC NUM_REDUCE_CONV THENC REWRITE_CONV[])
                              (mk_neg(mk_comb(mk_comb(`MEM:num->num list->bool`, `31`),
                                              rand(rator(rator(rator(concl th))))))))
          in MATCH_MP MAYCHANGE_SP (CONJ th nm))
      | Comb(Comb(Comb(Const("bignum_at",_),a),n),Comb(Const("arm_mem",_),s)) -> s,
          (fun th ->
            let ms = rand(rator(rator(concl th))) in
            let n8 = rand(concl(NUM_REDUCE_CONV(mk_comb(mk_comb(`( * ):num->num->num`,`8`),n)))) in
            let sep = ALL_SEPARATE_PROVE ctx
              (mk_comb(mk_comb(`ALL:(int64#num->bool)->(int64#num)list->bool`,
                 mk_abs(`r:int64#num`, list_mk_comb(`separate`,
                   [a; n8; `FST(r:int64#num)`; `SND(r:int64#num)`]))), ms)) in
            let sep = CONV_RULE (RATOR_CONV(RAND_CONV(ABS_CONV(RATOR_CONV(RATOR_CONV
                        (RAND_CONV(K(SYM(NUM_REDUCE_CONV(mk_comb(mk_comb(`( * ):num->num->num`,`8`),n)))))))))))
                        sep in
            MATCH_MP MAYCHANGE_BIGNUM (CONJ th sep))
      | Comb(Comb(Const("read64",_),a),Comb(Const("arm_mem",_),s)) -> s,
          (fun th ->
            let ms = rand(rator(rator(concl th))) in
            let sep = ALL_SEPARATE_PROVE ctx
              (mk_comb(mk_comb(`ALL:(int64#num->bool)->(int64#num)list->bool`,
                 mk_abs(`r:int64#num`, list_mk_comb(`separate`,
                   [a; `8`; `FST(r:int64#num)`; `SND(r:int64#num)`]))), ms)) in
            MATCH_MP MAYCHANGE_READ64 (CONJ th sep))
      | Comb(Comb(Comb(Const("code_at",_),Comb(Const("arm_mem",_),s)),a),l) -> s,
          (fun th ->
            let ms = rand(rator(rator(concl th))) in
            let lth = norm (mk_comb(`LENGTH:byte list->num`, l)) in
            let sep = ALL_SEPARATE_PROVE ctx
              (mk_comb(mk_comb(`ALL:(int64#num->bool)->(int64#num)list->bool`,
                 mk_abs(`r:int64#num`, list_mk_comb(`separate`,
                   [a; rand(concl lth); `FST(r:int64#num)`; `SND(r:int64#num)`]))), ms)) in
            let sep = CONV_RULE (RATOR_CONV(RAND_CONV(ABS_CONV(RATOR_CONV(RATOR_CONV
                        (RAND_CONV(K(SYM lth)))))))) sep in
            MATCH_MP MAYCHANGE_CODE (CONJ th sep))
      | _ -> failwith "FRAME_CONV" in
    let th = try assoc st hist with Failure _ -> failwith "FRAME_CONV: first state" in
    let eq = try mk th with Failure _ -> failwith "FRAME_CONV: changed" in
    (try TRANS eq (back (rand(concl eq))) with Failure _ -> eq) in
  back;;

(* ---- closing a segment's postcondition after its simulation ---- *)

(* arm_pc / arm_sp / arm_regs s' i = t: evaluate the final state's component;
   t is then the same term or an abbreviation's right-hand side. *)
let STATE_EQ_TAC =
  REWRITE_TAC[arm_pc; arm_sp; arm_regs; arm_mem; regupd] THEN
  CONV_TAC NUM_REDUCE_CONV THEN REWRITE_TAC[] THEN
  FIRST [FIRST_ASSUM(fun th -> ACCEPT_TAC th ORELSE ACCEPT_TAC(SYM th));
         (* a value computed by a move (orr with xzr) *)
         W(fun (asl,w) -> let v = lhs w in
           REWRITE_TAC[snd(find (fun (_,th) -> is_eq(concl th) && lhs(concl th) = v) asl)])
         THEN REWRITE_TAC[WORD_OR_0; WORD_ADD_0] THEN NO_TAC];;

(* read64 a (arm_mem s') = t: read through the final state's stores. *)
let READ_EQ_TAC st =
  REWRITE_TAC[arm_regs; arm_mem] THEN CONV_TAC(LAND_CONV(EVAL_CONV st.net)) THEN
  REWRITE_TAC[] THEN FIRST_ASSUM(fun th -> ACCEPT_TAC th ORELSE ACCEPT_TAC(SYM th));;

(* Dispatch on each conjunct of a segment's postcondition. *)
let rec SEG_CLOSE_TAC st (asl,w) =
  if is_conj w then (CONJ_TAC THENL [SEG_CLOSE_TAC st; SEG_CLOSE_TAC st]) (asl,w) else
  let h = fst(strip_comb(if is_eq w then lhs w else w)) in
  (match h with
     Const(("arm_pc" | "arm_sp" | "arm_regs"),_) -> STATE_EQ_TAC
   | Const("maychange",_) -> MAYCHANGE_TAC
   | Const("bignum_at",_) -> BIGNUM_EQ_TAC st
   | Const("read64",_) -> READ_EQ_TAC st
   | _ -> REGS_FRAME_TAC) (asl,w);;

(* A segment: ensures from pc + a to pc + b (or to RET with Steps n). *)
let prove_segment (spec, stop) = prove_sim (spec, stop, SEG_CLOSE_TAC);;

(* ---- composing segments ---- *)

(* The separation facts among the assumptions, LENGTH of the code reduced to a
   numeral, plus the nowrap facts they imply. *)
let sep_context asl =
  let norm = CONV_RULE (ONCE_DEPTH_CONV LENGTH_CODE_CONV) in
  let ctx = map norm (mapfilter (fun th -> match concl th with
      Comb(Comb(Const("nowrap",_),_),_) -> th
    | Comb(Comb(Comb(Comb(Const("separate",_),_),_),_),_) -> th
    | _ -> fail()) (map snd asl)) in
  ctx @ flat (map (fun th -> match concl th with
      Comb(Comb(Comb(Comb(Const("separate",_),_),_),_),_) ->
        CONJUNCTS(MATCH_MP SEPARATE_NOWRAP th)
    | _ -> []) ctx);;

(* The maychange facts among the assumptions, as a history for FRAME_CONV. *)
let history asl =
  mapfilter (fun (_,th) -> match concl th with
      Comb(Comb(Comb(Comb(Const("maychange",_),_),_),_),s') -> (s', th)
    | _ -> fail()) asl;;

(* Carry facts forward: move every state component in the goal back to the
   state it was last changed in, rewrite with the assumptions, repeat. *)
let FRAME_TAC (asl,w) =
  let ctx = sep_context asl and hist = history asl in
  (ASM_REWRITE_TAC[] THEN
   REPEAT(CHANGED_TAC(CONV_TAC(ONCE_DEPTH_CONV(FRAME_CONV ctx hist))) THEN
          ASM_REWRITE_TAC[])) (asl,w);;

let MAYCHANGE_MEM = prove
 (`!rs ms s s' x. maychange rs ms s s' /\ outside x ms ==> arm_mem s' x = arm_mem s x`,
  SIMP_TAC[maychange]);;

(* A range inside a block that does not wrap: outside the block is outside it. *)
let OUTSIDE_SUB = prove
 (`!(a:int64) n k m x. nowrap a n /\ k + m <= n /\ ~(val(word_sub x a) < n)
     ==> ~(val(word_sub x (word_add a (word k))) < m)`,
  REPEAT GEN_TAC THEN ASM_CASES_TAC `m = 0` THEN ASM_REWRITE_TAC[LT] THEN
  REWRITE_TAC[nowrap] THEN STRIP_TAC THEN
  SUBGOAL_THEN `val(word_add a (word k):int64) = val a + k` ASSUME_TAC THENL
   [MATCH_MP_TAC VAL64_ADD_NOWRAP THEN ASM_ARITH_TAC; ALL_TAC] THEN
  UNDISCH_TAC `~(val(word_sub x a:int64) < n)` THEN
  ASM_REWRITE_TAC[VAL_WORD_SUB_CASES; DIMINDEX_64] THEN
  MP_TAC(ISPEC `x:int64` VAL64_BOUND) THEN MP_TAC(ISPEC `a:int64` VAL64_BOUND) THEN
  REPEAT COND_CASES_TAC THEN ASM_ARITH_TAC);;

(* |- ~(val(word_sub x b) < m) from the range facts rngs (~(val(word_sub x a)
   < n)), b = a or b = word_add a (word k) inside [a, a+n) (nowrap a n). *)
let OUTSIDE_LE = prove
 (`!v n m. ~(v < n) /\ m <= n ==> ~(v < m)`, ARITH_TAC);;

let outside_fact ctx rngs tm =
  try find (fun th -> concl th = tm) rngs with Failure _ ->
  let x, b, m = match tm with
      Comb(Const("~",_),Comb(Comb(Const("<",_),Comb(_,Comb(Comb(_,x),b))),m)) -> x,b,m
    | _ -> failwith "outside_fact" in
  try tryfind (fun th -> match concl th with
      Comb(Const("~",_),Comb(Comb(Const("<",_),(Comb(_,Comb(Comb(_,x'),b')) as v)),n))
        when x' = x && b' = b ->
        MP (ISPECL [v; n; m] OUTSIDE_LE)
           (CONJ th (num_fact(mk_comb(mk_comb(`(<=):num->num->bool`, m), n))))
    | _ -> fail()) rngs
  with Failure _ ->
  let a, k = addr_parts b in
  tryfind (fun th -> match concl th with
      Comb(Const("~",_),Comb(Comb(Const("<",_),Comb(_,Comb(Comb(_,x'),a'))),n))
        when x' = x && a' = a ->
        let nw = find (fun f -> concl f = mk_comb(mk_comb(`nowrap`, a), n)) ctx in
        let th0 = ISPECL [a; n; mk_small_numeral k; m; x] OUTSIDE_SUB in
        let le = num_fact(mk_comb(mk_comb(`(<=):num->num->bool`,
                   mk_comb(mk_comb(`(+):num->num->num`, mk_small_numeral k), m)), n)) in
        MP th0 (CONJ nw (CONJ le th))
    | _ -> fail()) rngs;;

(* Goal !x. ranges ==> arm_mem sF x = arm_mem s0 x: walk back from sF through
   the memory frames among the assumptions (maychange facts, or
   !x. C ==> arm_mem s' x = arm_mem s x from an unfolded returns_with_frame). *)
let MEM_FRAME_TAC (asl,w) =
  let ctx = sep_context asl in
  (X_GEN_TAC `x_:int64` THEN DISCH_THEN(fun rth (asl,w) ->
     let rngs = CONJUNCTS rth in
     let prove_cond c =
       let th = (REWRITE_CONV[outside; ALL] THENC DEPTH_CONV BETA_CONV THENC
                 REWRITE_CONV[FST; SND]) c in
       let r = rand(concl th) in
       if r = `T` then EQT_ELIM th else
       EQ_MP (SYM th) (end_itlist CONJ (map (outside_fact ctx rngs) (conjuncts r))) in
     let rec chain tm =
       let s = rand(rator tm) in
       try let eqth = tryfind (fun (_,th) -> match concl th with
             Comb(Comb(Comb(Comb(Const("maychange",_),_),ms),_),s1) when s1 = s ->
               MATCH_MP MAYCHANGE_MEM
                 (CONJ th (prove_cond (mk_comb(mk_comb(`outside`,`x_:int64`),ms))))
           | Comb(Const("!",_),Abs(v,Comb(Comb(Const("==>",_),c),
               Comb(Comb(Const("=",_),Comb(Comb(Const("arm_mem",_),s1),_)),_))))
               when s1 = s ->
               let th' = SPEC `x_:int64` th in MP th' (prove_cond (lhand(concl th')))
           | _ -> fail()) asl in
         TRANS eqth (chain (rand(concl eqth)))
       with Failure _ -> REFL tm in
     let th = chain (lhs w) in
     if rand(concl th) = rand w then ACCEPT_TAC th (asl,w)
     else failwith "MEM_FRAME_TAC")) (asl,w);;

(* Goal !i. 18 <= i /\ i <= 30 ==> arm_regs sF i = arm_regs s0 i. *)
let REGS_RANGE_TAC =
  X_GEN_TAC `i:num` THEN DISCH_TAC THEN
  (fun (asl,w) ->
     let rng = snd(hd asl) in
     MAP_EVERY (fun (_,th) -> try ASSUME_TAC(MP (SPEC `i:num` th) rng)
                              with Failure _ -> ALL_TAC) asl (asl,w)) THEN
  FIRST_X_ASSUM(fun th -> if concl th = `18 <= i /\ i <= 30` then
    REPEAT_TCL DISJ_CASES_THEN SUBST_ALL_TAC (MP CALLEE_SAVED_CASES th) else fail()) THEN
  FRAME_TAC;;

(* Unfold the returns_with_frame* assumptions into their conjuncts. *)
let UNFOLD_FRAMES_TAC g =
  REPEAT(FIRST_X_ASSUM(fun th ->
    match fst(strip_comb(concl th)) with
      Const(c,_) when String.length c >= 18 && String.sub c 0 18 = "returns_with_frame" ->
        STRIP_ASSUME_TAC(REWRITE_RULE(!frame_defs) th)
    | _ -> fail())) g;;

(* A returns_with_frame* goal for the composite, from the segments' facts. *)
let RETURNS_TAC g =
 (UNFOLD_FRAMES_TAC THEN REWRITE_TAC(!frame_defs) THEN REPEAT CONJ_TAC THEN
  (fun (asl,w) ->
     if is_forall w then
       (if type_of(fst(dest_forall w)) = `:num` then REGS_RANGE_TAC else MEM_FRAME_TAC)
         (asl,w)
     else FRAME_TAC (asl,w))) g;;

(* ensures P T from segment theorems th1 (ensures P Q) and th2 (ensures R S),
   both already instantiated: the midpoint R from P and Q by FRAME_TAC, the
   final postcondition T by fin_tac. *)
let SEQ_TAC th1 th2 fin_tac =
  MATCH_MP_TAC ENSURES_SEQ THEN
  MAP_EVERY EXISTS_TAC [rand(concl th1); lhand(concl th2); rand(concl th2)] THEN
  REWRITE_TAC[th1; th2] THEN CONJ_TAC THENL
   [CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN REPEAT GEN_TAC THEN STRIP_TAC THEN
    REPEAT CONJ_TAC THEN FRAME_TAC;
    CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN REPEAT GEN_TAC THEN STRIP_TAC THEN
    fin_tac];;

(* ---- composing forwards ---- *)

(* Pure facts (nowrap, separate) from the context; anything else by FRAME_TAC. *)
let PRE_FACT_TAC (asl,w) =
  let ctx = sep_context asl in
  let norm = ONCE_DEPTH_CONV LENGTH_CODE_CONV in
  match w with
    Comb(Comb(Const("nowrap",_),_),_)
  | Comb(Comb(Comb(Comb(Const("separate",_),_),_),_),_) ->
      (try FIRST_ASSUM ACCEPT_TAC (asl,w) with Failure _ ->
       let nth = norm w in
       let w' = rand(concl nth) in
       let th = try find (fun th -> concl th = w') ctx
                with Failure _ -> SEPARATE_PROVE ctx w' in
       ACCEPT_TAC (EQ_MP (SYM nth) th) (asl,w))
  | _ -> FRAME_TAC (asl,w);;

let seg_state_count = ref 0;;

(* Goal ?k s'. runs k s s' /\ POST s'. Given th: ensures P Q (instantiated),
   proves P s from the assumptions, runs the segment to a fresh state s_n
   whose facts Q s s_n become assumptions, and leaves ?k s'. runs k s_n s' /\
   POST s'. *)
let SEG_STEP_TAC th (asl,w) =
  let kb, b1 = dest_exists w in
  let sb, b2 = dest_exists b1 in
  let s_cur = rand(rator(lhand b2)) in
  let post = rand b2 in
  let th1 = CONV_RULE (TOP_DEPTH_CONV BETA_CONV)
              (SPEC s_cur (REWRITE_RULE[ensures] th)) in
  let pre = lhand(concl th1) in
  let prove_one c =
    try TAC_PROOF((asl, c), PRE_FACT_TAC) with Failure m ->
      let left = try (match FRAME_TAC (asl,c) with
          (_,(_,g)::_,_) -> string_of_term g | _ -> "?") with Failure _ -> "?" in
      failwith ("SEG_STEP_TAC: precondition at " ^ string_of_term s_cur ^ ": " ^
                string_of_term c ^ " (left: " ^ left ^ ")") in
  let t0 = Unix.gettimeofday() in
  let pth = end_itlist CONJ (map prove_one (conjuncts pre)) in
  Printf.printf "  segment from %s: precondition %.1fs\n%!" (string_of_term s_cur)
    (Unix.gettimeofday() -. t0);
  let ex = MP th1 pth in
  incr seg_state_count;
  let n = string_of_int !seg_state_count in
  let sv = mk_var("s" ^ n, `:armstate`) and kv = mk_var("k" ^ n, `:num`) in
  let lem = CONV_RULE (DEPTH_CONV BETA_CONV)
              (ISPECL [kv; s_cur; sv; mk_abs(sb, post)] RUNS_THEN) in
  let goal' = rand(lhand(concl lem)) in
  (X_CHOOSE_THEN kv (X_CHOOSE_THEN sv (fun th2 ->
     let rth = CONJUNCT1 th2 in
     STRIP_ASSUME_TAC (CONJUNCT2 th2) THEN
     SUBGOAL_THEN goal' (fun g' -> ACCEPT_TAC (MP lem (CONJ rth g'))))) ex) (asl,w);;

(* The end: no more segments, the postcondition of the final state. *)
let SEG_DONE_TAC post_tac (asl,w) =
  let kb, b1 = dest_exists w in
  let sb, b2 = dest_exists b1 in
  let s_cur = rand(rator(lhand b2)) in
  (EXISTS_TAC `0` THEN EXISTS_TAC s_cur THEN REWRITE_TAC[RUNS_0] THEN post_tac) (asl,w);;

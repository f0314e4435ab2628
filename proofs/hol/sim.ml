(* ========================================================================= *)
(* Symbolic simulation of straight-line code and the arithmetic closing     *)
(* procedure. Nothing here is trusted: every step produces a theorem.       *)
(*                                                                           *)
(* The state during simulation is an explicit Arm term whose components are *)
(* variables: each computed value is abbreviated by a fresh variable v with *)
(* the hypothesis v = t; at the end the hypotheses are eliminated by         *)
(* instantiating v := t (the conclusion never mentions v).                   *)
(* ========================================================================= *)

let sim_trace = ref false;;
let code_defs = ref ([]:thm list);;
let spec_defs = ref ([]:thm list);;   (* contracts, unfolded in postconditions *)

(* ---- extra lemmas used by the engine ---- *)

let WORD_ADD_LZERO = prove
 (`!x:int64. word_add (word 0) x = x`,
  REWRITE_TAC[WORD_ADD_0]);;

let WORD_ADD_0_SYM = prove
 (`!a:int64. a = word_add a (word 0)`,
  REWRITE_TAC[WORD_ADD_0]);;

let WORD_SHL_ZERO64 = prove
 (`!x:int64. word_shl x 0 = x`,
  REWRITE_TAC[WORD_SHL_ZERO]);;

let REGUPD_SWAP = prove
 (`!i j a b r. ~(i = j) ==> regupd i a (regupd j b r) = regupd j b (regupd i a r)`,
  REPEAT STRIP_TAC THEN REWRITE_TAC[FUN_EQ_THM; regupd] THEN
  GEN_TAC THEN REPEAT COND_CASES_TAC THEN ASM_MESON_TAC[]);;

let REGUPD_SAME = prove
 (`!i a b r. regupd i a (regupd i b r) = regupd i a r`,
  REWRITE_TAC[FUN_EQ_THM; regupd] THEN MESON_TAC[]);;

let REGUPD_ID = prove
 (`!i r w. r i = w ==> r = regupd i w r`,
  REWRITE_TAC[FUN_EQ_THM; regupd] THEN MESON_TAC[]);;

let ARM_STEP_I = prove
 (`!s f. decode (val(read32 (arm_pc s) (arm_mem s))) = SOME f ==> arm_step s (f s)`,
  REWRITE_TAC[arm_step] THEN MESON_TAC[]);;

let RUNS_SNOC = prove
 (`!k s t u. runs k s t /\ arm_step t u ==> runs (SUC k) s u`,
  INDUCT_TAC THEN ONCE_REWRITE_TAC[runs] THENL
   [MESON_TAC[runs]; ALL_TAC] THEN
  REPEAT STRIP_TAC THEN EXISTS_TAC `t':armstate` THEN ASM_REWRITE_TAC[] THEN
  FIRST_X_ASSUM MATCH_MP_TAC THEN EXISTS_TAC `t:armstate` THEN ASM_REWRITE_TAC[]);;

let RUNS_0 = prove
 (`!s. runs 0 s s`, REWRITE_TAC[runs]);;

let VAL_WORD_NUMERAL32 = prove
 (`!n. n < 2 EXP 32 ==> val(word n:int32) = n`,
  SIMP_TAC[VAL_WORD; DIMINDEX_32; MOD_LT]);;

let FORALL_ARMSTATE = prove
 (`!P. (!s. P s) <=> (!r sp pc m n z c v. P (Arm r sp pc m n z c v))`,
  GEN_TAC THEN EQ_TAC THENL [SIMP_TAC[]; ALL_TAC] THEN
  DISCH_TAC THEN MATCH_MP_TAC armstate_INDUCT THEN ASM_REWRITE_TAC[]);;

let SEPARATE_NOWRAP = prove
 (`!(a:int64) n b m. separate a n b m ==> nowrap a n /\ nowrap b m`,
  SIMP_TAC[separate; nowrap]);;

let FINISH_LEMMA = prove
 (`!N l r e. (&l - &r:int = &N * e) /\ l < N /\ r < N ==> l = r`,
  REPEAT STRIP_TAC THEN
  RULE_ASSUM_TAC(REWRITE_RULE[GSYM INT_OF_NUM_LT]) THEN
  REWRITE_TAC[GSYM INT_OF_NUM_EQ] THEN
  DISJ_CASES_TAC(INT_ARITH `e:int = &0 \/ &1 <= e \/ e <= -- &1`) THENL
   [UNDISCH_TAC `&l - &r:int = &N * e` THEN ASM_REWRITE_TAC[INT_MUL_RZERO] THEN
    INT_ARITH_TAC;
    ALL_TAC] THEN
  SUBGOAL_THEN `&0:int <= &N` ASSUME_TAC THENL [REWRITE_TAC[INT_POS]; ALL_TAC] THEN
  FIRST_X_ASSUM DISJ_CASES_TAC THENL
   [MP_TAC(ISPECL [`&N:int`; `&1:int`; `e:int`] INT_LE_LMUL);
    MP_TAC(ISPECL [`&N:int`; `e:int`; `-- &1:int`] INT_LE_LMUL)] THEN
  ASM_REWRITE_TAC[] THEN
  MP_TAC(SPEC `l:num` INT_POS) THEN MP_TAC(SPEC `r:num` INT_POS) THEN
  REPEAT(POP_ASSUM MP_TAC) THEN INT_ARITH_TAC);;

(* ---- term utilities ---- *)

let fresh_count = ref 0;;
let fresh_var pfx ty = incr fresh_count; mk_var(pfx ^ string_of_int(!fresh_count), ty);;

let is_word_numeral tm =
  match tm with Comb(Const("word",_),n) -> is_numeral n | _ -> false;;

(* Canonical addresses: word_add base (word k). *)
let rec ADDR_CONV tm =
  match tm with
    Comb(Comb(Const("word_add",_),Comb(Comb(Const("word_add",_),_),i)),j)
      when is_word_numeral i && is_word_numeral j ->
      (REWR_CONV WORD_ADD_ASSOC_CONST THENC RAND_CONV(RAND_CONV NUM_ADD_CONV) THENC
       ADDR_CONV) tm
  | Comb(Comb(Const("word_add",_),_),j) when is_word_numeral j ->
      if dest_numeral (rand j) >=/ Num.power_num (Int 2) (Int 64)
      then failwith "ADDR_CONV: offset wraps" else REFL tm
  | _ -> REWR_CONV WORD_ADD_0_SYM tm;;

let addr_parts tm =
  match tm with
    Comb(Comb(Const("word_add",_),b),Comb(Const("word",_),k)) when is_numeral k ->
      b, dest_small_numeral k
  | _ -> failwith "addr_parts";;

(* ---- separation: from context facts nowrap b n / separate b n c m ---- *)

let sep_cache = Hashtbl.create 1000;;

let num_fact tm = EQT_ELIM(NUM_REDUCE_CONV tm);;

let prove_separate ctx a k b m =
  let key = string_of_term (list_mk_comb(`separate`,
              [a; mk_small_numeral k; b; mk_small_numeral m])) in
  try Hashtbl.find sep_cache key with Not_found ->
  let ba,oa = addr_parts a and bb,ob = addr_parts b in
  let nk = mk_small_numeral in
  let th =
    if ba = bb then
      let nw = find (fun th -> match concl th with
          Comb(Comb(Const("nowrap",_),x),n) ->
            x = ba && let n = dest_small_numeral n in oa + k <= n && ob + m <= n
        | _ -> false) ctx in
      let n = rand(concl nw) in
      let th0 = ISPECL [ba; n; nk oa; nk k; nk ob; nk m] SEPARATE_SAME in
      let side = lhand(concl th0) in
      let sth = CONJ nw (EQT_ELIM((NUM_REDUCE_CONV THENC REWRITE_CONV[]) (rand side))) in
      MP th0 sth
    else
      let try_fact th =
        match concl th with
          Comb(Comb(Comb(Comb(Const("separate",_),x),n),y),n') ->
            if x = ba && y = bb then th
            else if x = bb && y = ba then
              EQ_MP (ISPECL [x; n; y; n'] SEPARATE_SYM) th
            else failwith ""
        | _ -> failwith "" in
      let cands = mapfilter try_fact ctx in
      let ok th = match concl th with
          Comb(Comb(Comb(Comb(_,_),n),_),n') ->
            oa + k <= dest_small_numeral n && ob + m <= dest_small_numeral n'
        | _ -> false in
      let sf = try find ok cands with Failure _ ->
        failwith ("prove_separate: no fact for " ^ string_of_term a ^ " / " ^
                  string_of_term b) in
      let [n;n'] = match concl sf with
          Comb(Comb(Comb(Comb(_,_),n),_),n') -> [n;n'] | _ -> fail() in
      let th0 = ISPECL [ba; n; bb; n'; nk oa; nk k; nk ob; nk m] SEPARATE_SUB in
      MP th0 (CONJ sf (EQT_ELIM((NUM_REDUCE_CONV THENC REWRITE_CONV[])
                                  (rand(lhand(concl th0)))))) in
  Hashtbl.add sep_cache key th; th;;

(* read64/read32 through a chain of write64s. *)
let READ_CONV ctx tm =
  match tm with
    Comb(Comb(Const(rd,_),a),Comb(Comb(Comb(Const("write64",_),b),_),_))
      when rd = "read64" || rd = "read32" ->
      if rd = "read64" && a = b then ISPECL [a; rand(rator(rand tm)); rand(rand tm)]
                                    READ64_WRITE64_SAME |> fun th -> th
      else
        let k = if rd = "read64" then 8 else 4 in
        let sth = prove_separate ctx a k b 8 in
        let lem = if rd = "read64" then READ64_WRITE64_SEP else READ32_WRITE64_SEP in
        let th = MATCH_MP lem sth in
        let w = rand(rator(rand tm)) and m = rand(rand tm) in
        ISPECL [w; m] th
  | _ -> failwith "READ_CONV";;

(* ---- evaluation of one instruction's semantics on an explicit state ---- *)

let sem_defs = [sem_addsub; sem_adc; sem_addsubi; sem_madd; sem_umulh; sem_logic;
  sem_csel; sem_lsl; sem_lsr; sem_extr; sem_ldp; sem_stp; sem_ldr; sem_str;
  sem_ret; sem_b; sem_bcond; sem_cbz; sem_nop; sem_asr; sem_ldrr; sem_strr];;

let eval_thms = sem_defs @ [rx; rxsp; wx; wxsp; setflags; nextpc; setpc; ld64; st64;
  flagc; curpc; condholds; shiftop; regupd; COND_CLAUSES; WORD_ADD_LZERO;
  WORD_SHL_ZERO64; NOT_CLAUSES; AND_CLAUSES; OR_CLAUSES; EQ_CLAUSES; IMP_CLAUSES];;

let num_red_pats = [`m + n:num`; `m * n:num`; `m - n:num`; `m = n:num`; `m < n:num`;
  `m <= n:num`; `m DIV n`; `m MOD n`; `m EXP n`; `ODD n`; `EVEN n`];;

(* ---- stack frame (psqr) ----
   A routine that saves registers below SP has its frame in the statement as
   a block at base word_sub sp (word n) with separate facts (see
   bignum_sqr_8_16 in aarch64/statements.ml; the driver substitutes SP_ = sp).
   SP-relative addresses sp - k = word_add sp (word (2^64 - k)) are rewritten
   onto that base, word_add (word_sub sp (word n)) (word (n - k)), so that
   frame stores and loads are separated by the frame's facts like any buffer;
   word_add (word_sub sp (word n)) (word n) (SP after the epilogue) becomes sp
   again. Addresses on a frame base count as simple (never abbreviated), so
   SP after a pre-index writeback stays on the base. Each rewrite is an
   instance of FRAME_ADDR or FRAME_TOP, cached. Frame facts are registered by the post-
   condition through frame_defs (returns_with_frame2). *)
let frame_cache = Hashtbl.create 50;;

let is_frame_base b = match b with
    Comb(Comb(Const("word_sub",_),v),Comb(Const("word",_),n)) -> is_var v && is_numeral n
  | _ -> false;;

(* The frame bases word_sub b (word n) mentioned by separate/nowrap facts. *)
let frame_bases ctx =
  let args th = match concl th with
      Comb(Comb(Comb(Comb(Const("separate",_),a),_),b),_) -> [a; b]
    | Comb(Comb(Const("nowrap",_),a),_) -> [a]
    | _ -> [] in
  setify (filter is_frame_base (flat (map args ctx)));;

let FRAME_ADDR = prove
 (`!b n k j. k + n = j + 2 EXP 64
     ==> word_add (b:int64) (word k) = word_add (word_sub b (word n)) (word j)`,
  REPEAT STRIP_TAC THEN
  SUBGOAL_THEN `word j:int64 = word_add (word k) (word n)` SUBST1_TAC THENL
   [ASM_REWRITE_TAC[GSYM WORD_ADD] THEN ONCE_REWRITE_TAC[GSYM VAL_EQ] THEN
    REWRITE_TAC[VAL_WORD; DIMINDEX_64] THEN
    ONCE_REWRITE_TAC[ARITH_RULE `j + n = 1 * n + j`] THEN REWRITE_TAC[MOD_MULT_ADD];
    W(fun (_,w) -> ACCEPT_TAC(WORD_RULE w))]);;

let FRAME_TOP = WORD_RULE `!b n. word_add (word_sub b (word n)) (word n):int64 = b`;;

let FRAME_ADDR_CONV bases tm =
  let two64 = Num.power_num (Int 2) (Int 64) in
  let cached key f =
    try Hashtbl.find frame_cache key with Not_found ->
      let th = f () in Hashtbl.add frame_cache key th; th in
  match tm with
    Comb(Comb(Const("word_add",_),b),Comb(Const("word",_),kt)) when is_numeral kt ->
      let k = dest_numeral kt in
      let key = string_of_term tm in
      if is_frame_base b && mem b bases && dest_numeral(rand(rand b)) =/ k then
        cached key (fun () -> ISPECL [rand(rator b); kt] FRAME_TOP)
      else if k </ Num.power_num (Int 2) (Int 63) then failwith "FRAME_ADDR_CONV"
      else
        let fb = find (fun f -> rand(rator f) = b &&
                                dest_numeral(rand(rand f)) +/ k >=/ two64) bases in
        let nt = rand(rand fb) in
        let j = mk_numeral(k +/ dest_numeral nt -/ two64) in
        cached key (fun () ->
          let th = ISPECL [b; nt; kt; j] FRAME_ADDR in
          MP th (EQT_ELIM(NUM_REDUCE_CONV(lhand(concl th)))))
  | _ -> failwith "FRAME_ADDR_CONV";;

let eval_net ctx =
  let net = itlist (net_of_thm false) (itlist (mk_rewrites false) eval_thms []) empty_net in
  let net = itlist (fun p -> net_of_conv p NUM_RED_CONV) num_red_pats net in
  let net = net_of_conv `word_add (word_add a (word i)) (word j):int64`
              ADDR_CONV net in
  let bases = frame_bases ctx in
  let net = if bases = [] then net else
              net_of_conv `word_add (b:int64) (word k)` (FRAME_ADDR_CONV bases) net in
  let net = net_of_conv `read64 a (write64 b w m)` (READ_CONV ctx) net in
  net_of_conv `read32 a (write64 b w m)` (READ_CONV ctx) net;;

let EVAL_CONV net = TOP_DEPTH_CONV (REWRITES_CONV net ORELSEC BETA_CONV);;

(* Sort the register-update chain by register number, dropping shadowed ones. *)
let rec REGSORT_CONV tm =
  match tm with
    Comb(Comb(Comb(Const("regupd",_),i),a),r) ->
      let th1 = RAND_CONV REGSORT_CONV tm in
      let tm1 = rand(concl th1) in
      (match rand tm1 with
         Comb(Comb(Comb(Const("regupd",_),j),b),r') ->
           let ni = dest_small_numeral i and nj = dest_small_numeral j in
           if ni < nj then th1
           else if ni = nj then TRANS th1 (ISPECL [i;a;b;r'] REGUPD_SAME)
           else
             let ne = EQF_ELIM(NUM_EQ_CONV(mk_eq(i,j))) in
             let th2 = MP (ISPECL [i;j;a;b;r'] REGUPD_SWAP) ne in
             TRANS th1 (TRANS th2 (RAND_CONV REGSORT_CONV (rand(concl th2))))
       | _ -> th1)
  | _ -> REFL tm;;

(* ---- decoding (cached per instruction word) ---- *)

let decode_cache = Hashtbl.create 100;;

let rec COND_WALK tm =
  if is_cond tm then
    let th1 = RATOR_CONV(RATOR_CONV(RAND_CONV
                (REWRITE_CONV[bf] THENC NUM_REDUCE_CONV THENC REWRITE_CONV[]))) tm in
    let tm1 = rand(concl th1) in
    let th2 = TRANS th1 ((REWR_CONV (CONJUNCT1(SPEC_ALL COND_CLAUSES)) ORELSEC
                          REWR_CONV (CONJUNCT2(SPEC_ALL COND_CLAUSES))) tm1) in
    TRANS th2 (COND_WALK(rand(concl th2)))
  else (REWRITE_CONV[bf; simm7x8; boff] THENC NUM_REDUCE_CONV THENC
        REWRITE_CONV[COND_CLAUSES]) tm;;

let DECODE_CONV tm =
  (* tm = decode <numeral> *)
  try Hashtbl.find decode_cache (string_of_term tm) with Not_found ->
  let th = (REWR_CONV decode THENC COND_WALK) tm in
  let r = rand(concl th) in
  if not (is_comb r && fst(dest_const(rator r)) = "SOME") then
    failwith ("DECODE_CONV: unknown instruction word " ^ string_of_term(rand tm));
  Hashtbl.add decode_cache (string_of_term tm) th; th;;

(* ---- code in memory: per-offset byte facts from code_at ---- *)

(* From |- code_at m a l, facts m (word_add base (word k)) = b for every byte. *)
let code_bytes th =
  let tbl = Hashtbl.create 1000 in
  let rec walk th =
    let th = CONV_RULE (REWR_CONV (CONJUNCT2 code_at)) th in
    let bth = CONJUNCT1 th and rest = CONJUNCT2 th in
    let addr = rand(lhs(concl bth)) in
    let _,k = addr_parts addr in
    Hashtbl.add tbl k bth;
    let rest = CONV_RULE (RATOR_CONV(RAND_CONV ADDR_CONV)) rest in
    match concl rest with
      Comb(_,l) when is_cons l -> walk rest
    | _ -> () in
  let th = CONV_RULE (RATOR_CONV(RAND_CONV ADDR_CONV)) th in
  (match concl th with Comb(_,l) when is_cons l -> walk th | _ -> ());
  tbl;;

let READ32_BYTES = prove
 (`!a m. read32 a m = word(val(m a) + 256 * val(m(word_add a (word 1))) +
                          65536 * val(m(word_add a (word 2))) +
                          16777216 * val(m(word_add a (word 3))))`,
  REWRITE_TAC[read32; ARITH_RULE `4 = SUC(SUC(SUC(SUC 0)))`; readn;
              WORD_ADD_ASSOC_CONST] THEN
  CONV_TAC NUM_REDUCE_CONV THEN REPEAT GEN_TAC THEN AP_TERM_TAC THEN ARITH_TAC);;

(* |- read32 (word_add pc (word k)) m = word n, from the byte facts. *)
let fetch_fact tbl pc k =
  let addr = mk_comb(mk_comb(`word_add:int64->int64->int64`, pc),
                     mk_comb(`word:num->int64`, mk_small_numeral k)) in
  let m = rator(lhs(concl(Hashtbl.find tbl k))) in
  let tm = list_mk_comb(`read32`, [addr; m]) in
  let facts = map (fun i -> Hashtbl.find tbl (k + i)) [0;1;2;3] in
  let th = (REWR_CONV READ32_BYTES THENC
            DEPTH_CONV (fun t -> match t with
               Comb(Comb(Const("word_add",_),Comb(Comb(Const("word_add",_),_),_)),_) ->
                 ADDR_CONV t | _ -> failwith "") THENC
            REWRITE_CONV facts THENC
            REWRITE_CONV[VAL_WORD; DIMINDEX_8] THENC NUM_REDUCE_CONV) tm in
  th;;

(* ---- abbreviations ---- *)

(* Simple components stay in the state; anything else gets a fresh name. *)
let rec is_simple tm =
  is_var tm || tm = `T` || tm = `F` || is_word_numeral tm ||
  (match tm with
     Comb(Comb(Const("word_add",_),b),k) -> (is_var b || is_frame_base b) && is_word_numeral k
   | Comb(Var(_,_),n) -> is_numeral n
   | _ -> false);;

type simstate = {
  mutable runs_th : thm;             (* H |- runs k S0 Sk *)
  mutable abbrevs : (term * term) list;  (* (v, t), newest first *)
  mutable valeqs : (term * thm) list;    (* v |-> |- &(val v) = P *)
  ctx : thm list;
  net : (int * conv) net;
  bytes : (int, thm) Hashtbl.t;
  pc0 : term;
};;

(* ---- value equations: &(val t) = polynomial over atoms (int) ---- *)

let INT_VAL_NOT = prove
 (`!w:int64. &(val(word_not w)):int = &18446744073709551615 - &(val w)`,
  GEN_TAC THEN REWRITE_TAC[VAL64_NOT] THEN
  MP_TAC(ISPEC `w:int64` VAL64_BOUND) THEN CONV_TAC NUM_REDUCE_CONV THEN
  SIMP_TAC[GSYM INT_OF_NUM_SUB; ARITH_RULE `x < 18446744073709551616 ==> x <= 18446744073709551615`]);;

let INT_AWC_EQ = prove
 (`!a b c. &(val(awc a b c)):int =
           &(val a) + &(val b) + &(bitval c) - &2 pow 64 * &(bitval(awc_c a b c))`,
  REPEAT GEN_TAC THEN REWRITE_TAC[INT_EQ_SUB_LADD; INT_OF_NUM_POW; INT_OF_NUM_MUL;
    INT_OF_NUM_ADD; INT_OF_NUM_EQ; GSYM EXP] THEN
  MP_TAC(SPEC_ALL AWC_EQ) THEN ARITH_TAC);;

let INT_MUL_EQ = prove
 (`!a b:int64. &(val(word_mul a b)):int =
      &(val a) * &(val b) - &2 pow 64 * &((val a * val b) DIV 2 EXP 64)`,
  REPEAT GEN_TAC THEN REWRITE_TAC[INT_EQ_SUB_LADD; INT_OF_NUM_POW; INT_OF_NUM_MUL;
    INT_OF_NUM_ADD; INT_OF_NUM_EQ] THEN
  MP_TAC(SPEC_ALL MUL_EQ) THEN ARITH_TAC);;

let INT_UMULH_EQ = prove
 (`!a b. &(val(umulh a b)):int = &((val a * val b) DIV 2 EXP 64)`,
  REWRITE_TAC[UMULH_EQ]);;

let INT_VAL_WORD_NUM = prove
 (`!n. n < 2 EXP 64 ==> &(val(word n:int64)):int = &n`,
  SIMP_TAC[VAL64_WORD_SMALL]);;

let val_tm = `val:int64->num`;;
let ival_of t = mk_comb(`int_of_num`, mk_comb(val_tm, t));;

(* |- &(val t) = e, e in terms of &(val v) for operand variables. *)
let rec valeq_raw st t =
  match t with
    Var(_,_) -> (try assoc t st.valeqs with Failure _ -> REFL(ival_of t))
  | Comb(Comb(Comb(Const("awc",_),a),b),c) ->
      let th = ISPECL [a;b;c] INT_AWC_EQ in
      let tha = valeq_raw st a and thb = valeq_raw st b in
      CONV_RULE (RAND_CONV (REWRITE_CONV[tha; thb; BITVAL_CLAUSES])) th
  | Comb(Comb(Const("word_mul",_),a),b) ->
      let a,b = if a <= b then a,b else b,a in
      let th0 = ISPECL [a;b] INT_MUL_EQ in
      let th0 = if rand(rand(lhs(concl th0))) = t then th0
                else CONV_RULE (LAND_CONV(RAND_CONV(RAND_CONV(REWR_CONV WORD_MUL_SYM)))) th0 in
      let tha = valeq_raw st a and thb = valeq_raw st b in
      CONV_RULE (RAND_CONV (LAND_CONV (REWRITE_CONV[tha; thb]))) th0
  | Comb(Comb(Const("umulh",_),a),b) ->
      if a <= b then ISPECL [a;b] INT_UMULH_EQ
      else CONV_RULE (RAND_CONV(RAND_CONV(LAND_CONV(REWR_CONV MULT_SYM))))
             (ISPECL [a;b] INT_UMULH_EQ)
  | Comb(Const("word_not",_),a) ->
      CONV_RULE (RAND_CONV (REWRITE_CONV[valeq_raw st a])) (ISPEC a INT_VAL_NOT)
  | Comb(Const("word",_),n) when is_numeral n ->
      MP (ISPEC n INT_VAL_WORD_NUM) (num_fact(mk_comb(mk_comb(`(<):num->num->bool`,n),
                                                       `2 EXP 64`)))
  | _ -> REFL(ival_of t);;

let valeq st v t =
  (* hyp v = t gives |- &(val v) = P normalised *)
  let th = valeq_raw st t in
  let th = CONV_RULE (RAND_CONV INT_POLY_CONV) th in
  let eq = ASSUME(mk_eq(v,t)) in
  TRANS (AP_TERM `int_of_num` (AP_TERM val_tm eq)) th;;

(* Abbreviate the non-simple components of the state on the rhs of th. *)
let abbreviate st th =
  let s' = rand(concl th) in
  let f, args = strip_comb s' in
  let regs = hd args in
  (* register values *)
  let rec reg_terms r = match r with
      Comb(Comb(Comb(Const("regupd",_),_),a),r') -> a :: reg_terms r'
    | _ -> [] in
  let news = ref [] and reused = ref [] in
  let name tm ty pfx =
    if is_simple tm || exists (fun (_,t) -> t = tm) (!news @ !reused) then () else
    match filter (fun (_,t) -> t = tm) st.abbrevs with
      (v,_)::_ -> reused := (v,tm) :: !reused
    | [] -> news := (fresh_var pfx ty, tm) :: !news in
  do_list (fun t -> name t `:int64` "v") (reg_terms regs);
  name (el 1 args) `:int64` "sp";
  let th = if !news @ !reused = [] then th
           else SUBS (map (fun (v,t) -> SYM(ASSUME(mk_eq(v,t)))) (!news @ !reused)) th in
  let wnews = !news in
  (* flags, after the word values are named *)
  news := []; reused := [];
  let args' = snd(strip_comb(rand(concl th))) in
  do_list (fun t -> name t `:bool` "f") [el 4 args'; el 5 args'; el 6 args'; el 7 args'];
  let bnews = !news in
  let th = if bnews @ !reused = [] then th
           else SUBS (map (fun (v,t) -> SYM(ASSUME(mk_eq(v,t)))) (bnews @ !reused)) th in
  (* record value equations for the new word variables, oldest first *)
  let bsubs = map (fun (v,t) -> SYM(ASSUME(mk_eq(v,t)))) bnews in
  do_list (fun (v,t) ->
      let eq0 = valeq st v t in
      let eq1 = if bsubs = [] then eq0 else SUBS bsubs eq0 in
      st.valeqs <- (v, eq1) :: st.valeqs;
      st.abbrevs <- (v,t) :: st.abbrevs) (rev wnews);
  do_list (fun (v,t) -> st.abbrevs <- (v,t) :: st.abbrevs) (rev bnews);
  th;;

(* One instruction: extend |- runs k S0 Sk to |- runs (k+1) S0 Sk+1. *)
let sim_step st =
  let rth = st.runs_th in
  let sk = rand(concl rth) in
  let args = snd(strip_comb sk) in
  let pc = el 2 args and m = el 3 args in
  let base,off = addr_parts pc in
  if base <> st.pc0 then failwith "sim_step: pc left the code";
  let fetch0 = fetch_fact st.bytes base off in
  (* read32 pc m through the stores = read32 pc M0 *)
  let rd = list_mk_comb(`read32`, [pc; m]) in
  let rth1 = EVAL_CONV st.net rd in
  let fetch = TRANS rth1 fetch0 in
  let n = rand(rand(concl fetch)) in
  let vth = MP (ISPEC n VAL_WORD_NUMERAL32) (num_fact(mk_comb(mk_comb(`(<):num->num->bool`,n),
                                                       `2 EXP 32`))) in
  let dth = DECODE_CONV (mk_comb(`decode`, n)) in
  let f = rand(rand(concl dth)) in
  let pcm = CONJ (REWRITE_CONV[arm_pc] (mk_comb(`arm_pc`,sk)))
                 (REWRITE_CONV[arm_mem] (mk_comb(`arm_mem`,sk))) in
  let dec = list_mk_comb(`decode`,[mk_comb(`val:int32->num`,
              list_mk_comb(`read32`,[mk_comb(`arm_pc`,sk); mk_comb(`arm_mem`,sk)]))]) in
  let dth' = (REWRITE_CONV[pcm] THENC ONCE_REWRITE_CONV[fetch] THENC
              ONCE_REWRITE_CONV[vth] THENC K dth) dec in
  let step = MATCH_MP ARM_STEP_I dth' in
  (* evaluate f sk *)
  let eth = EVAL_CONV st.net (mk_comb(f, sk)) in
  let eth = CONV_RULE (RAND_CONV (RATOR_CONV(RATOR_CONV(RATOR_CONV(RATOR_CONV
              (RATOR_CONV(RATOR_CONV(RATOR_CONV(RAND_CONV REGSORT_CONV))))))))) eth in
  if !sim_trace then (print_term (rand(concl eth)); print_newline());
  let eth = abbreviate st eth in
  let step' = EQ_MP (AP_TERM (rator(concl step)) eth) step in
  let k = rand(rator(rator(concl rth))) in
  let th = MATCH_MP RUNS_SNOC (CONJ rth step') in
  st.runs_th <- CONV_RULE (RATOR_CONV(RATOR_CONV(RAND_CONV NUM_SUC_CONV))) th;;

(* ---- closing the arithmetic goal l = r over bignums ---- *)

let BIGNUM_PROD_BOUND = prove
 (`!a b m n mm mm'. bignum_at a m mm * bignum_at b n mm' < 2 EXP (64 * (m + n))`,
  REPEAT GEN_TAC THEN REWRITE_TAC[LEFT_ADD_DISTRIB; EXP_ADD] THEN
  MATCH_MP_TAC LT_MULT2 THEN REWRITE_TAC[BIGNUM_AT_BOUND]);;

let BIGNUM_SUM_BOUND = prove
 (`!a b m mm mm'. bignum_at a m mm + bignum_at b m mm' < 2 EXP (64 * (m + 1))`,
  REPEAT GEN_TAC THEN
  MP_TAC(SPECL [`a:int64`;`m:num`;`mm:int64->byte`] BIGNUM_AT_BOUND) THEN
  MP_TAC(SPECL [`b:int64`;`m:num`;`mm':int64->byte`] BIGNUM_AT_BOUND) THEN
  REWRITE_TAC[LEFT_ADD_DISTRIB; EXP_ADD; MULT_CLAUSES] THEN
  CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

let BIGNUM_SQ_BOUND = prove
 (`!a m mm. bignum_at a m mm EXP 2 < 2 EXP (64 * (m + m))`,
  REWRITE_TAC[EXP_2; BIGNUM_PROD_BOUND]);;

(* |- r < N for the right-hand side r, N a numeral. *)
let rhs_bound r nval =
  let th = tryfind (fun lem -> PART_MATCH lhand lem r)
             [BIGNUM_PROD_BOUND; BIGNUM_SUM_BOUND; BIGNUM_SQ_BOUND; BIGNUM_AT_BOUND] in
  let th = CONV_RULE (RAND_CONV NUM_REDUCE_CONV) th in
  let n' = rand(concl th) in
  if n' = nval then th
  else MATCH_MP LTE_TRANS (CONJ th (num_fact(mk_comb(mk_comb(`(<=):num->num->bool`,n'),nval))));;

let rec BIGNUM_EXPAND_CONV tm =
  match tm with
    Comb(Comb(Comb(Const("bignum_at",_),a),n),m) when is_numeral n ->
      if dest_small_numeral n = 0 then REWR_CONV (CONJUNCT1 bignum_at) tm else
      (RATOR_CONV(RAND_CONV num_CONV) THENC REWR_CONV (CONJUNCT2 bignum_at) THENC
       LAND_CONV BIGNUM_EXPAND_CONV THENC
       RAND_CONV(LAND_CONV(RAND_CONV(NUM_REDUCE_CONV))) THENC
       RAND_CONV(RAND_CONV(RAND_CONV(LAND_CONV(RAND_CONV(RAND_CONV NUM_REDUCE_CONV)))))) tm
  | _ -> failwith "BIGNUM_EXPAND_CONV";;

let split_sum tm =
  let rec go t = match t with
      Comb(Comb(Const("int_add",_),a),b) -> a :: go b
    | _ -> [t] in go tm;;

let divide_poly n d =
  (* d a normal-form integer polynomial; divide every coefficient by n *)
  let nn = dest_numeral n in
  let div_coeff c =
    let v = dest_numeral c in
    if mod_num v nn <>/ Int 0 then failwith "not divisible" else mk_numeral(quo_num v nn) in
  let div_int c = match c with
      Comb(Const("int_of_num",_),k) -> mk_comb(`int_of_num`, div_coeff k)
    | Comb(Const("int_neg",_),Comb(Const("int_of_num",_),k)) ->
        mk_comb(`int_neg`, mk_comb(`int_of_num`, div_coeff k))
    | _ -> failwith "coefficient" in
  let is_intconst c = match c with
      Comb(Const("int_of_num",_),k) -> is_numeral k
    | Comb(Const("int_neg",_),Comb(Const("int_of_num",_),k)) -> is_numeral k
    | _ -> false in
  let mono m =
    if is_intconst m then div_int m else
    match m with
      Comb(Comb(Const("int_mul",_),c),rest) when is_intconst c ->
        mk_comb(mk_comb(`int_mul`, div_int c), rest)
    | _ -> failwith ("residual monomial not a multiple: " ^ string_of_term m) in
  if d = `&0:int` then `&0:int` else
  end_itlist (fun a b -> mk_comb(mk_comb(`int_add`,a),b)) (map mono (split_sum d));;

let int_push_thms = [GSYM INT_OF_NUM_ADD; GSYM INT_OF_NUM_MUL; GSYM INT_OF_NUM_POW];;

(* Block facts a proof may supply for the closing step, from the simulation's
   abbreviations: equations P = Q (int) between named values, used as exact
   identities in a linear combination, and facts bitval(c) = 0 for carries
   that are discarded but provably zero. *)
let block_facts = ref (fun (st:simstate) -> ([]:thm list), ([]:thm list));;
(* Which monomials may serve as the pivot of a block equation (the coefficient
   of the equation is read off it); a proof can exclude monomials that occur
   outside the block as well (e.g. products of loaded words). *)
let pivot_ok = ref (fun (m:term) -> true);;

let is_intconst c = match c with
    Comb(Const("int_of_num",_),k) -> is_numeral k
  | Comb(Const("int_neg",_),Comb(Const("int_of_num",_),k)) -> is_numeral k
  | _ -> false;;
let intconst_val c = match c with
    Comb(Const("int_of_num",_),k) -> dest_numeral k
  | Comb(Const("int_neg",_),Comb(Const("int_of_num",_),k)) -> minus_num(dest_numeral k)
  | _ -> failwith "intconst_val";;
let mk_intconst n =
  if n >=/ Int 0 then mk_comb(`int_of_num`, mk_numeral n)
  else mk_comb(`int_neg`, mk_comb(`int_of_num`, mk_numeral(minus_num n)));;
let dest_mono t =
  match t with
    Comb(Comb(Const("int_mul",_),c),m) when is_intconst c -> intconst_val c, m
  | _ when is_intconst t -> intconst_val t, `&1:int`
  | _ -> Int 1, t;;
let poly_monos d = if d = `&0:int` then [] else map dest_mono (split_sum d);;

(* Linear combination of an expanded difference d0 with equations P = Q
   (expanded by expand; the coefficient read off the first monomial that
   pivot accepts): d0 + sum c_j E_j, and the (c_j, E_j, |- E_j = 0) used,
   last first. *)
let combine_facts expand pivot facts d0 =
  let d = ref d0 and used = ref [] in
  List.iter (fun th ->
      let p,q = dest_eq(concl th) in
      let eth = expand (mk_comb(mk_comb(`int_sub`,p),q)) in
      let e = rand(concl eth) in
      let md = poly_monos !d in
      let pick = try Some(tryfind (fun (pc,m) ->
          if not (pivot m) then fail() else
          let rc = assoc m (map (fun (c,m) -> m,c) md) in
          if rc =/ Int 0 || mod_num rc pc <>/ Int 0 then fail() else minus_num(quo_num rc pc))
          (poly_monos e)) with Failure _ -> None in
      match pick with
        None -> ()
      | Some c ->
          let ct = mk_intconst c in
          d := rand(concl(INT_POLY_CONV(mk_comb(mk_comb(`int_add`, !d),
                                                 mk_comb(mk_comb(`int_mul`, ct), e)))));
          used := (ct, e, TRANS (SYM eth)
                             (EQ_MP (SYM(ISPECL [p;q] INT_SUB_0)) th)) :: !used) facts;
  !d, !used;;

(* From dth: |- D = d0 and the equations used by combine_facts (non-empty),
   |- D = ne, ne = N * e the multiple that d0 + sum c_j E_j reduces to. *)
let combination_eq name dth d0 ne used =
  let terms = map (fun (ct,e,zth) ->
      mk_comb(mk_comb(`int_mul`, ct), e),
      TRANS (AP_TERM (mk_comb(`int_mul`, ct)) zth) (ISPEC ct INT_MUL_RZERO)) (rev used) in
  let s_tm, s_th = end_itlist (fun (t1,th1) (t2,th2) ->
      mk_comb(mk_comb(`int_add`,t1),t2),
      TRANS (MK_COMB(AP_TERM `int_add` th1, th2)) (ISPEC `&0:int` INT_ADD_RID)) terms in
  let rhs_tm = mk_comb(mk_comb(`int_sub`, ne), s_tm) in
  let rth = INT_POLY_CONV rhs_tm in
  if rand(concl rth) <> d0 then failwith (name ^ ": combination differs");
  let simp = TRANS (AP_TERM (mk_comb(`int_sub`, ne)) s_th) (ISPEC ne INT_SUB_RZERO) in
  TRANS dth (TRANS (SYM rth) simp);;

(* Goal: l = r (nat), both sides bignum expressions over the final state. *)
let BIGNUM_EQ_TAC st (asl,w) =
  let l,r = dest_eq w in
  let kl = match l with Comb(Comb(Comb(Const("bignum_at",_),_),k),_) -> k
           | _ -> failwith "BIGNUM_EQ_TAC: lhs" in
  let ntm = mk_comb(mk_comb(`EXP`,`2`), mk_comb(mk_comb(`( * )`,`64`),kl)) in
  let nval = rand(concl(NUM_REDUCE_CONV ntm)) in
  let lb = PART_MATCH lhand BIGNUM_AT_BOUND l in
  let to_n th = CONV_RULE (RAND_CONV NUM_REDUCE_CONV) th in
  let lb = to_n lb in
  let rb = rhs_bound r nval in
  if rand(concl lb) <> nval || rand(concl rb) <> nval then failwith "BIGNUM_EQ_TAC: sizes";
  let load_subs = mapfilter (fun (v,t) -> match t with
      Comb(Comb(Const("read64",_),_),_) -> SYM(ASSUME(mk_eq(v,t)))
    | _ -> fail()) st.abbrevs in
  let valeqs = map snd st.valeqs in
  let eqs, zeros = !block_facts st in
  let expand_conv = REWRITE_CONV valeqs THENC
                    REWRITE_CONV (zeros @ [BITVAL_CLAUSES]) THENC INT_POLY_CONV in
  let diff = mk_comb(mk_comb(`int_sub`, mk_comb(`int_of_num`,l)), mk_comb(`int_of_num`,r)) in
  let dth = (ONCE_DEPTH_CONV BIGNUM_EXPAND_CONV THENC
             REWRITE_CONV[arm_mem] THENC EVAL_CONV st.net THENC
             (fun t -> if load_subs = [] then REFL t else SUBS_CONV load_subs t) THENC
             REWRITE_CONV int_push_thms THENC expand_conv) diff in
  let d0 = rand(concl dth) in
  (* linear combination with the block equations: d0 + sum c_j E_j = N*e *)
  let d, used = combine_facts expand_conv !pivot_ok eqs d0 in
  let e = try divide_poly nval d with Failure s ->
    (let r = String.map (fun c -> if c = '\n' then ' ' else c) (string_of_term d) in
     Printf.printf "  residual (not a multiple of 2^%d): %s...\n%!"
       (64 * dest_small_numeral kl) (String.sub r 0 (min 300 (String.length r)));
     failwith s) in
  let nint = mk_comb(`int_of_num`, nval) in
  let ne = mk_comb(mk_comb(`int_mul`, nint), e) in
  let eqth =
    if used = [] then
      let rth = INT_POLY_CONV ne in
      if rand(concl rth) <> d then failwith "BIGNUM_EQ_TAC: normal forms differ";
      TRANS dth (SYM rth)
    else combination_eq "BIGNUM_EQ_TAC" dth d0 ne used in
  let fin = ISPECL [nval; l; r; e] FINISH_LEMMA in
  ACCEPT_TAC (MP fin (CONJ eqth (CONJ lb rb))) (asl,w);;

(* ---- frame conditions ---- *)

let CALLEE_SAVED_CASES = prove
 (`18 <= i /\ i <= 30 ==> i = 18 \/ i = 19 \/ i = 20 \/ i = 21 \/ i = 22 \/
   i = 23 \/ i = 24 \/ i = 25 \/ i = 26 \/ i = 27 \/ i = 28 \/ i = 29 \/ i = 30`,
  REWRITE_TAC[ARITH_RULE `18 <= i <=> i = 18 \/ 19 <= i`] THEN
  REWRITE_TAC[ARITH_RULE `19 <= i <=> i = 19 \/ 20 <= i`; ARITH_RULE `20 <= i <=> i = 20 \/ 21 <= i`;
    ARITH_RULE `21 <= i <=> i = 21 \/ 22 <= i`; ARITH_RULE `22 <= i <=> i = 22 \/ 23 <= i`;
    ARITH_RULE `23 <= i <=> i = 23 \/ 24 <= i`; ARITH_RULE `24 <= i <=> i = 24 \/ 25 <= i`;
    ARITH_RULE `25 <= i <=> i = 25 \/ 26 <= i`; ARITH_RULE `26 <= i <=> i = 26 \/ 27 <= i`;
    ARITH_RULE `27 <= i <=> i = 27 \/ 28 <= i`; ARITH_RULE `28 <= i <=> i = 28 \/ 29 <= i`;
    ARITH_RULE `29 <= i <=> i = 29 \/ 30 <= i`] THEN
  STRIP_TAC THEN ASM_REWRITE_TAC[] THEN ASM_ARITH_TAC);;

(* Frame predicates unfolded here: returns_with_frame, and those registered
   later (returns_with_frame2 of aarch64/statements.ml: z plus a stack frame
   or temp buffer; its memory clause has two ~(val(word_sub x b) < n)). *)
let frame_defs = ref [returns_with_frame];;

let REGS_FRAME_TAC (asl,w) =
 (REWRITE_TAC(!frame_defs @ [arm_pc; arm_sp; arm_regs; arm_mem]) THEN
  REPEAT CONJ_TAC THEN FIRST
   [REWRITE_TAC[regupd] THEN CONV_TAC NUM_REDUCE_CONV THEN REWRITE_TAC[] THEN NO_TAC;
    X_GEN_TAC `i:num` THEN DISCH_THEN(fun th ->
      REPEAT_TCL DISJ_CASES_THEN SUBST1_TAC (MP CALLEE_SAVED_CASES th)) THEN
    REWRITE_TAC[regupd] THEN CONV_TAC NUM_REDUCE_CONV THEN REWRITE_TAC[];
    X_GEN_TAC `addr:int64` THEN DISCH_THEN(MAP_EVERY ASSUME_TAC o CONJUNCTS) THEN
    REPEAT(W(fun (asl,w) ->
      let l = lhs w in
      match l with
        Comb(Comb(Comb(Comb(Const("write64",_),a),_),_),_) ->
          let b,off = addr_parts a in
          let n = find (fun (_,th) -> match concl th with
                Comb(Const("~",_),Comb(Comb(Const("<",_),Comb(_,Comb(Comb(_,x),b'))),_)) ->
                  b' = b | _ -> false) asl in
          let nn = rand(rand(concl(snd n))) in
          let th0 = ISPECL [b; nn; mk_small_numeral off] WRITE64_FRAME in
          let th1 = SPECL [rand(rator(rator l)); rand(rator l); rand l] th0 in
          let side = lhand(concl th1) in
          let sth = CONJ (num_fact(lhand side)) (snd n) in
          GEN_REWRITE_TAC LAND_CONV [MP th1 sth]
      | _ -> failwith "done")) THEN REFL_TAC]) (asl,w)
  ;;

(* ---- the driver ---- *)

let arm_vars = [`R_:num->int64`; `SP_:int64`; `PC_:int64`; `M_:int64->byte`;
                `NF_:bool`; `ZF_:bool`; `CF_:bool`; `VF_:bool`];;

let FORALL_ARMSTATE' =
  let th = FORALL_ARMSTATE in
  let P = `P:armstate->bool` in
  GEN P (EQ_MP (ALPHA (concl(SPEC P th))
    (mk_eq(lhs(concl(SPEC P th)),
           list_mk_forall(arm_vars, mk_comb(P, list_mk_comb(`Arm`, arm_vars))))))
    (SPEC P th));;

(* Proves  ensures PRE POST  for straight-line code ending in RET, where PRE
   fixes PC, code_at the byte list, argument registers, and separation facts;
   POST is  returns_with_frame z n s s' /\ <bignum equation>. *)
(* Where a simulation stops: after n instructions, or when the PC reaches the
   code base plus a byte offset (segments of code, see hol/segment.ml). *)
type sim_stop = Steps of int | At_offset of int;;

(* Proves  ensures PRE POST  by simulating from the PC of PRE (the code base
   pc or an offset into the code, word_add pc (word a)) until stop, then POST
   of the final state by the tactic  close st  (st: the simulation state; the
   abbreviations v = t are among the assumptions). *)
let prove_sim (spec, stop, close) =
  (* the frame cache is keyed by the address term only: a frame of another
     size under the same name sp (an earlier proof) must not be reused *)
  fresh_count := 0; Hashtbl.reset sep_cache; Hashtbl.reset frame_cache;
  let t0 = Unix.gettimeofday() in
  let tac (asl,w) =
    let hyps = map (concl o snd) asl in
    let norm = CONV_RULE (REWRITE_CONV(LENGTH :: !code_defs) THENC NUM_REDUCE_CONV) in
    let ctx = map norm (mapfilter (fun th -> match concl th with
        Comb(Comb(Const("nowrap",_),_),_) -> th
      | Comb(Comb(Comb(Comb(Const("separate",_),_),_),_),_) -> th
      | _ -> fail()) (map snd asl)) in
    (* each separate fact also gives nowrap for both blocks (for loads of
       what was stored in the same block, e.g. z or the stack frame) *)
    let ctx = ctx @ flat (map (fun th -> match concl th with
        Comb(Comb(Comb(Comb(Const("separate",_),_),_),_),_) ->
          CONJUNCTS(MATCH_MP SEPARATE_NOWRAP th)
      | _ -> []) ctx) in
    let codeth = find (fun th -> match concl th with
        Comb(Comb(Comb(Const("code_at",_),_),_),_) -> true | _ -> false) (map snd asl) in
    let codeth = CONV_RULE (RAND_CONV (fun t -> REWRITE_CONV (!code_defs) t)) codeth in
    let pc = rand(rator(concl codeth)) in
    let bytes = code_bytes codeth in
    (* register file: R_ i = v facts *)
    let regfacts = mapfilter (fun th -> match concl th with
        Comb(Comb(Const("=",_),Comb(Var("R_",_),i)),v) when is_numeral i -> th
      | _ -> fail()) (map snd asl) in
    let regfacts = sort (fun a b -> dest_small_numeral(rand(lhs(concl a))) >
                                    dest_small_numeral(rand(lhs(concl b)))) regfacts in
    (* initial register values that are not simple (a segment's precondition
       may give read64 ... or a mask) are named like computed values *)
    let init_abbrevs = ref [] in
    let regfacts = map (fun th ->
        let v = rand(concl th) in
        if is_simple v then th else
        let nv = fresh_var "v" `:int64` in
        init_abbrevs := (nv, v) :: !init_abbrevs;
        TRANS th (SYM(ASSUME(mk_eq(nv, v))))) regfacts in
    let req = itlist (fun th acc ->
        let i = rand(lhs(concl th)) and v = rand(concl th) in
        let e = MATCH_MP REGUPD_ID th in
        (* R_ = regupd i v R_ ; then replace the inner R_ by acc's rhs *)
        TRANS e (AP_TERM (mk_comb(mk_comb(`regupd`,i),v)) acc))
      (rev regfacts) (REFL `R_:num->int64`) in
    let s_user = list_mk_comb(`Arm`, [`R_:num->int64`; `SP_:int64`; pc; `M_:int64->byte`;
                                      `NF_:bool`; `ZF_:bool`; `CF_:bool`; `VF_:bool`]) in
    (* SP as in the goal: SP_, or the statement's sp once substituted *)
    let sp0 = let _,b = dest_exists w in let _,b = dest_exists b in
              el 1 (snd(strip_comb(rand(rator(lhand b))))) in
    (* PC as in the goal: pc, or pc plus an offset for a segment *)
    let pc_user = let _,b = dest_exists w in let _,b = dest_exists b in
              el 2 (snd(strip_comb(rand(rator(lhand b))))) in
    let seq = AP_THM (AP_THM (AP_THM (AP_THM (AP_THM (AP_THM (AP_THM
                (AP_TERM `Arm` req) sp0) pc_user) `M_:int64->byte`)
                `NF_:bool`) `ZF_:bool`) `CF_:bool`) `VF_:bool` in
    let seq = CONV_RULE (RAND_CONV(RATOR_CONV(RATOR_CONV(RATOR_CONV(RATOR_CONV(
                RATOR_CONV(RAND_CONV ADDR_CONV))))))) seq in
    let s0 = rand(concl seq) in
    let st = { runs_th = ISPEC s0 RUNS_0; abbrevs = []; valeqs = []; ctx = ctx;
               net = eval_net ctx; bytes = bytes; pc0 = pc } in
    List.iter (fun (v,t) -> st.valeqs <- (v, valeq st v t) :: st.valeqs;
                            st.abbrevs <- (v,t) :: st.abbrevs) (rev !init_abbrevs);
    let nsteps = ref 0 in
    let pc_off () = snd(addr_parts(el 2 (snd(strip_comb(rand(concl st.runs_th)))))) in
    (match stop with
       Steps n -> for i = 1 to n do sim_step st; incr nsteps done
     | At_offset b -> while pc_off () <> b do sim_step st; incr nsteps done);
    let nsteps = !nsteps in
    let t1 = Unix.gettimeofday() in
    let rth = st.runs_th in
    let sk = rand(concl rth) in
    let kk = rand(rator(rator(concl rth))) in
    let rth' = EQ_MP (AP_THM (AP_TERM (rator(rator(concl rth))) (SYM seq)) sk) rth in
    (* the goal is ?k s'. runs k s_user s' /\ POST *)
    let k_v, body = dest_exists w in
    let s_v, body = dest_exists body in
    let post = subst [kk,k_v; sk,s_v] (rand body) in
    let post_th = TAC_PROOF((asl @ map (fun (v,t) -> ("", ASSUME(mk_eq(v,t)))) st.abbrevs,
                             post),
                  close st) in
    let ex = EXISTS (w, kk) (EXISTS (mk_exists(s_v, subst [kk,k_v] body), sk) (CONJ rth' post_th)) in
    let ex = itlist (fun (v,t) th -> PROVE_HYP (REFL t) (INST [t,v] th))
               (rev st.abbrevs) ex in
    let t2 = Unix.gettimeofday() in
    Printf.printf "  simulate %d instructions: %.1fs, arithmetic+frame: %.1fs\n%!"
      nsteps (t1 -. t0) (t2 -. t1);
    ACCEPT_TAC ex (asl,w) in
  prove(spec,
    REWRITE_TAC[ensures] THEN ONCE_REWRITE_TAC[FORALL_ARMSTATE'] THEN
    CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN
    REWRITE_TAC(!spec_defs @ [arm_pc; arm_regs; arm_mem; arm_sp]) THEN
    REPEAT GEN_TAC THEN STRIP_TAC THEN
    FIRST_X_ASSUM(fun th -> match concl th with
        Comb(Comb(Const("=",_),Var("PC_",_)),_) -> SUBST_ALL_TAC th
      | _ -> fail()) THEN
    (* a statement fixing arm_sp s = sp: the state carries sp itself *)
    TRY(FIRST_X_ASSUM(fun th -> match concl th with
        Comb(Comb(Const("=",_),Var("SP_",_)),v) when is_simple v -> SUBST_ALL_TAC th
      | _ -> fail())) THEN
    tac);;

(* Straight-line code ending in RET: frame and bignum equation. *)
let prove_straightline (spec, nsteps) =
  prove_sim (spec, Steps nsteps,
             fun st -> CONJ_TAC THENL [REGS_FRAME_TAC; BIGNUM_EQ_TAC st]);;

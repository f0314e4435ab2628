(* ========================================================================= *)
(* Lemmas about the model: word arithmetic, memory, per-instruction value    *)
(* equations. Everything here is proved from the definitions in arm.ml.     *)
(* ========================================================================= *)

let VAL64_BOUND = prove
 (`!w:int64. val w < 2 EXP 64`,
  REWRITE_TAC[GSYM DIMINDEX_64; VAL_BOUND]);;

let VAL64_WORD_SMALL = prove
 (`!n. n < 2 EXP 64 ==> val(word n:int64) = n`,
  SIMP_TAC[VAL_WORD; DIMINDEX_64; MOD_LT]);;

let VAL64_ADD_NOWRAP = prove
 (`!(a:int64) i. val a + i < 2 EXP 64 ==> val(word_add a (word i)) = val a + i`,
  REPEAT STRIP_TAC THEN REWRITE_TAC[VAL_WORD_ADD; VAL_WORD; DIMINDEX_64] THEN
  SUBGOAL_THEN `i < 2 EXP 64` ASSUME_TAC THENL [ASM_ARITH_TAC; ALL_TAC] THEN
  ASM_SIMP_TAC[MOD_LT]);;

let WORD_ADD_SUB_CANCEL = prove
 (`!(a:int64) b. word_sub (word_add a b) a = b`,
  REPEAT GEN_TAC THEN
  REWRITE_TAC[GSYM VAL_EQ; VAL_WORD_SUB_CASES; VAL_WORD_ADD_CASES; DIMINDEX_64] THEN
  MP_TAC(ISPEC `a:int64` VAL64_BOUND) THEN MP_TAC(ISPEC `b:int64` VAL64_BOUND) THEN
  REPEAT(COND_CASES_TAC THEN ASM_REWRITE_TAC[]) THEN ASM_ARITH_TAC);;

let WORD_ADD_ASSOC_CONST = prove
 (`!(a:int64) i j. word_add (word_add a (word i)) (word j) = word_add a (word(i + j))`,
  REWRITE_TAC[GSYM WORD_ADD_ASSOC; WORD_ADD]);;

(* ---- memory ---- *)

let READN_WRITE64_SAME = prove
 (`!k j (a:int64) w m. j + k <= 8
     ==> readn k (word_add a (word j)) (write64 a w m) =
         (val w DIV 2 EXP (8 * j)) MOD 2 EXP (8 * k)`,
  INDUCT_TAC THEN REWRITE_TAC[readn; MULT_CLAUSES; EXP; MOD_1] THEN
  REPEAT STRIP_TAC THEN
  REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN
  FIRST_X_ASSUM(fun th -> W(fun (_,w) ->
    MP_TAC(SPECL [`j + 1`; `a:int64`; `w:int64`; `m:int64->byte`] th))) THEN
  ANTS_TAC THENL [ASM_ARITH_TAC; DISCH_THEN SUBST1_TAC] THEN
  REWRITE_TAC[write64] THEN CONV_TAC(DEPTH_CONV BETA_CONV) THEN
  REWRITE_TAC[WORD_ADD_SUB_CANCEL] THEN
  SUBGOAL_THEN `val(word j:int64) = j` SUBST1_TAC THENL
   [MATCH_MP_TAC VAL64_WORD_SMALL THEN
    MATCH_MP_TAC(ARITH_RULE `j < 8 /\ 8 < n ==> j < n`) THEN
    CONV_TAC(RAND_CONV NUM_REDUCE_CONV) THEN ASM_ARITH_TAC;
    ALL_TAC] THEN
  SUBGOAL_THEN `j < 8` (fun th -> REWRITE_TAC[th]) THENL [ASM_ARITH_TAC; ALL_TAC] THEN
  REWRITE_TAC[VAL_WORD; DIMINDEX_8] THEN CONV_TAC NUM_REDUCE_CONV THEN
  SUBGOAL_THEN `val(w:int64) DIV 2 EXP (8 * (j + 1)) = (val w DIV 2 EXP (8 * j)) DIV 256`
  SUBST1_TAC THENL
   [REWRITE_TAC[LEFT_ADD_DISTRIB; EXP_ADD; MULT_CLAUSES] THEN
    CONV_TAC NUM_REDUCE_CONV THEN SIMP_TAC[DIV_DIV; EXP_EQ_0; MULT_EQ_0; ARITH_EQ];
    ALL_TAC] THEN
  SUBGOAL_THEN `2 EXP (8 + 8 * k) = 256 * 2 EXP (8 * k)` SUBST1_TAC THENL
   [REWRITE_TAC[EXP_ADD] THEN CONV_TAC NUM_REDUCE_CONV; ALL_TAC] THEN
  REWRITE_TAC[MOD_MULT_MOD] THEN ARITH_TAC);;

let READ64_WRITE64_SAME = prove
 (`!(a:int64) w m. read64 a (write64 a w m) = w`,
  REPEAT GEN_TAC THEN REWRITE_TAC[read64] THEN
  MP_TAC(SPECL [`8`; `0`; `a:int64`; `w:int64`; `m:int64->byte`] READN_WRITE64_SAME) THEN
  REWRITE_TAC[WORD_ADD_0] THEN CONV_TAC NUM_REDUCE_CONV THEN
  DISCH_THEN SUBST1_TAC THEN
  REWRITE_TAC[EXP; DIV_1] THEN
  SIMP_TAC[MOD_LT; VAL64_BOUND; ARITH_RULE `18446744073709551616 = 2 EXP 64`; WORD_VAL]);;

let SEPARATE_NOT_IN = prove
 (`!(p:int64) k (q:int64) n i. separate p k q n /\ i < k
     ==> ~(val(word_sub (word_add p (word i)) q) < n)`,
  REWRITE_TAC[separate] THEN REPEAT GEN_TAC THEN DISCH_TAC THEN
  SUBGOAL_THEN `val(word_add p (word i):int64) = val p + i` ASSUME_TAC THENL
   [MATCH_MP_TAC VAL64_ADD_NOWRAP THEN ASM_ARITH_TAC; ALL_TAC] THEN
  ASM_REWRITE_TAC[VAL_WORD_SUB_CASES; DIMINDEX_64] THEN
  MP_TAC(ISPEC `q:int64` VAL64_BOUND) THEN COND_CASES_TAC THEN ASM_ARITH_TAC);;

let READN_WRITE64_SEP = prove
 (`!k (p:int64) q w m. separate p k q 8
     ==> readn k p (write64 q w m) = readn k p m`,
  INDUCT_TAC THEN REWRITE_TAC[readn] THEN REPEAT STRIP_TAC THEN
  BINOP_TAC THENL
   [MP_TAC(SPECL [`p:int64`; `SUC k`; `q:int64`; `8`; `0`] SEPARATE_NOT_IN) THEN
    ASM_REWRITE_TAC[WORD_ADD_0; ARITH_RULE `0 < SUC k`] THEN
    SIMP_TAC[write64];
    AP_TERM_TAC THEN ASM_CASES_TAC `k = 0` THEN ASM_REWRITE_TAC[readn] THEN
    FIRST_X_ASSUM MATCH_MP_TAC THEN UNDISCH_TAC `separate p (SUC k) q 8` THEN
    REWRITE_TAC[separate] THEN DISCH_TAC THEN
    SUBGOAL_THEN `val(word_add p (word 1):int64) = val p + 1` SUBST1_TAC THENL
     [MATCH_MP_TAC VAL64_ADD_NOWRAP THEN ASM_ARITH_TAC; ASM_ARITH_TAC]]);;

let READ64_WRITE64_SEP = prove
 (`!(p:int64) q w m. separate p 8 q 8 ==> read64 p (write64 q w m) = read64 p m`,
  SIMP_TAC[read64; READN_WRITE64_SEP]);;

let READ32_WRITE64_SEP = prove
 (`!(p:int64) q w m. separate p 4 q 8 ==> read32 p (write64 q w m) = read32 p m`,
  SIMP_TAC[read32; READN_WRITE64_SEP]);;

let SEPARATE_SUB = prove
 (`!(a:int64) n (b:int64) m o1 k1 o2 k2.
     separate a n b m /\ o1 + k1 <= n /\ o2 + k2 <= m /\ 0 < k1 /\ 0 < k2
     ==> separate (word_add a (word o1)) k1 (word_add b (word o2)) k2`,
  REWRITE_TAC[separate] THEN REPEAT STRIP_TAC THEN
  (SUBGOAL_THEN `val(word_add a (word o1):int64) = val a + o1` SUBST1_TAC THENL
    [MATCH_MP_TAC VAL64_ADD_NOWRAP THEN ASM_ARITH_TAC; ALL_TAC] THEN
   SUBGOAL_THEN `val(word_add b (word o2):int64) = val b + o2` SUBST1_TAC THENL
    [MATCH_MP_TAC VAL64_ADD_NOWRAP THEN ASM_ARITH_TAC; ALL_TAC] THEN
   ASM_ARITH_TAC));;

let SEPARATE_SAME = prove
 (`!(a:int64) n o1 k1 o2 k2.
     nowrap a n /\ o1 + k1 <= n /\ o2 + k2 <= n /\ 0 < k1 /\ 0 < k2 /\
     (o1 + k1 <= o2 \/ o2 + k2 <= o1)
     ==> separate (word_add a (word o1)) k1 (word_add a (word o2)) k2`,
  REWRITE_TAC[separate; nowrap] THEN REPEAT GEN_TAC THEN STRIP_TAC THEN
  (SUBGOAL_THEN `val(word_add a (word o1):int64) = val a + o1` SUBST1_TAC THENL
    [MATCH_MP_TAC VAL64_ADD_NOWRAP THEN ASM_ARITH_TAC; ALL_TAC] THEN
   SUBGOAL_THEN `val(word_add a (word o2):int64) = val a + o2` SUBST1_TAC THENL
    [MATCH_MP_TAC VAL64_ADD_NOWRAP THEN ASM_ARITH_TAC; ALL_TAC] THEN
   ASM_ARITH_TAC));;

let SEPARATE_SYM = prove
 (`!(a:int64) n b m. separate a n b m <=> separate b m a n`,
  REWRITE_TAC[separate] THEN ARITH_TAC);;

(* Stores inside [a, a+n) leave every byte outside it alone. *)
let WRITE64_FRAME = prove
 (`!(a:int64) n off w m x. off + 8 <= n /\ ~(val(word_sub x a) < n)
     ==> write64 (word_add a (word off)) w m x = m x`,
  REPEAT STRIP_TAC THEN REWRITE_TAC[write64] THEN
  SUBGOAL_THEN `val(word off:int64) = off` ASSUME_TAC THENL
   [MATCH_MP_TAC VAL64_WORD_SMALL THEN
    MP_TAC(ISPEC `word_sub x a:int64` VAL64_BOUND) THEN ASM_ARITH_TAC;
    ALL_TAC] THEN
  SUBGOAL_THEN `~(val(word_sub x (word_add a (word off):int64)) < 8)`
    (fun th -> REWRITE_TAC[th]) THEN
  MP_TAC(ISPEC `a:int64` VAL64_BOUND) THEN MP_TAC(ISPEC `x:int64` VAL64_BOUND) THEN
  RULE_ASSUM_TAC(REWRITE_RULE[VAL_WORD_SUB_CASES; DIMINDEX_64]) THEN
  ASM_REWRITE_TAC[VAL_WORD_SUB_CASES; VAL_WORD_ADD_CASES; DIMINDEX_64] THEN
  ASM_ARITH_TAC);;

let BIGNUM_AT_BOUND = prove
 (`!a k m. bignum_at a k m < 2 EXP (64 * k)`,
  GEN_TAC THEN INDUCT_TAC THEN REWRITE_TAC[bignum_at; MULT_CLAUSES; EXP; ARITH] THEN
  GEN_TAC THEN REWRITE_TAC[EXP_ADD] THEN
  MATCH_MP_TAC(ARITH_RULE
   `b < p /\ p * (v + 1) <= 2 EXP 64 * p ==> b + p * v < 2 EXP 64 * p`) THEN
  ASM_REWRITE_TAC[] THEN GEN_REWRITE_TAC RAND_CONV [MULT_SYM] THEN
  REWRITE_TAC[LE_MULT_LCANCEL] THEN DISJ2_TAC THEN
  MATCH_MP_TAC(ARITH_RULE `v < n ==> v + 1 <= n`) THEN REWRITE_TAC[VAL64_BOUND]);;

(* ---- value equations for the instructions ---- *)

let AWC_EQ = prove
 (`!a b c. val(awc a b c) + 2 EXP 64 * bitval(awc_c a b c) = val a + val b + bitval c`,
  REPEAT GEN_TAC THEN REWRITE_TAC[awc; awc_c; VAL_WORD; DIMINDEX_64] THEN
  SUBGOAL_THEN `val(a:int64) + val(b:int64) + bitval c < 2 * 2 EXP 64` MP_TAC THENL
   [MP_TAC(ISPEC `a:int64` VAL64_BOUND) THEN MP_TAC(ISPEC `b:int64` VAL64_BOUND) THEN
    MP_TAC(SPEC `c:bool` BITVAL_BOUND) THEN ARITH_TAC;
    ALL_TAC] THEN
  SPEC_TAC(`val(a:int64) + val(b:int64) + bitval c`, `s:num`) THEN
  GEN_TAC THEN DISCH_TAC THEN REWRITE_TAC[bitval] THEN COND_CASES_TAC THENL
   [MATCH_MP_TAC(ARITH_RULE `x = s - n /\ n <= s ==> x + n * 1 = s`) THEN
    ASM_REWRITE_TAC[] THEN MATCH_MP_TAC MOD_UNIQ THEN EXISTS_TAC `1` THEN ASM_ARITH_TAC;
    ASM_SIMP_TAC[MOD_LT; GSYM NOT_LE] THEN ARITH_TAC]);;

let VAL64_NOT = prove
 (`!w:int64. val(word_not w) = 18446744073709551615 - val w`,
  REWRITE_TAC[VAL_WORD_NOT; DIMINDEX_64] THEN CONV_TAC NUM_REDUCE_CONV THEN
  REWRITE_TAC[ARITH_RULE `18446744073709551616 - 1 - x = 18446744073709551615 - x`]);;

let MUL_EQ = prove
 (`!a b:int64. val(word_mul a b) + 2 EXP 64 * ((val a * val b) DIV 2 EXP 64) = val a * val b`,
  REPEAT GEN_TAC THEN REWRITE_TAC[VAL_WORD_MUL; DIMINDEX_64] THEN
  MP_TAC(SPECL [`val(a:int64) * val(b:int64)`; `2 EXP 64`] DIVISION) THEN
  CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

let UMULH_EQ = prove
 (`!a b. val(umulh a b) = (val a * val b) DIV 2 EXP 64`,
  REPEAT GEN_TAC THEN REWRITE_TAC[umulh] THEN MATCH_MP_TAC VAL64_WORD_SMALL THEN
  MP_TAC(ISPEC `a:int64` VAL64_BOUND) THEN MP_TAC(ISPEC `b:int64` VAL64_BOUND) THEN
  SIMP_TAC[RDIV_LT_EQ; EXP_EQ_0; ARITH_EQ] THEN
  REPEAT STRIP_TAC THEN MATCH_MP_TAC LT_MULT2 THEN ASM_REWRITE_TAC[]);;

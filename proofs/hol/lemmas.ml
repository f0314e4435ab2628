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
  REWRITE_TAC[write64; WORD_ADD_SUB_CANCEL] THEN
  SUBGOAL_THEN `val(word j:int64) = j` SUBST1_TAC THENL
   [MATCH_MP_TAC VAL64_WORD_SMALL THEN
    MATCH_MP_TAC(ARITH_RULE `j < 8 /\ 8 < n ==> j < n`) THEN
    CONV_TAC(RAND_CONV NUM_REDUCE_CONV) THEN ASM_ARITH_TAC;
    ALL_TAC] THEN
  ASM_SIMP_TAC[ARITH_RULE `j + SUC k <= 8 ==> j < 8`] THEN
  REWRITE_TAC[VAL_WORD; DIMINDEX_8] THEN CONV_TAC NUM_REDUCE_CONV THEN
  REWRITE_TAC[LEFT_ADD_DISTRIB; EXP_ADD; GSYM DIV_DIV] THEN
  CONV_TAC NUM_REDUCE_CONV THEN
  REWRITE_TAC[ARITH_RULE `8 * k + 8 = 8 + 8 * k`; EXP_ADD] THEN
  CONV_TAC NUM_REDUCE_CONV THEN
  REWRITE_TAC[MOD_MULT_MOD] THEN ARITH_TAC);;

let READ64_WRITE64_SAME = prove
 (`!(a:int64) w m. read64 a (write64 a w m) = w`,
  REPEAT GEN_TAC THEN REWRITE_TAC[read64] THEN
  MP_TAC(SPECL [`8`; `0`; `a:int64`; `w:int64`; `m:int64->byte`] READN_WRITE64_SAME) THEN
  REWRITE_TAC[WORD_ADD_0] THEN CONV_TAC NUM_REDUCE_CONV THEN
  DISCH_THEN SUBST1_TAC THEN
  REWRITE_TAC[EXP; DIV_1; GSYM DIMINDEX_64; GSYM VAL_WORD; WORD_VAL]);;

let SEPARATE_NOT_IN = prove
 (`!(p:int64) k (q:int64) n i. separate p k q n /\ i < k
     ==> ~(val(word_sub (word_add p (word i)) q) < n)`,
  REWRITE_TAC[separate] THEN REPEAT STRIP_TAC THEN
  SUBGOAL_THEN `val(word_add p (word i):int64) = val p + i` ASSUME_TAC THENL
   [MATCH_MP_TAC VAL64_ADD_NOWRAP THEN ASM_ARITH_TAC; ALL_TAC] THEN
  RULE_ASSUM_TAC(REWRITE_RULE[VAL_WORD_SUB_CASES; DIMINDEX_64]) THEN
  MP_TAC(ISPEC `q:int64` VAL64_BOUND) THEN
  REPEAT(POP_ASSUM MP_TAC) THEN ASM_REWRITE_TAC[] THEN
  REPEAT(COND_CASES_TAC THEN ASM_REWRITE_TAC[]) THEN ASM_ARITH_TAC);;

let READN_WRITE64_SEP = prove
 (`!k (p:int64) q w m. separate p k q 8
     ==> readn k p (write64 q w m) = readn k p m`,
  INDUCT_TAC THEN REWRITE_TAC[readn] THEN REPEAT STRIP_TAC THEN
  BINOP_TAC THENL
   [MP_TAC(SPECL [`p:int64`; `SUC k`; `q:int64`; `8`; `0`] SEPARATE_NOT_IN) THEN
    ASM_REWRITE_TAC[WORD_ADD_0; ARITH_RULE `0 < SUC k`] THEN
    SIMP_TAC[write64];
    AP_TERM_TAC THEN FIRST_X_ASSUM MATCH_MP_TAC THEN
    POP_ASSUM MP_TAC THEN REWRITE_TAC[separate] THEN
    SUBGOAL_THEN `val(word_add p (word 1):int64) = val p + 1` SUBST1_TAC THENL
     [MATCH_MP_TAC VAL64_ADD_NOWRAP; ALL_TAC] THEN ASM_ARITH_TAC]);;

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
 (`!(a:int64) n o w m x. o + 8 <= n /\ ~(val(word_sub x a) < n)
     ==> write64 (word_add a (word o)) w m x = m x`,
  REPEAT STRIP_TAC THEN REWRITE_TAC[write64] THEN
  COND_CASES_TAC THEN REWRITE_TAC[] THEN
  UNDISCH_TAC `val(word_sub x (word_add a (word o):int64)) < 8` THEN
  SUBGOAL_THEN `word_sub x (word_add a (word o)) = word_sub (word_sub x a) (word o):int64`
  SUBST1_TAC THENL
   [REWRITE_TAC[GSYM VAL_EQ; VAL_WORD_SUB; VAL_WORD_ADD; DIMINDEX_64; VAL_WORD] THEN
    CONV_TAC MOD_DOWN_CONV THEN AP_THM_TAC THEN AP_TERM_TAC THEN
    MP_TAC(ISPEC `a:int64` VAL64_BOUND) THEN MP_TAC(ISPEC `x:int64` VAL64_BOUND) THEN
    ARITH_TAC;
    ALL_TAC] THEN
  MP_TAC(ISPEC `word_sub x a:int64` VAL64_BOUND) THEN
  SUBGOAL_THEN `val(word o:int64) = o` ASSUME_TAC THENL
   [MATCH_MP_TAC VAL64_WORD_SMALL THEN
    MP_TAC(ISPEC `word_sub x a:int64` VAL64_BOUND) THEN ASM_ARITH_TAC;
    ALL_TAC] THEN
  ASM_REWRITE_TAC[VAL_WORD_SUB_CASES; DIMINDEX_64] THEN
  COND_CASES_TAC THEN ASM_ARITH_TAC);;

let BIGNUM_AT_BOUND = prove
 (`!a k m. bignum_at a k m < 2 EXP (64 * k)`,
  GEN_TAC THEN INDUCT_TAC THEN REWRITE_TAC[bignum_at; MULT_CLAUSES; EXP; ARITH] THEN
  GEN_TAC THEN REWRITE_TAC[EXP_ADD] THEN
  MP_TAC(ISPEC `read64 (word_add a (word (8 * k))) m` VAL64_BOUND) THEN
  FIRST_X_ASSUM(MP_TAC o SPEC `m:int64->byte`) THEN
  SPEC_TAC(`val(read64 (word_add a (word (8 * k))) m)`,`v:num`) THEN
  SPEC_TAC(`bignum_at a k m`,`b:num`) THEN
  SPEC_TAC(`2 EXP (64 * k)`,`p:num`) THEN REPEAT GEN_TAC THEN REPEAT DISCH_TAC THEN
  SUBGOAL_THEN `b + p * v < p + p * v /\ p + p * v <= p * 2 EXP 64` MP_TAC THENL
   [CONJ_TAC THENL [ASM_ARITH_TAC; ALL_TAC] THEN
    REWRITE_TAC[ARITH_RULE `p + p * v = p * (v + 1)`; LE_MULT_LCANCEL] THEN
    ASM_ARITH_TAC;
    ARITH_TAC]);;

(* ---- value equations for the instructions ---- *)

let AWC_EQ = prove
 (`!a b c. val(awc a b c) + 2 EXP 64 * bitval(awc_c a b c) = val a + val b + bitval c`,
  REPEAT GEN_TAC THEN REWRITE_TAC[awc; awc_c; VAL_WORD; DIMINDEX_64] THEN
  MP_TAC(ISPEC `a:int64` VAL64_BOUND) THEN MP_TAC(ISPEC `b:int64` VAL64_BOUND) THEN
  MP_TAC(SPEC `c:bool` BITVAL_BOUND) THEN
  SPEC_TAC(`bitval c`,`cc:num`) THEN SPEC_TAC(`val(a:int64)`,`x:num`) THEN
  SPEC_TAC(`val(b:int64)`,`y:num`) THEN REPEAT GEN_TAC THEN REPEAT DISCH_TAC THEN
  COND_CASES_TAC THEN REWRITE_TAC[BITVAL_CLAUSES] THENL
   [SUBGOAL_THEN `(y + x + cc) MOD 2 EXP 64 = (y + x + cc) - 2 EXP 64` SUBST1_TAC THENL
     [MATCH_MP_TAC MOD_UNIQ THEN EXISTS_TAC `1` THEN ASM_ARITH_TAC; ASM_ARITH_TAC];
    SUBGOAL_THEN `(y + x + cc) MOD 2 EXP 64 = y + x + cc` SUBST1_TAC THENL
     [MATCH_MP_TAC MOD_LT THEN ASM_ARITH_TAC; ARITH_TAC]]);;

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

(* bignum_kmul_16_32 (arm/bignum_kmul_16_32.S), proved compositionally with
   the segments of hol/segment.ml. First a self-test of the framework:
   bignum_sqr_4_8 again, as two segments (its three loads, then the rest)
   composed by ENSURES_SEQ. *)

let SQR48_SEG_A = `!pc z x. ensures
  (\s. arm_pc s = pc /\ code_at (arm_mem s) pc bignum_sqr_4_8_code /\
       arm_regs s 0 = z /\ arm_regs s 1 = x /\
       nowrap z 64 /\ separate pc (LENGTH bignum_sqr_4_8_code) z 64)
  (\s s'. arm_pc s' = word_add pc (word 12) /\ maychange [2;3;4;5] [] s s' /\
       arm_regs s' 2 = read64 (word_add x (word 0)) (arm_mem s) /\
       arm_regs s' 3 = read64 (word_add x (word 8)) (arm_mem s) /\
       arm_regs s' 4 = read64 (word_add x (word 16)) (arm_mem s) /\
       arm_regs s' 5 = read64 (word_add x (word 24)) (arm_mem s))`;;

let SQR48_SEG_B = `!pc z x. ensures
  (\s. arm_pc s = word_add pc (word 12) /\
       code_at (arm_mem s) pc bignum_sqr_4_8_code /\
       arm_regs s 0 = z /\ arm_regs s 1 = x /\
       arm_regs s 2 = read64 (word_add x (word 0)) (arm_mem s) /\
       arm_regs s 3 = read64 (word_add x (word 8)) (arm_mem s) /\
       arm_regs s 4 = read64 (word_add x (word 16)) (arm_mem s) /\
       arm_regs s 5 = read64 (word_add x (word 24)) (arm_mem s) /\
       nowrap z 64 /\ separate pc (LENGTH bignum_sqr_4_8_code) z 64)
  (\s s'. returns_with_frame z 64 s s' /\
          bignum_at z 8 (arm_mem s') = bignum_at x 4 (arm_mem s) EXP 2)`;;

let with_sqr_facts f () =
  block_facts := (fun st -> let ab = st.abbrevs in
    (lemma_instances SQR2_BLOCK ab @ lemma_instances ABS2 ab,
     lemma_instances YCHAIN ab));
  let r = try f () with e -> (block_facts := (fun _ -> [], []); raise e) in
  block_facts := (fun _ -> [], []); r;;

let sqr48_seg_a = ref TRUTH and sqr48_seg_b = ref TRUTH;;

run_proof "segment-selftest:sqr_4_8_a" (fun () ->
  let th = prove_segment (SQR48_SEG_A, At_offset 12) in sqr48_seg_a := th; th);;

run_proof "segment-selftest:sqr_4_8_b" (with_sqr_facts (fun () ->
  let th = prove_segment (SQR48_SEG_B, Steps (bignum_sqr_4_8_ninstr - 3)) in
  sqr48_seg_b := th; th));;

run_proof "segment-selftest:sqr_4_8" (fun () ->
  let spec = parse_term (assoc "bignum_sqr_4_8" arm_statements) in
  prove(spec,
    REPEAT GEN_TAC THEN
    SEQ_TAC (SPEC_ALL !sqr48_seg_a) (SPEC_ALL !sqr48_seg_b)
     (REWRITE_TAC[spec_bignum_sqr_4_8] THEN CONJ_TAC THENL
       [RETURNS_TAC; FRAME_TAC])));;

(* ------------------------------------------------------------------------- *)
(* bignum_kmul_16_32. Byte offsets of the segments in the code:              *)
(*   0     prologue: bti, five stp (x19..x28 to the 96-byte frame fp =      *)
(*         sp - 96), mov x28, x3                                             *)
(*   28    vb_mul8 L: z[0..15] = x[0..7] * y[0..7]                          *)
(*   1704  vb_mul8 H: z[16..31] = x[8..15] * y[8..15]                       *)
(*   3380  vb_absdiff8r: t[0..7] = |x_lo - x_hi|, x1 = its sign mask         *)
(*   3528  vb_absdiff8r: t[8..15] = |y_hi - y_lo|, x27 mask; eor x1, x27   *)
(*   3680  vb_mul8 M: t[16..31] = t[0..7] * t[8..15]                        *)
(*   5356  recombination z = L + B^8 (L + H + (-1)^s |M|) + B^16 H          *)
(*   5904  epilogue: five ldp, ret                                          *)
(* ------------------------------------------------------------------------- *)

let KMUL_FP = `word_sub sp (word 96):int64`;;

let KMUL_SEG_PROLOGUE = `!pc t sp. ensures
  (\s. arm_pc s = pc /\ code_at (arm_mem s) pc bignum_kmul_16_32_code /\
       arm_sp s = sp /\ arm_regs s 3 = t /\
       separate pc (LENGTH bignum_kmul_16_32_code) (word_sub sp (word 96)) 96)
  (\s s'. arm_pc s' = word_add pc (word 28) /\
       maychange [28; 31] [(word_sub sp (word 96), 96)] s s' /\
       arm_sp s' = word_add (word_sub sp (word 96)) (word 0) /\
       arm_regs s' 28 = t /\
       read64 (word_add (word_sub sp (word 96)) (word 0)) (arm_mem s') = arm_regs s 19 /\
       read64 (word_add (word_sub sp (word 96)) (word 8)) (arm_mem s') = arm_regs s 20 /\
       read64 (word_add (word_sub sp (word 96)) (word 16)) (arm_mem s') = arm_regs s 21 /\
       read64 (word_add (word_sub sp (word 96)) (word 24)) (arm_mem s') = arm_regs s 22 /\
       read64 (word_add (word_sub sp (word 96)) (word 32)) (arm_mem s') = arm_regs s 23 /\
       read64 (word_add (word_sub sp (word 96)) (word 40)) (arm_mem s') = arm_regs s 24 /\
       read64 (word_add (word_sub sp (word 96)) (word 48)) (arm_mem s') = arm_regs s 25 /\
       read64 (word_add (word_sub sp (word 96)) (word 56)) (arm_mem s') = arm_regs s 26 /\
       read64 (word_add (word_sub sp (word 96)) (word 64)) (arm_mem s') = arm_regs s 27 /\
       read64 (word_add (word_sub sp (word 96)) (word 72)) (arm_mem s') = arm_regs s 28)`;;

let KMUL_SEG_EPILOGUE = `!pc sp. ensures
  (\s. arm_pc s = word_add pc (word 5904) /\
       code_at (arm_mem s) pc bignum_kmul_16_32_code /\
       arm_sp s = word_add (word_sub sp (word 96)) (word 0) /\
       separate pc (LENGTH bignum_kmul_16_32_code) (word_sub sp (word 96)) 96)
  (\s s'. arm_pc s' = arm_regs s 30 /\ arm_sp s' = sp /\
       maychange [19; 20; 21; 22; 23; 24; 25; 26; 27; 28; 31] [] s s' /\
       arm_regs s' 19 = read64 (word_add (word_sub sp (word 96)) (word 0)) (arm_mem s) /\
       arm_regs s' 20 = read64 (word_add (word_sub sp (word 96)) (word 8)) (arm_mem s) /\
       arm_regs s' 21 = read64 (word_add (word_sub sp (word 96)) (word 16)) (arm_mem s) /\
       arm_regs s' 22 = read64 (word_add (word_sub sp (word 96)) (word 24)) (arm_mem s) /\
       arm_regs s' 23 = read64 (word_add (word_sub sp (word 96)) (word 32)) (arm_mem s) /\
       arm_regs s' 24 = read64 (word_add (word_sub sp (word 96)) (word 40)) (arm_mem s) /\
       arm_regs s' 25 = read64 (word_add (word_sub sp (word 96)) (word 48)) (arm_mem s) /\
       arm_regs s' 26 = read64 (word_add (word_sub sp (word 96)) (word 56)) (arm_mem s) /\
       arm_regs s' 27 = read64 (word_add (word_sub sp (word 96)) (word 64)) (arm_mem s) /\
       arm_regs s' 28 = read64 (word_add (word_sub sp (word 96)) (word 72)) (arm_mem s))`;;

let kmul_segs = ref ([] : (string * thm) list);;
let kmul_segment name spec stop =
  run_proof ("bignum_kmul_16_32:" ^ name) (fun () ->
    let th = prove_segment (spec, stop) in
    kmul_segs := (name, th) :: !kmul_segs; th);;

kmul_segment "prologue" KMUL_SEG_PROLOGUE (At_offset 28);;
kmul_segment "epilogue" KMUL_SEG_EPILOGUE (Steps 6);;

(* ---- vb_absdiff8r: |A - B| of two 8-word blocks and the sign mask ---- *)

let KMUL_SEG_ABSX = `!pc x t. ensures
  (\s. arm_pc s = word_add pc (word 3380) /\
       code_at (arm_mem s) pc bignum_kmul_16_32_code /\
       arm_regs s 1 = x /\ arm_regs s 28 = t /\
       separate pc (LENGTH bignum_kmul_16_32_code) t 256)
  (\s s'. arm_pc s' = word_add pc (word 3528) /\
       maychange [1; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17; 19]
                 [(t, 64)] s s' /\
       arm_regs s' 1 =
         (if bignum_at x 8 (arm_mem s) < bignum_at (word_add x (word 64)) 8 (arm_mem s)
          then word_not(word 0) else word 0) /\
       bignum_at t 8 (arm_mem s') =
         (if bignum_at x 8 (arm_mem s) < bignum_at (word_add x (word 64)) 8 (arm_mem s)
          then bignum_at (word_add x (word 64)) 8 (arm_mem s) - bignum_at x 8 (arm_mem s)
          else bignum_at x 8 (arm_mem s) - bignum_at (word_add x (word 64)) 8 (arm_mem s)))`;;

let KMUL_SEG_ABSY = `!pc y t m. ensures
  (\s. arm_pc s = word_add pc (word 3528) /\
       code_at (arm_mem s) pc bignum_kmul_16_32_code /\
       arm_regs s 1 = m /\ arm_regs s 2 = y /\ arm_regs s 28 = t /\
       separate pc (LENGTH bignum_kmul_16_32_code) t 256)
  (\s s'. arm_pc s' = word_add pc (word 3680) /\
       maychange [1; 3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17; 19; 27]
                 [(word_add t (word 64), 64)] s s' /\
       arm_regs s' 1 = word_xor m
         (if bignum_at (word_add y (word 64)) 8 (arm_mem s) < bignum_at y 8 (arm_mem s)
          then word_not(word 0) else word 0) /\
       bignum_at (word_add t (word 64)) 8 (arm_mem s') =
         (if bignum_at (word_add y (word 64)) 8 (arm_mem s) < bignum_at y 8 (arm_mem s)
          then bignum_at y 8 (arm_mem s) - bignum_at (word_add y (word 64)) 8 (arm_mem s)
          else bignum_at (word_add y (word 64)) 8 (arm_mem s) - bignum_at y 8 (arm_mem s)))`;;

(* The borrow of the subtraction decides the comparison (ABS_BORROW_LT), and
   the block is A - B or B - A modulo 2^512 (ABS_BLOCK_FINISH): lemmas of
   hol/signed_carry.ml. *)

(* Expansion of an integer expression over the final state into the
   polynomial normal form over loaded words and carries. *)
let expand_conv st extra =
  ONCE_DEPTH_CONV BIGNUM_EXPAND_CONV THENC REWRITE_CONV[arm_mem] THENC
  EVAL_CONV st.net THENC REWRITE_CONV int_push_thms THENC
  REWRITE_CONV (map snd st.valeqs @ extra @
    [BITVAL_CLAUSES; INT_VAL_NOT; INT_VAL_WORD_0; WORD_XOR_0; WORD_XOR_NOT0]) THENC
  INT_POLY_CONV;;

(* Closing step of an absdiff segment: goals A < B mask in a register, the
   block |A - B| in memory. The borrow f of the subtraction chain gives
   A < B <=> ~f (ABS_BORROW_LT); then by cases on f, the mask is a constant
   and the stored block equals A - B or B - A modulo 2^512. *)
let ABSDIFF_CLOSE_TAC st (asl,w) =
  let abbrev_of v = assoc v st.abbrevs in
  (* the mask csetm: v = if f then word 0 else word_not(word 0) *)
  let mvar, f = tryfind (fun (v,t) -> match t with
      Comb(Comb(Comb(Const("COND",_),f),Comb(Const("word",_),z)),_) when z = `0` -> (v,f)
    | _ -> fail()) st.abbrevs in
  (* A and B from the bignum goal *)
  let bgoal = find (fun c -> is_eq c && fst(strip_comb(lhs c)) = `bignum_at`) (conjuncts w) in
  let cond = rand bgoal in
  let lt = rand(rator(rator cond)) in
  let ta = lhand lt and tb = rand lt in
  let ta = rhs(concl(REWRITE_CONV[arm_mem] ta)) and tb = rhs(concl(REWRITE_CONV[arm_mem] tb)) in
  let base t = rand(rator(rator t)) in
  let word_i t i =
    let addr = rand(concl(EVAL_CONV st.net (mk_comb(mk_comb(`word_add:int64->int64->int64`,
                 base t), mk_comb(`word:num->int64`, mk_small_numeral(8 * i)))))) in
    let addr = rand(concl(ADDR_CONV addr)) in
    let ld = fst(find (fun (_,t) -> match t with
        Comb(Comb(Const("read64",_),a),_) -> a = addr | _ -> false) st.abbrevs) in
    fst(find (fun (_,t) -> match t with
        Comb(Comb(Comb(Const("awc",_),p),Comb(Const("word_not",_),_)),_) -> p = ld
      | _ -> false) st.abbrevs) in
  let ds = map (word_i ta) (0--7) in
  let dterm = end_itlist (fun a b -> mk_comb(mk_comb(`int_add`,a),b))
    (map2 (fun i d -> mk_comb(mk_comb(`int_mul`, mk_intconst(power_num (Int 2) (Int (64*i)))),
                                 ival_of d)) (0--7) ds) in
  let nn = mk_numeral(power_num (Int 2) (Int 512)) in
  let ltf = abs_borrow_lt_fact "ABSDIFF" (expand_conv st []) dterm ta tb nn f ds in
  let mth = ASSUME(mk_eq(mvar, abbrev_of mvar)) in
  let mask_tac =
    REWRITE_TAC[arm_regs; arm_mem; regupd] THEN CONV_TAC NUM_REDUCE_CONV THEN
    REWRITE_TAC[ltf] THEN
    W(fun (asl,w) ->
      let v = lhs w in
      if v = mvar then ALL_TAC
      else REWRITE_TAC[ASSUME(mk_eq(v, abbrev_of v))]) THEN
    REWRITE_TAC[mth] THEN BOOL_CASES_TAC f THEN REWRITE_TAC[] in
  let blk_tac (asl,w) =
    let l = lhs w in
    (REWRITE_TAC[arm_mem; ltf] THEN ASM_CASES_TAC f THEN
     POP_ASSUM(fun fth -> REWRITE_TAC[fth] THEN ASSUME_TAC fth) THEN
     W(fun (asl,w) ->
       let fth = snd(hd asl) in
       let mval = REWRITE_RULE[fth] mth in
       let r = rand w in
       let ra = lhand r and rb = rand r in
       let ble = MP (MP (prove(mk_imp(concl ltf, mk_imp(concl fth,
                       mk_comb(mk_comb(`(<=):num->num->bool`, rb), ra))),
                   DISCH_THEN(fun l -> DISCH_THEN(fun c -> MP_TAC l THEN REWRITE_TAC[c])) THEN
                   ARITH_TAC)) ltf) fth in
       let l = lhs w in
       let diff = mk_comb(mk_comb(`int_sub`, mk_comb(`int_of_num`, l)),
                    mk_comb(mk_comb(`int_sub`, mk_comb(`int_of_num`, ra)), mk_comb(`int_of_num`, rb))) in
       let dth = expand_conv st [fth; mval] diff in
       let d = rand(concl dth) in
       let e = divide_poly nn d in
       let ne = mk_comb(mk_comb(`int_mul`, mk_comb(`int_of_num`, nn)), e) in
       let eqth = TRANS dth (SYM(INT_POLY_CONV ne)) in
       let lb = CONV_RULE (RAND_CONV NUM_REDUCE_CONV) (PART_MATCH lhand BIGNUM_AT_BOUND l) in
       let ab = CONV_RULE (RAND_CONV NUM_REDUCE_CONV) (PART_MATCH lhand BIGNUM_AT_BOUND ra) in
       ACCEPT_TAC(MP (ISPECL [nn; l; ra; rb; e] ABS_BLOCK_FINISH)
                     (CONJ eqth (CONJ lb (CONJ ab ble)))))) (asl,w) in
  let rec go (asl,w) =
    if is_conj w then (CONJ_TAC THENL [go; go]) (asl,w) else
    let h = fst(strip_comb(if is_eq w then lhs w else w)) in
    (match h with
       Const("arm_regs",_) when (match rand w with Comb(Comb(Comb(Const("COND",_),_),_),_) -> true
                                  | Comb(Comb(Const("word_xor",_),_),_) -> true | _ -> false) -> mask_tac
     | Const("bignum_at",_) -> blk_tac
     | _ -> SEG_CLOSE_TAC st) (asl,w) in
  go (asl,w);;

let prove_absdiff_segment (spec, stop) = prove_sim (spec, stop, ABSDIFF_CLOSE_TAC);;

run_proof "bignum_kmul_16_32:absdiff_x" (fun () ->
  let th = prove_absdiff_segment (KMUL_SEG_ABSX, At_offset 3528) in
  kmul_segs := ("absdiff_x", th) :: !kmul_segs; th);;

(* Negative control: the same segment of the routine with one flipped bit
   (sbcs x4, x4, x12 becomes sbcs x4, x4, x13 at byte 3416) must fail. *)
expect_failure "bignum_kmul_16_32_flipped:absdiff_x" (fun () ->
  prove_absdiff_segment
    (subst [`bignum_kmul_16_32_flipped_code`, `bignum_kmul_16_32_code`] KMUL_SEG_ABSX,
     At_offset 3528));;

run_proof "bignum_kmul_16_32:absdiff_y" (fun () ->
  let th = prove_absdiff_segment (KMUL_SEG_ABSY, At_offset 3680) in
  kmul_segs := ("absdiff_y", th) :: !kmul_segs; th);;

(* ---- the remaining segments, stated (proof obligations) ---- *)

(* vb_mul8 z, 0, x, 0, y, 0: L = x_lo * y_lo. *)
let KMUL_SEG_MULL = `!pc z x y. ensures
  (\s. arm_pc s = word_add pc (word 28) /\
       code_at (arm_mem s) pc bignum_kmul_16_32_code /\
       arm_regs s 0 = z /\ arm_regs s 1 = x /\ arm_regs s 2 = y /\
       separate z 256 x 128 /\ separate z 256 y 128 /\
       separate pc (LENGTH bignum_kmul_16_32_code) z 256)
  (\s s'. arm_pc s' = word_add pc (word 1704) /\
       maychange [3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17;
                  19; 20; 21; 22; 23; 24; 25; 26; 27] [(z, 128)] s s' /\
       bignum_at z 16 (arm_mem s') = bignum_at x 8 (arm_mem s) * bignum_at y 8 (arm_mem s))`;;

(* vb_mul8 z, 128, x, 64, y, 64: H = x_hi * y_hi. *)
let KMUL_SEG_MULH = `!pc z x y. ensures
  (\s. arm_pc s = word_add pc (word 1704) /\
       code_at (arm_mem s) pc bignum_kmul_16_32_code /\
       arm_regs s 0 = z /\ arm_regs s 1 = x /\ arm_regs s 2 = y /\
       separate z 256 x 128 /\ separate z 256 y 128 /\
       separate pc (LENGTH bignum_kmul_16_32_code) z 256)
  (\s s'. arm_pc s' = word_add pc (word 3380) /\
       maychange [3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17;
                  19; 20; 21; 22; 23; 24; 25; 26; 27] [(word_add z (word 128), 128)] s s' /\
       bignum_at (word_add z (word 128)) 16 (arm_mem s') =
       bignum_at (word_add x (word 64)) 8 (arm_mem s) *
       bignum_at (word_add y (word 64)) 8 (arm_mem s))`;;

(* vb_mul8 t, 128, t, 0, t, 64: |M| = t[0..7] * t[8..15]. *)
let KMUL_SEG_MULM = `!pc t. ensures
  (\s. arm_pc s = word_add pc (word 3680) /\
       code_at (arm_mem s) pc bignum_kmul_16_32_code /\
       arm_regs s 28 = t /\ nowrap t 256 /\
       separate pc (LENGTH bignum_kmul_16_32_code) t 256)
  (\s s'. arm_pc s' = word_add pc (word 5356) /\
       maychange [3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17;
                  19; 20; 21; 22; 23; 24; 25; 26; 27] [(word_add t (word 128), 128)] s s' /\
       bignum_at (word_add t (word 128)) 16 (arm_mem s') =
       bignum_at t 8 (arm_mem s) * bignum_at (word_add t (word 64)) 8 (arm_mem s))`;;

(* The block recombination: z = L + B^8 (L + H + (-1)^s |M|) + B^16 H modulo
   2^2048, s the xor of the two masks in x1. *)
let KMUL_SEG_RECOMB = `!pc z t p q. ensures
  (\s. arm_pc s = word_add pc (word 5356) /\
       code_at (arm_mem s) pc bignum_kmul_16_32_code /\
       arm_regs s 0 = z /\ arm_regs s 28 = t /\
       arm_regs s 1 = word_xor (if p then word_not(word 0) else word 0)
                               (if q then word_not(word 0) else word 0) /\
       separate z 256 t 256 /\
       separate pc (LENGTH bignum_kmul_16_32_code) z 256)
  (\s s'. arm_pc s' = word_add pc (word 5904) /\
       maychange [3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17;
                  19; 20; 21; 22; 23; 24] [(word_add z (word 64), 192)] s s' /\
       &(bignum_at z 32 (arm_mem s')):int =
       (&(bignum_at z 16 (arm_mem s)) +
        &2 pow 512 * (&(bignum_at z 16 (arm_mem s)) +
                      &(bignum_at (word_add z (word 128)) 16 (arm_mem s)) +
                      (if ~(p <=> q)
                       then -- &(bignum_at (word_add t (word 128)) 16 (arm_mem s))
                       else &(bignum_at (word_add t (word 128)) 16 (arm_mem s)))) +
        &2 pow 1024 * &(bignum_at (word_add z (word 128)) 16 (arm_mem s)))
       rem &2 pow 2048)`;;

(* ---- the recombination: signed carries between blocks ---- *)

(* The closing step for z = ... rem 2^2048 with signed block carries is
   BLK_REM_TAC_EXTRA of hol/signed_carry.ml, given the sign mask's value in
   each case as extra rewrites. *)

(* The sign s = (if p then -1 else 0) xor (if q then -1 else 0) in x1, its
   copy in x23 (mov), and the carry of cmn x23, #1: by cases on p and q they
   are constants, and the eor'd words of |M| are |M|'s words or their
   complements. *)
let KMUL_RECOMB_CLOSE_TAC st (asl,w) =
  let find_ab pred = tryfind (fun (v,t) -> if pred t then (v,t) else fail()) st.abbrevs in
  let v1, t1 = find_ab (fun t -> match t with
      Comb(Comb(Const("word_xor",_),Comb(Comb(Comb(Const("COND",_),_),_),_)),_) -> true
    | _ -> false) in
  let p = rand(rator(rator(lhand t1))) and q = rand(rator(rator(rand t1))) in
  let v2, t2 = find_ab (fun t ->
      t = mk_comb(mk_comb(`word_or:int64->int64->int64`, `word 0:int64`), v1)) in
  let f, t3 = find_ab (fun t -> t = list_mk_comb(`awc_c`, [v2; `word 1:int64`; `F`])) in
  let h1 = ASSUME(mk_eq(v1, t1)) and h2 = ASSUME(mk_eq(v2, t2))
  and h3 = ASSUME(mk_eq(f, t3)) in
  let close_case (asl,w) =
    let qth = snd(hd asl) and pth = snd(el 1 asl) in
    let c1 = REWRITE_RULE[pth; qth; XOR_MASKS] h1 in
    let c2 = REWRITE_RULE[c1; WORD_OR_0] h2 in
    let c3 = REWRITE_RULE[c2; AWC_C_01; AWC_C_N01] h3 in
    let extra = [pth; qth; c1; c2; c3; WORD_XOR_0; WORD_XOR_NOT0; INT_VAL_NOT;
                 INT_VAL_WORD_0] in
    (REWRITE_TAC[pth; qth] THEN BLK_REM_TAC_EXTRA extra st) (asl,w) in
  let rec go (asl,w) =
    if is_conj w then (CONJ_TAC THENL [go; go]) (asl,w)
    else if is_eq w && (match lhs w with Comb(Const("int_of_num",_),_) -> true | _ -> false)
    then (ASM_CASES_TAC p THEN ASM_CASES_TAC q THEN close_case) (asl,w)
    else SEG_CLOSE_TAC st (asl,w) in
  go (asl,w);;

run_proof "bignum_kmul_16_32:recomb" (fun () ->
  let th = prove_sim (KMUL_SEG_RECOMB, At_offset 5904, KMUL_RECOMB_CLOSE_TAC) in
  kmul_segs := ("recomb", th) :: !kmul_segs; th);;

(* ---- composition ---- *)

let BIGNUM_AT_16_SPLIT = prove
 (`!a m. bignum_at a 16 m =
           bignum_at a 8 m + 2 EXP 512 * bignum_at (word_add a (word 64)) 8 m`,
  REPEAT GEN_TAC THEN CONV_TAC(ONCE_DEPTH_CONV BIGNUM_EXPAND_CONV) THEN
  REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC);;

(* (-1)^s |d| |e| = d * e for the sign s = sign d xor sign e. *)
let SIGNED_ABS_PROD = prove
 (`!x0 x1 y0 y1.
     (if ~(x0 < x1 <=> y1 < y0)
      then -- &((if x0 < x1 then x1 - x0 else x0 - x1) *
                (if y1 < y0 then y0 - y1 else y1 - y0))
      else &((if x0 < x1 then x1 - x0 else x0 - x1) *
             (if y1 < y0 then y0 - y1 else y1 - y0))) =
     (&x0 - &x1) * (&y1 - &y0):int`,
  REPEAT GEN_TAC THEN ASM_CASES_TAC `x0 < x1` THEN ASM_CASES_TAC `y1 < y0` THEN
  ASM_REWRITE_TAC[GSYM INT_OF_NUM_MUL] THEN RULE_ASSUM_TAC(REWRITE_RULE[NOT_LT]) THEN
  ASM_SIMP_TAC[GSYM INT_OF_NUM_SUB; LT_IMP_LE] THEN CONV_TAC INT_RING);;
(* Karatsuba recombination modulo 2^2048 gives the exact product. *)
let KARATSUBA_COMBINE = prove
 (`!x0 x1 y0 y1 Z.
     x0 < 2 EXP 512 /\ x1 < 2 EXP 512 /\ y0 < 2 EXP 512 /\ y1 < 2 EXP 512 /\
     &Z = (&(x0 * y0) + &2 pow 512 * (&(x0 * y0) + &(x1 * y1) +
            (if ~(x0 < x1 <=> y1 < y0)
             then -- &((if x0 < x1 then x1 - x0 else x0 - x1) *
                       (if y1 < y0 then y0 - y1 else y1 - y0))
             else &((if x0 < x1 then x1 - x0 else x0 - x1) *
                    (if y1 < y0 then y0 - y1 else y1 - y0)))) +
           &2 pow 1024 * &(x1 * y1)) rem &2 pow 2048
     ==> Z = (x0 + 2 EXP 512 * x1) * (y0 + 2 EXP 512 * y1)`,
  REPEAT GEN_TAC THEN REWRITE_TAC[SIGNED_ABS_PROD] THEN STRIP_TAC THEN
  SUBGOAL_THEN `(x0 + 2 EXP 512 * x1) * (y0 + 2 EXP 512 * y1) < 2 EXP 2048` ASSUME_TAC THENL
   [SUBGOAL_THEN `2 EXP 2048 = 2 EXP 1024 * 2 EXP 1024` SUBST1_TAC THENL
     [CONV_TAC NUM_REDUCE_CONV; ALL_TAC] THEN
    MATCH_MP_TAC LT_MULT2 THEN
    MAP_EVERY UNDISCH_TAC [`x0 < 2 EXP 512`; `x1 < 2 EXP 512`; `y0 < 2 EXP 512`;
                           `y1 < 2 EXP 512`] THEN
    CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC;
    ALL_TAC] THEN
  SUBGOAL_THEN `(&(x0 * y0) + &2 pow 512 * (&(x0 * y0) + &(x1 * y1) +
                 (&x0 - &x1) * (&y1 - &y0)) + &2 pow 1024 * &(x1 * y1)):int =
                &((x0 + 2 EXP 512 * x1) * (y0 + 2 EXP 512 * y1))` ASSUME_TAC THENL
   [REWRITE_TAC[GSYM INT_OF_NUM_MUL; GSYM INT_OF_NUM_ADD; GSYM INT_OF_NUM_POW] THEN
    CONV_TAC INT_RING;
    ALL_TAC] THEN
  SUBGOAL_THEN `&((x0 + 2 EXP 512 * x1) * (y0 + 2 EXP 512 * y1)) rem &2 pow 2048 =
                &((x0 + 2 EXP 512 * x1) * (y0 + 2 EXP 512 * y1)):int` ASSUME_TAC THENL
   [MATCH_MP_TAC INT_REM_LT THEN ASM_REWRITE_TAC[INT_POS; INT_OF_NUM_POW; INT_OF_NUM_LT];
    ALL_TAC] THEN
  ASM_MESON_TAC[INT_OF_NUM_EQ]);;

(* A goal left unsolved is printed before the proof fails. *)
let SHOW_LEFT_TAC name (asl,w) =
  Printf.printf "  %s: left %s\n%!" name (string_of_term w); ALL_TAC (asl,w);;

let KMUL_SPEC = parse_term (assoc "bignum_kmul_16_32" arm_statements);;

let EXP512_AS_BIGNUM = prove(`2 EXP 512 = 2 EXP (64 * 8)`, CONV_TAC NUM_REDUCE_CONV);;

(* bignum_kmul_16_32 from its eight segments, in order. *)
let KMUL_COMPOSE_TAC mull mulh mulm recomb =
  let seg name = assoc name !kmul_segs in
  let m0 = `arm_mem s0` in
  let bn a = list_mk_comb(`bignum_at`, [a; `8`; m0]) in
  let lt a b = mk_comb(mk_comb(`(<):num->num->bool`, a), b) in
  let x0 = bn `x:int64` and x1 = bn `word_add x (word 64):int64` in
  let y0 = bn `y:int64` and y1 = bn `word_add y (word 64):int64` in
  let p = lt x0 x1 and q = lt y1 y0 in
  let mask c = mk_cond(c, `word_not(word 0):int64`, `word 0:int64`) in
  seg_state_count := 0;
  MAP_EVERY X_GEN_TAC [`pc:int64`; `z:int64`; `x:int64`; `y:int64`; `t:int64`; `sp:int64`] THEN
  REWRITE_TAC[ensures] THEN X_GEN_TAC `s0:armstate` THEN
  CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN STRIP_TAC THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `t:int64`; `sp:int64`] (seg "prologue")) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `z:int64`; `x:int64`; `y:int64`] mull) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `z:int64`; `x:int64`; `y:int64`] mulh) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `x:int64`; `t:int64`] (seg "absdiff_x")) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `y:int64`; `t:int64`; mask p] (seg "absdiff_y")) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `t:int64`] mulm) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `z:int64`; `t:int64`; p; q] recomb) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `sp:int64`] (seg "epilogue")) THEN
  SEG_DONE_TAC
   (CONJ_TAC THENL
     [RETURNS_TAC THEN SHOW_LEFT_TAC "frame";
      REWRITE_TAC[spec_bignum_kmul_16_32; BIGNUM_AT_16_SPLIT] THEN
      MATCH_MP_TAC KARATSUBA_COMBINE THEN
      REWRITE_TAC[EXP512_AS_BIGNUM; BIGNUM_AT_BOUND] THEN
      FRAME_TAC THEN SHOW_LEFT_TAC "product"]);;

(* The composition, checked now: the routine is correct if the three vb_mul8
   segments and the recombination meet their statements above. *)
let kmul_composition = ref TRUTH;;
run_proof "bignum_kmul_16_32:composition" (fun () ->
  let th = prove(mk_imp(list_mk_conj[KMUL_SEG_MULL; KMUL_SEG_MULH; KMUL_SEG_MULM;
                                     KMUL_SEG_RECOMB], KMUL_SPEC),
    DISCH_THEN(fun th ->
      let [a; b; c; d] = CONJUNCTS th in KMUL_COMPOSE_TAC a b c d)) in
  kmul_composition := th; th);;

(* The vb_mul8 segments, by simulation with the block lemmas of
   hol/karatsuba_mul.ml (as bignum_mul_8_16). *)
let kmul_mul8_segment name spec stop =
  run_proof ("bignum_kmul_16_32:" ^ name) (with_mul_facts mul8_block_facts (fun () ->
    let th = prove_segment (spec, stop) in
    kmul_segs := (name, th) :: !kmul_segs; th));;

kmul_mul8_segment "mul8_lo" KMUL_SEG_MULL (At_offset 1704);;
kmul_mul8_segment "mul8_hi" KMUL_SEG_MULH (At_offset 3380);;
kmul_mul8_segment "mul8_mid" KMUL_SEG_MULM (At_offset 5356);;

(* The statement of bignum_kmul_16_32: the composition applied to the four
   segments proved above (the other four are used inside it). *)
run_proof "bignum_kmul_16_32" (fun () ->
  MP !kmul_composition
    (end_itlist CONJ (map (fun n -> try assoc n !kmul_segs with Failure _ ->
                                      failwith ("segment " ^ n ^ " not proved"))
                        ["mul8_lo"; "mul8_hi"; "mul8_mid"; "recomb"])));;

(* bignum_ksqr_16_32 (arm/bignum_ksqr_16_32.S), proved compositionally with
   the segments of hol/segment.ml (as aarch64/kmul_16_32.ml does for the
   product). Byte offsets of the segments in the code:
     0     prologue: bti, four stp (x19..x26 to the 64-byte frame sp - 64)
     20    vb_sqr8 L: z[0..15] = x[0..7]^2
     1020  vb_sqr8 H: z[16..31] = x[8..15]^2
     2020  vb_absdiff8r: t[0..7] = |x_lo - x_hi| (mask in x24, not used after)
     2168  vb_sqr8 D: t[8..23] = t[0..7]^2
     3168  recombination z = L + B^8 (L + H - D) + B^16 H (mod 2^2048)
     3644  epilogue: four ldp, ret
   Each segment is proved by the simulation of sim.ml (prove_sim): the
   vb_sqr8 ones closed with the block facts of hol/karatsuba_sqr8.ml (as for
   bignum_sqr_8_16), vb_absdiff8r and the recombination (signed block
   carries) with the closing steps of hol/signed_carry.ml. The composition
   (SEG_STEP_TAC) then needs KSQR_COMBINE: L + H - (lo - hi)^2 = 2 lo hi, so
   the result modulo 2^2048 is the exact square. Why segments: a vb_sqr8
   segment (250 instructions) simulates in 10 s and closes in 2 s, the
   whole proof takes 48 s (idle machine); a flat run of 916 instructions
   (not attempted) would walk a store chain four times longer and its
   closing would still need the signed-carry reasoning below.
   Negative control: adcs x4, x13, x24 -> x25 at byte 3372 (the sign
   extension of block 1's carry) makes the recombination fail. *)

let KSQR_SEG_PROLOGUE = `!pc sp. ensures
  (\s. arm_pc s = pc /\ code_at (arm_mem s) pc bignum_ksqr_16_32_code /\
       arm_sp s = sp /\
       separate pc (LENGTH bignum_ksqr_16_32_code) (word_sub sp (word 64)) 64)
  (\s s'. arm_pc s' = word_add pc (word 20) /\
       maychange [31] [(word_sub sp (word 64), 64)] s s' /\
       arm_sp s' = word_add (word_sub sp (word 64)) (word 0) /\
       read64 (word_add (word_sub sp (word 64)) (word 0)) (arm_mem s') = arm_regs s 19 /\
       read64 (word_add (word_sub sp (word 64)) (word 8)) (arm_mem s') = arm_regs s 20 /\
       read64 (word_add (word_sub sp (word 64)) (word 16)) (arm_mem s') = arm_regs s 21 /\
       read64 (word_add (word_sub sp (word 64)) (word 24)) (arm_mem s') = arm_regs s 22 /\
       read64 (word_add (word_sub sp (word 64)) (word 32)) (arm_mem s') = arm_regs s 23 /\
       read64 (word_add (word_sub sp (word 64)) (word 40)) (arm_mem s') = arm_regs s 24 /\
       read64 (word_add (word_sub sp (word 64)) (word 48)) (arm_mem s') = arm_regs s 25 /\
       read64 (word_add (word_sub sp (word 64)) (word 56)) (arm_mem s') = arm_regs s 26)`;;

let KSQR_SEG_EPILOGUE = `!pc sp. ensures
  (\s. arm_pc s = word_add pc (word 3644) /\
       code_at (arm_mem s) pc bignum_ksqr_16_32_code /\
       arm_sp s = word_add (word_sub sp (word 64)) (word 0) /\
       separate pc (LENGTH bignum_ksqr_16_32_code) (word_sub sp (word 64)) 64)
  (\s s'. arm_pc s' = arm_regs s 30 /\ arm_sp s' = sp /\
       maychange [19; 20; 21; 22; 23; 24; 25; 26; 31] [] s s' /\
       arm_regs s' 19 = read64 (word_add (word_sub sp (word 64)) (word 0)) (arm_mem s) /\
       arm_regs s' 20 = read64 (word_add (word_sub sp (word 64)) (word 8)) (arm_mem s) /\
       arm_regs s' 21 = read64 (word_add (word_sub sp (word 64)) (word 16)) (arm_mem s) /\
       arm_regs s' 22 = read64 (word_add (word_sub sp (word 64)) (word 24)) (arm_mem s) /\
       arm_regs s' 23 = read64 (word_add (word_sub sp (word 64)) (word 32)) (arm_mem s) /\
       arm_regs s' 24 = read64 (word_add (word_sub sp (word 64)) (word 40)) (arm_mem s) /\
       arm_regs s' 25 = read64 (word_add (word_sub sp (word 64)) (word 48)) (arm_mem s) /\
       arm_regs s' 26 = read64 (word_add (word_sub sp (word 64)) (word 56)) (arm_mem s))`;;

(* vb_sqr8 z, 0, x, 0: L = x_lo^2. *)
let KSQR_SEG_SQRL = `!pc z x. ensures
  (\s. arm_pc s = word_add pc (word 20) /\
       code_at (arm_mem s) pc bignum_ksqr_16_32_code /\
       arm_regs s 0 = z /\ arm_regs s 1 = x /\
       separate z 256 x 128 /\
       separate pc (LENGTH bignum_ksqr_16_32_code) z 256)
  (\s s'. arm_pc s' = word_add pc (word 1020) /\
       maychange [3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17;
                  19; 20; 21; 22; 23; 24; 25; 26] [(z, 128)] s s' /\
       bignum_at z 16 (arm_mem s') = bignum_at x 8 (arm_mem s) EXP 2)`;;

(* vb_sqr8 z, 128, x, 64: H = x_hi^2. *)
let KSQR_SEG_SQRH = `!pc z x. ensures
  (\s. arm_pc s = word_add pc (word 1020) /\
       code_at (arm_mem s) pc bignum_ksqr_16_32_code /\
       arm_regs s 0 = z /\ arm_regs s 1 = x /\
       separate z 256 x 128 /\
       separate pc (LENGTH bignum_ksqr_16_32_code) z 256)
  (\s s'. arm_pc s' = word_add pc (word 2020) /\
       maychange [3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17;
                  19; 20; 21; 22; 23; 24; 25; 26] [(word_add z (word 128), 128)] s s' /\
       bignum_at (word_add z (word 128)) 16 (arm_mem s') =
       bignum_at (word_add x (word 64)) 8 (arm_mem s) EXP 2)`;;

(* vb_absdiff8r t, 0, x, 0, x, 64, x24: t[0..7] = |x_lo - x_hi|. *)
let KSQR_SEG_ABSD = `!pc x t. ensures
  (\s. arm_pc s = word_add pc (word 2020) /\
       code_at (arm_mem s) pc bignum_ksqr_16_32_code /\
       arm_regs s 1 = x /\ arm_regs s 2 = t /\
       separate pc (LENGTH bignum_ksqr_16_32_code) t 192)
  (\s s'. arm_pc s' = word_add pc (word 2168) /\
       maychange [3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17; 19; 24]
                 [(t, 64)] s s' /\
       bignum_at t 8 (arm_mem s') =
         (if bignum_at x 8 (arm_mem s) < bignum_at (word_add x (word 64)) 8 (arm_mem s)
          then bignum_at (word_add x (word 64)) 8 (arm_mem s) - bignum_at x 8 (arm_mem s)
          else bignum_at x 8 (arm_mem s) - bignum_at (word_add x (word 64)) 8 (arm_mem s)))`;;

(* vb_sqr8 t, 64, t, 0: D = t[0..7]^2. *)
let KSQR_SEG_SQRD = `!pc t. ensures
  (\s. arm_pc s = word_add pc (word 2168) /\
       code_at (arm_mem s) pc bignum_ksqr_16_32_code /\
       arm_regs s 2 = t /\ nowrap t 192 /\
       separate pc (LENGTH bignum_ksqr_16_32_code) t 192)
  (\s s'. arm_pc s' = word_add pc (word 3168) /\
       maychange [3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17;
                  19; 20; 21; 22; 23; 24; 25; 26] [(word_add t (word 64), 128)] s s' /\
       bignum_at (word_add t (word 64)) 16 (arm_mem s') = bignum_at t 8 (arm_mem s) EXP 2)`;;

(* The block recombination: z = L + B^8 (L + H - D) + B^16 H modulo 2^2048. *)
let KSQR_SEG_RECOMB = `!pc z t. ensures
  (\s. arm_pc s = word_add pc (word 3168) /\
       code_at (arm_mem s) pc bignum_ksqr_16_32_code /\
       arm_regs s 0 = z /\ arm_regs s 2 = t /\
       separate z 256 t 192 /\
       separate pc (LENGTH bignum_ksqr_16_32_code) z 256)
  (\s s'. arm_pc s' = word_add pc (word 3644) /\
       maychange [3; 4; 5; 6; 7; 8; 9; 10; 11; 12; 13; 14; 15; 16; 17;
                  19; 20; 21; 22; 24] [(word_add z (word 64), 192)] s s' /\
       &(bignum_at z 32 (arm_mem s')):int =
       (&(bignum_at z 16 (arm_mem s)) +
        &2 pow 512 * (&(bignum_at z 16 (arm_mem s)) +
                      &(bignum_at (word_add z (word 128)) 16 (arm_mem s)) -
                      &(bignum_at (word_add t (word 64)) 16 (arm_mem s))) +
        &2 pow 1024 * &(bignum_at (word_add z (word 128)) 16 (arm_mem s)))
       rem &2 pow 2048)`;;

let ksqr_segs = ref ([] : (string * thm) list);;
let ksqr_segment name spec stop =
  run_proof ("bignum_ksqr_16_32:" ^ name) (fun () ->
    let th = prove_segment (spec, stop) in
    ksqr_segs := (name, th) :: !ksqr_segs; th);;

let with_ksqr_sqr8_facts f () =
  block_facts := sqr8_block_facts;
  let r = try f () with e -> (block_facts := (fun _ -> [], []); raise e) in
  block_facts := (fun _ -> [], []); r;;

ksqr_segment "prologue" KSQR_SEG_PROLOGUE (At_offset 20);;
ksqr_segment "epilogue" KSQR_SEG_EPILOGUE (Steps 5);;
List.iter (fun (name, spec, stop) ->
  run_proof ("bignum_ksqr_16_32:" ^ name) (with_ksqr_sqr8_facts (fun () ->
    let th = prove_segment (spec, At_offset stop) in
    ksqr_segs := (name, th) :: !ksqr_segs; th)))
  ["sqr_l", KSQR_SEG_SQRL, 1020; "sqr_h", KSQR_SEG_SQRH, 2020;
   "sqr_d", KSQR_SEG_SQRD, 3168];;

(* ---- the recombination: signed carries between blocks ---- *)

(* Closing step: BLK_REM_CLOSE_TAC of hol/signed_carry.ml. *)
run_proof "bignum_ksqr_16_32:recomb" (fun () ->
  let th = prove_sim (KSQR_SEG_RECOMB, At_offset 3644, BLK_REM_CLOSE_TAC) in
  ksqr_segs := ("recomb", th) :: !ksqr_segs; th);;

(* Negative control: with adcs x4, x13, x24 -> x25 at offset 3372 (the sign
   extension of block 1's carry into block 2), the recombination must fail. *)
expect_failure "bignum_ksqr_16_32_flipped" (fun () ->
  prove_sim (subst [`bignum_ksqr_16_32_flipped_code`, `bignum_ksqr_16_32_code`]
               KSQR_SEG_RECOMB, At_offset 3644, BLK_REM_CLOSE_TAC));;

(* ---- vb_absdiff8r: |x_lo - x_hi| ---- *)

(* Closing step: ABS_BLOCK_CLOSE_TAC of hol/signed_carry.ml. *)
run_proof "bignum_ksqr_16_32:absd" (fun () ->
  let th = prove_sim (KSQR_SEG_ABSD, At_offset 2168, ABS_BLOCK_CLOSE_TAC) in
  ksqr_segs := ("absd", th) :: !ksqr_segs; th);;

(* ---- composition ---- *)

let KSQR_BIGNUM_AT_16_SPLIT = framework_lemma "KSQR_BIGNUM_AT_16_SPLIT" (fun () -> prove
 (`!a m. bignum_at a 16 m =
           bignum_at a 8 m + 2 EXP 512 * bignum_at (word_add a (word 64)) 8 m`,
  REPEAT GEN_TAC THEN CONV_TAC(ONCE_DEPTH_CONV BIGNUM_EXPAND_CONV) THEN
  REWRITE_TAC[WORD_ADD_ASSOC_CONST] THEN CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC));;

(* Karatsuba for squares modulo 2^2048 gives the exact square:
   L + H - |lo - hi|^2 = 2 lo hi. *)
let KSQR_COMBINE = framework_lemma "KSQR_COMBINE" (fun () -> prove
 (`!lo hi Z.
     lo < 2 EXP 512 /\ hi < 2 EXP 512 /\
     &Z = (&(lo EXP 2) + &2 pow 512 * (&(lo EXP 2) + &(hi EXP 2) -
            &((if lo < hi then hi - lo else lo - hi) EXP 2)) +
           &2 pow 1024 * &(hi EXP 2)) rem &2 pow 2048
     ==> Z = (lo + 2 EXP 512 * hi) EXP 2`,
  REPEAT GEN_TAC THEN
  SUBGOAL_THEN `&((if lo < hi then hi - lo else lo - hi) EXP 2):int = (&lo - &hi) pow 2`
    SUBST1_TAC THENL
   [COND_CASES_TAC THEN REWRITE_TAC[GSYM INT_OF_NUM_POW] THEN
    RULE_ASSUM_TAC(REWRITE_RULE[NOT_LT]) THEN
    ASM_SIMP_TAC[GSYM INT_OF_NUM_SUB; LT_IMP_LE] THEN CONV_TAC INT_RING;
    ALL_TAC] THEN
  STRIP_TAC THEN
  SUBGOAL_THEN `(lo + 2 EXP 512 * hi) EXP 2 < 2 EXP 2048` ASSUME_TAC THENL
   [SUBGOAL_THEN `2 EXP 2048 = 2 EXP 1024 EXP 2` SUBST1_TAC THENL
     [CONV_TAC NUM_REDUCE_CONV; ALL_TAC] THEN
    REWRITE_TAC[EXP_2] THEN MATCH_MP_TAC LT_MULT2 THEN
    MAP_EVERY UNDISCH_TAC [`lo < 2 EXP 512`; `hi < 2 EXP 512`] THEN
    CONV_TAC NUM_REDUCE_CONV THEN ARITH_TAC;
    ALL_TAC] THEN
  SUBGOAL_THEN `(&(lo EXP 2) + &2 pow 512 * (&(lo EXP 2) + &(hi EXP 2) - (&lo - &hi) pow 2) +
                 &2 pow 1024 * &(hi EXP 2)):int = &((lo + 2 EXP 512 * hi) EXP 2)`
    ASSUME_TAC THENL
   [REWRITE_TAC[GSYM INT_OF_NUM_MUL; GSYM INT_OF_NUM_ADD; GSYM INT_OF_NUM_POW] THEN
    CONV_TAC INT_RING;
    ALL_TAC] THEN
  SUBGOAL_THEN `&((lo + 2 EXP 512 * hi) EXP 2) rem &2 pow 2048 =
                &((lo + 2 EXP 512 * hi) EXP 2):int` ASSUME_TAC THENL
   [MATCH_MP_TAC INT_REM_LT THEN ASM_REWRITE_TAC[INT_POS; INT_OF_NUM_POW; INT_OF_NUM_LT];
    ALL_TAC] THEN
  ASM_MESON_TAC[INT_OF_NUM_EQ]));;

let KSQR_SPEC = parse_term (assoc "bignum_ksqr_16_32" arm_statements);;

let KSQR_EXP512 = framework_lemma "KSQR_EXP512" (fun () ->
  prove(`2 EXP 512 = 2 EXP (64 * 8)`, CONV_TAC NUM_REDUCE_CONV));;

(* bignum_ksqr_16_32 from its seven segments, in order. *)
let KSQR_COMPOSE_TAC absd recomb =
  let seg name = assoc name !ksqr_segs in
  seg_state_count := 0;
  MAP_EVERY X_GEN_TAC [`pc:int64`; `z:int64`; `x:int64`; `t:int64`; `sp:int64`] THEN
  REWRITE_TAC[ensures] THEN X_GEN_TAC `s0:armstate` THEN
  CONV_TAC(TOP_DEPTH_CONV BETA_CONV) THEN STRIP_TAC THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `sp:int64`] (seg "prologue")) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `z:int64`; `x:int64`] (seg "sqr_l")) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `z:int64`; `x:int64`] (seg "sqr_h")) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `x:int64`; `t:int64`] absd) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `t:int64`] (seg "sqr_d")) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `z:int64`; `t:int64`] recomb) THEN
  SEG_STEP_TAC (SPECL [`pc:int64`; `sp:int64`] (seg "epilogue")) THEN
  SEG_DONE_TAC
   (CONJ_TAC THENL
     [REWRITE_TAC[returns_with_frame3] THEN RETURNS_TAC;
      REWRITE_TAC[spec_bignum_ksqr_16_32; KSQR_BIGNUM_AT_16_SPLIT] THEN
      MATCH_MP_TAC KSQR_COMBINE THEN
      REWRITE_TAC[KSQR_EXP512; BIGNUM_AT_BOUND] THEN
      FRAME_TAC]);;

(* The composition: the routine is correct given the segments; those not
   proved (yet) stay as hypotheses of "bignum_ksqr_16_32:composition". *)
let ksqr_open = filter (fun (n,_) -> not (can (assoc n) !ksqr_segs))
                  ["absd", KSQR_SEG_ABSD; "recomb", KSQR_SEG_RECOMB];;
run_proof (if ksqr_open = [] then "bignum_ksqr_16_32" else "bignum_ksqr_16_32:composition")
 (fun () ->
  let get n tm = try assoc n !ksqr_segs with Failure _ -> ASSUME tm in
  let th = TAC_PROOF(([], KSQR_SPEC), KSQR_COMPOSE_TAC (get "absd" KSQR_SEG_ABSD)
                                             (get "recomb" KSQR_SEG_RECOMB)) in
  itlist (fun (_,tm) th -> DISCH tm th) ksqr_open th);;

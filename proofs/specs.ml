(* ========================================================================= *)
(* Contracts of every function of include/vbignum.h, as HOL predicates over  *)
(* the arguments (64-bit words), the memory before (mm) and after (mm') the  *)
(* call, and the returned word (ret). They say nothing about the machine:    *)
(* an AArch64 (or x86) correctness theorem states that running the code     *)
(* from a state holding the arguments reaches the return address in a state *)
(* satisfying the contract, with only the permitted registers and memory    *)
(* changed (see returns_with_frame in hol/arm.ml and the proofs).            *)
(* Numbers: bignum_at a k mm = the k-word little-endian number at address a. *)
(* ========================================================================= *)

(* x of m words read as p words: missing words are zero, extra words ignored. *)
let lowwords = new_definition
 `lowwords (a:int64) m p mm = bignum_at a (MIN m p) mm`;;

let W64 = new_definition `W64 k = 2 EXP (64 * k)`;;

(* ---- fixed-size products ---- *)
let spec_bignum_mul_4_8 = new_definition
 `spec_bignum_mul_4_8 (z:int64) x y mm mm' <=>
    bignum_at z 8 mm' = bignum_at x 4 mm * bignum_at y 4 mm`;;
let spec_bignum_sqr_4_8 = new_definition
 `spec_bignum_sqr_4_8 (z:int64) x mm mm' <=>
    bignum_at z 8 mm' = bignum_at x 4 mm EXP 2`;;
let spec_bignum_mul_8_16 = new_definition
 `spec_bignum_mul_8_16 (z:int64) x y mm mm' <=>
    bignum_at z 16 mm' = bignum_at x 8 mm * bignum_at y 8 mm`;;
let spec_bignum_sqr_8_16 = new_definition
 `spec_bignum_sqr_8_16 (z:int64) x mm mm' <=>
    bignum_at z 16 mm' = bignum_at x 8 mm EXP 2`;;
let spec_bignum_kmul_16_32 = new_definition
 `spec_bignum_kmul_16_32 (z:int64) x y (t:int64) mm mm' <=>
    bignum_at z 32 mm' = bignum_at x 16 mm * bignum_at y 16 mm`;;
let spec_bignum_ksqr_16_32 = new_definition
 `spec_bignum_ksqr_16_32 (z:int64) x (t:int64) mm mm' <=>
    bignum_at z 32 mm' = bignum_at x 16 mm EXP 2`;;
let spec_bignum_kmul_24_48 = new_definition
 `spec_bignum_kmul_24_48 (z:int64) x y (t:int64) mm mm' <=>
    bignum_at z 48 mm' = bignum_at x 24 mm * bignum_at y 24 mm`;;
let spec_bignum_ksqr_24_48 = new_definition
 `spec_bignum_ksqr_24_48 (z:int64) x (t:int64) mm mm' <=>
    bignum_at z 48 mm' = bignum_at x 24 mm EXP 2`;;
let spec_bignum_kmul_32_64 = new_definition
 `spec_bignum_kmul_32_64 (z:int64) x y (t:int64) mm mm' <=>
    bignum_at z 64 mm' = bignum_at x 32 mm * bignum_at y 32 mm`;;
let spec_bignum_ksqr_32_64 = new_definition
 `spec_bignum_ksqr_32_64 (z:int64) x (t:int64) mm mm' <=>
    bignum_at z 64 mm' = bignum_at x 32 mm EXP 2`;;

(* ---- Montgomery ---- *)
let spec_word_negmodinv = new_definition
 `spec_word_negmodinv (a:int64) (ret:int64) <=>
    ODD(val a) ==> (val a * val ret + 1) MOD 2 EXP 64 = 0`;;
let spec_bignum_negmodinv = new_definition
 `spec_bignum_negmodinv (k:int64) (z:int64) x mm mm' <=>
    ODD(bignum_at x (val k) mm)
    ==> (bignum_at z (val k) mm' * bignum_at x (val k) mm + 1) MOD W64(val k) = 0`;;
let spec_bignum_emontredc_8n = new_definition
 `spec_bignum_emontredc_8n (k:int64) (z:int64) m (w:int64) mm mm' (ret:int64) <=>
    let n = val k in
    let md = bignum_at m n mm in
    let z0 = bignum_at z (2 * n) mm in
    let q = bignum_at z n mm' in
    let r = W64 n * val ret + bignum_at (word_add z (word(8 * n))) n mm' in
    8 divides n /\ ~(n = 0) /\ ODD md /\
    (val w * val(read64 m mm) + 1) MOD 2 EXP 64 = 0
    ==> z0 + q * md = W64 n * r /\ val ret <= 1 /\
        (z0 < W64 n * md ==> r < 2 * md)`;;
let spec_bignum_montredc = new_definition
 `spec_bignum_montredc (k:int64) (z:int64) (n:int64) x m (p:int64) mm mm' <=>
    let md = bignum_at m (val k) mm in
    let xs = lowwords x (val n) (val p + val k) mm in
    ODD md /\ xs <= W64(val p) * md
    ==> bignum_at z (val k) mm' < md /\
        (W64(val p) * bignum_at z (val k) mm') MOD md = xs MOD md`;;
let spec_bignum_montmul = new_definition
 `spec_bignum_montmul (k:int64) (z:int64) x y m mm mm' <=>
    let md = bignum_at m (val k) mm in
    let a = bignum_at x (val k) mm and b = bignum_at y (val k) mm in
    ODD md /\ a * b <= W64(val k) * md
    ==> bignum_at z (val k) mm' < md /\
        (W64(val k) * bignum_at z (val k) mm') MOD md = (a * b) MOD md`;;
let spec_bignum_montsqr = new_definition
 `spec_bignum_montsqr (k:int64) (z:int64) x m mm mm' <=>
    let md = bignum_at m (val k) mm in
    let a = bignum_at x (val k) mm in
    ODD md /\ a EXP 2 <= W64(val k) * md
    ==> bignum_at z (val k) mm' < md /\
        (W64(val k) * bignum_at z (val k) mm') MOD md = (a EXP 2) MOD md`;;
let spec_bignum_amontmul = new_definition
 `spec_bignum_amontmul (k:int64) (z:int64) x y m mm mm' <=>
    let md = bignum_at m (val k) mm in
    ODD md
    ==> (W64(val k) * bignum_at z (val k) mm') MOD md =
        (bignum_at x (val k) mm * bignum_at y (val k) mm) MOD md`;;
let spec_bignum_amontsqr = new_definition
 `spec_bignum_amontsqr (k:int64) (z:int64) x m mm mm' <=>
    let md = bignum_at m (val k) mm in
    ODD md
    ==> (W64(val k) * bignum_at z (val k) mm') MOD md =
        (bignum_at x (val k) mm EXP 2) MOD md`;;
let spec_bignum_demont = new_definition
 `spec_bignum_demont (k:int64) (z:int64) x m mm mm' <=>
    let md = bignum_at m (val k) mm in
    ODD md
    ==> bignum_at z (val k) mm' < md /\
        (W64(val k) * bignum_at z (val k) mm') MOD md = bignum_at x (val k) mm MOD md`;;
let spec_bignum_montifier = new_definition
 `spec_bignum_montifier (k:int64) (z:int64) m (t:int64) mm mm' <=>
    let md = bignum_at m (val k) mm in
    ODD md /\ ~(val k = 0)
    ==> bignum_at z (val k) mm' = W64(2 * val k) MOD md`;;

(* ---- generic ---- *)
let spec_bignum_add = new_definition
 `spec_bignum_add (p:int64) (z:int64) (m:int64) x (n:int64) y mm mm' (ret:int64) <=>
    W64(val p) * val ret + bignum_at z (val p) mm' =
    lowwords x (val m) (val p) mm + lowwords y (val n) (val p) mm`;;
let spec_bignum_sub = new_definition
 `spec_bignum_sub (p:int64) (z:int64) (m:int64) x (n:int64) y mm mm' (ret:int64) <=>
    let a = lowwords x (val m) (val p) mm and b = lowwords y (val n) (val p) mm in
    val ret = (if a < b then 1 else 0) /\
    bignum_at z (val p) mm' = (W64(val p) * val ret + a) - b`;;
let spec_bignum_mul = new_definition
 `spec_bignum_mul (k:int64) (z:int64) (m:int64) x (n:int64) y mm mm' <=>
    bignum_at z (val k) mm' =
    (bignum_at x (val m) mm * bignum_at y (val n) mm) MOD W64(val k)`;;
let spec_bignum_sqr = new_definition
 `spec_bignum_sqr (k:int64) (z:int64) (n:int64) x mm mm' <=>
    bignum_at z (val k) mm' = (bignum_at x (val n) mm EXP 2) MOD W64(val k)`;;
let spec_bignum_ge = new_definition
 `spec_bignum_ge (m:int64) x (n:int64) y mm (ret:int64) <=>
    val ret = (if bignum_at y (val n) mm <= bignum_at x (val m) mm then 1 else 0)`;;
let spec_bignum_optsub = new_definition
 `spec_bignum_optsub (k:int64) (z:int64) x (p:int64) y mm mm' (ret:int64) <=>
    let a = bignum_at x (val k) mm and b = bignum_at y (val k) mm in
    if val p = 0 then bignum_at z (val k) mm' = a /\ val ret = 0
    else val ret = (if a < b then 1 else 0) /\
         bignum_at z (val k) mm' = (W64(val k) * val ret + a) - b`;;
let spec_bignum_mux = new_definition
 `spec_bignum_mux (p:int64) (k:int64) (z:int64) x y mm mm' <=>
    bignum_at z (val k) mm' =
    (if val p = 0 then bignum_at y (val k) mm else bignum_at x (val k) mm)`;;
let spec_bignum_modadd = new_definition
 `spec_bignum_modadd (k:int64) (z:int64) x y m mm mm' <=>
    let md = bignum_at m (val k) mm in
    let a = bignum_at x (val k) mm and b = bignum_at y (val k) mm in
    a < md /\ b < md ==> bignum_at z (val k) mm' = (a + b) MOD md`;;
let spec_bignum_modsub = new_definition
 `spec_bignum_modsub (k:int64) (z:int64) x y m mm mm' <=>
    let md = bignum_at m (val k) mm in
    let a = bignum_at x (val k) mm and b = bignum_at y (val k) mm in
    a < md /\ b < md ==> bignum_at z (val k) mm' = (a + md - b) MOD md`;;
let spec_bignum_modexp = new_definition
 `spec_bignum_modexp (k:int64) (z:int64) a p m (t:int64) mm mm' <=>
    let md = bignum_at m (val k) mm in
    ODD md
    ==> bignum_at z (val k) mm' =
        (bignum_at a (val k) mm EXP bignum_at p (val k) mm) MOD md`;;

(* ---- constant-time table lookup ---- *)
let row_of = new_definition
 `row_of (table:int64) height width idx mm =
    if idx < height then bignum_at (word_add table (word(8 * width * idx))) width mm
    else 0`;;
let spec_bignum_copy_row_from_table = new_definition
 `spec_bignum_copy_row_from_table (z:int64) table (height:int64) (width:int64)
                                  (idx:int64) mm mm' <=>
    bignum_at z (val width) mm' = row_of table (val height) (val width) (val idx) mm`;;
let spec_bignum_copy_row_from_table_8n = new_definition
 `spec_bignum_copy_row_from_table_8n (z:int64) table (height:int64) (width:int64)
                                     (idx:int64) mm mm' <=>
    8 divides val width
    ==> bignum_at z (val width) mm' = row_of table (val height) (val width) (val idx) mm`;;
let spec_bignum_copy_row_from_table_16 = new_definition
 `spec_bignum_copy_row_from_table_16 (z:int64) table (height:int64) (idx:int64) mm mm' <=>
    bignum_at z 16 mm' = row_of table (val height) 16 (val idx) mm`;;
let spec_bignum_copy_row_from_table_32 = new_definition
 `spec_bignum_copy_row_from_table_32 (z:int64) table (height:int64) (idx:int64) mm mm' <=>
    bignum_at z 32 mm' = row_of table (val height) 32 (val idx) mm`;;

spec_defs := [spec_bignum_mul_4_8; spec_bignum_sqr_4_8; spec_bignum_mul_8_16;
  spec_bignum_sqr_8_16; spec_bignum_mux; spec_bignum_optsub; spec_bignum_ge];;

(* Names of the stated contracts, for the ledger check. *)
let stated_specs = mapfilter (fun (s,_) ->
    if String.length s > 5 && String.sub s 0 5 = "spec_"
    then String.sub s 5 (String.length s - 5) else fail()) (constants());;

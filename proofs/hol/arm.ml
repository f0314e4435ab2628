(* ========================================================================= *)
(* AArch64 model: machine state, byte memory, decoder over the 32-bit        *)
(* instruction words, semantics, and the "ensures" judgement for specs.      *)
(* Only user-level integer instructions used by vbignum are decoded; any     *)
(* other word decodes to NONE, so execution cannot proceed and a proof of a  *)
(* routine containing it cannot succeed.                                     *)
(* ========================================================================= *)

(* X0..X30 (as a function of the register number), SP, PC, memory, N Z C V. *)
let armstate_INDUCT,armstate_RECURSION = define_type
  "armstate = Arm (num->int64) int64 int64 (int64->byte) bool bool bool bool";;

let arm_regs = define `arm_regs (Arm r sp pc m n z c v) = r`;;
let arm_sp = define `arm_sp (Arm r sp pc m n z c v) = sp`;;
let arm_pc = define `arm_pc (Arm r sp pc m n z c v) = pc`;;
let arm_mem = define `arm_mem (Arm r sp pc m n z c v) = m`;;
let arm_n = define `arm_n (Arm r sp pc m n z c v) = n`;;
let arm_z = define `arm_z (Arm r sp pc m n z c v) = z`;;
let arm_c = define `arm_c (Arm r sp pc m n z c v) = c`;;
let arm_v = define `arm_v (Arm r sp pc m n z c v) = v`;;

(* ------------------------------------------------------------------------- *)
(* Memory: bytes, little-endian multi-byte reads, 64-bit writes.             *)
(* ------------------------------------------------------------------------- *)

let readn = define
 `(readn 0 (a:int64) (m:int64->byte) = 0) /\
  (readn (SUC k) a m = val(m a) + 256 * readn k (word_add a (word 1)) m)`;;

let read64 = new_definition
 `read64 (a:int64) (m:int64->byte) = (word(readn 8 a m):int64)`;;

let read32 = new_definition
 `read32 (a:int64) (m:int64->byte) = (word(readn 4 a m):int32)`;;

let write64 = new_definition
 `write64 (a:int64) (w:int64) (m:int64->byte) =
    \x. if val(word_sub x a) < 8
        then (word(val w DIV 2 EXP (8 * val(word_sub x a))):byte) else m x`;;

(* k words at a, little-endian. *)
let bignum_at = define
 `(bignum_at (a:int64) 0 (m:int64->byte) = 0) /\
  (bignum_at a (SUC k) m =
     bignum_at a k m + 2 EXP (64 * k) * val(read64 (word_add a (word(8 * k))) m))`;;

(* [a, a+n) does not wrap around the address space. *)
let nowrap = new_definition
 `nowrap (a:int64) n <=> val a + n <= 2 EXP 64`;;

(* [a, a+n) and [b, b+m) neither wrap nor overlap. *)
let separate = new_definition
 `separate (a:int64) n (b:int64) m <=>
    val a + n <= 2 EXP 64 /\ val b + m <= 2 EXP 64 /\
    (val a + n <= val b \/ val b + m <= val a)`;;

(* The byte list l is in memory at address a. *)
let code_at = define
 `(code_at (m:int64->byte) (a:int64) [] <=> T) /\
  (code_at m a (CONS h t) <=> m a = h /\ code_at m (word_add a (word 1)) t)`;;

(* ------------------------------------------------------------------------- *)
(* Helpers the instruction semantics are written with.                       *)
(* Register 31 reads as zero (XZR) or as SP depending on the encoding.       *)
(* ------------------------------------------------------------------------- *)

(* Register file update: regupd i w r is r with register i set to w. *)
let regupd = define
 `regupd i (w:int64) (r:num->int64) j = if i = j then w else r j`;;

let rx = define
 `rx i (Arm r sp pc m n z c v) = if i = 31 then word 0 else r i`;;
let rxsp = define
 `rxsp i (Arm r sp pc m n z c v) = if i = 31 then sp else r i`;;
let wx = define
 `wx i w (Arm r sp pc m n z c v) =
    if i = 31 then Arm r sp pc m n z c v else Arm (regupd i w r) sp pc m n z c v`;;
let wxsp = define
 `wxsp i w (Arm r sp pc m n z c v) =
    if i = 31 then Arm r w pc m n z c v else Arm (regupd i w r) sp pc m n z c v`;;
let setflags = define
 `setflags n z c v (Arm r sp pc m n' z' c' v') = Arm r sp pc m n z c v`;;
let nextpc = define
 `nextpc (Arm r sp pc m n z c v) = Arm r sp (word_add pc (word 4)) m n z c v`;;
let setpc = define
 `setpc a (Arm r sp pc m n z c v) = Arm r sp a m n z c v`;;
let ld64 = define
 `ld64 a (Arm r sp pc m n z c v) = read64 a m`;;
let st64 = define
 `st64 a w (Arm r sp pc m n z c v) = Arm r sp pc (write64 a w m) n z c v`;;
let flagc = define `flagc (Arm r sp pc m n z c v) = c`;;
let curpc = define `curpc (Arm r sp pc m n z c v) = pc`;;

(* Condition codes EQ NE CS CC MI PL VS VC HI LS GE LT GT LE AL AL. *)
let condholds = define
 `condholds k (Arm r sp pc m n z c v) =
    ((ODD k /\ k < 14) <=>
     ~(if k DIV 2 = 0 then z else if k DIV 2 = 1 then c
       else if k DIV 2 = 2 then n else if k DIV 2 = 3 then v
       else if k DIV 2 = 4 then c /\ ~z else if k DIV 2 = 5 then n = v
       else if k DIV 2 = 6 then ~z /\ n = v else T))`;;

(* Add with carry, as the architecture's AddWithCarry: result and flags. *)
let awc = new_definition
 `awc (a:int64) (b:int64) c = (word(val a + val b + bitval c):int64)`;;
let awc_c = new_definition
 `awc_c (a:int64) (b:int64) c <=> 2 EXP 64 <= val a + val b + bitval c`;;
let awc_v = new_definition
 `awc_v (a:int64) (b:int64) c <=>
    ~(ival a + ival b + &(bitval c) = ival(awc a b c))`;;

let umulh = new_definition
 `umulh (a:int64) (b:int64) = (word((val a * val b) DIV 2 EXP 64):int64)`;;

(* Shift of the second operand: LSL LSR ASR ROR. *)
let shiftop = new_definition
 `shiftop ty k (w:int64) =
    if ty = 0 then word_shl w k else if ty = 1 then word_ushr w k
    else if ty = 2 then word_ishr w k else word_ror w k`;;

(* Sign-extended scaled 7-bit offset as a 64-bit word. *)
let simm7x8 = new_definition
 `simm7x8 k = (word(if k < 64 then 8 * k else 2 EXP 64 - 8 * (128 - k)):int64)`;;

(* ------------------------------------------------------------------------- *)
(* Instruction semantics.                                                    *)
(* ------------------------------------------------------------------------- *)

(* ADD/ADDS/SUB/SUBS (shifted register): op=1 subtract, s=1 set flags. *)
let sem_addsub = new_definition
 `sem_addsub op sf ty k d n mm s =
    nextpc
     (if sf = 1 then
        setflags
          (bit 63 (awc (rx n s) (if op = 1 then word_not(shiftop ty k (rx mm s))
                                 else shiftop ty k (rx mm s)) (op = 1)))
          (awc (rx n s) (if op = 1 then word_not(shiftop ty k (rx mm s))
                         else shiftop ty k (rx mm s)) (op = 1) = word 0)
          (awc_c (rx n s) (if op = 1 then word_not(shiftop ty k (rx mm s))
                           else shiftop ty k (rx mm s)) (op = 1))
          (awc_v (rx n s) (if op = 1 then word_not(shiftop ty k (rx mm s))
                           else shiftop ty k (rx mm s)) (op = 1))
          (wx d (awc (rx n s) (if op = 1 then word_not(shiftop ty k (rx mm s))
                               else shiftop ty k (rx mm s)) (op = 1)) s)
      else
        wx d (awc (rx n s) (if op = 1 then word_not(shiftop ty k (rx mm s))
                            else shiftop ty k (rx mm s)) (op = 1)) s)`;;

(* ADC/ADCS/SBC/SBCS. *)
let sem_adc = new_definition
 `sem_adc op sf d n mm s =
    nextpc
     (if sf = 1 then
        setflags
          (bit 63 (awc (rx n s) (if op = 1 then word_not(rx mm s) else rx mm s) (flagc s)))
          (awc (rx n s) (if op = 1 then word_not(rx mm s) else rx mm s) (flagc s) = word 0)
          (awc_c (rx n s) (if op = 1 then word_not(rx mm s) else rx mm s) (flagc s))
          (awc_v (rx n s) (if op = 1 then word_not(rx mm s) else rx mm s) (flagc s))
          (wx d (awc (rx n s) (if op = 1 then word_not(rx mm s) else rx mm s) (flagc s)) s)
      else
        wx d (awc (rx n s) (if op = 1 then word_not(rx mm s) else rx mm s) (flagc s)) s)`;;

(* ADD/ADDS/SUB/SUBS (immediate): Rn is SP-capable; Rd too unless flags set. *)
let sem_addsubi = new_definition
 `sem_addsubi op sf imm d n s =
    nextpc
     (if sf = 1 then
        setflags
          (bit 63 (awc (rxsp n s) (if op = 1 then word_not(word imm) else word imm) (op = 1)))
          (awc (rxsp n s) (if op = 1 then word_not(word imm) else word imm) (op = 1) = word 0)
          (awc_c (rxsp n s) (if op = 1 then word_not(word imm) else word imm) (op = 1))
          (awc_v (rxsp n s) (if op = 1 then word_not(word imm) else word imm) (op = 1))
          (wx d (awc (rxsp n s) (if op = 1 then word_not(word imm) else word imm) (op = 1)) s)
      else
        wxsp d (awc (rxsp n s) (if op = 1 then word_not(word imm) else word imm) (op = 1)) s)`;;

(* MADD/MSUB. *)
let sem_madd = new_definition
 `sem_madd o0 d n mm a s =
    nextpc (wx d (if o0 = 1 then word_sub (rx a s) (word_mul (rx n s) (rx mm s))
                  else word_add (rx a s) (word_mul (rx n s) (rx mm s))) s)`;;

let sem_umulh = new_definition
 `sem_umulh d n mm s = nextpc (wx d (umulh (rx n s) (rx mm s)) s)`;;

(* AND ORR EOR ANDS with optional inverted second operand (BIC ORN EON BICS). *)
let sem_logic = new_definition
 `sem_logic opc ng ty k d n mm s =
    nextpc
     (if opc = 3 then
        setflags
          (bit 63 (word_and (rx n s) (if ng = 1 then word_not(shiftop ty k (rx mm s))
                                      else shiftop ty k (rx mm s))))
          (word_and (rx n s) (if ng = 1 then word_not(shiftop ty k (rx mm s))
                              else shiftop ty k (rx mm s)) = word 0)
          F F
          (wx d (word_and (rx n s) (if ng = 1 then word_not(shiftop ty k (rx mm s))
                                    else shiftop ty k (rx mm s))) s)
      else
        wx d ((if opc = 0 then word_and else if opc = 1 then word_or else word_xor)
                (rx n s) (if ng = 1 then word_not(shiftop ty k (rx mm s))
                          else shiftop ty k (rx mm s))) s)`;;

(* CSEL CSINC CSINV CSNEG. *)
let sem_csel = new_definition
 `sem_csel op o2 cnd d n mm s =
    nextpc (wx d (if condholds cnd s then rx n s
                  else if op = 0 /\ o2 = 0 then rx mm s
                  else if op = 0 then word_add (rx mm s) (word 1)
                  else if o2 = 0 then word_not (rx mm s)
                  else word_neg (rx mm s)) s)`;;

(* LSL / LSR by an immediate (the UBFM aliases). *)
let sem_lsl = new_definition
 `sem_lsl k d n s = nextpc (wx d (word_shl (rx n s) k) s)`;;
let sem_lsr = new_definition
 `sem_lsr k d n s = nextpc (wx d (word_ushr (rx n s) k) s)`;;

(* ASR by an immediate (SBFM alias with imms = 63). *)
let sem_asr = new_definition
 `sem_asr k d n s = nextpc (wx d (word_ishr (rx n s) k) s)`;;

(* EXTR Xd, Xn, Xm, #k with 0 < k < 64. *)
let sem_extr = new_definition
 `sem_extr k d n mm s =
    nextpc (wx d (word_or (word_ushr (rx mm s) k) (word_shl (rx n s) (64 - k))) s)`;;

(* LDP/STP 64-bit. wb: 0 no writeback (signed offset), 1 post-index, 2 pre-index. *)
let sem_ldp = new_definition
 `sem_ldp wb off t1 t2 n s =
    nextpc
     (wx t2 (ld64 (word_add (word_add (rxsp n s) (if wb = 1 then word 0 else off)) (word 8)) s)
       (wx t1 (ld64 (word_add (rxsp n s) (if wb = 1 then word 0 else off)) s)
         (if wb = 0 then s else wxsp n (word_add (rxsp n s) off) s)))`;;
let sem_stp = new_definition
 `sem_stp wb off t1 t2 n s =
    nextpc
     ((if wb = 0 then (\x. x) else wxsp n (word_add (rxsp n s) off))
       (st64 (word_add (word_add (rxsp n s) (if wb = 1 then word 0 else off)) (word 8)) (rx t2 s)
         (st64 (word_add (rxsp n s) (if wb = 1 then word 0 else off)) (rx t1 s) s)))`;;

(* LDR/STR 64-bit, unsigned scaled immediate or register offset. *)
let sem_ldr = new_definition
 `sem_ldr t n off s = nextpc (wx t (ld64 (word_add (rxsp n s) (word off)) s) s)`;;
let sem_str = new_definition
 `sem_str t n off s = nextpc (st64 (word_add (rxsp n s) (word off)) (rx t s) s)`;;

(* NOP and BTI c (HINT #0, HINT #34). Without a model of branch-target
   enforcement, executing a BTI is a NOP; it only matters for where indirect
   branches may land, not for what the code computes. *)
let sem_nop = new_definition
 `sem_nop (s:armstate) = nextpc s`;;

(* LDR/STR 64-bit, register offset Xm LSL #sh (sh 0 or 3; option UXTX/LSL). *)
let sem_ldrr = new_definition
 `sem_ldrr t n mm sh s =
    nextpc (wx t (ld64 (word_add (rxsp n s) (word_shl (rx mm s) sh)) s) s)`;;
let sem_strr = new_definition
 `sem_strr t n mm sh s =
    nextpc (st64 (word_add (rxsp n s) (word_shl (rx mm s) sh)) (rx t s) s)`;;

(* Branches. *)
let sem_ret = new_definition
 `sem_ret n s = setpc (rx n s) s`;;
let sem_b = new_definition
 `sem_b off s = setpc (word_add (curpc s) off) s`;;
let sem_bcond = new_definition
 `sem_bcond cnd off s =
    if condholds cnd s then setpc (word_add (curpc s) off) s else nextpc s`;;
let sem_cbz = new_definition
 `sem_cbz nz t off s =
    if (rx t s = word 0) = (nz = 0) then setpc (word_add (curpc s) off) s else nextpc s`;;

(* Sign-extended byte offsets of branches: imm19*4 and imm26*4. *)
let boff = new_definition
 `boff bits k = (word(if k < 2 EXP (bits - 1) then 4 * k
                      else 2 EXP 64 - 4 * (2 EXP bits - k)):int64)`;;

(* ------------------------------------------------------------------------- *)
(* Decoder. bf n lo len = bits lo .. lo+len-1 of the instruction word n.     *)
(* ------------------------------------------------------------------------- *)

let bf = new_definition
 `bf n lo len = (n DIV 2 EXP lo) MOD 2 EXP len`;;

let decode = new_definition
 `decode n =
  if bf n 31 1 = 1 /\ bf n 24 5 = 11 /\ bf n 21 1 = 0 /\ bf n 22 2 < 3 then
    SOME(sem_addsub (bf n 30 1) (bf n 29 1) (bf n 22 2) (bf n 10 6)
                    (bf n 0 5) (bf n 5 5) (bf n 16 5))
  else if bf n 31 1 = 1 /\ bf n 21 8 = 208 /\ bf n 10 6 = 0 then
    SOME(sem_adc (bf n 30 1) (bf n 29 1) (bf n 0 5) (bf n 5 5) (bf n 16 5))
  else if bf n 31 1 = 1 /\ bf n 23 6 = 34 then
    SOME(sem_addsubi (bf n 30 1) (bf n 29 1)
                     (bf n 10 12 * (if bf n 22 1 = 1 then 4096 else 1))
                     (bf n 0 5) (bf n 5 5))
  else if bf n 21 11 = 1240 then
    SOME(sem_madd (bf n 15 1) (bf n 0 5) (bf n 5 5) (bf n 16 5) (bf n 10 5))
  else if bf n 21 11 = 1246 /\ bf n 10 6 = 31 then
    SOME(sem_umulh (bf n 0 5) (bf n 5 5) (bf n 16 5))
  else if bf n 31 1 = 1 /\ bf n 24 5 = 10 then
    SOME(sem_logic (bf n 29 2) (bf n 21 1) (bf n 22 2) (bf n 10 6)
                   (bf n 0 5) (bf n 5 5) (bf n 16 5))
  else if bf n 31 1 = 1 /\ bf n 29 1 = 0 /\ bf n 21 8 = 212 /\ bf n 11 1 = 0 then
    SOME(sem_csel (bf n 30 1) (bf n 10 1) (bf n 12 4) (bf n 0 5) (bf n 5 5) (bf n 16 5))
  else if bf n 22 10 = 845 /\ bf n 10 6 = 63 then
    SOME(sem_lsr (bf n 16 6) (bf n 0 5) (bf n 5 5))
  else if bf n 22 10 = 845 /\ bf n 10 6 + 1 = bf n 16 6 then
    SOME(sem_lsl (63 - bf n 10 6) (bf n 0 5) (bf n 5 5))
  else if bf n 22 10 = 589 /\ bf n 10 6 = 63 then
    SOME(sem_asr (bf n 16 6) (bf n 0 5) (bf n 5 5))
  else if bf n 21 11 = 1182 /\ 0 < bf n 10 6 then
    SOME(sem_extr (bf n 10 6) (bf n 0 5) (bf n 5 5) (bf n 16 5))
  else if bf n 26 6 = 42 /\ 0 < bf n 23 3 /\ bf n 23 3 < 4 /\
          (bf n 22 1 = 1 ==> ~(bf n 0 5 = bf n 10 5)) /\
          (bf n 23 3 = 2 \/ bf n 5 5 = 31 \/
           ~(bf n 5 5 = bf n 0 5) /\ ~(bf n 5 5 = bf n 10 5)) then
    SOME((if bf n 22 1 = 1 then sem_ldp else sem_stp)
           (if bf n 23 3 = 2 then 0 else if bf n 23 3 = 1 then 1 else 2)
           (simm7x8 (bf n 15 7)) (bf n 0 5) (bf n 10 5) (bf n 5 5))
  else if bf n 22 10 = 997 then
    SOME(sem_ldr (bf n 0 5) (bf n 5 5) (8 * bf n 10 12))
  else if bf n 22 10 = 996 then
    SOME(sem_str (bf n 0 5) (bf n 5 5) (8 * bf n 10 12))
  else if bf n 21 11 = 1987 /\ bf n 13 3 = 3 /\ bf n 10 2 = 2 then
    SOME(sem_ldrr (bf n 0 5) (bf n 5 5) (bf n 16 5) (3 * bf n 12 1))
  else if bf n 21 11 = 1985 /\ bf n 13 3 = 3 /\ bf n 10 2 = 2 then
    SOME(sem_strr (bf n 0 5) (bf n 5 5) (bf n 16 5) (3 * bf n 12 1))
  else if bf n 0 32 = 3596550144 + 32 * bf n 5 5 then
    SOME(sem_ret (bf n 5 5))
  else if bf n 26 6 = 5 then
    SOME(sem_b (boff 26 (bf n 0 26)))
  else if bf n 24 8 = 84 /\ bf n 4 1 = 0 then
    SOME(sem_bcond (bf n 0 4) (boff 19 (bf n 5 19)))
  else if bf n 25 7 = 90 then
    SOME(sem_cbz (bf n 24 1) (bf n 0 5) (boff 19 (bf n 5 19)))
  else if n = 3573751839 \/ n = 3573752927 then
    SOME sem_nop
  else NONE`;;

(* ------------------------------------------------------------------------- *)
(* Execution: fetch from memory at PC, decode, execute.                      *)
(* ------------------------------------------------------------------------- *)

let arm_step = new_definition
 `arm_step s s' <=>
    ?f. decode (val(read32 (arm_pc s) (arm_mem s))) = SOME f /\ s' = f s`;;

let runs = define
 `(runs 0 s s' <=> s' = s) /\
  (runs (SUC k) s s' <=> ?t. arm_step s t /\ runs k t s')`;;

(* Total correctness: from every state satisfying pre, execution reaches a
   state satisfying post (which relates it to the initial state). *)
let ensures = new_definition
 `ensures pre post <=> !s. pre s ==> ?k s'. runs k s s' /\ post s s'`;;

(* AAPCS64 frame: callee-saved X18..X30 and SP are preserved; memory outside
   [a, a+n) is unchanged; execution returned to the link register. *)
let returns_with_frame = new_definition
 `returns_with_frame (a:int64) n s s' <=>
    arm_pc s' = arm_regs s 30 /\ arm_sp s' = arm_sp s /\
    (!i. 18 <= i /\ i <= 30 ==> arm_regs s' i = arm_regs s i) /\
    (!x. ~(val(word_sub x a) < n) ==> arm_mem s' x = arm_mem s x)`;;

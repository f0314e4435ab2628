(* ========================================================================= *)
(* AArch64 correctness statements for the routines in arm/ (stated; see     *)
(* LEDGER for which are proved). Each is the exact theorem a proof must     *)
(* establish: from a state with the code at pc and the arguments in X0..    *)
(* (AAPCS64), execution returns to X30 with the contract of specs.ml holding *)
(* and only caller-saved registers, flags and the listed buffers changed.   *)
(* Aliasing hypotheses follow include/vbignum.h: where "z may overlap x" no *)
(* separation between them is assumed; "z may equal x" becomes z = x or     *)
(* separate.                                                                 *)
(* ========================================================================= *)

(* Memory outside [a,a+n) and [b,b+m) (b: a temp buffer or the stack frame)
   is unchanged; otherwise as returns_with_frame. *)
let returns_with_frame2 = new_definition
 `returns_with_frame2 (a:int64) n (b:int64) m s s' <=>
    arm_pc s' = arm_regs s 30 /\ arm_sp s' = arm_sp s /\
    (!i. 18 <= i /\ i <= 30 ==> arm_regs s' i = arm_regs s i) /\
    (!x. ~(val(word_sub x a) < n) /\ ~(val(word_sub x b) < m)
         ==> arm_mem s' x = arm_mem s x)`;;
(* the closing step of hol/sim.ml unfolds it (REGS_FRAME_TAC) *)
frame_defs := returns_with_frame2 :: !frame_defs;;

(* Three changed blocks: z, a temp buffer and the stack frame. *)
let returns_with_frame3 = new_definition
 `returns_with_frame3 (a:int64) n (b:int64) m (c:int64) k s s' <=>
    arm_pc s' = arm_regs s 30 /\ arm_sp s' = arm_sp s /\
    (!i. 18 <= i /\ i <= 30 ==> arm_regs s' i = arm_regs s i) /\
    (!x. ~(val(word_sub x a) < n) /\ ~(val(word_sub x b) < m) /\
         ~(val(word_sub x c) < k)
         ==> arm_mem s' x = arm_mem s x)`;;
frame_defs := returns_with_frame3 :: !frame_defs;;

let arm_statements = [
 "bignum_mul_4_8",
 "!pc z x y. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_mul_4_8_code /\\
        arm_regs s 0 = z /\\ arm_regs s 1 = x /\\ arm_regs s 2 = y /\\
        nowrap z 64 /\\ separate pc (LENGTH bignum_mul_4_8_code) z 64)
   (\\s s'. returns_with_frame z 64 s s' /\\
           spec_bignum_mul_4_8 z x y (arm_mem s) (arm_mem s'))";
 "bignum_sqr_4_8",
 "!pc z x. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_sqr_4_8_code /\\
        arm_regs s 0 = z /\\ arm_regs s 1 = x /\\
        nowrap z 64 /\\ separate pc (LENGTH bignum_sqr_4_8_code) z 64)
   (\\s s'. returns_with_frame z 64 s s' /\\
           spec_bignum_sqr_4_8 z x (arm_mem s) (arm_mem s'))";
 "bignum_mul_8_16",
 "!pc z x y sp. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_mul_8_16_code /\\
        arm_sp s = sp /\\
        arm_regs s 0 = z /\\ arm_regs s 1 = x /\\ arm_regs s 2 = y /\\
        separate z 128 x 64 /\\ separate z 128 y 64 /\\
        separate pc (LENGTH bignum_mul_8_16_code) z 128 /\\
        separate (word_sub sp (word 80)) 80 z 128 /\\
        separate (word_sub sp (word 80)) 80 x 64 /\\
        separate (word_sub sp (word 80)) 80 y 64 /\\
        separate pc (LENGTH bignum_mul_8_16_code) (word_sub sp (word 80)) 80)
   (\\s s'. returns_with_frame2 z 128 (word_sub sp (word 80)) 80 s s' /\\
           spec_bignum_mul_8_16 z x y (arm_mem s) (arm_mem s'))";
 "bignum_sqr_8_16",
 "!pc z x sp. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_sqr_8_16_code /\\
        arm_sp s = sp /\\ arm_regs s 0 = z /\\ arm_regs s 1 = x /\\
        separate z 128 x 64 /\\
        separate pc (LENGTH bignum_sqr_8_16_code) z 128 /\\
        separate (word_sub sp (word 80)) 80 z 128 /\\
        separate (word_sub sp (word 80)) 80 x 64 /\\
        separate pc (LENGTH bignum_sqr_8_16_code) (word_sub sp (word 80)) 80)
   (\\s s'. returns_with_frame2 z 128 (word_sub sp (word 80)) 80 s s' /\\
           spec_bignum_sqr_8_16 z x (arm_mem s) (arm_mem s'))";
 "bignum_kmul_16_32",
 "!pc z x y t sp. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_kmul_16_32_code /\\
        arm_sp s = sp /\\ arm_regs s 0 = z /\\ arm_regs s 1 = x /\\
        arm_regs s 2 = y /\\ arm_regs s 3 = t /\\
        separate z 256 x 128 /\\ separate z 256 y 128 /\\ separate z 256 t 256 /\\
        separate t 256 x 128 /\\ separate t 256 y 128 /\\
        separate pc (LENGTH bignum_kmul_16_32_code) z 256 /\\
        separate pc (LENGTH bignum_kmul_16_32_code) t 256 /\\
        separate (word_sub sp (word 96)) 96 z 256 /\\
        separate (word_sub sp (word 96)) 96 t 256 /\\
        separate (word_sub sp (word 96)) 96 x 128 /\\
        separate (word_sub sp (word 96)) 96 y 128 /\\
        separate pc (LENGTH bignum_kmul_16_32_code) (word_sub sp (word 96)) 96)
   (\\s s'. returns_with_frame3 z 256 t 256 (word_sub sp (word 96)) 96 s s' /\\
           spec_bignum_kmul_16_32 z x y t (arm_mem s) (arm_mem s'))";
 "bignum_ksqr_16_32",
 "!pc z x t sp. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_ksqr_16_32_code /\\
        arm_sp s = sp /\\ arm_regs s 0 = z /\\ arm_regs s 1 = x /\\ arm_regs s 2 = t /\\
        separate z 256 x 128 /\\ separate z 256 t 192 /\\ separate t 192 x 128 /\\
        separate pc (LENGTH bignum_ksqr_16_32_code) z 256 /\\
        separate pc (LENGTH bignum_ksqr_16_32_code) t 192 /\\
        separate (word_sub sp (word 64)) 64 z 256 /\\
        separate (word_sub sp (word 64)) 64 t 192 /\\
        separate (word_sub sp (word 64)) 64 x 128 /\\
        separate pc (LENGTH bignum_ksqr_16_32_code) (word_sub sp (word 64)) 64)
   (\\s s'. returns_with_frame3 z 256 t 192 (word_sub sp (word 64)) 64 s s' /\\
           spec_bignum_ksqr_16_32 z x t (arm_mem s) (arm_mem s'))";
 "bignum_mux",
 "!pc p k z x y. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_mux_code /\\
        arm_regs s 0 = p /\\ arm_regs s 1 = k /\\ arm_regs s 2 = z /\\
        arm_regs s 3 = x /\\ arm_regs s 4 = y /\\
        nowrap z (8 * val k) /\\
        (z = x \\/ separate z (8 * val k) x (8 * val k)) /\\
        (z = y \\/ separate z (8 * val k) y (8 * val k)) /\\
        separate pc (LENGTH bignum_mux_code) z (8 * val k))
   (\\s s'. returns_with_frame z (8 * val k) s s' /\\
           spec_bignum_mux p k z x y (arm_mem s) (arm_mem s'))";
 "bignum_optsub",
 "!pc k z x p y. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_optsub_code /\\
        arm_regs s 0 = k /\\ arm_regs s 1 = z /\\ arm_regs s 2 = x /\\
        arm_regs s 3 = p /\\ arm_regs s 4 = y /\\
        nowrap z (8 * val k) /\\
        (z = x \\/ separate z (8 * val k) x (8 * val k)) /\\
        (z = y \\/ separate z (8 * val k) y (8 * val k)) /\\
        separate pc (LENGTH bignum_optsub_code) z (8 * val k))
   (\\s s'. returns_with_frame z (8 * val k) s s' /\\
           spec_bignum_optsub k z x p y (arm_mem s) (arm_mem s') (arm_regs s' 0))";
 "bignum_ge",
 "!pc m x n y. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_ge_code /\\
        arm_regs s 0 = m /\\ arm_regs s 1 = x /\\ arm_regs s 2 = n /\\
        arm_regs s 3 = y)
   (\\s s'. returns_with_frame (word 0) 0 s s' /\\
           spec_bignum_ge m x n y (arm_mem s) (arm_regs s' 0))";
 "bignum_copy_row_from_table",
 "!pc z table height width idx. ensures
   (\\s. arm_pc s = pc /\\ code_at (arm_mem s) pc bignum_copy_row_from_table_code /\\
        arm_regs s 0 = z /\\ arm_regs s 1 = table /\\ arm_regs s 2 = height /\\
        arm_regs s 3 = width /\\ arm_regs s 4 = idx /\\
        separate z (8 * val width) table (8 * val height * val width) /\\
        separate pc (LENGTH bignum_copy_row_from_table_code) z (8 * val width))
   (\\s s'. returns_with_frame z (8 * val width) s s' /\\
           spec_bignum_copy_row_from_table z table height width idx
             (arm_mem s) (arm_mem s'))";
];;

expected_statement := (fun name ->
  try Some (parse_term (assoc name arm_statements)) with _ -> None);;

(* Type-check every statement whose code exists (the check reports them). *)
let arm_stated = ref ([] : string list);;
List.iter (fun (name, s) ->
  try let tm = parse_term s in
      if frees tm <> [] then failwith ("free variables (missing code?): " ^
         String.concat " " (map (fst o dest_var) (frees tm)));
      arm_stated := name :: !arm_stated;
      Printf.printf "%-34s %-8s\n%!" name "STATED"
  with Failure m -> Printf.printf "%-34s %-8s %s\n%!" name "UNSTATED" m)
  arm_statements;;

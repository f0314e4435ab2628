(* Framework self-tests on small routines of our own (testcases/*.S). *)

let TEST_MUL_2_4_SPEC = `!pc z x y. ensures
  (\s. arm_pc s = pc /\ code_at (arm_mem s) pc test_mul_2_4_code /\
       arm_regs s 0 = z /\ arm_regs s 1 = x /\ arm_regs s 2 = y /\
       nowrap z 32 /\ separate pc (LENGTH test_mul_2_4_code) z 32)
  (\s s'. returns_with_frame z 32 s s' /\
          bignum_at z 4 (arm_mem s') =
          bignum_at x 2 (arm_mem s) * bignum_at y 2 (arm_mem s))`;;

let TEST_ADD_4_SPEC = `!pc z x y. ensures
  (\s. arm_pc s = pc /\ code_at (arm_mem s) pc test_add_4_code /\
       arm_regs s 0 = z /\ arm_regs s 1 = x /\ arm_regs s 2 = y /\
       nowrap z 40 /\ separate pc (LENGTH test_add_4_code) z 40)
  (\s s'. returns_with_frame z 40 s s' /\
          bignum_at z 5 (arm_mem s') =
          bignum_at x 4 (arm_mem s) + bignum_at y 4 (arm_mem s))`;;

run_proof "test_mul_2_4" (fun () ->
  prove_straightline (TEST_MUL_2_4_SPEC, test_mul_2_4_ninstr));;

run_proof "test_add_4" (fun () ->
  prove_straightline (TEST_ADD_4_SPEC, test_add_4_ninstr));;

(* Negative control: the same statement about the routine with one flipped
   bit (adds x8, x8, x9 becomes adds x8, x8, x8) must not be provable. *)
let TEST_MUL_2_4_FLIPPED_SPEC =
  subst [`test_mul_2_4_flipped_code`, `test_mul_2_4_code`] TEST_MUL_2_4_SPEC;;
expect_failure "test_mul_2_4_flipped" (fun () ->
  prove_straightline (TEST_MUL_2_4_FLIPPED_SPEC, test_mul_2_4_flipped_ninstr));;

# Every function of include/vbignum.h. Each backend provides <dir>/<name>.S for the
# ones it accelerates; portable/<name>.cpp is the fallback for all the others.
set(VBIGNUM_FUNCTIONS
  # fixed-size products
  bignum_mul_4_8 bignum_sqr_4_8 bignum_mul_8_16 bignum_sqr_8_16
  bignum_kmul_16_32 bignum_ksqr_16_32 bignum_kmul_24_48 bignum_ksqr_24_48
  bignum_kmul_32_64 bignum_ksqr_32_64
  # Montgomery
  word_negmodinv bignum_negmodinv bignum_emontredc_8n bignum_montredc
  bignum_montmul bignum_montsqr bignum_amontmul bignum_amontsqr bignum_demont
  bignum_montifier
  # generic
  bignum_add bignum_sub bignum_mul bignum_sqr bignum_ge bignum_optsub bignum_mux
  bignum_modadd bignum_modsub bignum_modexp
  # constant-time table lookup
  bignum_copy_row_from_table bignum_copy_row_from_table_8n
  bignum_copy_row_from_table_16 bignum_copy_row_from_table_32
)

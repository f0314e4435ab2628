s/^let print_fpf = pp_print_fpf Format.std_formatter;;/let print_fpf x = pp_print_fpf Format.std_formatter x;;/
s/^let pp_print_matrix_ni = pp_print_matrix pp_print_null/let pp_print_matrix_ni f m = pp_print_matrix pp_print_null f m/

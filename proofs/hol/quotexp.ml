(* camlp5 extension used when compiling HOL Light natively: expands the
   backquote quotations `...` the way HOL Light's toplevel does (that expander
   lives in system.ml, which only runs inside the toplevel). *)
let expand s =
  let n = String.length s in
  if n = 0 then failwith "empty quotation"
  else if s.[0] = ':' then
    "parse_type \"" ^ String.escaped (String.sub s 1 (n - 1)) ^ "\""
  else if s.[n - 1] = ':' then "\"" ^ String.escaped (String.sub s 0 (n - 1)) ^ "\""
  else "parse_term \"" ^ String.escaped s ^ "\""

let () = Quotation.add "tot" (Quotation.ExStr (fun _ s -> expand s))

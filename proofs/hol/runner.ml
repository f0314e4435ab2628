(* Runs each proof, timing it; records PROVED/FAILED for the ledger check. *)
let results = ref ([] : (string * bool * float) list);;

(* The statement a proof named after a routine must conclude (set by
   aarch64/statements.ml), so that the ledger's "proved" means exactly it. *)
let expected_statement = ref (fun (_:string) -> (None : term option));;

let run_proof name (f : unit -> thm) =
  let t0 = Unix.gettimeofday() in
  let ok =
    try let th = f () in
        if hyp th <> [] then failwith "theorem has hypotheses";
        (match !expected_statement name with
           Some tm when not (aconv (concl th) tm) ->
             failwith "theorem is not the routine's statement"
         | _ -> ());
        true
    with e -> Printf.printf "  %s: %s\n%!" name (Printexc.to_string e); false in
  let dt = Unix.gettimeofday() -. t0 in
  Printf.printf "%-34s %-8s %6.1fs\n%!" name (if ok then "PROVED" else "FAILED") dt;
  results := (name, ok, dt) :: !results;;

(* The negative control passes only if the proof attempt fails. *)
let expect_failure name (f : unit -> thm) =
  let t0 = Unix.gettimeofday() in
  let failed = try ignore(f ()); false with _ -> true in
  let dt = Unix.gettimeofday() -. t0 in
  Printf.printf "%-34s %-8s %6.1fs\n%!" name
    (if failed then "REJECTED" else "ACCEPTED!") dt;
  results := ("negative-control:" ^ name, failed, dt) :: !results;;

let write_results file =
  let oc = open_out file in
  List.iter (fun (n,ok,dt) ->
      let neg = String.length n > 17 && String.sub n 0 17 = "negative-control:" in
      Printf.fprintf oc "%s %s %.1f\n" n
        (if not ok then "failed" else if neg then "rejected" else "proved") dt)
    (List.rev !results);
  close_out oc;;

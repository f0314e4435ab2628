#!/usr/bin/env python3
"""Static constant-time check of vbignum's assembly (Python 3 standard library only).

Usage: tools/ct_check.py [-v] [-D NAME] [--arch x86_64|aarch64] [--header H]
                         [--expect-violations] FILE.S|DIR ...

Each .S file is assembled with line info (cc -g -c, the cross compiler for arm/),
disassembled with objdump -d -r -l, and every function in it is checked:

 1. Allowlist. Every instruction's mnemonic must be in the architecture's
    allowlist below: no division, no indirect branch or call, no instruction whose
    latency depends on its operands on the cores we target.
 2. Taint analysis: a forward dataflow over the function's control-flow graph of
    which registers, flags and stack slots hold PUBLIC values, iterated to a
    fixpoint with pessimistic joins (public only if public on every path).
    Public at entry: the stack pointer, the return address, and the argument
    registers vbignum.h declares public: every pointer, and the size arguments
    named k, m, n, p, height, width (not the selectors p of bignum_optsub and
    bignum_mux). Secret: everything else (idx, w, a, callee-saved registers...)
    and every load from memory, except
      - a stack slot this function stored a public value to (offsets from the
        stack pointer are followed through push/pop/sub/add/pre/post-index, and
        through registers, or stack slots, holding a pointer into the frame,
        with its possible offsets as a set that "cmp; b.ne/b.eq" refines on
        each edge);
      - a fixed address (x86 rip-relative; AArch64 adr/adrp + offset): the
        library's own constants and CPU-dispatch flags, never caller data.
    A result is public iff all its inputs (registers, flags read, memory) are;
    constants and zeroing idioms (xor r,r; sub r,r; eor x,y,y) are public.
    It then requires:
      - every conditional branch (jcc, b.cond, cbz/cbnz, tbz/tbnz) to read only
        public flags or registers;
      - every memory access to use only public base and index registers;
      - a call or tail jump to another vbignum function (CPU dispatch to the
        portable fallback, bignum_emontredc_8n from bignum_montmul...) to get
        public values in that function's public argument registers; afterwards
        the caller-saved registers and flags are secret. The callee is checked
        on its own (the portable ones by the dynamic test, tests/ct).
      - x86 local subroutines ("call label" inside the function) are analysed
        in place: their "ret" returns to every local call site.
    Conditional moves and selects (cmov, csel, adc, sbb, setcc...) on secret
    flags are allowed: they are the constant-time way to select.

Escape hatch: a source line whose comment contains "ct: public" declares the
data loaded by that line public. Addresses are still checked. Each use is
counted in the summary line and listed with -v: a reviewer must agree with it.

What passing guarantees: in each function, every branch decision and every
memory address is computed from the public arguments only, and no instruction
outside the allowlist can execute, under these assumptions: allowlisted
instructions run in data-independent time on the target (true of mul, mulx,
umulh, adc... on the x86-64 and Neoverse/Cortex-A cores we target, not on
every core ever made); stores through argument pointers never hit this
function's own stack frame; a subroutine's return address is not overwritten.
What it does not check: cache or power effects of the data itself, speculative
execution, the C/C++ code (see tests/ct), nor that the code is correct.

Output: one line per violation, "file:line: instruction: reason", then a summary
line. Exit status 1 if any violation (or, with --expect-violations, if a
negative control was not caught for each reason its "ct-expect:" lines name),
0 if all is as expected.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

# ---------------------------------------------------------------------------
# Which arguments are public, from the C prototypes in include/vbignum.h.
# ---------------------------------------------------------------------------
PUBLIC_SIZE_NAMES = {"k", "m", "n", "p", "height", "width"}
SECRET_SCALARS = {("bignum_optsub", "p"), ("bignum_mux", "p")}  # selectors, not sizes

ARG_REGS = {
    "x86_64": ["rdi", "rsi", "rdx", "rcx", "r8", "r9"],
    "aarch64": ["x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7"],
}


def read_signatures(header):
    """{function: [public? per argument]} parsed from the C header."""
    text = open(header).read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    text = re.sub(r"^\s*#[^\n]*", " ", text, flags=re.M)
    sigs = {}
    for m in re.finditer(r"\b(?:void|uint64_t)\s+(\w+)\s*\(([^)]*)\)\s*;", text):
        name, params = m.group(1), m.group(2)
        flags = []
        for prm in [x.strip() for x in params.split(",") if x.strip()]:
            ident = re.findall(r"[A-Za-z_]\w*", prm.split("[")[0])
            pname = ident[-1] if ident else ""
            is_ptr = "*" in prm or "[" in prm
            flags.append(is_ptr or (pname in PUBLIC_SIZE_NAMES
                                    and (name, pname) not in SECRET_SCALARS))
        sigs[name] = flags
    return sigs


# ---------------------------------------------------------------------------
# Allowlists. Anything not listed is rejected, so a new instruction is a
# deliberate decision (add it here with a reason) rather than an accident.
# ---------------------------------------------------------------------------
X86_ALLOW = set("""
mov movabs movzx movsx movsxd movq movd lea xchg bswap push pop
add adc sub sbb adcx adox inc dec neg not and or xor andn
mul mulx imul shl shr sar shld shrd rol ror shlx shrx sarx rorx
cmp test bt cqo
cmovo cmovno cmovb cmovc cmovnae cmovae cmovnb cmovnc cmove cmovz cmovne cmovnz
cmovbe cmovna cmova cmovnbe cmovs cmovns cmovp cmovpe cmovnp cmovpo
cmovl cmovnge cmovge cmovnl cmovle cmovng cmovg cmovnle
seto setno setb setc setnae setae setnb setnc sete setz setne setnz
setbe setna seta setnbe sets setns setp setpe setnp setpo
setl setnge setge setnl setle setng setg setnle
jo jno jb jc jnae jae jnb jnc je jz jne jnz jbe jna ja jnbe js jns jp jpe jnp jpo
jl jnge jge jnl jle jng jg jnle jmp ret nop endbr64 vzeroupper call clc stc
movdqu movdqa movups movaps pxor pand pandn por paddq psubq pcmpeqq pshufd punpcklqdq
vmovdqu vmovdqa vmovdqu64 vmovups vmovaps vpxor vpxorq vpand vpandq vpandn vpandnq
vpor vporq vpaddq vpsubq vpcmpeqq vpbroadcastq vpermq vpshufd vinserti128
vextracti128 vpunpcklqdq vpunpckhqdq vpblendd vpternlogq
""".split())

ARM_ALLOW = set("""
mov movz movn movk mvn add adds adc adcs sub subs sbc sbcs neg negs ngc ngcs
cmp cmn tst and ands orr orn eor eon bic bics lsl lsr asr ror lslv lsrv asrv rorv
extr ubfx sbfx ubfiz sbfiz ubfm sbfm bfi bfxil bfm sxtw uxtw clz rev
mul umulh smulh madd msub mneg umull umaddl umsubl
csel csinc csinv csneg cset csetm cinc cinv cneg ccmp ccmn
ldr ldur ldp ldnp ldrb ldrh ldrsw str stur stp stnp strb strh
b b.cond cbz cbnz tbz tbnz ret nop hint bti adr adrp mrs bl
ld1 st1 ld2 st2 dup ins umov fmov movi xtn xtn2 uzp1 uzp2 zip1 zip2 trn1 trn2 ext
umull2 umlal umlal2 umlsl umlsl2 mla mls usra ushr ushl shl sli sri shrn rev64 uaddlp
uadalp addp cmeq cmhi cmhs bsl bit bif not
""".split())
# Deliberately absent (examples): div idiv udiv sdiv (variable time); call bl blr
# br and indirect jmp (leave the function / data-dependent target); bsf bsr
# (undefined on zero); rep-prefixed string ops; any lock-prefixed instruction.

# ---------------------------------------------------------------------------
# Disassembly
# ---------------------------------------------------------------------------


class Insn:
    def __init__(self, addr, mnem, ops, src, line):
        self.addr, self.mnem, self.ops, self.src, self.line = addr, mnem, ops, src, line
        self.reloc = None  # symbol a relocation makes this instruction refer to
        self.declassified = False  # its source line says "ct: public" (see ANNOTATION)
        self.text = (mnem + " " + ",".join(ops)).strip()


def split_operands(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def disassemble(path, arch, cc, objdump, incdirs, defines):
    """[(function name, [Insn])] of one .S file."""
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, "f.o")
        cmd = [cc, "-g", "-c", path, "-o", obj] + ["-I" + d for d in incdirs]
        cmd += ["-D" + d for d in defines]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode:
            raise RuntimeError("cannot assemble %s:\n%s" % (path, r.stderr))
        syms = subprocess.run([objdump, "-t", obj], capture_output=True, text=True).stdout
        funcs = {ln.split()[-1] for ln in syms.splitlines() if " F " in ln}
        args = [objdump, "-d", "-r", "-l", "--no-show-raw-insn"]
        if arch == "x86_64":
            args += ["-M", "intel"]
        dis = subprocess.run(args + [obj], capture_output=True, text=True).stdout
    result, src, line = [], path, 0
    for ln in dis.splitlines():
        m = re.match(r"^[0-9a-f]+ <(.+)>:$", ln)
        if m:
            if m.group(1) in funcs or not result:
                result.append((m.group(1), []))
            continue
        m = re.match(r"^(/?[^\s:]+):(\d+)( \(discriminator \d+\))?$", ln)
        if m:
            src, line = m.group(1), int(m.group(2))
            continue
        m = re.match(r"^\s+[0-9a-f]+: (R_\w+)\s+([^+\s-]+)", ln)
        if m:
            if result and result[-1][1]:
                result[-1][1][-1].reloc = m.group(2)
            continue
        m = re.match(r"^\s+([0-9a-f]+):\s+(.*)$", ln)
        if not m or not result:
            continue
        comment = r"\s*#.*$" if arch == "x86_64" else r"\s*//.*$"
        body = re.sub(comment, "", m.group(2)).strip()
        if not body or body.startswith("..."):
            continue
        parts = body.split(None, 1)
        prefixes = {"bnd", "notrack", "ds", "cs"}
        while parts and parts[0] in prefixes and len(parts) > 1:
            parts = parts[1].split(None, 1)
        mnem = parts[0]
        ops = split_operands(parts[1]) if len(parts) > 1 else []
        ins = Insn(int(m.group(1), 16), mnem, ops, src, line)
        ins.declassified = ANNOTATION in source_line(src, line)
        result[-1][1].append(ins)
    return result


# The one escape hatch: a "ct: public" comment on a source line declares that the
# data loaded by the instructions of that line is public (for a pattern of public
# data in memory this analysis cannot follow). Addresses are still checked. Every
# use is listed by -v and counted in the summary, to be justified in review.
ANNOTATION = "ct: public"
_sources = {}


def source_line(path, line):
    if path not in _sources:
        try:
            _sources[path] = open(path, errors="replace").read().split("\n")
        except OSError:
            _sources[path] = []
    lines = _sources[path]
    return lines[line - 1] if 0 < line <= len(lines) else ""


# ---------------------------------------------------------------------------
# Abstract state: the sets of PUBLIC registers, flags and stack slots.
# Secret is the default, so "forgetting" is always the safe direction.
# ---------------------------------------------------------------------------


class State:
    # regs/flags: public ones; sp: stack pointer offset from entry (None: lost);
    # slots: public 8-byte stack slots; consts: registers holding a link-time
    # constant address (adr/adrp), through which loads read the library's own data;
    # ptrs: registers (by name) and stack slots (by offset) holding a pointer into
    # the frame, as a set of possible offsets (a cursor walking a table the
    # function keeps on its stack, possibly spilled and reloaded).
    __slots__ = ("regs", "flags", "sp", "slots", "consts", "ptrs")
    MAX_OFFSETS = 64

    def __init__(self, regs, flags, sp, slots, consts=frozenset(), ptrs=frozenset()):
        self.regs, self.flags, self.sp, self.slots = regs, flags, sp, slots
        self.consts, self.ptrs = consts, ptrs

    def join(self, other):
        sp = self.sp if self.sp == other.sp else None
        slots = self.slots & other.slots if sp is not None else frozenset()
        mine, theirs = dict(self.ptrs), dict(other.ptrs)
        ptrs = frozenset((r, mine[r] | theirs[r]) for r in mine
                         if sp is not None and r in theirs
                         and len(mine[r] | theirs[r]) <= self.MAX_OFFSETS)
        return State(self.regs & other.regs, self.flags & other.flags, sp, slots,
                     self.consts & other.consts, ptrs)

    def key(self):
        return (self.regs, self.flags, self.sp, self.slots, self.consts, self.ptrs)


class Checker:
    """Shared transfer machinery; subclasses parse one architecture's syntax."""
    signatures = {}

    def __init__(self):
        self.errors = []

    def fail(self, insn, reason):
        self.errors.append((insn, reason))

    def run(self, insns, public_args):
        index = {ins.addr: i for i, ins in enumerate(insns)}
        entry = State(frozenset(self.ENTRY_PUBLIC) | frozenset(public_args),
                      frozenset(), 0, frozenset())
        # Local subroutines (x86 "call label" inside the function): a ret that is
        # not the function's own (stack pointer not back at its entry value) may
        # return to any call site; their states are joined (context-insensitive).
        self.insns = insns
        self.targets = set()
        for ins in insns:
            m = re.match(r"^([0-9a-f]+) <", ins.ops[-1]) if ins.ops else None
            if m and ins.reloc is None:
                self.targets.add(int(m.group(1), 16))
        self.return_points = [i + 1 for i, ins in enumerate(insns)
                              if ins.mnem == "call" and ins.reloc is None
                              and i + 1 < len(insns)]
        states = {0: entry}
        work = [0]
        self.errors_on = False
        while work:  # fixpoint: states only ever lose public facts, so this ends
            i = work.pop()
            for j, out in self.successors(insns, i, index, states[i]):
                if j is None:
                    continue
                old = states.get(j)
                new = out if old is None else old.join(out)
                if old is None or new.key() != old.key():
                    states[j] = new
                    work.append(j)
        self.errors_on = True  # final pass with the fixpoint states: report
        for i in sorted(states):
            self.successors(insns, i, index, states[i])
        # Unreachable instructions are never executed: only the allowlist applies.
        for i, ins in enumerate(insns):
            if i not in states and not self.allowed(ins):
                self.fail(ins, "instruction '%s' is not in the %s allowlist"
                          % (ins.mnem, self.NAME))

    def report(self, insn, reason):
        if self.errors_on:
            self.fail(insn, reason)

    def successors(self, insns, i, index, st):
        ins = insns[i]
        if not self.allowed(ins):
            self.report(ins, "instruction '%s' is not in the %s allowlist"
                        % (ins.mnem, self.NAME))
            return [(i + 1 if i + 1 < len(insns) else None, st)]
        regs, flags, sp, slots = set(st.regs), set(st.flags), st.sp, set(st.slots)
        s = {"regs": regs, "flags": flags, "sp": sp, "slots": slots, "consts": set(st.consts),
             "ptrs": {r: set(v) for r, v in st.ptrs}}
        kind, target = self.step(ins, s)
        ptrs = s["ptrs"] if s["sp"] is not None else {}
        out = State(frozenset(regs), frozenset(flags), s["sp"],
                    frozenset(s["slots"]) if s["sp"] is not None else frozenset(),
                    frozenset(s["consts"] & regs),
                    frozenset((r, frozenset(v)) for r, v in ptrs.items()
                              if r in regs or r in s["slots"]))
        nxt = i + 1 if i + 1 < len(insns) else None
        tgt = None
        if target is not None and ins.reloc is not None:
            # A tail call to another symbol (e.g. the portable fallback of the CPU
            # dispatch): its own check covers it; here it simply leaves the function.
            self.call_external(ins, dict(s), ins.reloc, ())
            if kind == "jump":
                return []
            return [(nxt, out)]
        if target is not None:
            tgt = index.get(target)
            if tgt is None:
                self.report(ins, "branch leaves the function (target 0x%x)" % target)
        if kind == "ret":
            if s["sp"] == 0 or not self.return_points:
                return []  # the function's own return
            back = State(out.regs, out.flags, None if s["sp"] is None else s["sp"] + 8,
                         out.slots, out.consts, out.ptrs)
            exits = [(j, back) for j in self.return_points]
            return exits
        if kind == "call":
            return [(tgt, out)]
        if kind == "jump":
            return [(tgt, out)]
        if kind == "cond":
            edges = [(tgt, self.refine(i, out, True)), (nxt, self.refine(i, out, False))]
            return [(j, st) for j, st in edges if st is not None]  # None: infeasible
        return [(nxt, out)]

    def refine(self, i, state, taken):
        """The state on one edge of conditional branch i (None if impossible)."""
        return state

    def load_slots_at(self, s, offsets, size):
        """Public iff every slot the access may touch (one per offset) is public."""
        return all(all(w in s["slots"] for w in range((o // 8) * 8, o + size, 8))
                   for o in offsets)

    def store_slots_at(self, s, offsets, size, public):
        if len(offsets) == 1:  # a strong update, as through sp
            (o,) = offsets
            for w in range((o // 8) * 8, o + size, 8):
                covered = w >= o and w + 8 <= o + size
                s["ptrs"].pop(w, None)
                (s["slots"].add if public and covered else s["slots"].discard)(w)
        else:  # a weak update: any of them may now be secret, none a known pointer
            for o in offsets:
                for w in range((o // 8) * 8, o + size, 8):
                    s["ptrs"].pop(w, None)
                    if not public:
                        s["slots"].discard(w)

    @staticmethod
    def rebase(s, ins, public):
        """The stack pointer moved by an amount we do not follow (sub rsp, size;
        and rsp, -16; mov rsp, saved). Old slots cannot be related to the new
        stack pointer: start a new frame whose offsets cannot collide with the
        entry frame's (a distinct base per instruction)."""
        s["sp"] = ((ins.addr + 1) << 32) if public else None
        s["slots"] = set()
        s["ptrs"] = {}

    def call_external(self, ins, s, symbol, clobbered):
        """A call (or tail jump) to another vbignum function: its own check assumes
        its public arguments are public, so they must be here; on return the
        caller-saved registers and flags hold values we know nothing about."""
        name = symbol.split("@")[0]
        name = name[len("vbignum_portable_"):] if name.startswith("vbignum_portable_") else name
        sig = self.signatures.get(name)
        if sig is None:
            self.report(ins, "call to %s, which is not a vbignum function" % symbol)
        else:
            for reg, pub in zip(self.ARG_REGS, sig):
                if pub and reg not in s["regs"]:
                    self.report(ins, "%s's public argument in %s is secret here" % (name, reg))
        for r in clobbered:
            s["regs"].discard(r)
        s["flags"].clear()

    # stack slots are 8-byte words at offsets from the stack pointer at entry
    def store_slots(self, s, off, size, public):
        if s["sp"] is None or off is None:
            return
        base = s["sp"] + off
        for w in range((base // 8) * 8, base + size, 8):
            covered = w >= base and w + 8 <= base + size
            s["ptrs"].pop(w, None)
            if public and covered:
                s["slots"].add(w)
            else:
                s["slots"].discard(w)

    def load_slots(self, s, off, size):
        if s["sp"] is None or off is None:
            return False
        base = s["sp"] + off
        return all(w in s["slots"] for w in range((base // 8) * 8, base + size, 8))


# ---------------------------------------------------------------------------
# x86-64, Intel syntax as printed by objdump -M intel
# ---------------------------------------------------------------------------
X86_REG = {}
for _r in "abcd":
    for _n in ("r%sx" % _r, "e%sx" % _r, "%sx" % _r, "%sl" % _r, "%sh" % _r):
        X86_REG[_n] = "r%sx" % _r
for _r in ("si", "di", "bp", "sp"):
    for _n in ("r" + _r, "e" + _r, _r, _r + "l"):
        X86_REG[_n] = "r" + _r
for _i in range(8, 16):
    for _suf in ("", "d", "w", "b"):
        X86_REG["r%d%s" % (_i, _suf)] = "r%d" % _i
for _i in range(32):
    for _p in ("xmm", "ymm", "zmm"):
        X86_REG["%s%d" % (_p, _i)] = "v%d" % _i
X86_PARTIAL = re.compile(r"^([abcd][lhx]|[sd]il?|[sb]pl?|r\d+[wb]|xmm\d+)$")
X86_CC = {
    "o": "O", "no": "O", "b": "C", "c": "C", "nae": "C", "ae": "C", "nb": "C",
    "nc": "C", "e": "Z", "z": "Z", "ne": "Z", "nz": "Z", "be": "CZ", "na": "CZ",
    "a": "CZ", "nbe": "CZ", "s": "S", "ns": "S", "p": "P", "pe": "P", "np": "P",
    "po": "P", "l": "SO", "nge": "SO", "ge": "SO", "nl": "SO", "le": "ZSO",
    "ng": "ZSO", "g": "ZSO", "nle": "ZSO",
}
X86_ALL_FLAGS = set("CPAZSO")
X86_SIZES = {"BYTE": 1, "WORD": 2, "DWORD": 4, "QWORD": 8, "XMMWORD": 16,
             "YMMWORD": 32, "ZMMWORD": 64}


X86_CALLER_SAVED = ["rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11"] + \
    ["v%d" % i for i in range(32)]


class X86(Checker):
    NAME = "x86-64"
    ENTRY_PUBLIC = {"rsp"}
    ARG_REGS = ARG_REGS["x86_64"]

    def allowed(self, ins):
        return ins.mnem in X86_ALLOW

    def mem(self, op):
        """(size, base, index, disp) of a memory operand, or None."""
        m = re.match(r"^(?:(\w+) PTR )?(?:\w+:)?\[(.*)\]$", op)
        if not m:
            return None
        size = X86_SIZES.get(m.group(1), 8) if m.group(1) else 8
        base = index = None
        disp = 0
        for sign, term in re.findall(r"([+-]?)([^+-]+)", m.group(2).replace(" ", "")):
            if "*" in term:
                index = X86_REG.get(term.split("*")[0])
            elif term in X86_REG:
                base = X86_REG[term]
            elif term == "rip":
                base = "rip"
            else:
                disp += (-1 if sign == "-" else 1) * int(term, 0)
        return size, base, index, disp

    def step(self, ins, s):
        regs, flags = s["regs"], s["flags"]
        mn, ops = ins.mnem, ins.ops

        def pub(op):  # is a source operand public? (checks memory addresses too)
            if op in X86_REG:
                return X86_REG[op] in regs
            mm = self.mem(op)
            if mm is None:
                return True  # immediate
            size, base, index, disp = mm
            return self.address(ins, s, mm) and (ins.declassified or self.load(s, mm))

        def write(op, public, keep_old=True):
            if op in X86_REG:
                r = X86_REG[op]
                old = r in regs
                if X86_PARTIAL.match(op) and keep_old:
                    public = public and old
                (regs.add if public else regs.discard)(r)
                if r == "rsp":
                    self.rebase(s, ins, public)
                return
            mm = self.mem(op)
            if mm is not None and self.address(ins, s, mm) and mm[1] == "rsp" and mm[2] is None:
                self.store_slots(s, mm[3], mm[0], public)

        def set_flags(public, which=X86_ALL_FLAGS):
            for f in which:
                (flags.add if public else flags.discard)(f)

        def cc_public(cc):
            return all(f in flags for f in X86_CC[cc])

        if mn in ("ret",):
            return "ret", None
        if mn.startswith("j") and not re.match(r"^[0-9a-f]+ <", ops[0]):
            self.report(ins, "indirect jump")
            return "ret", None
        if mn == "jmp":
            return "jump", int(ops[0].split()[0], 16)
        if mn.startswith("j"):
            if not cc_public(mn[1:]):
                self.report(ins, "conditional branch on secret flags (%s)" % mn)
            return "cond", int(ops[0].split()[0], 16)
        if mn in ("nop", "endbr64", "vzeroupper"):
            return None, None
        if mn in ("clc", "stc"):
            flags.add("C")
            return None, None
        if mn == "call":
            if ins.reloc is not None:
                self.call_external(ins, s, ins.reloc, X86_CALLER_SAVED)
                return None, None
            if not re.match(r"^[0-9a-f]+ <", ops[0]):
                self.report(ins, "indirect call")
                return "ret", None
            if s["sp"] is not None:  # pushes the return address: public
                s["sp"] -= 8
                self.store_slots(s, 0, 8, True)
            return "call", int(ops[0].split()[0], 16)
        if mn == "push":
            p = pub(ops[0])
            if s["sp"] is not None:
                s["sp"] -= 8
                self.store_slots(s, 0, 8, p)
            return None, None
        if mn == "pop":
            p = self.load_slots(s, 0, 8)
            if s["sp"] is not None:
                s["sp"] += 8
            write(ops[0], p, keep_old=False)
            return None, None
        if mn in ("add", "sub") and ops[0] == "rsp" and re.match(r"^-?(0x)?[0-9a-f]+$", ops[1]):
            if s["sp"] is not None:
                s["sp"] += (1 if mn == "add" else -1) * int(ops[1], 0)
            set_flags(True)
            return None, None
        if mn == "lea":
            mm = self.mem(ops[1])
            p = all(r is None or r == "rip" or r in regs for r in (mm[1], mm[2]))
            if ops[0] == "rsp" and s["sp"] is not None and mm[1] == "rsp" and mm[2] is None:
                s["sp"] += mm[3]
            else:
                write(ops[0], p, keep_old=False)
            return None, None
        if mn in ("xor", "sub", "pxor", "vpxor", "vpxorq", "xorps") and len(set(ops)) == 1 \
                or (mn in ("vpxor", "vpxorq") and ops[1] == ops[2]):
            write(ops[0], True, keep_old=False)
            set_flags(True)
            return None, None
        if mn == "sbb" and ops[0] == ops[1]:  # mask = -CF
            write(ops[0], "C" in flags)
            set_flags("C" in flags)
            return None, None
        if mn == "xchg":
            a, b = pub(ops[0]), pub(ops[1])
            write(ops[0], b, keep_old=False)
            write(ops[1], a, keep_old=False)
            return None, None
        if mn in ("mov", "movabs", "movzx", "movsx", "movsxd", "movq", "movd", "movdqu",
                  "movdqa", "movups", "movaps", "vmovdqu", "vmovdqa", "vmovdqu64",
                  "vmovups", "vmovaps", "vpbroadcastq"):
            write(ops[0], pub(ops[-1]), keep_old=False)
            return None, None
        if mn.startswith("cmov"):
            write(ops[0], pub(ops[0]) and pub(ops[1]) and cc_public(mn[4:]))
            return None, None
        if mn.startswith("set"):
            write(ops[0], cc_public(mn[3:]))
            return None, None
        if mn in ("cmp", "test", "bt"):
            set_flags(all(pub(o) for o in ops))
            return None, None
        if mn in ("mul", "imul") and len(ops) == 1:
            p = pub(ops[0]) and "rax" in regs
            write("rax", p)
            write("rdx", p)
            set_flags(p)
            return None, None
        if mn == "mulx":
            p = pub(ops[2]) and "rdx" in regs
            write(ops[0], p, keep_old=False)
            write(ops[1], p, keep_old=False)
            return None, None
        if mn == "cqo":
            write("rdx", "rax" in regs)
            return None, None
        # Everything else: destination = f(all operands [, carry]).
        srcs = ops if mn not in ("shlx", "shrx", "sarx", "rorx", "andn", "vpbroadcastq") \
            else ops[1:]
        p = all(pub(o) for o in srcs)
        if mn in ("adc", "sbb", "adcx"):
            p = p and "C" in flags
        if mn == "adox":
            p = p and "O" in flags
        if ops:
            write(ops[0], p)
        if mn == "adcx":
            set_flags(p, "C")
        elif mn == "adox":
            set_flags(p, "O")
        elif mn in ("inc", "dec"):
            set_flags(p, X86_ALL_FLAGS - {"C"})
        elif mn in ("shl", "shr", "sar", "rol", "ror", "shld", "shrd"):
            count = ops[-1] if len(ops) > 1 else "1"
            if count in X86_REG:  # a zero count in cl leaves the flags as they were
                p = p and all(f in flags for f in X86_ALL_FLAGS)
            set_flags(p)
        elif mn in ("not", "bswap", "shlx", "shrx", "sarx", "rorx") or mn.startswith("v") \
                or mn.startswith("p") or mn.startswith("mov"):
            pass
        else:
            set_flags(p)
        return None, None

    def address(self, ins, s, mm):
        size, base, index, disp = mm
        bad = [r for r in (base, index) if r not in (None, "rip") and r not in s["regs"]]
        if bad:
            self.report(ins, "memory address depends on secret register(s) %s"
                        % ", ".join(bad))
            return False
        return True

    def load(self, s, mm):
        size, base, index, disp = mm
        if base == "rsp" and index is None:
            return self.load_slots(s, disp, size)
        if base == "rip" and index is None:
            return True  # a fixed address: the library's own constants and flags
        return False  # data loaded through argument pointers is secret


# ---------------------------------------------------------------------------
# AArch64, as printed by objdump
# ---------------------------------------------------------------------------
def arm_reg(op):
    op = op.strip()
    m = re.match(r"^([xw])(\d+)$", op)
    if m:
        return "x" + m.group(2)
    if op in ("sp", "wsp"):
        return "sp"
    if op in ("xzr", "wzr"):
        return "zr"
    m = re.match(r"^[vqdshb](\d+)(\.\w+)?(\[\d+\])?$", op)
    if m:
        return "v" + m.group(1)
    return None


ARM_FLAG_SET = {"adds", "adcs", "subs", "sbcs", "negs", "ngcs", "ands", "bics", "cmp",
                "cmn", "tst", "ccmp", "ccmn"}
ARM_FLAG_READ = {"adc", "adcs", "sbc", "sbcs", "ngc", "ngcs", "csel", "csinc", "csinv",
                 "csneg", "cset", "csetm", "cinc", "cinv", "cneg", "ccmp", "ccmn"}
ARM_NO_DEST = {"cmp", "cmn", "tst", "ccmp", "ccmn"}
ARM_ACCUMULATE = {"movk", "bfi", "bfxil", "bfm", "ins", "umlal", "umlal2", "umlsl",
                  "umlsl2", "mla", "mls", "usra", "sli", "sri", "bsl", "bit", "bif",
                  "uadalp", "xtn2"}
ARM_LOADS = {"ldr", "ldur", "ldp", "ldnp", "ldrb", "ldrh", "ldrsw", "ld1", "ld2"}
ARM_STORES = {"str", "stur", "stp", "stnp", "strb", "strh", "st1", "st2"}


ARM_CALLER_SAVED = ["x%d" % i for i in range(19)] + ["x30"] + ["v%d" % i for i in range(32)]


class Arm(Checker):
    NAME = "AArch64"
    ENTRY_PUBLIC = {"sp", "x30", "x29", "zr"}
    ARG_REGS = ARG_REGS["aarch64"]

    def allowed(self, ins):
        return ("b.cond" if ins.mnem.startswith("b.") else ins.mnem) in ARM_ALLOW

    def regs_in(self, op):
        """Registers named by an operand, including {v0.2d, v1.2d} lists."""
        if op.startswith("{"):
            inner = op[1:op.index("}")]
            if "-" in inner:
                a, b = [arm_reg(x.strip()) for x in inner.split("-")]
                return ["v%d" % i for i in range(int(a[1:]), int(b[1:]) + 1)]
            return [arm_reg(x) for x in inner.split(",") if arm_reg(x)]
        r = arm_reg(op.split()[0]) if op else None
        return [r] if r else []

    def step(self, ins, s):
        regs, flags = s["regs"], s["flags"]
        mn, ops = ins.mnem, ins.ops

        def pub_reg(r):
            return r == "zr" or r in regs

        def write(r, public, partial=False):
            s["consts"].discard(r)
            s["ptrs"].pop(r, None)
            if r == "zr":
                return
            if partial:
                public = public and r in regs
            (regs.add if public else regs.discard)(r)
            if r == "sp":
                self.rebase(s, ins, public)

        if mn == "ret":
            return "ret", None
        if mn == "bl":
            if ins.reloc is None:
                self.report(ins, "bl to a local subroutine (not supported on AArch64)")
            else:
                self.call_external(ins, s, ins.reloc, ARM_CALLER_SAVED)
            return None, None
        if mn == "b":
            return "jump", int(ops[0].split()[0], 16)
        if mn.startswith("b."):
            if "nzcv" not in flags:
                self.report(ins, "conditional branch on secret flags (%s)" % mn)
            return "cond", int(ops[0].split()[0], 16)
        if mn in ("cbz", "cbnz", "tbz", "tbnz"):
            r = arm_reg(ops[0])
            if not pub_reg(r):
                self.report(ins, "conditional branch on secret register %s" % ops[0])
            return "cond", int(ops[-1].split()[0], 16)
        if mn in ("nop", "hint", "bti"):
            return None, None
        if mn == "mrs":  # only the CPU model, for a one-off dispatch decision
            if ops[1].lower() != "midr_el1":
                self.report(ins, "mrs of %s (only midr_el1 is allowed)" % ops[1])
            write(arm_reg(ops[0]), True)
            return None, None
        if mn in ("adr", "adrp"):
            write(arm_reg(ops[0]), True)
            s["consts"].add(arm_reg(ops[0]))
            return None, None
        if mn == "add" and arm_reg(ops[1]) in s["consts"] and len(ops) == 3 \
                and not arm_reg(ops[2]):  # constant address + offset
            write(arm_reg(ops[0]), True)
            s["consts"].add(arm_reg(ops[0]))
            return None, None
        if (mn in ("mov", "movz", "movn", "movi") and
                                     ops[1].startswith("#")):
            for r in self.regs_in(ops[0]):
                write(r, True)
            return None, None

        if mn in ARM_LOADS and not any(o.startswith("[") for o in ops):
            for r in self.regs_in(ops[0]):  # pc-relative literal: a constant
                write(r, True)
            return None, None
        if mn in ARM_LOADS or mn in ARM_STORES:
            mi = next(i for i, o in enumerate(ops) if o.startswith("["))
            data = [r for o in ops[:mi] for r in self.regs_in(o)]
            mem = ops[mi]
            post = ops[mi + 1] if mi + 1 < len(ops) else None
            inner = [x.strip() for x in mem.strip("[]!").split(",")]
            base = arm_reg(inner[0])
            index = arm_reg(inner[1]) if len(inner) > 1 and arm_reg(inner[1]) else None
            imm = 0
            if len(inner) > 1 and inner[1].startswith("#"):
                imm = int(inner[1][1:], 0)
            bad = [r for r in (base, index) if r and not pub_reg(r)]
            if bad:
                self.report(ins, "memory address depends on secret register(s) %s"
                            % ", ".join(bad))
            size = self.access_size(mn, ops[:mi])
            on_stack = base == "sp" and index is None
            pre = mem.endswith("!")
            off = imm if not post else 0
            frame = s["ptrs"].get(base) if index is None and not bad else None
            if frame is not None:
                frame = {o + off for o in frame}
            # 8-byte x registers to/from sp slots carry frame-pointer offsets along
            xregs = all(re.match(r"^x\d+$", o) for o in ops[:mi])
            slot0 = s["sp"] + off if on_stack and not bad and s["sp"] is not None else None
            if mn in ARM_STORES:
                public = all(pub_reg(r) for r in data)
                if on_stack and not bad:
                    self.store_slots(s, off, size, public)
                    if xregs and mn in ("str", "stp", "stur"):
                        for j, r in enumerate(data):
                            if r in s["ptrs"] and (slot0 + 8 * j) % 8 == 0:
                                s["ptrs"][slot0 + 8 * j] = set(s["ptrs"][r])
                elif frame:
                    self.store_slots_at(s, frame, size, public)
            else:
                public = ins.declassified or (on_stack and not bad and
                                              self.load_slots(s, off, size)) \
                    or (base in s["consts"] and index is None) \
                    or (bool(frame) and self.load_slots_at(s, frame, size))
                lane = any("[" in o for o in ops[:mi])
                for r in data:
                    write(r, public, partial=lane)
                if slot0 is not None and xregs and mn in ("ldr", "ldp", "ldur"):
                    for j, r in enumerate(data):
                        if slot0 + 8 * j in s["ptrs"]:
                            s["ptrs"][r] = set(s["ptrs"][slot0 + 8 * j])
            # writeback: base += immediate (or register) stays public if both are
            if pre or post:
                step = imm if pre else None
                if post is not None:
                    pr = arm_reg(post)
                    step = int(post[1:], 0) if post.startswith("#") else None
                    if pr and not pub_reg(pr):
                        write(base, False)
                if base == "sp" and s["sp"] is not None:
                    s["sp"] = s["sp"] + step if step is not None else None
                elif base in s["ptrs"]:
                    if step is None:
                        s["ptrs"].pop(base)
                    else:
                        s["ptrs"][base] = {o + step for o in s["ptrs"][base]}
            return None, None

        # sp arithmetic keeps track of the frame
        if mn in ("add", "sub") and ops[0] == "sp" and ops[1] == "sp" and ops[2].startswith("#"):
            if s["sp"] is not None:
                s["sp"] += (1 if mn == "add" else -1) * int(ops[2][1:], 0)
            return None, None

        dst = [] if mn in ARM_NO_DEST else self.regs_in(ops[0])
        srcs = ops if mn in ARM_NO_DEST else ops[1:]
        if mn in ("eor", "sub", "subs", "bic") and len(ops) == 3 and ops[1] == ops[2]:
            public = True  # x ^ x, x - x: constant
        else:
            public = all(pub_reg(r) for o in srcs for r in self.regs_in(o))
            if mn in ARM_FLAG_READ:
                public = public and "nzcv" in flags
        partial = mn in ARM_ACCUMULATE or any("[" in o for o in ops[:1])
        src_frame = None  # a pointer into the frame: sp or a tracked register, +- imm
        if mn in ("mov", "add", "sub") and s["sp"] is not None and len(dst) == 1 and \
                (mn == "mov" or (len(ops) == 3 and ops[2].startswith("#"))):
            src = arm_reg(ops[1])
            frame = {s["sp"]} if src == "sp" else s["ptrs"].get(src)
            if frame is not None:
                delta = 0 if mn == "mov" else int(ops[2][1:], 0) * (1 if mn == "add" else -1)
                src_frame = {o + delta for o in frame}
        for r in dst:
            write(r, public, partial=partial)
        if src_frame is not None:
            s["ptrs"][dst[0]] = src_frame
        if mn in ARM_FLAG_SET:
            (flags.add if public else flags.discard)("nzcv")
        return None, None

    def refine(self, i, state, taken):
        """After "cmp xa, xb; b.ne/b.eq" on frame pointers (xb at one known offset),
        keep on each edge only the offsets of xa that agree with the outcome; an
        edge no offset agrees with is impossible. Only when the cmp directly
        precedes the branch and nothing else jumps to the branch."""
        ins = self.insns[i]
        if ins.mnem not in ("b.ne", "b.eq") or i == 0 or ins.addr in self.targets:
            return state
        prev = self.insns[i - 1]
        if prev.mnem != "cmp" or len(prev.ops) != 2:
            return state
        ptrs = dict(state.ptrs)
        a, b = arm_reg(prev.ops[0]), arm_reg(prev.ops[1])
        if a not in ptrs or b not in ptrs or len(ptrs[b]) != 1:
            return state
        equal = taken == (ins.mnem == "b.eq")
        kept = ptrs[a] & ptrs[b] if equal else ptrs[a] - ptrs[b]
        if not kept:
            return None
        ptrs[a] = frozenset(kept)
        return State(state.regs, state.flags, state.sp, state.slots, state.consts,
                     frozenset(ptrs.items()))

    @staticmethod
    def access_size(mn, data_ops):
        n = max(1, len(data_ops))
        first = data_ops[0] if data_ops else "x0"
        if mn.endswith("b"):
            return 1
        if mn.endswith("h"):
            return 2
        if mn in ("ld1", "st1", "ld2", "st2"):
            regs = len(Arm().regs_in(first))
            return 16 * max(1, regs)
        w = {"w": 4, "x": 8, "s": 4, "d": 8, "q": 16}.get(first[0], 8)
        return w * n


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------
TOOLS = {
    "x86_64": ("cc", "objdump", X86),
    "aarch64": ("aarch64-linux-gnu-gcc", "aarch64-linux-gnu-objdump", Arm),
}


def guess_arch(path):
    parts = os.path.normpath(os.path.abspath(path)).split(os.sep)
    if "arm" in parts or "aarch64" in parts:
        return "aarch64"
    if "x86" in parts or "x86_64" in parts:
        return "x86_64"
    return None


def file_signatures(path):
    """Extra prototypes a file may declare for itself: '// ct-signature: <C prototype>'."""
    extra = []
    for ln in open(path, errors="replace"):
        m = re.search(r"ct-signature:\s*(.*;)", ln)
        if m:
            extra.append(m.group(1))
    return extra


def check_file(path, arch, header_sigs, verbose, defines=()):
    cc, objdump, cls = TOOLS[arch]
    cc = os.environ.get("CT_CC_" + arch.upper(), cc)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    incdirs = [os.path.dirname(os.path.abspath(path)),
               os.path.join(root, "arm" if arch == "aarch64" else "x86")]
    sigs = dict(header_sigs)
    if file_signatures(path):
        with tempfile.NamedTemporaryFile("w", suffix=".h", delete=False) as h:
            h.write("\n".join(file_signatures(path)))
        sigs.update(read_signatures(h.name))
        os.unlink(h.name)
    problems, notes = [], []
    funcs = disassemble(path, arch, cc, objdump, incdirs, defines)
    if not funcs:
        problems.append("%s: no function found" % path)
    for name, insns in funcs:
        if name not in sigs:
            problems.append("%s: function %s: no prototype in the header (add one, or a "
                            "'ct-signature:' comment) so its public arguments are known"
                            % (path, name))
            continue
        public = [r for r, pub in zip(ARG_REGS[arch], sigs[name]) if pub]
        chk = cls()
        chk.signatures = sigs
        chk.run(insns, public)
        seen = set()
        for ins, reason in chk.errors:
            if (ins.addr, reason) in seen:
                continue
            seen.add((ins.addr, reason))
            problems.append("%s:%d: %s: %s" % (os.path.relpath(ins.src), ins.line,
                                              ins.text, reason))
        for line in sorted({(i.src, i.line) for i in insns if i.declassified}):
            notes.append("%s:%d: note: loads declared public by '%s'"
                         % (os.path.relpath(line[0]), line[1], ANNOTATION))
        if verbose:
            pubs = ", ".join(public) or "none"
            print("%s: %s: %d instructions, public arguments: %s"
                  % (path, name, len(insns), pubs))
    if verbose:
        for n in notes:
            print(n)
    ANNOTATIONS_USED.extend(notes)
    return problems


ANNOTATIONS_USED = []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help=".S files or directories of them")
    ap.add_argument("--arch", choices=sorted(TOOLS), help="default: from the path "
                    "(arm/ -> aarch64, x86/ -> x86_64)")
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--header", default=os.path.join(here, "..", "include", "vbignum.h"))
    ap.add_argument("--expect-violations", action="store_true",
                    help="negative-control mode: every file must fail, with each "
                    "reason its 'ct-expect: <text>' comments name")
    ap.add_argument("-D", dest="define", action="append", default=[],
                    help="preprocessor definition for assembling, e.g. -DVB_HAVE_PORTABLE")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    header_sigs = read_signatures(a.header)
    files = []
    for p in a.paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".S"))
        else:
            files.append(p)
    problems, checked = [], 0
    for f in files:
        arch = a.arch or guess_arch(f)
        if arch is None:
            print("%s: cannot tell the architecture; pass --arch" % f, file=sys.stderr)
            return 2
        try:
            found = check_file(f, arch, header_sigs, a.verbose, a.define)
        except RuntimeError as e:
            found = ["%s: %s" % (f, str(e).strip().replace("\n", " | "))]
        checked += 1
        for p in found:
            print(p)
        if a.expect_violations:
            expected = re.findall(r"ct-expect:\s*(.*?)\s*$", open(f).read(), flags=re.M)
            missed = [e for e in expected if not any(e in p for p in found)]
            if not found or not expected or missed:
                problems.append("%s: negative control not caught as expected (missing: %s)"
                                % (f, "; ".join(missed) or "any violation"))
                print(problems[-1])
            else:
                print("%s: caught as expected (%d violation(s))" % (f, len(found)))
        else:
            problems += found
    what = "negative control(s) not caught" if a.expect_violations else "violation(s)"
    print("ct_check: %d file(s), %d %s, %d '%s' annotation(s)"
          % (checked, len(problems), what, len(ANNOTATIONS_USED), ANNOTATION))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

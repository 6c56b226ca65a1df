"""Mutation operators on normalised LLVM IR text (one edit each).

Operators (names as in the report and in member origins, `llvm-mutant:<op>`):

- `icmp_flip`        negate an icmp/fcmp predicate (slt -> sge, olt -> uge, ...)
- `binop_swap`       swap a binary operator (add <-> sub, and <-> or, fmul <-> fdiv, ...)
- `const_step`       add or subtract 1 from an integer constant operand (i1: flip)
- `operand_swap`     swap the operands of a non-commutative binary op, ordered compare or select
- `branch_retarget`  swap a conditional branch's targets, or point an unconditional one elsewhere
- `drop_instruction` delete an instruction; its uses get a type-correct replacement (the first
                     operand of a binary op, else a zero of the result type; a store just goes)

Edits are made only in functions the module *owns* (not linkonce/weak/available_externally:
those are shared with the harness through COMDATs, so an edit there would be an ODR
violation, not a different program). Whether an edit is valid IR is not guessed here:
the LLVM verifier decides (stage.py), and execution decides whether it is inequivalent.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

OPERATORS = ("icmp_flip", "binop_swap", "const_step", "operand_swap", "branch_retarget", "drop_instruction")

_NEG = {
    "eq": "ne", "ne": "eq", "ugt": "ule", "ule": "ugt", "uge": "ult", "ult": "uge",
    "sgt": "sle", "sle": "sgt", "sge": "slt", "slt": "sge",
    "oeq": "une", "une": "oeq", "ogt": "ule", "oge": "ult", "olt": "uge", "ole": "ugt",
    "one": "ueq", "ueq": "one", "ord": "uno", "uno": "ord", "true": "false", "false": "true",
}
_SYMMETRIC = {"eq", "ne", "oeq", "une", "one", "ueq", "ord", "uno", "true", "false"}
_BINSWAP = {
    "add": "sub", "sub": "add", "mul": "add", "sdiv": "udiv", "udiv": "sdiv", "srem": "urem", "urem": "srem",
    "shl": "lshr", "lshr": "shl", "ashr": "lshr", "and": "or", "or": "and", "xor": "and",
    "fadd": "fsub", "fsub": "fadd", "fmul": "fdiv", "fdiv": "fmul", "frem": "fdiv",
}
_NONCOMM = {"sub", "sdiv", "udiv", "srem", "urem", "shl", "lshr", "ashr", "fsub", "fdiv", "frem"}
_FLAGS = {"nuw", "nsw", "exact", "disjoint", "nnan", "ninf", "nsz", "arcp", "contract", "afn", "reassoc", "fast"}
_CASTS = {"trunc", "zext", "sext", "fptrunc", "fpext", "fptoui", "fptosi", "uitofp", "sitofp", "ptrtoint",
          "inttoptr", "bitcast"}

_DEF = re.compile(r"^  (%[\w.]+) = (\w+)\b(.*)$")
_CMP = re.compile(r"^(  %[\w.]+ = (?:icmp|fcmp)(?: [a-z]+)*? )(" + "|".join(_NEG) + r") (.*)$")
_BINOP = re.compile(r"^(  %[\w.]+ = )(" + "|".join(_BINSWAP) + r")((?: (?:" + "|".join(_FLAGS) + r"))*) (.*)$")
_INT_CONST = re.compile(r"(?<![\w.%@])(i(?:8|16|32|64|128)) (-?\d+)\b(?!\s*x\b)")
_BOOL_CONST = re.compile(r"\bi1 (true|false)\b")
_CONDBR = re.compile(r"^(  br i1 [^,]+, label )(%[\w.]+)(, label )(%[\w.]+)$")
_BR = re.compile(r"^(  br label )(%[\w.]+)$")
_LABEL = re.compile(r"^([\w.$\-]+):$")
_ZERO = {"float": "0.0", "double": "0.0", "ptr": "null", "i1": "false", "half": "0.0"}


@dataclass(frozen=True)
class Mutant:
    operator: str
    text: str
    line: int  # 0-based line edited
    detail: str


def owned_lines(text: str) -> list[tuple[int, int, list[str]]]:
    """(first body line, end line, block labels) of each function body the module owns."""
    lines = text.split("\n")
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("define ") and line.rstrip().endswith("{"):
            j = i + 1
            while j < len(lines) and lines[j] != "}":
                j += 1
            head = line.split("@", 1)[0]
            if not any(w in head.split() for w in ("linkonce_odr", "linkonce", "weak", "weak_odr",
                                                     "available_externally")):
                labels = ["%" + m.group(1) for m in (_LABEL.match(x) for x in lines[i + 1:j]) if m]
                out.append((i + 1, j, labels))
            i = j
        i += 1
    return out


def _split_two(s: str) -> tuple[str, str] | None:
    if "<" in s or "{" in s or "[" in s:
        return None
    parts = s.split(", ")
    return (parts[0], parts[1]) if len(parts) == 2 else None


def _zero(ty: str) -> str | None:
    if re.fullmatch(r"i\d+", ty):
        return "false" if ty == "i1" else "0"
    return _ZERO.get(ty)


def sites(text: str, operator: str) -> list[tuple[int, str, str]]:
    """Every (line, new line text or '' to delete, detail) the operator can make."""
    lines = text.split("\n")
    out: list[tuple[int, str, str]] = []
    for start, end, labels in owned_lines(text):
        for i in range(start, end):
            line = lines[i]
            if operator == "icmp_flip":
                m = _CMP.match(line)
                if m:
                    out.append((i, m.group(1) + _NEG[m.group(2)] + " " + m.group(3), f"{m.group(2)}->{_NEG[m.group(2)]}"))
            elif operator == "binop_swap":
                m = _BINOP.match(line)
                if m:
                    new = _BINSWAP[m.group(2)]
                    out.append((i, m.group(1) + new + " " + m.group(4), f"{m.group(2)}->{new}"))
            elif operator == "const_step":
                d = _DEF.match(line)
                if d and d.group(2) in ("alloca", "getelementptr", "switch"):
                    continue
                if line.lstrip().startswith(("switch", "call", "tail call", "invoke")) or " call " in line:
                    continue
                body = re.sub(r"range\([^)]*\)", lambda mm: "#" * len(mm.group(0)), line)
                spots = [(m.group(1), m) for m in _INT_CONST.finditer(body)]
                if _BINOP.match(line) or _CMP.match(line):  # `op i64 %a, 10`: the type names only the first
                    ty = re.search(r"\b(i(?:8|16|32|64|128)) \S+, (-?\d+)$", body)
                    if ty:
                        spots.append((ty.group(1), ty))
                if " phi i" in line:  # `phi i64 [ 0, %7 ], ...`
                    ty_phi = re.search(r" phi (i(?:8|16|32|64|128)) ", line)
                    spots += [(ty_phi.group(1), m) for m in re.finditer(r"\[ ()(-?\d+), ", body)] if ty_phi else []
                for ty_name, m in spots:
                    v = int(m.group(2))
                    for step in (1, -1):
                        new = line[:m.start(2)] + str(v + step) + line[m.end(2):]
                        out.append((i, new, f"{ty_name} {v}->{v + step}"))
                for m in _BOOL_CONST.finditer(body):
                    flip = "false" if m.group(1) == "true" else "true"
                    out.append((i, line[:m.start(1)] + flip + line[m.end(1):], f"i1 {m.group(1)}->{flip}"))
            elif operator == "operand_swap":
                m = _BINOP.match(line)
                if m and m.group(2) in _NONCOMM:
                    ty_ops = m.group(4).split(" ", 1)
                    two = _split_two(ty_ops[1]) if len(ty_ops) == 2 else None
                    if two and two[0] != two[1]:
                        out.append((i, f"{m.group(1)}{m.group(2)}{m.group(3)} {ty_ops[0]} {two[1]}, {two[0]}",
                                    f"{m.group(2)} operands"))
                    continue
                m2 = _CMP.match(line)
                if m2 and m2.group(2) not in _SYMMETRIC:
                    ty_ops = m2.group(3).split(" ", 1)
                    two = _split_two(ty_ops[1]) if len(ty_ops) == 2 else None
                    if two and two[0] != two[1]:
                        out.append((i, f"{m2.group(1)}{m2.group(2)} {ty_ops[0]} {two[1]}, {two[0]}",
                                    f"{m2.group(2)} operands"))
                    continue
                m3 = re.match(r"^(  %[\w.]+ = select(?: [a-z]+)* i1 [^,]+, )(\S+) ([^,]+), (\S+) ([^,]+)$", line)
                if m3 and m3.group(2) == m3.group(4) and m3.group(3) != m3.group(5):
                    out.append((i, f"{m3.group(1)}{m3.group(4)} {m3.group(5)}, {m3.group(2)} {m3.group(3)}",
                                "select arms"))
            elif operator == "branch_retarget":
                m = _CONDBR.match(line)
                if m and m.group(2) != m.group(4):
                    out.append((i, m.group(1) + m.group(4) + m.group(3) + m.group(2), "swap targets"))
                    continue
                m = _BR.match(line)
                if m:
                    for lab in labels:
                        if lab != m.group(2):
                            out.append((i, m.group(1) + lab, f"{m.group(2)}->{lab}"))
            elif operator == "drop_instruction":
                if line.startswith("  store "):
                    out.append((i, "", "store"))
                    continue
                m = _DEF.match(line)
                if not m:
                    continue
                name, op, rest = m.group(1), m.group(2), m.group(3).strip()
                repl: str | None = None
                if op in _BINSWAP:
                    words = rest.split(" ")
                    while words and words[0] in _FLAGS:
                        words.pop(0)
                    two = _split_two(" ".join(words[1:])) if len(words) > 1 else None
                    repl = two[0] if two else None
                elif op in ("icmp", "fcmp"):
                    repl = "false"
                elif op in _CASTS:
                    mm = re.search(r" to (\S+)$", rest)
                    repl = _zero(mm.group(1)) if mm else None
                elif op == "load":
                    repl = _zero(rest.split(",", 1)[0].split(" ")[-1])
                elif op == "select":
                    arms = re.match(r"^(?:[a-z]+ )*i1 [^,]+, (\S+) ([^,]+), ", rest)
                    repl = arms.group(2) if arms else None
                elif op in ("call",) or (op == "tail" and rest.startswith("call")):
                    mm = re.search(r"\b(i\d+|double|float|ptr) (@[\w.$]+|%[\w.]+)\(", rest)
                    repl = _zero(mm.group(1)) if mm else None
                if repl is not None and repl != name:
                    out.append((i, f"\x00{name}\x00{repl}", f"{op} {name}"))
    return out


def apply(text: str, line_no: int, new: str) -> str:
    lines = text.split("\n")
    if new.startswith("\x00"):
        _, name, repl = new.split("\x00")
        del lines[line_no]
        pat = re.compile(re.escape(name) + r"(?![\w.])")
        lines = [pat.sub(repl, x) for x in lines]
    elif new == "":
        del lines[line_no]
    else:
        lines[line_no] = new
    return "\n".join(lines)


def mutants(text: str, operator: str, rng: random.Random, k: int) -> list[Mutant]:
    """Up to `k` mutants of `text` by `operator`, at sites drawn with `rng`."""
    found = sites(text, operator)
    rng.shuffle(found)
    out = []
    seen: set[str] = set()
    for line_no, new, detail in found:
        t = apply(text, line_no, new)
        if t != text and t not in seen:
            seen.add(t)
            out.append(Mutant(operator, t, line_no, detail))
        if len(out) >= k:
            break
    return out

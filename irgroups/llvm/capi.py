"""LLVM through its C API (ctypes), standard library only.

This file is also copied into sandbox jobs and run there with the system
`python3`, so it imports nothing from irgroups. One libLLVM does every IR step
(parse, normalise, verify, compile to an object file) whatever front end made
the IR: the newest one on the machine, which is rustc's (rustc 1.95 ships LLVM
22 as `<sysroot>/lib/libLLVM*.so`), else the system's (`/usr/lib/llvm-N`).
A newer LLVM reads an older one's textual IR (clang 14's typed pointers are
upgraded to `ptr`), never the other way round, so IR from rustc cannot be fed
to Debian's llvm-14 tools, and this is why they are not used.

Command line (used inside the sandbox):

    python3 capi.py --lib LIB compile OUT.o IN.ll [OUT.o IN.ll ...]
    python3 capi.py --lib LIB serve   < requests.json > answers.json

`compile` prints `irg-compile <IN.ll> ok|fail <message>` per file and always
exits 0 (a file that fails is reported, the others still compile). `serve`
reads a JSON list of `{"op": "normalise"|"verify", "ir": TEXT}` and answers
a list of `{"ok": bool, "ir": TEXT, "error": TEXT}`.
"""

from __future__ import annotations

import ctypes as C
import json
import os
import re
import sys
from typing import Any

V = C.c_void_p
_lib: Any = None

# --- textual clean-up, before parsing --------------------------------------------------
# metadata attachments on instructions (`, !tbaa !3`, `, !range !{...}`), on functions
# (`!dbg !12` before the `{`), the metadata nodes themselves, and string attributes that
# only say which CPU/ABI details the front end assumed.
_ATTACHMENT = re.compile(r",\s*!(?!\d)[\w.]+\s+!(?:\d+|\{[^{}]*\})")
_FN_ATTACHMENT = re.compile(r"\s!(?!\d)[\w.]+\s+!\d+(?=[^\n]*\{[ \t]*$)", re.M)
_NOOP_DECLARE = re.compile(r"^declare [^\n]*@llvm\.(?:experimental\.noalias\.scope\.decl|dbg\.\w+)\(.*$\n?", re.M)
_MD_LINE = re.compile(r"^!(?:\d+|[\w.]+)\s*=.*$\n?", re.M)
_NOOP_CALL = re.compile(
    r"^\s*(?:tail\s+|notail\s+)?call\s+void\s+@llvm\.(?:experimental\.noalias\.scope\.decl|dbg\.\w+)\(.*$\n?",
    re.M)
_STRING_ATTR = re.compile(r'\s"[\w.\-]+"(?:="[^"]*")?')
_ATTR_GROUP = re.compile(r"^(attributes #\d+ = \{)(.*)(\})\s*$", re.M)
_COMMENT_LINE = re.compile(r"^[ \t]*;.*$\n?", re.M)
_LABEL_COMMENT = re.compile(r"^([\w.$\-\"]+:)[ \t]+;.*$", re.M)
_HEADER = re.compile(r"^(?:source_filename\s*=.*|; ModuleID = .*)$\n?", re.M)


def pre_clean(text: str) -> str:
    text = _NOOP_CALL.sub("", text)
    text = _NOOP_DECLARE.sub("", text)
    text = _ATTACHMENT.sub("", text)
    text = _FN_ATTACHMENT.sub("", text)
    text = _MD_LINE.sub("", text)
    text = _ATTR_GROUP.sub(lambda m: m.group(1) + _STRING_ATTR.sub("", m.group(2)) + " " + m.group(3), text)
    # a group left empty is not valid IR: drop it and every reference to it
    empty = re.findall(r"^attributes #(\d+) = \{\s*\}\s*$", text, re.M)
    if empty:
        text = re.sub(r"^attributes #(?:" + "|".join(empty) + r") = \{\s*\}\s*$\n?", "", text, flags=re.M)
        text = re.sub(r"\s#(?:" + "|".join(empty) + r")(?!\d)", "", text)
    return text


def post_clean(text: str) -> str:
    text = _HEADER.sub("", text)
    text = _COMMENT_LINE.sub("", text)
    text = _LABEL_COMMENT.sub(r"\1", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


# --- the C API -------------------------------------------------------------------------

def load(path: str) -> Any:
    global _lib
    if _lib is not None:
        return _lib
    L = C.CDLL(path)
    sig = {
        "LLVMContextCreate": (V, []),
        "LLVMContextDispose": (None, [V]),
        "LLVMCreateMemoryBufferWithMemoryRangeCopy": (V, [C.c_char_p, C.c_size_t, C.c_char_p]),
        "LLVMParseIRInContext": (C.c_int, [V, V, C.POINTER(V), C.POINTER(C.c_void_p)]),
        "LLVMVerifyModule": (C.c_int, [V, C.c_int, C.POINTER(C.c_void_p)]),
        "LLVMPrintModuleToString": (C.c_void_p, [V]),
        "LLVMDisposeMessage": (None, [C.c_void_p]),
        "LLVMDisposeModule": (None, [V]),
        "LLVMStripModuleDebugInfo": (C.c_int, [V]),
        "LLVMGetFirstFunction": (V, [V]),
        "LLVMGetNextFunction": (V, [V]),
        "LLVMGetFirstGlobal": (V, [V]),
        "LLVMGetNextGlobal": (V, [V]),
        "LLVMGlobalClearMetadata": (None, [V]),
        "LLVMGetFirstBasicBlock": (V, [V]),
        "LLVMGetNextBasicBlock": (V, [V]),
        "LLVMBasicBlockAsValue": (V, [V]),
        "LLVMGetFirstInstruction": (V, [V]),
        "LLVMGetNextInstruction": (V, [V]),
        "LLVMCountParams": (C.c_uint, [V]),
        "LLVMGetParam": (V, [V, C.c_uint]),
        "LLVMSetValueName2": (None, [V, C.c_char_p, C.c_size_t]),
        "LLVMInstructionGetAllMetadataOtherThanDebugLoc": (V, [V, C.POINTER(C.c_size_t)]),
        "LLVMValueMetadataEntriesGetKind": (C.c_uint, [V, C.c_uint]),
        "LLVMDisposeValueMetadataEntries": (None, [V]),
        "LLVMSetMetadata": (None, [V, C.c_uint, V]),
        "LLVMGetTarget": (C.c_char_p, [V]),
        "LLVMGetTargetFromTriple": (C.c_int, [C.c_char_p, C.POINTER(V), C.POINTER(C.c_void_p)]),
        "LLVMCreateTargetMachine": (V, [V, C.c_char_p, C.c_char_p, C.c_char_p, C.c_int, C.c_int, C.c_int]),
        "LLVMDisposeTargetMachine": (None, [V]),
        "LLVMTargetMachineEmitToFile": (C.c_int, [V, V, C.c_char_p, C.c_int, C.POINTER(C.c_void_p)]),
        "LLVMGetVersion": (None, [C.POINTER(C.c_uint)] * 3),
    }
    for name, (res, args) in sig.items():
        fn = getattr(L, name)
        fn.restype = res
        fn.argtypes = args
    for name in ("LLVMInitializeX86TargetInfo", "LLVMInitializeX86Target", "LLVMInitializeX86TargetMC",
                 "LLVMInitializeX86AsmPrinter", "LLVMInitializeX86AsmParser"):
        getattr(L, name)()
    _lib = L
    return L


def _message(p: Any) -> str:
    if not p:
        return ""
    text = C.cast(p, C.c_char_p).value or b""
    _lib.LLVMDisposeMessage(p)
    return text.decode("utf-8", "replace")


def version() -> str:
    a, b, c = C.c_uint(), C.c_uint(), C.c_uint()
    _lib.LLVMGetVersion(C.byref(a), C.byref(b), C.byref(c))
    return f"{a.value}.{b.value}.{c.value}"


class Module:
    """A parsed module in its own context (disposed with it)."""

    def __init__(self, text: str) -> None:
        L = _lib
        self.ctx = L.LLVMContextCreate()
        data = text.encode()
        buf = L.LLVMCreateMemoryBufferWithMemoryRangeCopy(data, len(data), b"ir")
        self.mod = V()
        msg = C.c_void_p()
        if L.LLVMParseIRInContext(self.ctx, buf, C.byref(self.mod), C.byref(msg)):
            err = _message(msg.value)
            L.LLVMContextDispose(self.ctx)
            self.ctx = None
            raise ValueError("parse: " + err)

    def close(self) -> None:
        if self.ctx is not None:
            _lib.LLVMDisposeModule(self.mod)
            _lib.LLVMContextDispose(self.ctx)
            self.ctx = None

    def verify(self) -> str:
        msg = C.c_void_p()
        bad = _lib.LLVMVerifyModule(self.mod, 2, C.byref(msg))  # LLVMReturnStatusAction
        text = _message(msg.value)
        return (text or "invalid module") if bad else ""

    def text(self) -> str:
        return _message(_lib.LLVMPrintModuleToString(self.mod))

    def functions(self) -> list[Any]:
        out = []
        f = _lib.LLVMGetFirstFunction(self.mod)
        while f:
            out.append(f)
            f = _lib.LLVMGetNextFunction(f)
        return out

    def strip(self) -> None:
        """Debug info, metadata attachments and local value names (stable renaming)."""
        L = _lib
        L.LLVMStripModuleDebugInfo(self.mod)
        g = L.LLVMGetFirstGlobal(self.mod)
        while g:
            L.LLVMGlobalClearMetadata(g)
            g = L.LLVMGetNextGlobal(g)
        for f in self.functions():
            L.LLVMGlobalClearMetadata(f)
            for i in range(L.LLVMCountParams(f)):
                L.LLVMSetValueName2(L.LLVMGetParam(f, i), b"", 0)
            bb = L.LLVMGetFirstBasicBlock(f)
            while bb:
                L.LLVMSetValueName2(L.LLVMBasicBlockAsValue(bb), b"", 0)
                inst = L.LLVMGetFirstInstruction(bb)
                while inst:
                    L.LLVMSetValueName2(inst, b"", 0)
                    n = C.c_size_t()
                    entries = L.LLVMInstructionGetAllMetadataOtherThanDebugLoc(inst, C.byref(n))
                    if entries:
                        kinds = [L.LLVMValueMetadataEntriesGetKind(entries, k) for k in range(n.value)]
                        L.LLVMDisposeValueMetadataEntries(entries)
                        for kind in kinds:
                            L.LLVMSetMetadata(inst, kind, None)
                    inst = L.LLVMGetNextInstruction(inst)
                bb = L.LLVMGetNextBasicBlock(bb)

    def emit_object(self, path: str) -> str:
        L = _lib
        triple = L.LLVMGetTarget(self.mod) or b"x86_64-unknown-linux-gnu"
        target = V()
        err = C.c_void_p()
        if L.LLVMGetTargetFromTriple(triple, C.byref(target), C.byref(err)):
            return "target: " + _message(err.value)
        # CodeGenLevelDefault, RelocPIC (PIE executables), CodeModelDefault
        tm = L.LLVMCreateTargetMachine(target, triple, b"x86-64", b"", 2, 2, 0)
        try:
            if L.LLVMTargetMachineEmitToFile(tm, self.mod, path.encode(), 1, C.byref(err)):
                return "codegen: " + _message(err.value)
        finally:
            L.LLVMDisposeTargetMachine(tm)
        return ""


def normalise(text: str) -> str:
    """Normalised IR, or ValueError: no debug info, metadata, module ids, target string
    attributes or comments; local values and blocks renumbered by LLVM's printer."""
    m = Module(pre_clean(text))
    try:
        m.strip()
        printed = m.text()
    finally:
        m.close()
    # what we hand out must parse and verify as it is
    return canonical(post_clean(_MD_LINE.sub("", printed)))


def verify(text: str) -> str:
    """'' when `text` parses and passes the verifier, else why not."""
    try:
        m = Module(text)
    except ValueError as e:
        return str(e)
    try:
        problem = m.verify()
        return "verify: " + problem if problem else ""
    finally:
        m.close()


def canonical(text: str) -> str:
    """Parse, verify and print again (renumbers values after an edit); ValueError if invalid."""
    m = Module(text)
    try:
        problem = m.verify()
        if problem:
            raise ValueError("verify: " + problem)
        return post_clean(m.text())
    finally:
        m.close()


def compile_file(src: str, out: str) -> str:
    with open(src) as f:
        text = f.read()
    try:
        m = Module(text)
    except ValueError as e:
        return str(e)
    try:
        problem = m.verify()
        if problem:
            return "verify: " + problem
        return m.emit_object(out)
    finally:
        m.close()


def serve(requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
    answers: list[dict[str, Any]] = []
    for req in requests:
        op, ir = req["op"], req["ir"]
        try:
            if op == "normalise":
                answers.append({"ok": True, "ir": normalise(ir), "error": ""})
            elif op == "canonical":
                answers.append({"ok": True, "ir": canonical(ir), "error": ""})
            elif op == "verify":
                err = verify(ir)
                answers.append({"ok": not err, "ir": "", "error": err})
            else:
                answers.append({"ok": False, "ir": "", "error": f"unknown op {op}"})
        except ValueError as e:
            answers.append({"ok": False, "ir": "", "error": str(e)[:2000]})
    return answers


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] != "--lib":
        print(__doc__, file=sys.stderr)
        return 2
    load(argv[1])
    cmd, rest = argv[2], argv[3:]
    if cmd == "version":
        print(version())
        return 0
    if cmd == "compile":
        for out, src in zip(rest[0::2], rest[1::2]):
            err = compile_file(src, out)
            if err and os.path.exists(out):
                os.unlink(out)
            print(f"irg-compile {src} {'fail' if err else 'ok'} {err[:300]!r}", flush=True)
        return 0
    if cmd == "serve":
        json.dump(serve(json.load(sys.stdin)), sys.stdout)
        return 0
    print(f"unknown command {cmd}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

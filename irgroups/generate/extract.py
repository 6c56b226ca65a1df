"""Pull the candidate code out of a raw model answer, with tree-sitter.

A model asked for "the complete code in one fenced block" answers with prose,
several blocks, usage examples, its own `main`, tests, renamed functions and
missing imports. `extract` finds the block(s) in the target language that
define the entry function, keeps what that function needs (imports, helpers it
references, transitively), drops the rest (`main`, tests, top-level
statements), renames a near-miss entry name, adds obviously missing standard
imports, and says why when there is nothing usable: `no_code`, `truncated`,
`unparsable` or `entry_point_missing`. It never raises.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

from tree_sitter import Node

from irgroups import languages
from irgroups.languages.base import Language
from irgroups.languages.go import packages_used as go_packages_used  # noqa: F401  # re-export (evaluate/chat.py)
from irgroups.languages.syntax import Item, rename, walk
from irgroups.problems.model import STDIO, Problem

NO_CODE = "no_code"
TRUNCATED = "truncated"
UNPARSABLE = "unparsable"
ENTRY_POINT_MISSING = "entry_point_missing"
ERRORS = (NO_CODE, TRUNCATED, UNPARSABLE, ENTRY_POINT_MISSING)


@dataclass(frozen=True)
class Extraction:
    code: str | None  # the candidate code, ready for Language.test_program(problem, code)
    error: str | None  # None on success; else one of ERRORS
    detail: str = ""  # human-readable explanation

    @property
    def ok(self) -> bool:
        return self.error is None


def extract(lang: str, answer: str, problem: Problem) -> Extraction:
    """The candidate code in `answer` for `problem` in language `lang`; never raises."""
    try:
        language = languages.get(lang)
        if problem.kind == STDIO:
            return _whole_program(language, answer)
        entry = language.function_name(problem.entry_point)
    except Exception as e:  # noqa: BLE001 - never raises
        return Extraction(None, UNPARSABLE, f"extractor failed: {type(e).__name__}: {e}")
    return extract_function(lang, answer, entry, len(problem.signature.params))


def _whole_program(language: Language, answer: str) -> Extraction:
    """A stdio answer: the program around its entry (`main` and what it needs, as the model wrote
    it: nothing renamed or added); for a script language, the whole code block."""
    if language.program_entry is not None:
        try:
            return _Extractor(language, language.program_entry, -1, strict=True, program=True).run(answer)
        except Exception as e:  # noqa: BLE001 - a bug here must not stop a pipeline
            return Extraction(None, UNPARSABLE, f"extractor failed: {type(e).__name__}: {e}")
    blocks = [b for b in _blocks(answer.replace("\r\n", "\n")) if b.lang in (language.name, "") and b.text.strip()]
    if not blocks:
        return Extraction(None, NO_CODE, f"no {language.name} code block in the answer")
    if not blocks[0].closed:
        return Extraction(None, TRUNCATED, "the answer ends inside an unclosed code block")
    return Extraction(blocks[0].text.strip("\n") + "\n", None)


def extract_function(lang: str, answer: str, entry: str, n_params: int, strict: bool = False) -> Extraction:
    """The code in `answer` that defines function `entry` (with `n_params` parameters) in language
    `lang`, with what it needs; for answers to prompts that are not irgroups problems (MultiPL-E,
    HumanEval-X), whose entry is known by its name in the target language. Never raises.

    `strict` (for scoring, as a benchmark harness would): no near-miss entry name is renamed, no
    missing import is added, no C# modifier is changed; the code is taken as the model wrote it."""
    try:
        return _Extractor(languages.get(lang), entry, n_params, strict).run(answer if isinstance(answer, str) else str(answer))
    except Exception as e:  # noqa: BLE001 - a bug here must not stop a pipeline
        return Extraction(None, UNPARSABLE, f"extractor failed: {type(e).__name__}: {e}")


# ---- fenced blocks -----------------------------------------------------------

_UNTAGGED = {"", "code"}
_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$")


@dataclass
class _Block:
    lang: str  # a language name, "" when untagged, "other" for anything else
    text: str
    closed: bool


def tag_lang(tag: str) -> str:
    """A fence's info string as a language name; "" untagged, "other" for any other language."""
    t = tag.strip().lower().strip("{}.").split(",")[0]
    t = t.removeprefix("language-")
    if t in _UNTAGGED:
        return ""
    for lang in languages.LANGUAGES.values():
        if t in lang.fence_tags:
            return lang.name
    return "other"


def _blocks(answer: str) -> list[_Block]:
    lines = answer.split("\n")
    out: list[_Block] = []
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        fence = m.group(1)
        close = re.compile(r"^[ \t]*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
        body: list[str] = []
        j = i + 1
        closed = False
        while j < len(lines):
            if close.match(lines[j]):
                closed = True
                break
            body.append(lines[j])
            j += 1
        out.append(_Block(tag_lang(m.group(2)), textwrap.dedent("\n".join(body)), closed))
        i = j + 1
    return out


class _Extractor:
    def __init__(self, language: Language, entry: str, n_params: int, strict: bool = False,
                 program: bool = False) -> None:
        self.program = program  # a whole program: its main is the entry, not the model's test driver
        self.language = language
        self.lang = language.name
        self.entry = entry
        self.n_params = n_params
        self.strict = strict

    # ---- driver ---------------------------------------------------------------
    def run(self, answer: str) -> Extraction:
        answer = answer.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
        blocks = _blocks(answer)
        if not blocks:
            return self.run_unfenced(answer)
        target = [b for b in blocks if b.lang == self.lang]
        untagged = [b for b in blocks if b.lang == "" and b.text.strip()]
        cands = [b for b in blocks if b in target or (b in untagged and self.looks_like_target(b.text))]
        if not cands:
            if not blocks[-1].closed:
                return Extraction(None, TRUNCATED, "the answer ends inside an unclosed code block")
            others = sorted({b.lang for b in blocks if b.lang not in ("", "other")})
            where = f" (only {', '.join(others)})" if others else ""
            return Extraction(None, NO_CODE, f"no {self.lang} code block in the answer{where}")
        return self.from_blocks([(b.text, b.closed) for b in cands], truncated_tail=not blocks[-1].closed)

    def run_unfenced(self, answer: str) -> Extraction:
        lines = answer.split("\n")
        start = next((i for i, line in enumerate(lines) if self.language.code_start.match(line)), None)
        if start is None:
            return Extraction(None, NO_CODE, "no code block and no code in the answer")
        text = textwrap.dedent("\n".join(lines[start:]))
        return self.from_blocks([(text, True)], truncated_tail=False, unfenced=True)

    def looks_like_target(self, text: str) -> bool:
        tree = self.language.parse(text)
        if not tree.root_node.has_error:
            return True
        bad = sum(n.end_byte - n.start_byte for n in _top_errors(tree.root_node))
        return bad <= 0.3 * max(1, len(text.encode("utf-8")))

    # ---- the main path ------------------------------------------------------
    def from_blocks(self, blocks: list[tuple[str, bool]], truncated_tail: bool, unfenced: bool = False) -> Extraction:
        parsed = []
        for i, (text, closed) in enumerate(blocks):
            src = text.encode("utf-8")
            root = self.language.parse(text).root_node
            parsed.append((text, src, root, closed, self.items(root, src, i)))
        entry = self.entry
        rename_from = ""

        def defining(name: str) -> list[int]:
            return [i for i, p in enumerate(parsed) if any(it.func and name in it.names for it in p[4])]

        found = defining(entry)
        if not found and not self.strict:
            norm = _norm(entry)
            alts = sorted({n for p in parsed for it in p[4] if it.func and it.params == self.n_params
                           for n in it.names if _norm(n) == norm and n != entry})
            if len(alts) == 1:
                rename_from = alts[0]
                found = defining(rename_from)
        closed_found = [i for i in found if parsed[i][3]]
        if not closed_found:
            if found or truncated_tail:
                return Extraction(None, TRUNCATED, "the answer ends inside an unclosed code block")
            return self.explain_missing(parsed, unfenced)
        primary = closed_found[-1]
        name = rename_from or entry
        items = self.select(parsed, primary, name)
        if items is None:
            return self.explain_missing(parsed, unfenced)
        text, _src, root, _closed, _items = parsed[primary]
        if root.has_error and _looks_truncated(root, text):
            errs = [n.start_byte for n in _top_errors(root)] + [n.start_byte for n in walk(root) if n.is_missing]
            if errs and any(it.end >= min(errs) for it in items if it.block == primary):
                return Extraction(None, TRUNCATED, f"the {self.lang} code stops early ({_first_error(root, text)})")
        out = self.assemble(items, name, parsed)
        if rename_from:
            out = rename(self.language.parse, out, rename_from, entry)
        out = self.fix_imports(out)
        tree = self.language.parse(out)
        if tree.root_node.has_error:
            kind = TRUNCATED if _looks_truncated(tree.root_node, out) else UNPARSABLE
            return Extraction(None, kind, f"the {self.lang} code does not parse ({_first_error(tree.root_node, out)})")
        detail = f"renamed {rename_from} to {entry}" if rename_from else ""
        return Extraction(out, None, detail)

    def explain_missing(self, parsed: list, unfenced: bool) -> Extraction:
        for text, _src, root, _closed, _items in reversed(parsed):
            if root.has_error and _looks_truncated(root, text):
                return Extraction(None, TRUNCATED, f"the {self.lang} code stops early ({_first_error(root, text)})")
        has_funcs = any(it.func for p in parsed for it in p[4])
        if unfenced and not has_funcs:
            return Extraction(None, NO_CODE, "no code block and no code in the answer")
        for text, _src, root, _closed, _items in reversed(parsed):
            if root.has_error and not any(it.func for it in _items):
                return Extraction(None, UNPARSABLE, f"the {self.lang} code does not parse ({_first_error(root, text)})")
        funcs = sorted({n for p in parsed for it in p[4] if it.func for n in it.names})
        return Extraction(None, ENTRY_POINT_MISSING,
                          f"no function {self.entry} with {self.n_params} parameter(s); found: {', '.join(funcs) or 'none'}")

    # ---- selection: the entry function and what it needs, transitively ----------
    def select(self, parsed: list, primary: int, name: str) -> list[Item] | None:
        order = [primary] + [i for i in reversed(range(len(parsed))) if i != primary]
        tables: list[dict[str, list[Item]]] = []
        for p in parsed:
            table: dict[str, list[Item]] = {}
            for it in p[4]:
                if it.kind in ("def", "member"):
                    for n in it.names:
                        if n != "main" or self.program:
                            table.setdefault(n, []).append(it)
            tables.append(table)
        seeds = [it for it in tables[primary].get(name, []) if it.func or it.kind == "member"]
        if not seeds:
            return None
        # members of classes (C#): the entry's class is the one kept; another class comes whole when its
        # members are called by name (extension methods...)
        members = seeds[0].kind == "member"
        foreign: dict[str, list[Item]] = {}
        if members:
            owner = seeds[0].owner
            classes = {(it.block, it.names[0]): it for p in parsed for it in p[4] if it.kind == "def" and it.names}
            for p in parsed:
                for it in p[4]:
                    cls = classes.get((it.block, it.owner))
                    if it.kind == "member" and it.owner not in (owner, "") and cls is not None:
                        for n in it.names:
                            foreign.setdefault(n, [cls])
            for table in tables:
                for key in list(table):
                    table[key] = [it for it in table[key]
                                  if it.kind != "member" or it.owner in (owner, "")]
                    if not table[key] or owner and owner in (it.names[0] for it in table[key] if it.kind == "def"):
                        del table[key]
        kept: list[Item] = []
        seen_names: set[str] = {name}
        queue = list(tables[primary][name])
        while True:
            while queue:
                it = queue.pop(0)
                if any(it is k for k in kept):
                    continue
                kept.append(it)
                for r in sorted(it.refs):
                    if r in seen_names:
                        continue
                    seen_names.add(r)
                    for b in order:
                        if r in tables[b]:
                            queue.extend(tables[b][r])
                            break
            # what nothing names but the program needs: impl blocks and methods follow the type (or
            # the trait) they belong to; C++ operators follow the types they take; Go's init() and
            # `var _ = f()` run at start-up; a C# class's constructors come with its members
            defined = {n for it in kept if it.kind in ("def", "member") for n in it.names}
            # (a method may share its name with the function that calls it: `l.median()` in `median`)
            called = {r for it in kept for r in it.refs} | defined
            blocks_used = {it.block for it in kept}
            more = [it for b in sorted(blocks_used) for it in parsed[b][4]
                    if not any(it is k for k in kept) and self._implied(it, defined, seeds[0], called)]
            if members:  # a class whose members (extension methods...) are called by name
                wanted = {r for it in kept for r in it.refs} - defined
                more += [c for r in sorted(wanted) for c in foreign.get(r, []) if not any(c is k for k in kept + more)]
            if not more:
                break
            queue.extend(more)
        return kept

    def _implied(self, it: Item, defined: set[str], entry: Item, called: set[str]) -> bool:
        methods = set(it.extra.get("methods", "").split())
        if it.kind == "attached":
            # an impl of a kept type or trait; a trait impl for a foreign type (`impl Ext for str`)
            # whose methods are called
            return it.owner in defined or it.extra.get("trait", "") in defined or bool(methods & called)
        return self.language.implied(it, defined, entry, called)

    def items(self, root: Node, src: bytes, block: int) -> list[Item]:
        out = self.language.top_level_items(root, src)
        ends = {n.start_byte: n.end_byte for n in root.children}
        for it in out:
            it.block = block
            it.end = ends.get(it.pos, it.pos + len(it.text.encode("utf-8")))
        return out

    # ---- assembly -------------------------------------------------------------
    def assemble(self, kept: list[Item], entry_name: str, parsed: list) -> str:
        blocks_used = sorted({it.block for it in kept})
        primary = next(it.block for it in kept if entry_name in it.names)
        imports: list[Item] = [it for b in blocks_used for it in parsed[b][4]
                                if it.kind == "import" and not _TEST_IMPORT.search(it.text)]
        body = sorted(kept, key=lambda it: (it.block == primary, it.block, it.pos))
        own = self.language.assemble(kept, entry_name, imports, [p[4] for p in parsed], self.strict)
        if own is not None:
            return own
        parts = self.language.import_section(imports)
        texts: list[str] = []
        for it in body:
            if it.text not in texts:
                texts.append(it.text)
        return "\n\n".join(parts + texts) + "\n"


    def fix_imports(self, out: str) -> str:
        return self.language.missing_imports(out, self.strict)


# ---- helpers ------------------------------------------------------------------


# test frameworks: only the dropped tests used them, and the sandbox may not have them
_TEST_IMPORT = re.compile(r"^\s*(using\s+(NUnit|Xunit|Microsoft\.VisualStudio\.TestTools)\b|"
                          r"(import|from)\s+(pytest|unittest|doctest|hypothesis)\b|"
                          r"#\s*include\s*[<\"](gtest|catch2|catch|doctest)[/.])")


def _norm(name: str) -> str:
    return name.replace("_", "").lower()


def _top_errors(root: Node) -> list[Node]:
    out = []
    stack = [root]
    while stack:
        n = stack.pop()
        if n.type == "ERROR":
            out.append(n)
        elif n.has_error:
            stack.extend(n.children)
    return out


def _looks_truncated(root: Node, text: str) -> bool:
    """Parse errors at the very end (EOF inside something) rather than in the middle."""
    end = len(text.rstrip().encode("utf-8"))
    pairs = {"{": 0, "}": 0, "(": 0, ")": 0, "[": 0, "]": 0}
    for n in walk(root):
        if n.is_missing and n.start_byte >= end - 1:
            return True
        if n.child_count == 0 and not n.is_missing and n.type in pairs:
            pairs[n.type] += 1
    if pairs["{"] > pairs["}"] or pairs["("] > pairs[")"] or pairs["["] > pairs["]"]:
        return True
    n = root
    while n.child_count:
        n = n.children[-1]
        if (n.type == "ERROR" or n.is_missing) and n.end_byte >= end:
            return True
    return False


def _first_error(root: Node, text: str) -> str:
    for n in walk(root):
        if n.type == "ERROR" or n.is_missing:
            what = f"missing {n.type}" if n.is_missing else "syntax error"
            return f"{what} at line {n.start_point[0] + 1}"
    return "syntax error"

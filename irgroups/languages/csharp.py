"""C# on Mono: the candidate is `class Problem` with a static method (as in
MultiPL-E); the harness is a second file of the same assembly, and writes each
returned value as neutral JSON for the trusted side to judge (irgroups/results.py)."""

from __future__ import annotations

import re
import textwrap
from typing import Any

from tree_sitter import Node

from irgroups import types as T
from irgroups.languages.base import (
    BatchProgram,
    Language,
    Mutation,
    Rewriting,
    Toolchain,
    WholeProgram,
    escape_string,
    float_literal,
    pascal_case,
)
from irgroups.languages.benchmarks import MULTIPL_E, BenchJudge, BenchProgram
from irgroups.languages.syntax import (
    Item,
    idents,
    import_item,
    node_text,
    rename,
    span_text,
    walk,
    walk_top,
)
from irgroups.problems.model import Problem
from irgroups.sandbox.base import Job, Limits

_SCALARS = {"int": "long", "float": "double", "bool": "bool", "str": "string"}
CLASS = "Problem"

HARNESS_HEAD = """\
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;

static class IrgroupsHarness {
    // a returned value as neutral JSON; the verdict is decided outside the sandbox
    static void Emit(StringBuilder b, object v) {
        if (v == null) { b.Append("null"); return; }
        if (v is bool) { b.Append((bool)v ? "true" : "false"); return; }
        if (v is long || v is int || v is short || v is sbyte || v is byte || v is ulong || v is uint || v is ushort) {
            b.Append(Convert.ToString(v, CultureInfo.InvariantCulture));
            return;
        }
        if (v is double || v is float) {
            double d = Convert.ToDouble(v, CultureInfo.InvariantCulture);
            if (double.IsNaN(d)) b.Append("NaN");
            else if (double.IsPositiveInfinity(d)) b.Append("Infinity");
            else if (double.IsNegativeInfinity(d)) b.Append("-Infinity");
            else b.Append(d.ToString("R", CultureInfo.InvariantCulture));
            return;
        }
        if (v is string) { EmitString(b, (string)v); return; }
        IDictionary dict = v as IDictionary;
        if (dict != null) {
            b.Append('{');
            bool first = true;
            foreach (DictionaryEntry e in dict) {
                if (!first) b.Append(',');
                first = false;
                if (e.Key is string) EmitString(b, (string)e.Key);
                else { b.Append('"'); Emit(b, e.Key); b.Append('"'); }
                b.Append(':');
                Emit(b, e.Value);
            }
            b.Append('}');
            return;
        }
        IList list = v as IList;
        if (list != null) {
            b.Append('[');
            for (int i = 0; i < list.Count; i++) { if (i > 0) b.Append(','); Emit(b, list[i]); }
            b.Append(']');
            return;
        }
        Type t = v.GetType();
        if (t.IsGenericType && t.FullName.StartsWith("System.ValueTuple`")) {
            b.Append('[');
            for (int i = 1; ; i++) {
                FieldInfo f = t.GetField("Item" + i);
                if (f == null) break;
                if (i > 1) b.Append(',');
                Emit(b, f.GetValue(v));
            }
            b.Append(']');
            return;
        }
        throw new InvalidOperationException("no neutral form for " + t);
    }

    static void EmitString(StringBuilder b, string s) {
        b.Append('"');
        foreach (char c in s) {
            if (c == '"') b.Append("\\\\\\"");
            else if (c == '\\\\') b.Append("\\\\\\\\");
            else if (c < 0x20 || c > 0x7e) b.Append("\\\\u").Append(((int)c).ToString("x4"));
            else b.Append(c);
        }
        b.Append('"');
    }

    static void Report(string line) {
        Console.Out.Write("\\n@@irgroups " + line + "\\n");
        Console.Out.Flush();
    }

    static void Run(int i, Func<object> test) {
        object got;
        try { got = test(); } catch (Exception) { Report(i + " error"); return; }
        string text;
        try { var b = new StringBuilder(); Emit(b, got); text = b.ToString(); }
        catch (Exception) { Report(i + " bad"); return; }
        Report(i + " ok " + text);
    }

    static void Main() {
"""


_CS_PREFIX = r"^((?:\s*//[^\n]*\n|\s*/\*[\s\S]*?\*/|\s*\[[^\]]*\])*\s*)"
_CS_MODS = ("public", "private", "protected", "internal", "static", "async", "unsafe", "override", "virtual",
            "new", "sealed", "extern", "readonly", "abstract")


def _has_modifier(text: str, mod: str) -> bool:
    m = re.match(_CS_PREFIX + r"((?:(?:" + "|".join(_CS_MODS) + r")\s+)*)", text)
    return bool(m) and mod in (m.group(2) if m else "").split()


def _cs_modifiers(text: str, public: bool, static: bool) -> str:
    m = re.match(_CS_PREFIX + r"((?:(?:" + "|".join(_CS_MODS) + r")\s+)*)", text)
    if m is None:
        return text
    mods = m.group(2).split()
    if public and not ({"public", "internal"} & set(mods)):
        mods = ["public"] + [x for x in mods if x not in ("private", "protected")]
    if static and "static" not in mods:
        mods.insert(1 if mods and mods[0] in ("public", "private", "protected", "internal") else 0, "static")
    return m.group(1) + "".join(x + " " for x in mods) + text[m.end():]


class CSharp(Language):
    name = "csharp"
    aliases = ("cs", "c#")
    extension = "cs"
    tree_sitter_module = "tree_sitter_c_sharp"
    toolchain = Toolchain(("mcs", "mono"), ("mono", "--version"), "apt-get install -y mono-mcs mono-runtime")
    mutation = Mutation(
        binary_expression=("binary_expression",),
        integer_literal=("integer_literal",),
        block=("block",),
        argument_list=("argument_list",),
        statement_skip=("comment",),
    )
    rewriting = Rewriting(
        reserved=frozenset({
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
            "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
            "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
            "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
            "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
            "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile",
            "while", "var", "dynamic", "value", "async", "await", "yield", "nameof", "when"
        }),
        style="c-family",
        name_case="camel",
        functions=("method_declaration", "local_function_statement", "constructor_declaration"),
        bindings=(("parameter", "name"), ("variable_declarator", "name"), ("foreach_statement", "left"),
                  ("declaration_expression", "name"), ("catch_declaration", "name")),
        blocks=("block",),
        ifs=("if_statement",),
        while_loops=("while_statement",),
        counting_loops=("for_statement",),
        continue_types=("continue_statement",),
        returns=("return_statement",),
        temp="var {name} = {expr};",
        number_literals=("integer_literal", "real_literal"),
        leaf_values=("integer_literal", "real_literal", "boolean_literal", "character_literal"),
        access=("element_access_expression", "member_access_expression", "bracketed_argument_list", "argument"),
        unary=("prefix_unary_expression",),
        rename_unsafe=(("member_access_expression", "name"), ("name_colon", None), ("argument", "name"),
                       ("qualified_name", None), ("generic_name", None), ("name_equals", None)),
        no_temp=("null_literal", "lambda_expression", "default_expression", "anonymous_method_expression",
                 "implicit_object_creation_expression", "initializer_expression", "anonymous_object_creation_expression",
                 "switch_expression", "conditional_expression"),
    )
    display_name = "C#"
    extra_fence_tags = ("c-sharp", "dotnet")
    signature_where = " inside `class Problem`"
    code_start = re.compile(r"^(using [\w.]+;|namespace \w|((public|private|internal|static|sealed|abstract|partial) )*"
                            r"(class|struct|record|interface|enum) \w|(public|static) )")

    # ---- extraction (irgroups/generate/extract.py) --------------------------
    def top_level_items(self, root: Node, src: bytes) -> list[Item]:
        """Usings, top-level types, and every class's methods as members (the entry's class is chosen later)."""
        out: list[Item] = []

        def visit(parent: Node) -> None:
            for start, node, _attrs in walk_top(parent, ("comment",)):
                t = node.type
                if t == "using_directive":
                    out.append(import_item(src, node))
                elif t in ("namespace_declaration",):
                    body = node.child_by_field_name("body")
                    if body is not None:
                        visit(body)
                elif t == "file_scoped_namespace_declaration":
                    visit(node)
                elif t in ("class_declaration", "struct_declaration", "enum_declaration", "interface_declaration",
                           "record_declaration", "record_struct_declaration", "delegate_declaration"):
                    nm = node.child_by_field_name("name")
                    cname = node_text(src, nm) if nm is not None else ""
                    it = Item("def", (cname,), span_text(src, start, node.end_byte),
                               frozenset(idents(node, src) - {cname}), pos=node.start_byte)
                    mods = [node_text(src, c) for c in node.children if c.type == "modifier"]
                    it.extra["header"] = " ".join(m for m in mods if m in ("public", "internal", "static", "sealed"))
                    out.append(it)
                    body = node.child_by_field_name("body")
                    if t == "class_declaration" and body is not None:
                        for mstart, m, _a in walk_top(body, ("comment",)):
                            member = self._member(m, src, mstart, cname)
                            if member is not None:
                                out.append(member)
                elif t == "global_statement":
                    inner = node.named_children[0] if node.named_children else None
                    if inner is not None and inner.type == "local_function_statement":
                        member = self._member(inner, src, start, "")
                        if member is not None:
                            member.is_method = True
                            out.append(member)

        visit(root)
        return out

    def _member(self, m: Node, src: bytes, start: int, cname: str) -> Item | None:
        t = m.type
        names: tuple[str, ...] = ()
        if t in ("field_declaration", "event_field_declaration"):
            found = []
            for n in walk(m):
                if n.type == "variable_declarator":
                    nm = n.child_by_field_name("name")
                    ids = [c for c in n.named_children if c.type == "identifier"]
                    if nm is not None or ids:
                        found.append(node_text(src, nm if nm is not None else ids[0]))
            names = tuple(found)
        elif t in ("{", "}", ";") or "comment" in t:
            return None
        else:
            nm = m.child_by_field_name("name")
            if nm is not None:
                names = (node_text(src, nm),)
        if "main" in (n.lower() for n in names) and t in ("method_declaration", "local_function_statement"):
            names = ("main",)
        is_fn = t in ("method_declaration", "local_function_statement")
        it = Item("member", names, span_text(src, start, m.end_byte), frozenset(idents(m, src) - set(names)),
                   pos=m.start_byte, func=is_fn,
                   params=self.param_count(m.child_by_field_name("parameters")) if is_fn else -1,
                   owner=cname, is_method=is_fn, is_field=t == "field_declaration")
        if t == "constructor_declaration":
            it.extra["ctor"] = "1"
        return it

    # ---- assembly -------------------------------------------------------------

    def implied(self, item: Item, defined: set[str], entry: Item, called: set[str]) -> bool:
        # the constructors of the entry's class come with its members
        return item.kind == "member" and bool(item.extra.get("ctor")) and item.owner == entry.owner

    def assemble(self, kept: list[Item], entry_name: str, imports: list[Item], blocks: list[list[Item]],
                 strict: bool) -> str | None:
        # the entry's class becomes `class Problem`; its methods static where the class had no instance
        entry_item = next(it for it in kept if entry_name in it.names and it.kind == "member")
        cls = entry_item.owner
        types = sorted((it for it in kept if it.kind == "def" and cls not in it.names),
                       key=lambda it: (it.block, it.pos))
        members = sorted((it for it in kept if it.kind == "member"), key=lambda it: (it.block, it.pos))
        header = "class Problem"
        if cls:
            cls_item = next((it for items in blocks for it in items if it.kind == "def" and cls in it.names
                             and it.block == entry_item.block), None)
            if cls_item is not None and cls_item.extra.get("header"):
                header = cls_item.extra["header"] + " class Problem"
        make_static = not _has_modifier(entry_item.text, "static")
        if "static" in header.split() and make_static:
            make_static = False
        texts = []
        for it in members:
            text = it.text
            if strict:
                pass  # as the model wrote it: a harness would not make its methods static either
            elif it is entry_item:
                text = _cs_modifiers(text, public=True, static=True)
            elif (make_static and (it.is_method or it.is_field)
                  and not re.search(r"\bconst\b", text.split("=")[0])) or (not cls and it.is_method):
                text = _cs_modifiers(text, public=False, static=True)
            texts.append(textwrap.indent(text, "    ", lambda line: bool(line.strip())))
        klass = header + " {\n" + "\n\n".join(texts) + "\n}"
        usings = ["using System;", "using System.Collections.Generic;", "using System.Linq;"]
        for it in imports:
            if it.text not in usings:
                usings.append(it.text)
        out = "\n".join(usings) + "\n\n" + "\n\n".join([it.text for it in types] + [klass]) + "\n"
        if cls and cls != "Problem":
            out = rename(self.parse, out, cls, "Problem")
        return out

    # ---- imports the code needs and lacks ------------------------------------------


    keywords = frozenset(["abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while"])

    def escape_keyword(self, name: str) -> str:
        return "@" + name

    def render_type(self, t: T.Type) -> str:
        if t.is_scalar:
            return _SCALARS[t.name]
        a = [self.render_type(x) for x in t.args]
        if t.name == "list":
            return f"List<{a[0]}>"
        if t.name == "dict":
            return f"Dictionary<{a[0]}, {a[1]}>"
        if t.name == "optional":
            # reference types are nullable already (Mono's mcs predates C# 8's string?)
            return a[0] if t.args[0].name in ("str", "list", "dict") else f"{a[0]}?"
        return f"({', '.join(a)})"

    def render_value(self, t: T.Type, value: Any) -> str:
        n = t.name
        if n == "optional":
            if value is None:
                return f"({self.render_type(t)})null"
            return f"({self.render_type(t)}){self.render_value(t.args[0], value)}"
        if n == "int":
            return f"{value}L" if value != -(2**63) else "long.MinValue"
        if n == "float":
            return float_literal(value)
        if n == "bool":
            return "true" if value else "false"
        if n == "str":
            return f'"{escape_string(value)}"'
        if n == "list":
            items = ", ".join(self.render_value(t.args[0], v) for v in value)
            return f"new {self.render_type(t)} {{ {items} }}" if items else f"new {self.render_type(t)}()"
        if n == "tuple":
            return "(" + ", ".join(self.render_value(a, v) for a, v in zip(t.args, value)) + ")"
        pairs = [
            f"{{ {self.render_value(t.args[0], T.decode_key(t.args[0], k, 'key'))}, {self.render_value(t.args[1], v)} }}"
            for k, v in value.items()
        ]
        return f"new {self.render_type(t)} {{ {', '.join(pairs)} }}" if pairs else f"new {self.render_type(t)}()"

    def function_name(self, entry_point: str) -> str:
        return pascal_case(entry_point)

    def signature(self, problem: Problem) -> str:
        sig = problem.signature
        params = ", ".join(f"{self.render_type(p.type)} {self.param_name(p.name)}" for p in sig.params)
        return f"public static {self.render_type(sig.returns)} {self.function_name(problem.entry_point)}({params})"

    def code_prelude(self, problem: Problem) -> str:
        return "using System;\nusing System.Collections.Generic;\nusing System.Linq;\n\n"

    def placeholder(self, problem: Problem) -> str:
        return (f"{self.code_prelude(problem)}class {CLASS} {{\n    {self.signature(problem)} {{\n"
                "        throw new NotImplementedException();\n    }\n}\n")

    def test_program(self, problem: Problem, code: str) -> dict[str, str]:
        return {"candidate.cs": code, "harness.cs": self._harness(problem, HARNESS_HEAD)}

    # what could reach past the candidate's namespace in a batch: a preprocessor line (it can hide a
    # closing brace from the parser), the global namespace, assembly attributes, the batch's own
    # names, and reflection over the assembly (a batch-mate's correct function, called by name)
    _BATCH_ALONE = re.compile(r"^[ \t]*#|\bglobal\s*::|\bextern\s+alias\b|\[\s*(?:assembly|module)\s*:|\bIrg(?:C\d|roups)"
                              r"|Assembly|AppDomain|Reflection|Activator|\bModule\b|\bGetTypes\b|\bGetType\s*\(\s*[^)\s]",
                              re.M)

    def batchable(self, code: str) -> bool:
        # the candidate is wrapped in `namespace IrgC<k> { ... }`: code that does not parse on its
        # own could close that namespace and declare types in a batch-mate's
        if self._BATCH_ALONE.search(code):
            return False
        return not self._bench_parse(code)[0].has_error

    def batch_program(self, items: list[tuple[int, Problem, str]]) -> BatchProgram | None:
        # one assembly; candidate k and its harness live in namespace IrgC<k>, so every
        # `class Problem` stays apart; a dispatcher Main runs harness k
        files: dict[str, str] = {}
        head = HARNESS_HEAD.replace("static void Main() {", "public static void Run() {", 1)
        for k, p, code in items:
            files[f"c{k}.cs"] = f"namespace IrgC{k} {{\n{code}\n}}\n"
            files[f"h{k}.cs"] = f"namespace IrgC{k} {{\n{self._harness(p, head)}}}\n"
        cases = "".join(f'            case "{k}": IrgC{k}.IrgroupsHarness.Run(); break;\n' for k, _, _ in items)
        files["batch_main.cs"] = ("static class IrgroupsBatchMain {\n    static void Main(string[] args) {\n"
                                  f"        switch (args[0]) {{\n{cases}            default: System.Environment.Exit(2); break;\n"
                                  "        }\n    }\n}\n")
        argv = self._mcs_argv([*(f"c{k}.cs" for k, _, _ in items), *(f"h{k}.cs" for k, _, _ in items),
                               "batch_main.cs"])
        return BatchProgram(files, argv, [["mono", "{job}/prog.exe", str(k)] for k, _, _ in items],
                            blame=r"(?:\S*/)?[ch](\d+)\.cs\(\d+,\d+\): error")

    def _harness(self, problem: Problem, head: str) -> str:
        sig = problem.signature
        fn = f"{CLASS}.{self.function_name(problem.entry_point)}"
        lines = [head]
        for i, t in enumerate(problem.all_tests):
            args = ", ".join(self.render_value(p.type, a) for p, a in zip(sig.params, t.args))
            lines.append(f"        Run({i}, () => (object){fn}({args}));")
        lines.append('        Report("end");\n    }\n}\n')
        return "\n".join(lines)

    def stdio_program(self, code: str) -> WholeProgram:
        return WholeProgram({"main.cs": code}, self._mcs_argv(["main.cs"]), self.run_argv("{job}"))

    def compile_argv(self) -> list[str] | None:
        return self._mcs_argv(["candidate.cs", "harness.cs"])

    @staticmethod
    def _mcs_argv(sources: list[str]) -> list[str]:
        return ["mcs", "-nologo", "-nowarn:105,168,169,219,414,162", "-optimize+", "-r:System.Numerics.dll",
                "-out:prog.exe", *sources]

    def run_argv(self, job_dir: str) -> list[str]:
        return ["mono", f"{job_dir}/prog.exe"]

    # ---- benchmarks (MultiPL-E / HumanEval-X) ------------------------------
    # MultiPL-E: `csc /d:DEBUG -r:System.Numerics.dll` (here Mono's `mcs`, same flags), run under
    # `mono` with MONO_TRACE_LISTENER=Console.Error; mono exits 0 after a failed Debug.Assert, so
    # fail = "System.Diagnostics.DefaultTraceListener.Fail" or "Unhandled Exception" in stderr.
    # Batched: each program in its own namespace of one assembly (its usings at the top of the
    # namespace body); its one static Main is made public and called by a dispatcher (`-main:`)
    # choosing by argv. A program whose entry point the compiler might judge otherwise (no Main,
    # several, an unusual signature) and one with preprocessor defines or assembly attributes
    # (which must open a file) runs alone.
    multipl_e_codes = ("cs", "csharp")
    entry_pattern = re.compile(r"^\s*((public|private|internal|protected|static|async|unsafe)\s+)+[\w<>\[\],.? ()]+?\s+"
                               r"(?P<name>\w+)\s*(<[^>]*>)?\s*\(")
    structural_equality = True
    MONO_JUDGE = BenchJudge(exit_zero=False, stderr_fail=("System.Diagnostics.DefaultTraceListener.Fail",
                                                          "Unhandled Exception"))
    _MONO_RUN = ("env", "MONO_TRACE_LISTENER=Console.Error", "mono", "{job}/prog.exe")
    _MCS = ("mcs", "-d:DEBUG", "-r:System.Numerics.dll", "-out:prog.exe")
    _BENCH_ALONE = re.compile(r"#\s*(define|undef)\b|\[\s*(assembly|module)\s*:|\bextern\s+alias\b")

    def rewrite_structural(self, tests: str) -> str:
        from irgroups.languages.csharp_structural import HELPER, rewrite_tests

        return rewrite_tests(tests)[0] + HELPER

    @staticmethod
    def _bench_parse(code: str) -> tuple[Node, bytes]:
        import tree_sitter_c_sharp
        from tree_sitter import Language as TSLanguage
        from tree_sitter import Parser

        src = code.encode("utf-8")
        return Parser(TSLanguage(tree_sitter_c_sharp.language())).parse(src).root_node, src

    def splice_answer(self, head: str, code: str, tests: str) -> tuple[str, str]:
        """The answer's usings join the prompt's at the top, its other types go before the prompt's
        class (top level: a static class of extension methods cannot be nested), and the members of
        its class go inside the prompt's class, where the tests' Main also lives."""
        root, src = self._bench_parse(code)
        usings: list[str] = []
        types: list[str] = []
        members: list[str] = []
        for node in root.children:
            name = node.child_by_field_name("name")
            if node.type == "using_directive":
                usings.append(self._slice(src, node))
            elif node.type == "class_declaration" and name is not None and self._slice(src, name) == CLASS:
                body = node.child_by_field_name("body")
                if body is not None:
                    members.append(self._slice(src, body).strip()[1:-1].strip("\n"))
            elif node.type.endswith("_declaration"):
                types.append(self._slice(src, node))
        lines = head.split("\n")
        have = {line.strip() for line in lines if line.strip().startswith("using ")}
        new = [u for u in dict.fromkeys(usings) if u.strip() not in have]
        last_using = max((i for i, line in enumerate(lines) if line.strip().startswith("using ")), default=-1)
        lines[last_using + 1:last_using + 1] = new + types
        return "\n".join(lines), "\n\n".join(members) + "\n"

    @staticmethod
    def _slice(src: bytes, node: Node) -> str:
        return src[node.start_byte:node.end_byte].decode("utf-8", errors="replace")

    def multipl_e_program(self, program: str, limits: Limits) -> BenchProgram:
        job = Job(self.name, {"prog.cs": program}, list(self._MONO_RUN), [*self._MCS, "prog.cs"], limits=limits)
        # batched as a stdio program is: the same conditions
        return BenchProgram(self.name, program, job, self.MONO_JUDGE,
                            MULTIPL_E if self.stdio_batchable(program) else None)

    def _bench_entry(self, program: str) -> tuple[str, str, str] | None:
        """(the program with its Main public, the call of Main, the class holding it), where the
        program has exactly one plain entry point in a top-level class; else None."""
        if self._BENCH_ALONE.search(program):
            return None
        root, src = self._bench_parse(program)
        if root.has_error:
            return None
        stack, mains = [root], []
        while stack:
            n = stack.pop()
            stack.extend(n.children)
            name = n.child_by_field_name("name")
            if n.type == "method_declaration" and name is not None and self._slice(src, name) == "Main":
                mains.append(n)
        statics = [m for m in mains if any(c.type == "modifier" and self._slice(src, c) == "static" for c in m.children)]
        if len(statics) != 1 or len(mains) != 1:
            return None
        main = statics[0]
        owner = main.parent.parent if main.parent is not None else None
        if owner is None or owner.type not in ("class_declaration", "struct_declaration") or owner.parent is None \
                or owner.parent.type != "compilation_unit" or owner.child_by_field_name("type_parameters") is not None \
                or any(c.type == "type_parameter_list" for c in owner.children):
            return None
        modifiers = [c for c in main.children if c.type == "modifier"]
        if not {self._slice(src, c) for c in modifiers} <= {"public", "private", "protected", "internal", "static"}:
            return None
        returns = main.child_by_field_name("returns") or main.child_by_field_name("type")
        params = main.child_by_field_name("parameters")
        if returns is None or params is None or self._slice(src, returns) not in ("void", "int"):
            return None
        args = [c for c in params.children if c.type == "parameter"]
        if len(args) > 1 or (args and re.fullmatch(r"(System\.)?[Ss]tring\s*\[\s*\]\s+\w+",
                                                   self._slice(src, args[0]).strip()) is None):
            return None
        hidden = [c for c in modifiers if self._slice(src, c) in ("private", "protected")]
        out = bytearray(src)
        for c in sorted(hidden, key=lambda c: c.start_byte, reverse=True):
            del out[c.start_byte:c.end_byte]
        if not any(self._slice(src, c) in ("public", "internal") for c in modifiers):
            out[modifiers[0].start_byte:modifiers[0].start_byte] = b"public "
        name = owner.child_by_field_name("name")
        owner_name = self._slice(src, name) if name is not None else ""
        call = f"{owner_name}.Main({'new string[0]' if args else ''})"
        if self._slice(src, returns) == "int":
            call = f"System.Environment.ExitCode = global::{{ns}}.{call}"
        else:
            call = f"global::{{ns}}.{call}"
        return out.decode("utf-8"), call, owner_name

    def bench_batch(self, items: list[tuple[int, BenchProgram]]) -> BatchProgram | None:
        return self._entry_batch([(k, p.source) for k, p in items], "p", list(self._MCS), list(self._MONO_RUN))

    def stdio_batchable(self, code: str) -> bool:
        return self.batchable(code) and "GetCommandLineArgs" not in code and self._bench_entry(code) is not None

    def stdio_batch(self, items: list[tuple[int, str]]) -> BatchProgram | None:
        return self._entry_batch(items, "s", self._mcs_argv([]), self.run_argv("{job}"))

    def _entry_batch(self, sources: list[tuple[int, str]], prefix: str, mcs: list[str],
                     run: list[str]) -> BatchProgram | None:
        """Whole programs, each in namespace Irgroups<PREFIX><k> (file `<prefix><k>.cs`) of one
        assembly, `run + [k]` running program k's Main; None if one has no single plain Main."""
        files: dict[str, str] = {}
        runs = []
        for k, program in sources:
            entry = self._bench_entry(program)
            if entry is None:
                return None
            source, call, _ = entry
            ns = f"Irgroups{prefix.upper()}{k}"
            # on the namespace's first line, so the program's line numbers stay its own
            files[f"{prefix}{k}.cs"] = f"namespace {ns} {{ {source}\n}}\n"
            runs.append(f"    static void Run{k}() {{ {call.format(ns=ns)}; }}\n")
        cases = "".join(f'            case "{k}": Run{k}(); break;\n' for k, _ in sources)
        # one method per program: the JIT compiles, and the runtime initialises, only the chosen one's
        files["irgroups_main.cs"] = ("static class IrgroupsBenchMain {\n" + "".join(runs) +
                                     "    static void Main(string[] args) {\n        switch (args[0]) {\n" + cases +
                                     "            default: System.Environment.Exit(2); break;\n        }\n    }\n}\n")
        argv = [*mcs, "-main:IrgroupsBenchMain", *(f"{prefix}{k}.cs" for k, _ in sources), "irgroups_main.cs"]
        return BatchProgram(files, argv, [[*run, str(k)] for k, _ in sources],
                            blame=rf"{prefix}(\d+)\.cs\(\d+,\d+\): error")

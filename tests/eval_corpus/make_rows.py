"""Writes rows.jsonl: MultiPL-E-format rows (name, language, prompt, tests, stop_tokens) for HumanEval
problems in rust, go, csharp and cpp, laid out as MultiPL-E lays them out (doc comment, the open
signature as the prompt; tests that close the function where MultiPL-E's do, then a main / Go test
of asserts). Types and values come from irgroups' language modules. Only problems with a bundled
reference in the language are written, so answers can be checked against a known-good program.

    python tests/eval_corpus/make_rows.py
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

from irgroups import languages, references
from irgroups.problems import sources
from irgroups.problems.model import Problem

HERE = Path(__file__).parent
CS_USINGS = ["System", "System.Numerics", "System.Diagnostics", "System.Collections.Generic", "System.Linq",
             "System.Text", "System.Security.Cryptography"]


def doc(problem: Problem) -> list[str]:
    fn = next(n for n in ast.walk(ast.parse(problem.source_code))
              if isinstance(n, ast.FunctionDef) and n.name == problem.entry_point)
    text = ast.get_docstring(fn) or problem.entry_point
    return [line.rstrip() for line in text.strip().splitlines()]


def rust_value(t, value) -> str:  # type: ignore[no-untyped-def]
    """A value as MultiPL-E writes it; an empty vector names its element type (rustc cannot infer it)."""
    lang = languages.get("rust")
    if t.name == "list" and not value:
        return f"Vec::<{lang.render_type(t.args[0])}>::new()"
    return lang.render_value(t, value)


def rust(p: Problem) -> dict:
    lang = languages.get("rust")
    name = lang.function_name(p.entry_point)
    head = lang.code_prelude(p)
    prompt = head + "".join(f"/// {d}\n".replace("/// \n", "///\n") for d in doc(p)) + lang.signature(p) + " {\n"
    calls = [f"    assert_eq!(candidate({', '.join(rust_value(q.type, a) for q, a in zip(p.signature.params, t.args))}), "
             f"{rust_value(p.signature.returns, t.expected)});\n" for t in p.tests]
    tests = f"}}\n\nfn main() {{\n    let candidate = {name};\n" + "".join(calls) + "}\n"
    return {"language": "rs", "prompt": prompt, "tests": tests, "stop_tokens": ["\n}"]}


def go(p: Problem) -> dict | None:
    lang = languages.get("go")
    types = [p.signature.returns, *(q.type for q in p.signature.params)]
    if p.signature.returns.name == "tuple" or any("optional" in str(t) for t in types):
        return None  # multiple results (the test table holds one value per call), pointers: left out
    name = lang.function_name(p.entry_point)
    prompt = (f"package {p.entry_point.lower()}_test\n\nimport (\n    \"testing\"\n    \"fmt\"\n)\n\n"
              + "".join(f"// {d}\n".replace("// \n", "//\n") for d in doc(p)) + lang.signature(p) + " {\n")
    cases = [f"     {{ actual: candidate({', '.join(lang.render_value(q.type, a) for q, a in zip(p.signature.params, t.args))}), "
             f"expected: {lang.render_value(p.signature.returns, t.expected)} }},\n" for t in p.tests]
    tests = (f"\nfunc Test{name}(t *testing.T) {{\n  candidate := {name}\n\ttype test struct {{\n\t\tactual   interface{{}}\n"
             "\t\texpected interface{}\n\t}\n   tests := []test{\n" + "".join(cases) + "   }\n\n"
             "\tfor i, tc := range tests {\n\t\tt.Run(fmt.Sprintf(\"test num % d\", i), func(t *testing.T) {\n"
             "\t\t\tif fmt.Sprintf(\"%v\", tc.actual) != fmt.Sprintf(\"%v\", tc.expected) {\n"
             "\t\t\t\tt.Errorf(\"expected '%s', got '%s'\", tc.expected, tc.actual)\n\t\t\t}\n\t\t})\n\t}\n}\n")
    return {"language": "go_test.go", "prompt": prompt, "tests": tests, "stop_tokens": ["\nfunc", "struct", "\n// "]}


def csharp(p: Problem) -> dict | None:
    lang = languages.get("csharp")
    if p.signature.returns.name not in ("int", "float", "bool", "str"):
        return None  # MultiPL-E compares with .Equals: a List would never be equal (see --structural-equality)
    name = lang.function_name(p.entry_point)
    prompt = ("".join(f"using {u};\n" for u in CS_USINGS) + "class Problem {\n"
              + "".join(f"    // {d}\n".replace("// \n", "//\n") for d in doc(p)) + f"    {lang.signature(p)} {{\n")
    asserts = [f"    Debug.Assert({name}({', '.join(lang.render_value(q.type, a) for q, a in zip(p.signature.params, t.args))})"
               f".Equals({lang.render_value(p.signature.returns, t.expected)}));\n" for t in p.tests]
    tests = "    }\n    public static void Main(string[] args) {\n" + "".join(asserts) + "    }\n\n}\n"
    return {"language": "cs", "prompt": prompt, "tests": tests, "stop_tokens": ["\n    }\n"]}


def cpp(p: Problem) -> dict | None:
    lang = languages.get("cpp")
    if p.entry_point in ("strlen",):
        return None  # `auto candidate = strlen` is ambiguous beside the C library's
    name = lang.function_name(p.entry_point)
    prompt = ("#include<assert.h>\n#include<bits/stdc++.h>\n" + "".join(f"// {d}\n".replace("// \n", "//\n") for d in doc(p))
              + lang.signature(p) + " {\n")
    asserts = [f"    assert(candidate({', '.join(lang.render_value(q.type, a) for q, a in zip(p.signature.params, t.args))}) == "
               f"({lang.render_value(p.signature.returns, t.expected)}));\n" for t in p.tests]
    tests = f"}}\nint main() {{\n    auto candidate = {name};\n" + "".join(asserts) + "}\n"
    return {"language": "cpp", "prompt": prompt, "tests": tests, "stop_tokens": ["\n}"]}


def main() -> None:
    problems = [p for p in sources.load("humaneval").problems]
    rows = []
    for make, lang in ((rust, "rust"), (go, "go"), (csharp, "csharp"), (cpp, "cpp")):
        for p in problems:
            if references.load(p, lang) is None:
                continue
            row = make(p)
            if row is not None:
                rows.append({"name": p.problem_id.replace("/", "_") + "_" + p.entry_point, **row})
    (HERE / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(f"{len(rows)} rows: " + ", ".join(f"{k}: {sum(r['language'] == k for r in rows)}"
                                           for k in ("rs", "go_test.go", "cs", "cpp")))


if __name__ == "__main__":
    main()

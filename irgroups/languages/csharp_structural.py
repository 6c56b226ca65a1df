"""The corrected C# score: MultiPL-E's C# tests compare results with `.Equals`.

`List<T>.Equals` and `Dictionary<K,V>.Equals` are reference equality in .NET,
so `Debug.Assert(F(x).Equals(new List<long>(...)))` fails for every answer, right
or wrong. With structural equality on, each `Debug.Assert(A.Equals(B))` in the
tests becomes `Debug.Assert(IrgroupsStructural.Eq(A, B))`, which compares
sequences element by element, dictionaries key by key, tuples item by item
(recursively), and everything else with `Equals` as before.
"""

from __future__ import annotations

HELPER = """
static class IrgroupsStructural {
    public static bool Eq(object a, object b) {
        if (a == null || b == null) return a == null && b == null;
        if (a is string || b is string) return a.Equals(b);
        var da = a as System.Collections.IDictionary;
        var db = b as System.Collections.IDictionary;
        if (da != null && db != null) {
            if (da.Count != db.Count) return false;
            foreach (System.Collections.DictionaryEntry e in da) {
                if (!db.Contains(e.Key) || !Eq(e.Value, db[e.Key])) return false;
            }
            return true;
        }
        var ta = a as System.Runtime.CompilerServices.ITuple;
        var tb = b as System.Runtime.CompilerServices.ITuple;
        if (ta != null && tb != null) {
            if (ta.Length != tb.Length) return false;
            for (int i = 0; i < ta.Length; i++) if (!Eq(ta[i], tb[i])) return false;
            return true;
        }
        var ea = a as System.Collections.IEnumerable;
        var eb = b as System.Collections.IEnumerable;
        if (ea != null && eb != null) {
            var ia = ea.GetEnumerator();
            var ib = eb.GetEnumerator();
            while (true) {
                bool ma = ia.MoveNext(), mb = ib.MoveNext();
                if (ma != mb) return false;
                if (!ma) return true;
                if (!Eq(ia.Current, ib.Current)) return false;
            }
        }
        return a.Equals(b);
    }
}
"""

_ASSERT = "Debug.Assert("


def rewrite_tests(tests: str) -> tuple[str, int]:
    """Tests with every top-level `A.Equals(B)` assertion made structural; and how many."""
    out: list[str] = []
    i = 0
    count = 0
    while True:
        at = tests.find(_ASSERT, i)
        if at == -1:
            out.append(tests[i:])
            break
        start = at + len(_ASSERT)
        end = _matching(tests, start - 1)
        if end is None:
            out.append(tests[i:])
            break
        inner = tests[start:end]
        split = _top_level_equals(inner)
        out.append(tests[i:start])
        if split is None:
            out.append(inner)
        else:
            left, right = split
            out.append(f"IrgroupsStructural.Eq({left}, {right})")
            count += 1
        i = end
    return "".join(out), count


def _matching(text: str, open_at: int) -> int | None:
    """Index of the `)` closing the `(` at `open_at`, skipping string and char literals."""
    depth = 0
    i = open_at
    while i < len(text):
        c = text[i]
        if c in "\"'":
            i = _skip_literal(text, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _skip_literal(text: str, i: int) -> int:
    quote = text[i]
    i += 1
    while i < len(text) and text[i] != quote:
        i += 2 if text[i] == "\\" else 1
    return i + 1


def _top_level_equals(expr: str) -> tuple[str, str] | None:
    """`A.Equals(B)` (the whole expression) -> (A, B); the last top-level `.Equals(` wins."""
    depth = 0
    i = 0
    found = None
    while i < len(expr):
        c = expr[i]
        if c in "\"'":
            i = _skip_literal(expr, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif depth == 0 and expr.startswith(".Equals(", i):
            found = i
        i += 1
    if found is None:
        return None
    close = _matching(expr, found + len(".Equals"))
    if close is None or expr[close + 1:].strip():
        return None
    return expr[:found], expr[found + len(".Equals("):close]

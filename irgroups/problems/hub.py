"""Problem sources on the Hugging Face Hub, read through `datasets`:

    hf:<dataset>[:<config>][@<split>]     hf:openai_humaneval, hf:mbpp:sanitized@test, hf:evalplus/humanevalplus

One converter per dataset family maps a row, in that dataset's own columns, to a
function-kind Problem, to a stdio problem (a plain neutral-schema dict: `kind`
"stdio", tests of stdin and expected stdout) or to a Skipped with its reason.

Function-kind conversions reuse the HumanEval machinery: HumanEval and MBPP rows go
through `humaneval.convert` itself (MBPP's asserts become a `check(candidate)`); for
the rest the reference solution is run on the dataset's inputs and types come from
the hints completed by inference from the values (infer.py). Expected values are what
the reference returns, after checking that it agrees with the dataset's own; a
reference that answers differently on the values a typed language would pass (ints in
float slots) makes the problem depend on Python's int/float distinction: skipped.

References other than HumanEval's and MBPP's (EvalPlus, APPS, SYNTHETIC-1: thousands of
scraped programs) run in a child process with a time limit (`_run_reference`), so a
hang, a crash or a `sys.exit` costs one problem, not the build.
"""

from __future__ import annotations

import ast
import base64
import contextlib
import json
import pickle
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from irgroups import languages
from irgroups.errors import DataError, ProblemError
from irgroups.problems import humaneval, infer
from irgroups.problems.model import Param, Problem, Signature, Skipped, TestCase

Item = Problem | Skipped | dict[str, Any]  # a stdio problem is a dict until the model has the kind
REFERENCE_TIMEOUT = 60.0  # s per reference run; HumanEval+'s slowest canonical solution takes ~5 s on all its inputs
MAX_SOLUTIONS = 5  # APPS lists many solutions, some wrong: the first one that agrees with the tests is the source
SPEC_SYNTAX = "hf:<dataset>[:<config>][@<split>]"
_SPEC = re.compile(r"hf:(?P<dataset>[^:@\s]+)(?::(?P<config>[^:@\s]+))?(?:@(?P<split>[^@\s]+))?")


class _SolutionError(ProblemError):
    """This solution is wrong or unusable (another solution of the same problem may do)."""


@dataclass(frozen=True)
class HubSpec:
    dataset: str
    config: str | None
    split: str | None


def parse_spec(spec: str) -> HubSpec:
    m = _SPEC.fullmatch(spec.strip())
    if m is None:
        raise DataError(f"problem source {spec!r}: expected {SPEC_SYNTAX}, e.g. hf:mbpp:sanitized@test")
    return HubSpec(m["dataset"], m["config"], m["split"])


@dataclass(frozen=True)
class Family:
    name: str
    ids: tuple[str, ...]  # Hub ids this converter reads
    columns: tuple[str, ...]  # what every row holds in the dataset's own layout
    license: str
    row_id: Callable[[dict[str, Any], Context], str]
    convert: Callable[[dict[str, Any], Context, str], Problem | dict[str, Any]]  # raises ProblemError: skipped
    split: str = "test"  # when the spec names none
    config: str | None = None  # when the spec names none
    configs: tuple[str, ...] = ()  # the configs there are (empty: not checked)
    restrictions: str = ""
    rows_per_problem: bool = False  # several rows (responses) per problem: the first that converts is kept
    # a repo `datasets` refuses (a loading script) is read from these files, the config selecting rows by a column
    repo_files: str | None = None
    config_column: str | None = None


@dataclass(frozen=True)
class Context:
    family: Family
    dataset: str
    config: str | None
    split: str
    timeout: float = REFERENCE_TIMEOUT

    def origin(self, restrictions: str | None = None) -> dict[str, str]:
        return {"dataset": self.dataset + (f":{self.config}" if self.config else ""),
                "license": self.family.license,
                "restrictions": self.family.restrictions if restrictions is None else restrictions}


def load(spec: str, load_dataset: Callable[..., Any] | None = None,
         timeout: float = REFERENCE_TIMEOUT) -> list[Item]:
    """The rows of a `hf:` spec, converted. `load_dataset` defaults to `datasets.load_dataset`
    (tests route it to fixture files)."""
    hs = parse_spec(spec)
    fam = family_of(hs.dataset, spec)
    config = hs.config or fam.config
    if fam.configs and config is not None and config not in fam.configs:
        raise DataError(f"problem source {spec!r}: {hs.dataset} has no config {config!r} "
                        f"(configs: {', '.join(fam.configs)})")
    split = hs.split or fam.split
    ds = _open(spec, fam, hs.dataset, config, split, load_dataset)
    have = list(ds.column_names or [])
    missing = [c for c in fam.columns if c not in have]
    if missing:
        raise DataError(f"problem source {spec!r}: rows lack {', '.join(missing)} of the {fam.name} layout "
                        f"(columns: {', '.join(have)})")
    split_name = re.sub(r"\[.*\]$", "", split)  # `test[:100]` reads part of the split `test`
    try:
        return convert_rows(ds, Context(fam, hs.dataset, config, split_name, timeout))
    finally:
        _close_sandbox()


def family_of(dataset: str, spec: str = "") -> Family:
    for fam in FAMILIES:
        if dataset.lower() in (i.lower() for i in fam.ids):
            return fam
    known = ", ".join(i for fam in FAMILIES for i in fam.ids)
    raise DataError(f"problem source {spec or dataset!r}: no converter for the dataset {dataset!r} (known: {known})")


def convert_rows(rows: Iterable[dict[str, Any]], ctx: Context) -> list[Item]:
    out: list[Item] = []
    taken: set[str] = set()
    pending: dict[str, Skipped] = {}  # rows_per_problem: reported only if no row of the problem converts
    for row in rows:
        pid = ctx.family.row_id(row, ctx)
        if pid in taken:
            if not ctx.family.rows_per_problem:
                out.append(Skipped(pid, "duplicate problem id within the dataset"))
            continue
        try:
            item = ctx.family.convert(row, ctx, pid)
        except (ProblemError, KeyError, TypeError, AttributeError, IndexError) as e:
            # a row whose fields do not have the layout's shapes is one skipped row, not a failed load
            reason = str(e) if isinstance(e, ProblemError) else f"malformed row ({type(e).__name__}: {e})"
            if ctx.family.rows_per_problem:
                pending.setdefault(pid, Skipped(pid, reason))
            else:
                out.append(Skipped(pid, reason))
            continue
        taken.add(pid)
        pending.pop(pid, None)
        out.append(item)
    return out + list(pending.values())


def _open(spec: str, fam: Family, dataset: str, config: str | None, split: str,
          load_dataset: Callable[..., Any] | None) -> Any:
    if load_dataset is None:
        from datasets import load_dataset as hf_load  # imported here: slow, and only `hf:` needs it

        load_dataset = hf_load
    try:
        return load_dataset(dataset, config, split=split)
    except Exception as e:  # noqa: BLE001 - anything `datasets` raises is reported with the spec
        # datasets >= 4 refuses repos with a loading script (codeparrot/apps); their data files still load
        if not (fam.repo_files and "script" in str(e).lower()):
            raise DataError(f"problem source {spec!r}: `datasets` could not load {dataset!r} (config "
                            f"{config!r}, split {split!r}): {type(e).__name__}: {e}") from None
    part = re.search(r"\[.*\]$", split)  # `test[:100]`: the same rows of the file
    files = f"hf://datasets/{dataset}/" + fam.repo_files.format(split=split[: part.start()] if part else split)
    try:
        ds = load_dataset("json", data_files=files, split="train" + (part.group() if part else ""))
    except Exception as e:  # noqa: BLE001
        raise DataError(f"problem source {spec!r}: {dataset!r} has a loading script `datasets` no longer runs, "
                        f"and reading {files} failed: {type(e).__name__}: {e}") from None
    if config and fam.config_column and config != "all":
        ds = ds.filter(lambda value: value == config, input_columns=fam.config_column)
    return ds


# ---------------------------------------------------------------- HumanEval and MBPP: through humaneval.convert


def _humaneval(row: dict[str, Any], ctx: Context, pid: str) -> Problem:
    return replace(humaneval.convert(dict(row)), origin=ctx.origin())


def _mbpp_id(row: dict[str, Any], ctx: Context) -> str:
    task = str(row["task_id"])
    return task if task.startswith("Mbpp/") else f"Mbpp/{task}"  # EvalPlus's ids: MBPP and MBPP+ rows dedupe


def _mbpp(row: dict[str, Any], ctx: Context, pid: str) -> Problem:
    """`assert f(args) == expected` strings -> HumanEval's `check(candidate)`, converted as HumanEval is."""
    code = _lf(row["code"])
    tests = [_lf(t) for t in [*(row["test_list"] or []), *(row.get("challenge_test_list") or [])] if t.strip()]
    if not tests:
        raise ProblemError("no tests")
    entry = _called_entry(code, tests)
    prelude = "\n".join([*(row.get("test_imports") or []), _lf(row.get("test_setup_code") or "")]).strip()
    check = prelude + "\n\n\n" + _check_function(tests, entry)
    text = row.get("text") or row.get("prompt") or ""
    p = humaneval.convert({"task_id": pid, "prompt": _comment(text), "canonical_solution": code,
                           "test": check, "entry_point": entry})
    restrictions = ("the prompt split is for few-shot prompting, not for training (dataset card)"
                    if ctx.split == "prompt" else None)
    return replace(p, origin=ctx.origin(restrictions))


def _called_entry(code: str, tests: list[str]) -> str:
    """The function the code defines that every test calls."""
    defined = {n.name for n in _parse(code, "the solution").body if isinstance(n, ast.FunctionDef)}
    common: set[str] | None = None
    for i, t in enumerate(tests, 1):
        called = {n.func.id for n in ast.walk(_parse(t, f"test {i}"))
                  if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
        common = (called & defined) if common is None else common & called
    if not common:
        raise ProblemError(f"no function the solution defines ({', '.join(sorted(defined)) or 'none'}) "
                           "is called by every test")
    if len(common) > 1:
        raise ProblemError(f"every test calls several functions the solution defines ({', '.join(sorted(common))})")
    return common.pop()


class _Rename(ast.NodeTransformer):
    def __init__(self, name: str) -> None:
        self.name = name

    def visit_Name(self, node: ast.Name) -> ast.Name:
        return ast.Name("candidate", node.ctx) if node.id == self.name else node


def _check_function(tests: list[str], entry: str) -> str:
    body = [ast.unparse(_Rename(entry).visit(_parse(t, f"test {i}"))) for i, t in enumerate(tests, 1)]
    return "def check(candidate):\n" + textwrap.indent("\n".join(body), "    ") + "\n"


# ---------------------------------------------------------------- EvalPlus: the inputs/results loop


@dataclass(frozen=True)
class _Loop:
    callee: str
    inputs: list[Any]
    results: list[Any] | None  # None: the loop compares with a reference function, not stored results
    atol: float


NOT_LOOP = "the EvalPlus test is not the `assertion(f(*inp), exp, atol)` loop over `inputs` this converter reads"


def _humanevalplus(row: dict[str, Any], ctx: Context, pid: str) -> Problem:
    loop = _evalplus_loop(row["test"])
    if loop.callee != "candidate":
        raise ProblemError(NOT_LOOP)
    return _from_calls(pid, row["prompt"] + row["canonical_solution"], row["entry_point"], loop.inputs,
                       loop.results, ctx, atol=loop.atol, lenient=True)


def _mbppplus(row: dict[str, Any], ctx: Context, pid: str) -> Problem:
    loop = _evalplus_loop(row["test"])
    source = _comment(row.get("prompt") or "") + _lf(row["code"])
    return _from_calls(pid, source, loop.callee, loop.inputs, loop.results, ctx, atol=loop.atol, lenient=True)


def _evalplus_loop(test: str) -> _Loop:
    """HumanEval+ (`check(candidate)`) and MBPP+ (module level) hold their base and plus tests as
    `inputs = [...]`, `results = [...]` and `for i, (inp, exp) in enumerate(zip(inputs, results)):
    assertion(f(*inp), exp, atol)`."""
    tree = _parse(test, "the EvalPlus test")
    values = {t.id: node.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
              for t in node.targets if isinstance(t, ast.Name) and t.id in ("inputs", "results")}
    calls = [c for loop in ast.walk(tree) if isinstance(loop, ast.For)
             for c in ast.walk(loop) if _is_assertion(c)]
    if len(calls) != 1 or "inputs" not in values:
        raise ProblemError(NOT_LOOP)
    call: Any = calls[0]
    try:
        atol = float(ast.literal_eval(call.args[2]))
    except (ValueError, TypeError, SyntaxError):
        raise ProblemError(f"{NOT_LOOP} (atol is not a number)") from None
    scope: dict[str, Any] = {}
    for node in tree.body:  # `from math import inf`, `import numpy as np`: what the literals may name
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            # a missing module only matters if a literal names it (then evaluating says so)
            with contextlib.suppress(Exception):
                exec(compile(ast.Module([node], []), "<evalplus imports>", "exec"), scope)
    inputs = _evaluate(values["inputs"], scope)
    uses_results = isinstance(call.args[1], ast.Name) and "results" in values
    results = _evaluate(values["results"], scope) if uses_results else None
    if not isinstance(inputs, (list, tuple)) or not all(isinstance(x, (list, tuple)) for x in inputs):
        raise ProblemError("the EvalPlus inputs are not lists of arguments")
    if results is not None and (not isinstance(results, (list, tuple)) or len(results) != len(inputs)):
        raise ProblemError("the EvalPlus results do not pair with the inputs")
    return _Loop(call.args[0].func.id, list(inputs), None if results is None else list(results), atol)


def _is_assertion(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "assertion"
            and len(node.args) == 3):
        return False
    inner = node.args[0]
    return (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and len(inner.args) == 1
            and isinstance(inner.args[0], ast.Starred) and not inner.keywords)


def _evaluate(node: ast.expr, scope: dict[str, Any]) -> Any:
    try:
        return eval(compile(ast.Expression(node), "<evalplus literals>", "eval"), dict(scope))
    except Exception as e:  # noqa: BLE001
        raise ProblemError(f"cannot evaluate the EvalPlus test values ({type(e).__name__}: {e})") from None


# ---------------------------------------------------------------- function kind from (inputs, expected)


def _from_calls(pid: str, source: str, entry: str, inputs: list[Any], expected: list[Any] | None, ctx: Context,
                *, atol: float = 0.0, lenient: bool, unwrap: bool = False,
                restrictions: str | None = None) -> Problem:
    """Run the reference on every input; the problem of the (args, result) pairs.

    lenient (EvalPlus's generated inputs): a test that cannot be expressed (a bool where the
    other tests pass ints, an int beyond 64 bits, an input the reference raises on) is dropped;
    otherwise it makes the whole problem skipped. `unwrap`: an expected `[x]` may mean `x` (APPS)."""
    fn = humaneval._find_def(source, entry)
    a = fn.args
    if a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs:
        raise ProblemError("variadic, keyword-only or positional-only parameters")
    n = len(a.args)
    answers = _run_reference(source, entry, [tuple(x) for x in inputs], ctx.timeout)
    calls: list[tuple[tuple[Any, ...], Any]] = []
    for i, (args, (ok, value)) in enumerate(zip(inputs, answers), 1):
        if len(args) != n:
            if lenient:
                continue
            raise ProblemError(f"test {i} passes {len(args)} arguments, {entry} takes {n}")
        if not ok:
            if lenient:
                continue
            raise _SolutionError(f"test {i}: the reference solution {value}")
        if expected is not None and not _agrees(value, expected[i - 1], atol, unwrap):
            raise _SolutionError(f"the reference solution disagrees with test {i}: it returns {_short(value)}, "
                                 f"the dataset expects {_short(expected[i - 1])}")
        calls.append((tuple(args), value))
    calls = _expressible(fn, calls, lenient)
    params = [Param(arg.arg, infer.finish(infer.merge(infer.from_hint(arg.annotation),
                                                      infer.unify_all([infer.of_value(c[0][k]) for c in calls])),
                                          f"parameter {arg.arg!r}"))
              for k, arg in enumerate(a.args)]
    returns = infer.finish(infer.merge(infer.from_hint(fn.returns), infer.unify_all([infer.of_value(r) for _, r in calls])),
                           "the return value")
    sig = Signature(tuple(params), returns)
    tests: dict[str, TestCase] = {}
    kept: list[tuple[tuple[Any, ...], Any]] = []
    for args, result in calls:
        try:
            case = TestCase(tuple(humaneval._typed_json(p.type, x) for p, x in zip(params, args)),
                            humaneval._typed_json(returns, result))
        except ProblemError:
            if lenient:
                continue
            raise
        key = json.dumps(case.to_json(), sort_keys=True)
        if key not in tests:
            tests[key] = case
            kept.append((args, result))
    if not tests:
        raise ProblemError("no test can be expressed in the neutral types")
    _check_typed(source, entry, sig, kept, ctx.timeout)
    return Problem(problem_id=pid, source_lang="python", source_code=source, entry_point=entry, signature=sig,
                   tests=tuple(tests.values()), origin=ctx.origin(restrictions))


def _expressible(fn: ast.FunctionDef, calls: list[tuple[tuple[Any, ...], Any]],
                 lenient: bool) -> list[tuple[tuple[Any, ...], Any]]:
    """The calls whose values fit one signature (with the hints). Strict: all or ProblemError.
    Lenient: in order, a call that does not fit the ones before is dropped (EvalPlus lists the
    base inputs first, so they decide)."""
    hints = [infer.from_hint(x.annotation) for x in fn.args.args] + [infer.from_hint(fn.returns)]
    seen = [infer.HOLE] * len(hints)
    kept = []
    for args, result in calls:
        try:
            new = [infer.unify(s, infer.of_value(v)) for s, v in zip(seen, (*args, result))]
            for h, t in zip(hints, new):
                infer.merge(h, t)
        except ProblemError:
            if not lenient:
                raise
            continue
        seen = new
        kept.append((args, result))
    if not kept:
        raise ProblemError("no test fits one signature")
    return kept


def _check_typed(source: str, entry: str, sig: Signature, calls: list[tuple[tuple[Any, ...], Any]],
                 timeout: float) -> None:
    """humaneval.check_typed_behaviour, with the reference in a child process."""
    typed = [tuple(humaneval.coerce(p.type, x) for p, x in zip(sig.params, args)) for args, _ in calls]
    if repr(typed) == repr([args for args, _ in calls]):
        return  # nothing a typed language would pass differently
    answers = _run_reference(source, entry, typed, timeout)
    for (_, result), t_args, (ok, got) in zip(calls, typed, answers):
        if not ok:
            raise ProblemError(f"depends on Python's int/float distinction ({got} on typed args)")
        if not humaneval.close(humaneval.coerce(sig.returns, got), humaneval.coerce(sig.returns, result)):
            raise ProblemError(f"depends on Python's int/float distinction: {entry}{t_args!r} gives "
                               f"{_short(got)}, tests expect {_short(result)}")


def _agrees(got: Any, exp: Any, atol: float, unwrap: bool) -> bool:
    if _same(got, exp, atol):
        return True
    return unwrap and isinstance(exp, list) and len(exp) == 1 and _same(got, exp[0], atol)


def _same(a: Any, b: Any, atol: float) -> bool:
    """EvalPlus's comparison: equal, or floats within atol (1e-6 when 0) + 1e-7 relative.
    Tuples and lists compare alike (JSON has no tuples)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, int) and isinstance(b, int):
            return a == b
        return a == b or abs(a - b) <= (atol or 1e-6) + 1e-7 * abs(b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y, atol) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k], atol) for k in a)
    return type(a) is type(b) and a == b


# The child: exec the source, call entry on each argument tuple, write tagged JSON (never pickle:
# the file is written by the code under test). Prints are dropped, stdin is empty.
_RUNNER = r"""
import copy, io, json, pickle, random, sys
def enc(v, depth=0):
    if depth > 200:
        raise TypeError("nested too deep")
    if v is None or type(v) in (bool, int, float, str):
        return v
    if type(v) in (list, tuple):
        return {"l" if type(v) is list else "t": [enc(x, depth + 1) for x in v]}
    if type(v) is dict:
        return {"d": [[enc(k, depth + 1), enc(x, depth + 1)] for k, x in v.items()]}
    raise TypeError(f"returns a {type(v).__name__}")
def main():
    import base64
    with open(sys.argv[1]) as f:
        source, entry, calls = pickle.loads(base64.b64decode(f.read()))
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, 64 << 20))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except Exception:
        pass
    real_out = sys.stdout
    sys.stdin, sys.stdout = io.StringIO(), io.StringIO()
    random.seed(0)
    module = {"__name__": "__reference__"}
    try:
        exec(compile(source, "<reference>", "exec"), module)
        fn = module[entry]
        out = []
    except BaseException as e:
        out = f"{type(e).__name__}: {e}"[:300]
    else:
        for args in calls:
            try:
                out.append([True, enc(fn(*copy.deepcopy(args)))])
            except BaseException as e:
                out.append([False, (str(e) if isinstance(e, TypeError) and str(e).startswith("returns a ")
                                    else f"raises {type(e).__name__}: {e}")[:300]])
            sys.stdout = io.StringIO()
    real_out.write("\n" + MARK + json.dumps(out) + "\n")
    real_out.flush()
MARK = "@@irgroups-results@@ "
main()
"""


def _run_reference(source: str, entry: str, calls: list[tuple[Any, ...]],
                   timeout: float) -> list[tuple[bool, Any]]:
    """[(True, result) | (False, what went wrong)] per call; ProblemError if the source does not load.

    A Hub row's solution is code from the internet (SYNTHETIC-1's, a model's answer), so it runs
    in the local sandbox (no network, its own namespaces and limits), never in this process."""
    from irgroups.sandbox import base as sb

    payload = base64.b64encode(pickle.dumps((source, entry, calls))).decode()
    job = sb.Job(lang=PYTHON, files={"runner.py": _RUNNER, "payload.b64": payload},
                 run_argv=["python3", "-I", "-S", "{job}/runner.py", "{job}/payload.b64"],
                 limits=sb.Limits(run_seconds=timeout, memory_mb=4096, file_size_mb=64))
    step = _reference_sandbox().run(job).run
    if step is None:
        raise _SolutionError("the reference solution did not run")
    if step.status == sb.TIMEOUT:
        raise _SolutionError(f"the reference solution ran over {timeout:g} s on {len(calls)} tests")
    text = step.full_stdout or step.stdout
    line = next((ln for ln in reversed(text.splitlines()) if ln.startswith(_MARK)), None)
    if line is None:
        tail = step.stderr.strip().splitlines()[-1:]
        raise _SolutionError(f"the reference solution crashed ({step.status}, exit {step.exit_code}"
                             f"{': ' + tail[0][:200] if tail else ''})")
    try:
        out = json.loads(line[len(_MARK):])
    except ValueError:
        raise _SolutionError("the reference solution's results are garbled") from None
    if isinstance(out, str):
        raise _SolutionError(f"the reference solution does not load ({out})")
    if not isinstance(out, list) or len(out) != len(calls):
        raise _SolutionError("the reference solution's results are garbled")
    return [(bool(ok), _dec(v) if ok else str(v)) for ok, v in out]


_MARK = "@@irgroups-results@@ "
_SANDBOX: list[Any] = []  # the one sandbox of a `load`: made at its first reference run, closed at its end


def _reference_sandbox() -> Any:
    if not _SANDBOX:
        from irgroups.verifier import open_sandbox

        _SANDBOX.append(open_sandbox("local", [PYTHON]))
    return _SANDBOX[0]


def _close_sandbox() -> None:
    while _SANDBOX:
        _SANDBOX.pop().close()


def _dec(v: Any) -> Any:
    if isinstance(v, dict):
        if "l" in v:
            return [_dec(x) for x in v["l"]]
        if "t" in v:
            return tuple(_dec(x) for x in v["t"])
        return {_dec(k): _dec(x) for k, x in v["d"]}
    return v


# ---------------------------------------------------------------- APPS, CodeContests, SYNTHETIC-1


def _apps_id(row: dict[str, Any], ctx: Context) -> str:
    return f"apps/{ctx.split}/{row['problem_id']}"  # train and test both number their problems from 0


def _apps(row: dict[str, Any], ctx: Context, pid: str) -> Problem | dict[str, Any]:
    io = _json_field(row.get("input_output"), "input_output") or {}
    solutions = _json_field(row.get("solutions"), "solutions") or []
    inputs, outputs = io.get("inputs") or [], io.get("outputs") or []
    if not inputs:
        raise ProblemError("no tests (input_output is empty)")
    if len(inputs) != len(outputs):
        raise ProblemError(f"{len(inputs)} test inputs but {len(outputs)} outputs")
    if not solutions:
        raise ProblemError("no reference solution")
    if io.get("fn_name"):
        return _call_based(pid, str(io["fn_name"]), solutions, inputs, outputs, ctx)
    return _stdio(pid, "python", solutions[0], row.get("question") or "", list(zip(inputs, outputs)), ctx)


def _call_based(pid: str, fn_name: str, solutions: list[str], inputs: list[Any], outputs: list[Any],
                ctx: Context, restrictions: str | None = None) -> Problem:
    """A function-kind problem from APPS-style call-based tests: the first solution (of
    MAX_SOLUTIONS) that agrees with every expected output is the source."""
    if not all(isinstance(x, list) for x in inputs):
        raise ProblemError("call-based test inputs are not argument lists")
    failures: list[str] = []
    for code in solutions[:MAX_SOLUTIONS]:
        try:
            source = _callable_source(_lf(code), fn_name)
            return _from_calls(pid, source, fn_name, inputs, outputs, ctx, lenient=False, unwrap=True,
                               restrictions=restrictions)
        except _SolutionError as e:
            failures.append(str(e))
    more = f" (and so do the other {len(failures) - 1} solutions tried)" if len(failures) > 1 else ""
    raise ProblemError(failures[0] + more)


_TYPING = re.compile(r"\b(List|Dict|Tuple|Optional|Set)\[")


def _callable_source(code: str, fn_name: str) -> str:
    """The solution, with a top-level `fn_name` when it is a method (LeetCode's `class Solution`)."""
    try:
        tree = ast.parse(code)
    except SyntaxError as e:
        raise _SolutionError(f"the solution is not valid Python 3 ({e.msg}, line {e.lineno})") from None
    if any(isinstance(n, ast.FunctionDef) and n.name == fn_name for n in tree.body):
        return code
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        for m in cls.body:
            if isinstance(m, ast.FunctionDef) and m.name == fn_name and m.args.args:
                params = m.args.args[1:]
                if m.args.vararg or m.args.kwarg or m.args.kwonlyargs:
                    raise ProblemError("variadic or keyword-only parameters")
                decl = ", ".join(ast.unparse(p) for p in params)
                names = ", ".join(p.arg for p in params)
                ret = f" -> {ast.unparse(m.returns)}" if m.returns else ""
                # LeetCode's judge imports typing's names for the solution; the hints need them
                prefix = "from typing import *\n\n" if _TYPING.search(code) and "typing" not in code else ""
                return (f"{prefix}{code.rstrip()}\n\n\ndef {fn_name}({decl}){ret}:\n"
                        f"    return {cls.name}().{fn_name}({names})\n")
    raise _SolutionError(f"the solution defines no function or method {fn_name!r}")


# the dataset's solutions.language enum, in the order its solutions are preferred as the source:
# PYTHON3 = 3, CPP = 2 (1 is Python 2, 4 Java); the labels are irgroups language aliases
_CC_LANGUAGES = (("PYTHON3", 3), ("CPP", 2))
PYTHON = languages.get("python").name
CODE_CONTESTS_LANGS = {number: languages.get(label).name for label, number in _CC_LANGUAGES}
_CC_NAMES = dict(_CC_LANGUAGES)


def _code_contests(row: dict[str, Any], ctx: Context, pid: str) -> dict[str, Any]:
    if row.get("input_file") or row.get("output_file"):
        raise ProblemError("reads or writes named files, not stdin and stdout")
    tests: list[tuple[Any, Any]] = []
    for key in ("public_tests", "private_tests", "generated_tests"):
        t = row.get(key) or {}
        tests += [pair for pair in zip(t.get("input") or [], t.get("output") or []) if pair not in tests]
    if not tests:
        raise ProblemError("no tests")
    sols = row.get("solutions") or {}
    langs = [_CC_NAMES.get(x, x) if isinstance(x, str) else x for x in sols.get("language") or []]
    codes = sols.get("solution") or []
    for wanted, lang in CODE_CONTESTS_LANGS.items():
        for got, code in zip(langs, codes):
            if got == wanted and code.strip():
                return _stdio(pid, lang, code, row.get("description") or "", tests, ctx)
    raise ProblemError("no Python 3 or C++ solution (solutions.language 3 or 2)")


SYNTHETIC1_SOURCE_LANGS = ("python", "python3", "cpp", "c++", "rust")  # verification_info.language values taken


def _synthetic1_lang(label: str) -> str | None:
    """The irgroups language of a SYNTHETIC-1 `language` label, or None if it is not a source we run."""
    return languages.get(label).name if label in SYNTHETIC1_SOURCE_LANGS else None


def _synthetic1_id(row: dict[str, Any], ctx: Context) -> str:
    return f"synthetic1/{row['problem_id']}"


def _synthetic1(row: dict[str, Any], ctx: Context, pid: str) -> Problem | dict[str, Any]:
    """verification_info: {"language": ..., "test_cases": [{"type": "stdin_stdout", "input": str,
    "output": str} | {"type": "function_call", "fn_name": ..., "input": [args], "output": ...}]}
    (the layout PrimeIntellect's genesys verifies)."""
    if row.get("task_type") != "verifiable_code":
        raise ProblemError(f"task_type {row.get('task_type')!r} is not a code task (verifiable_code)")
    info = _json_field(row.get("verification_info"), "verification_info") or {}
    language = str(info.get("language") or "").lower()
    cases = info.get("test_cases") or []
    if not cases:
        raise ProblemError("no tests")
    kinds = {c.get("type") for c in cases}
    code = _synthetic1_solution(row)
    source = str(row.get("source") or "")
    restrictions = (f"a problem taken from {source}; that dataset's own terms apply too"
                    if source and source.lower() != "primeintellect" else None)
    if kinds == {"function_call"}:
        names = {c.get("fn_name") for c in cases}
        if _synthetic1_lang(language) != PYTHON or len(names) != 1 or not all(names):
            raise ProblemError(f"function_call tests need one fn_name and Python (got {language!r}, {sorted(map(str, names))})")
        return _call_based(pid, str(names.pop()), [code], [c.get("input") for c in cases],
                           [c.get("output") for c in cases], ctx, restrictions)
    if kinds == {"stdin_stdout"}:
        source_lang = _synthetic1_lang(language)
        if source_lang is None:
            raise ProblemError(f"source language {language!r} has no irgroups language module")
        return _stdio(pid, source_lang, code, row.get("prompt") or "",
                      [(c.get("input"), c.get("output")) for c in cases], ctx, restrictions)
    raise ProblemError(f"test types {sorted(map(str, kinds))} are neither all stdin_stdout nor all function_call")


_FENCE = re.compile(r"```[\w+#-]*[ \t]*\n(.*?)```", re.DOTALL)


def _synthetic1_solution(row: dict[str, Any]) -> str:
    """The gold solution; else (SYNTHETIC-1's response rows) a response its verifier scored 1."""
    gold = row.get("gold_standard_solution") or ""
    if gold.strip():
        blocks = _FENCE.findall(gold)
        return blocks[-1] if blocks else gold
    response = row.get("llm_response") or ""
    if row.get("score") == 1 and response:
        blocks = _FENCE.findall(response)
        if blocks:
            return blocks[-1]
    raise ProblemError("no reference solution (no gold_standard_solution, no response verified with score 1)")


def _stdio(pid: str, lang: str, code: str, description: str, tests: list[tuple[Any, Any]], ctx: Context,
           restrictions: str | None = None) -> dict[str, Any]:
    if not code.strip():
        raise ProblemError("empty reference solution")
    return {"problem_id": pid, "kind": "stdio", "source_lang": lang, "source_code": _lf(code),
            "description": description,
            "tests": [{"stdin": _text(i, n, "input"), "expected_stdout": _text(o, n, "output")}
                      for n, (i, o) in enumerate(tests, 1)],
            "compare": "tokens", "origin": ctx.origin(restrictions)}


def _text(v: Any, n: int, what: str) -> str:
    """A test's stdin or stdout: text, or (some APPS rows) a list of lines."""
    if isinstance(v, str):
        return v
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return "".join(x if x.endswith("\n") else x + "\n" for x in v)
    raise ProblemError(f"test {n}: the {what} is neither text nor a list of lines")


# ---------------------------------------------------------------- helpers


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n")  # MBPP's and APPS's code often has Windows line ends


def _comment(text: str) -> str:
    """A task description as comment lines above the solution (MBPP's code has no docstring)."""
    lines = text.strip().splitlines()
    return "".join(f"# {line}".rstrip() + "\n" for line in lines) + ("\n" if lines else "")


def _parse(src: str, what: str) -> ast.Module:
    try:
        return ast.parse(src)
    except SyntaxError as e:
        raise ProblemError(f"{what} is not valid Python 3 ({e.msg}, line {e.lineno})") from None


def _json_field(value: Any, name: str) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as e:
            raise ProblemError(f"{name} does not parse as JSON ({e})") from None
    return value


def _short(v: Any, n: int = 80) -> str:
    text = repr(v)
    return text if len(text) <= n else text[: n - 3] + "..."


def _task_id(row: dict[str, Any], ctx: Context) -> str:
    return str(row["task_id"])


CODE_CONTESTS_RESTRICTIONS = (
    "private_tests and generated_tests must not be shown to a model (dataset card); Codeforces materials are "
    "sourced from codeforces.com, Description2Code materials are MIT-licensed, CodeNet materials Apache-2.0")
SYNTHETIC1_RESTRICTIONS = "problems gathered from other datasets (APPS, CodeContests, TACO, ...); their own terms apply too"
_SYNTHETIC1_COLUMNS = ("problem_id", "task_type", "prompt", "verification_info")

FAMILIES: tuple[Family, ...] = (
    Family("humaneval", ("openai_humaneval", "openai/openai_humaneval"),
           ("task_id", "prompt", "canonical_solution", "test", "entry_point"), "MIT", _task_id, _humaneval),
    Family("mbpp", ("mbpp", "google-research-datasets/mbpp"), ("task_id", "code", "test_list"), "CC-BY-4.0",
           _mbpp_id, _mbpp, config="full", configs=("full", "sanitized")),
    Family("humanevalplus", ("evalplus/humanevalplus",),
           ("task_id", "prompt", "canonical_solution", "entry_point", "test"), "Apache-2.0", _task_id,
           _humanevalplus),
    Family("mbppplus", ("evalplus/mbppplus",), ("task_id", "code", "test"), "Apache-2.0", _mbpp_id, _mbppplus),
    Family("apps", ("codeparrot/apps",), ("problem_id", "question", "solutions", "input_output"), "MIT",
           _apps_id, _apps, configs=("all", "introductory", "interview", "competition"),
           repo_files="{split}.jsonl", config_column="difficulty"),
    Family("code_contests", ("deepmind/code_contests",),
           ("name", "description", "public_tests", "private_tests", "generated_tests", "solutions"), "CC-BY-4.0",
           lambda row, ctx: f"code_contests/{row['name']}", _code_contests, restrictions=CODE_CONTESTS_RESTRICTIONS),
    Family("synthetic1", ("PrimeIntellect/SYNTHETIC-1",), _SYNTHETIC1_COLUMNS, "Apache-2.0", _synthetic1_id,
           _synthetic1, split="train", restrictions=SYNTHETIC1_RESTRICTIONS, rows_per_problem=True),
    Family("verifiable_coding_problems", ("PrimeIntellect/verifiable-coding-problems",), _SYNTHETIC1_COLUMNS,
           "unspecified (the dataset card names none)", _synthetic1_id, _synthetic1, split="train",
           restrictions=SYNTHETIC1_RESTRICTIONS),
)

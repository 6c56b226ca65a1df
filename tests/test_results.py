"""The trusted side's rules: what a test program's report lines can and cannot make pass."""

from __future__ import annotations

from irgroups import types as T
from irgroups.results import judge_outputs, reported


def lines(*xs: str) -> str:
    return "".join(f"\n{x}\n" for x in xs)


def test_values_are_compared_with_the_expected_ones() -> None:
    out = lines("@@irgroups 0 ok 3", "@@irgroups 1 ok 5", "@@irgroups 2 error", "@@irgroups 3 bad", "@@irgroups end")
    assert judge_outputs(out, T.INT, [3, 4, 5, 6, 7]) == (["pass", "fail", "error", "fail", "missing"], True)


def test_a_duplicated_or_late_report_fails_its_test() -> None:
    # a line written by the candidate before the harness's own one for the same test
    assert judge_outputs(lines("@@irgroups 0 ok 3", "@@irgroups 0 ok 3"), T.INT, [3])[0] == ["fail"]
    # test 1 reported first, then 0: out of order, so 0 fails; 1 was first and in order
    assert judge_outputs(lines("@@irgroups 1 ok 4", "@@irgroups 0 ok 3"), T.INT, [3, 4])[0] == ["fail", "pass"]
    # `end` says nothing about any test
    assert judge_outputs(lines("@@irgroups end"), T.INT, [3]) == (["missing"], True)


def test_lines_must_stand_alone_and_be_well_formed() -> None:
    out = "x@@irgroups 0 ok 3\n@@irgroups  1 ok 4\n@@irgroups 2 ok\n@@irgroups 3 ok [1,\n"
    assert judge_outputs(out, T.INT, [3, 4, 5, 6])[0] == ["missing", "missing", "fail", "fail"]


def test_types_and_tolerances() -> None:
    lst = T.parse("list[float]")
    assert judge_outputs(lines("@@irgroups 0 ok [1.0000001, 2]"), lst, [[1.0, 2.0]])[0] == ["pass"]
    assert judge_outputs(lines("@@irgroups 0 ok [1.001, 2]"), lst, [[1.0, 2.0]])[0] == ["fail"]
    assert judge_outputs(lines("@@irgroups 0 ok NaN"), T.FLOAT, [1.0])[0] == ["fail"]
    # a bool is not an int, an int is not a bool, a 65-bit number is not an int
    assert judge_outputs(lines("@@irgroups 0 ok true", "@@irgroups 1 ok 1", "@@irgroups 2 ok 36893488147419103232"),
                         T.INT, [1, 1, 0])[0] == ["fail", "pass", "fail"]
    d = T.parse("dict[int,tuple[str,optional[int]]]")
    assert judge_outputs(lines('@@irgroups 0 ok {"2": ["a", null], "1": ["b", 3]}'), d,
                         [{"1": ["b", 3], "2": ["a", None]}])[0] == ["pass"]
    assert judge_outputs(lines('@@irgroups 0 ok {"2": ["a", 0]}'), d, [{"2": ["a", None]}])[0] == ["fail"]


def test_reported_gives_the_raw_values() -> None:
    found, done = reported(lines("@@irgroups 0 ok [1, 2]", "@@irgroups 1 error"), 3)
    assert found == [("ok", "[1, 2]"), ("error", None), ("missing", None)] and not done

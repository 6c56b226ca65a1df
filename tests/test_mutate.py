from irgroups import code as codemod
from irgroups.generate import mutate

RUST = """fn count_below(xs: Vec<i64>, limit: i64) -> i64 {
    let mut n = 0;
    for x in xs {
        if x < limit && x != 3 {
            n += 1;
        }
    }
    n
}
"""


def test_each_operator_fires_and_mutants_parse() -> None:
    muts, dropped = mutate.mutants("rust", RUST, 50, "seed")
    ops = {m.operator for m in muts}
    assert {"cmp_swap", "bool_swap", "off_by_one", "drop_stmt"} <= ops
    for m in muts:
        assert m.code != RUST
        assert not codemod.has_syntax_errors(codemod.parse("rust", m.code))
    assert len({codemod.candidate_id("rust", m.code) for m in muts}) == len(muts)


def test_choice_is_deterministic_and_seeded() -> None:
    a = [m.code for m in mutate.mutants("rust", RUST, 4, "s1")[0]]
    assert a == [m.code for m in mutate.mutants("rust", RUST, 4, "s1")[0]]
    assert a != [m.code for m in mutate.mutants("rust", RUST, 4, "s2")[0]]


def test_specific_edits() -> None:
    codes = [m.code for m in mutate.mutants("rust", RUST, 50, "x")[0]]
    assert any("x <= limit" in c for c in codes)
    assert any("||" in c for c in codes)
    assert any("n += 2" in c for c in codes)


def test_candidate_id_ignores_comments_and_spacing() -> None:
    a = "fn f() -> i64 {\n    1 // one\n}\n"
    b = "fn f() -> i64 {\n    1\n}   \n\n"
    assert codemod.candidate_id("rust", a) == codemod.candidate_id("rust", b)
    assert codemod.candidate_id("rust", a) != codemod.candidate_id("go", a)

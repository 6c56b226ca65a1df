import pytest

from irgroups import types as T
from irgroups.errors import ProblemError


@pytest.mark.parametrize("text", ["int", "list[int]", "dict[str,list[float]]", "tuple[int,optional[str]]",
                                  "list[tuple[int,int]]"])
def test_parse_round_trips(text: str) -> None:
    assert str(T.parse(text)) == text


@pytest.mark.parametrize("text", ["lst[int]", "list[int", "dict[float,int]", "list[int,int]", "int]"])
def test_parse_rejects_bad_types(text: str) -> None:
    with pytest.raises(ProblemError):
        T.parse(text)


def test_decode_shapes_values_by_type() -> None:
    t = T.parse("dict[int,tuple[str,optional[float]]]")
    assert T.decode(t, {"3": ["a", None], "-1": ["b", 2]}) == {3: ("a", None), -1: ("b", 2)}


def test_decode_names_the_bad_place() -> None:
    with pytest.raises(ProblemError, match=r"args\[1\]"):
        T.decode(T.parse("list[int]"), [1, "x"], "args")
    with pytest.raises(ProblemError, match="64 bits"):
        T.decode(T.INT, 2**70)


def test_json_round_trip() -> None:
    t = T.parse("dict[int,list[tuple[int,bool]]]")
    value = {1: [(2, True)]}
    assert T.decode(t, T.to_json(value)) == value

"""Source code as data: tree-sitter parsing, normalisation, content ids."""

from __future__ import annotations

import hashlib
import re

from tree_sitter import Tree

from irgroups import languages
from irgroups.languages import syntax
from irgroups.languages.syntax import walk

__all__ = ["candidate_id", "has_syntax_errors", "normalise", "parse", "strip_comments", "walk"]


def parse(lang: str, code: str) -> Tree:
    return languages.get(lang).parse(code)


def has_syntax_errors(tree: Tree) -> bool:
    return tree.root_node.has_error


def strip_comments(lang: str, code: str) -> str:
    return syntax.strip_comments(parse(lang, code).root_node, code)


def normalise(lang: str, code: str) -> str:
    """Comments gone, trailing spaces gone, blank lines gone. Indentation kept (Python)."""
    text = strip_comments(lang, code)
    keep = languages.get(lang).keeps_blanks
    lines = [line.rstrip() if keep else re.sub(r"[ \t]+", " ", line.rstrip()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line.strip())


def candidate_id(lang: str, code: str) -> str:
    blob = f"{languages.get(lang).name}\0{normalise(lang, code)}"
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]

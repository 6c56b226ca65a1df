"""Explicit pyarrow schemas, one per stage. Never inferred from the first row."""

from __future__ import annotations

import pyarrow as pa

# 3: amplified tests; results judged outside the sandbox. 4: a group per (problem, language).
# 5: rewrites among the candidates; groups carry equivalent_diversity
SCHEMA_VERSION = 5

SIGNATURE = pa.struct([
    ("params", pa.list_(pa.struct([("name", pa.string()), ("type", pa.string())]))),
    ("returns", pa.string()),
])

PROBLEMS = pa.schema([
    ("problem_id", pa.string()),
    ("source_lang", pa.string()),
    ("source_code", pa.string()),
    ("entry_point", pa.string()),
    ("signature", SIGNATURE),
    ("tests", pa.string()),  # JSON: [{"args": [...], "expected": ...}, ...]
    ("amplified_tests", pa.string()),  # JSON, same shape; expected values from running the source
    ("amplified_count", pa.int32()),
    ("tests_hash", pa.string()),  # of the signature, the tests and the amplified tests
    ("origin_dataset", pa.string()),
    ("origin_license", pa.string()),
    ("origin_restrictions", pa.string()),  # terms beyond the licence ("" if none)
    ("kind", pa.string()),  # function | stdio (tests are then [{"stdin", "expected_stdout"}])
    ("compare", pa.string()),  # stdio: tokens | exact
    ("description", pa.string()),  # the statement, where the source has one
    ("input_spec", pa.string()),  # stdio: JSON input grammar for amplification ("" if none)
])

CANDIDATES = pa.schema([
    ("candidate_id", pa.string()),
    ("problem_id", pa.string()),
    ("lang", pa.string()),
    ("code", pa.string()),
    ("origin", pa.string()),  # reference | mutant:<operator> | model:<name>
    ("parent_id", pa.string()),  # the candidate a mutant was made from
    ("mutation", pa.string()),  # what the operator changed
    ("raw_output", pa.string()),  # what the model said, when a model made it
    ("extract_error", pa.string()),  # why no code could be taken from raw_output (then code is "")
])

PROMPTS = pa.schema([  # the on-policy RL prompt table: a prompt and what its reward needs
    ("prompt_id", pa.string()),
    ("problem_id", pa.string()),
    ("lang", pa.string()),
    ("prompt", pa.string()),
    ("entry_point", pa.string()),  # the function name in `lang`
    ("source_entry_point", pa.string()),  # the neutral (source) name, for rebuilding the test program
    ("signature", pa.string()),  # the declaration in `lang`
    ("neutral_signature", SIGNATURE),
    ("tests", pa.string()),
    ("amplified_tests", pa.string()),  # the reward runs these too
    ("tests_hash", pa.string()),
    ("kind", pa.string()),  # function | stdio (a whole program; tests of stdin and expected_stdout)
    ("compare", pa.string()),  # stdio: tokens | exact
])

EXECUTIONS = pa.schema([
    ("candidate_id", pa.string()),
    ("problem_id", pa.string()),
    ("lang", pa.string()),
    ("status", pa.string()),
    ("tests_passed", pa.int32()),  # over all tests run: the original ones, then the amplified ones
    ("tests_total", pa.int32()),
    ("original_total", pa.int32()),  # test_outcomes[:original_total] are the original tests
    ("test_outcomes", pa.list_(pa.string())),
    ("compile_seconds", pa.float64()),
    ("run_seconds", pa.float64()),  # wall clock
    ("cpu_seconds", pa.float64()),  # CPU of the test program, all threads and processes (null: not seen)
    ("peak_memory_mb", pa.float64()),  # its memory high-water mark (null: not seen)
    ("stderr_tail", pa.string()),
    ("backend", pa.string()),
    ("toolchain", pa.string()),
])

LABELS = pa.schema([
    ("candidate_id", pa.string()),
    ("problem_id", pa.string()),
    ("lang", pa.string()),
    ("origin", pa.string()),
    ("equivalent", pa.bool_()),
    ("kind", pa.string()),  # null when equivalent; wrong_output | runtime_error | timeout | memory_limit | compile_error
    ("tests_passed", pa.int32()),
    ("tests_total", pa.int32()),
    ("failed_tests", pa.list_(pa.int32())),  # indices into the original tests followed by the amplified ones
    ("failed_original", pa.int32()),  # how many original tests it failed
    ("failed_amplified", pa.int32()),  # how many amplified tests it failed
])

MEMBER = pa.struct([
    ("lang", pa.string()),
    ("code", pa.string()),
    ("candidate_id", pa.string()),
    ("origin", pa.string()),
    ("kind", pa.string()),
    ("tests_passed", pa.int32()),
    ("tests_total", pa.int32()),
])

GROUPS = pa.schema([  # one GEPO group per (problem, target language): every member answers `prompt`
    ("group_id", pa.string()),
    ("problem_id", pa.string()),
    ("lang", pa.string()),  # the target language; every member's lang
    ("source_lang", pa.string()),
    ("source_code", pa.string()),
    ("prompt", pa.string()),  # the translation prompt every member answers (GEPO's one x per group)
    ("langs", pa.list_(pa.string())),  # [lang], kept for readers of the older shape
    ("equivalent", pa.list_(MEMBER)),
    ("inequivalent", pa.list_(MEMBER)),
    # mean token distance over pairs of equivalent members (irgroups/variety.py); null with one
    ("equivalent_diversity", pa.float64()),
    ("tests", pa.int32()),  # the problem's original tests
    ("amplified_tests", pa.int32()),  # and its amplified ones: every member was judged on both
    # shares of the problem's compiled mutants killed by the original tests, and by all tests
    # (null without mutants): low values mean weak tests and less trustworthy labels
    ("mutation_score_original", pa.float64()),
    ("mutation_score", pa.float64()),
])

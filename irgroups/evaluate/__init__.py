"""Evaluate models on benchmarks whose tests are written in the target language
(MultiPL-E, HumanEval-X) and on HumanEval rendered by irgroups itself."""

from irgroups.evaluate.chat import MODES as ANSWER_MODES
from irgroups.evaluate.chat import read as read_answer
from irgroups.evaluate.passk import mean_pass_at_k, pass_at_k
from irgroups.evaluate.rows import (
           FORMATS,
           HUMANEVAL_X,
           MULTIPL_E,
           BenchRow,
           attach_completions,
           load_rows,
)
from irgroups.evaluate.runner import execute_rows, judge_one, score, write_results

__all__ = ["ANSWER_MODES", "FORMATS", "HUMANEVAL_X", "MULTIPL_E", "BenchRow", "attach_completions", "read_answer",
           "execute_rows", "judge_one", "load_rows", "mean_pass_at_k", "pass_at_k", "score", "write_results"]

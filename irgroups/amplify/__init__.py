"""Amplified tests: extra inputs for a problem, with expected values from its source program.

- `inputs.py` proposes argument tuples by type-aware mutation of the seed inputs (or samples
  them, for an independent check), inside the domain `domain.py` infers from the seeds;
- `oracle.py` runs the source program on them in the sandbox (twice) and keeps typed answers;
- `guard.py` drops inputs that a verified reference translation fails (outside the domain);
- `stage.py` does the three for a batch of problems (the problems stage of `build`).
"""

from irgroups.amplify.domain import (
    BoolDomain,
    DictDomain,
    Domain,
    FloatDomain,
    IntDomain,
    LengthLink,
    ListDomain,
    OptionalDomain,
    StrDomain,
    TupleDomain,
    infer_domain,
    infer_links,
)
from irgroups.amplify.inputs import STRATEGIES, amplify_inputs

__all__ = [
    "STRATEGIES",
    "BoolDomain",
    "DictDomain",
    "Domain",
    "FloatDomain",
    "IntDomain",
    "LengthLink",
    "ListDomain",
    "OptionalDomain",
    "StrDomain",
    "TupleDomain",
    "amplify_inputs",
    "infer_domain",
    "infer_links",
]

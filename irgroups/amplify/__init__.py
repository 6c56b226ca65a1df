"""Amplified tests: new inputs for a problem, proposed from its seed inputs.

`amplify_inputs` proposes argument tuples; `infer_domain` is the model of
"inputs like the seeds" they are kept inside. Running the source program on
them to get expected values happens elsewhere (the execute stage).
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

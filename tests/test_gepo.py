"""GEPO loss: hand-worked values, closed-form gradients, and the exact one-member-at-a-time
backward on a tiny real transformer."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path
from typing import Any

import pytest
import torch
import torch.nn.functional as F

from irgroups.training.gepo import (
    dpo_pairwise_loss,
    gepo_backward,
    gepo_backward_all_at_once,
    gepo_loss,
    gepo_member_weights,
    implicit_rewards,
)
from irgroups.training.logprobs import encode, sequence_logps

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tinymodel import build_tiny_model  # noqa: E402


def t(values: list[float]) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.float64)


def ids(values: list[int]) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.long)


def eq(values: list[int]) -> torch.Tensor:
    return torch.tensor(values, dtype=torch.bool)


def softplus(x: float) -> float:  # -logsigmoid(-x) = log(1 + e^x)
    return math.log1p(math.exp(x))


# ---------------------------------------------------------------- hand-worked values


def test_two_equivalent_one_inequivalent() -> None:
    # beta = 1, ref = 0, so r = policy.  W = {1, 3}, L = {0}.
    # mean r_w = 2, mean r_l = 0, d = 2 -> -logsigmoid(2) = log(1 + e^-2) = 0.126928...
    # Var_pop(W) = ((1-2)^2 + (3-2)^2) / 2 = 1, lam = 1 -> loss = 1.126928...
    out = gepo_loss(t([1, 3, 0]), t([0, 0, 0]), ids([0, 0, 0]), eq([1, 1, 0]), beta=1.0, lam=1.0)
    assert out.loss.item() == pytest.approx(math.log1p(math.exp(-2)) + 1.0, abs=1e-12)
    assert out.loss.item() == pytest.approx(1.126928011, abs=1e-9)
    assert out.metrics == pytest.approx({"reward_margin": 2.0, "variance": 1.0, "accuracy": 1.0,
                                         "reward_equivalent": 2.0, "reward_inequivalent": 0.0, "groups": 1.0})


def test_beta_and_lambda() -> None:
    # Same log-probs, beta = 0.1: r_w = {0.1, 0.3}, r_l = {0}; d = 0.2,
    # -logsigmoid(0.2) = log(1 + e^-0.2) = 0.598138869; Var_pop = (0.1^2 + 0.1^2)/2 = 0.01.
    policy, ref, g, e = t([1, 3, 0]), t([0, 0, 0]), ids([0, 0, 0]), eq([1, 1, 0])
    first = math.log1p(math.exp(-0.2))
    assert first == pytest.approx(0.598138869, abs=1e-9)
    for lam, expected in ((0.0, first), (1.0, first + 0.01), (2.0, first + 0.02)):
        assert gepo_loss(policy, ref, g, e, beta=0.1, lam=lam).loss.item() == pytest.approx(expected, abs=1e-12)
    # the reference shifts rewards: ref = {1, 1, 1} gives r_w = {0, 0.2}, r_l = {-0.1}; d = 0.1 - (-0.1) = 0.2,
    # Var_pop = 0.01 again: the loss only sees differences to the reference.
    shifted = gepo_loss(policy, t([1, 1, 1]), g, e, beta=0.1, lam=1.0)
    assert shifted.loss.item() == pytest.approx(first + 0.01, abs=1e-12)
    assert shifted.metrics["reward_equivalent"] == pytest.approx(0.1)
    assert shifted.metrics["reward_inequivalent"] == pytest.approx(-0.1)


def test_single_equivalent_has_no_variance_term() -> None:
    # W = {2}, L = {1, 3}: mean r_l = 2, d = 0 -> -logsigmoid(0) = log 2; Var_pop of one value = 0 exactly,
    # whatever lam is. d = 0 is not a win: accuracy 0.
    for lam in (0.0, 1.0, 100.0):
        out = gepo_loss(t([2, 1, 3]), t([0, 0, 0]), ids([5, 5, 5]), eq([1, 0, 0]), beta=1.0, lam=lam)
        assert out.loss.item() == pytest.approx(math.log(2), abs=1e-12)
        assert out.metrics["variance"] == 0.0
        assert out.metrics["accuracy"] == 0.0


def test_two_groups_of_different_sizes() -> None:
    # group 7 (n=2, m=1): W = {1, 3}, L = {0} -> 1.126928011 (as above), margin 2, variance 1.
    # group 3 (n=1, m=2): W = {0.5}, L = {1, 2} -> mean r_l = 1.5, d = -1,
    #   -logsigmoid(-1) = log(1 + e) = 1.313261687, variance 0.
    # loss = (1.126928011 + 1.313261687) / 2 = 1.220094849; accuracy 1/2; margin (2 - 1)/2 = 0.5;
    # variance (1 + 0)/2 = 0.5; reward_equivalent (2 + 0.5)/2 = 1.25; reward_inequivalent (0 + 1.5)/2 = 0.75.
    # Members interleaved, group ids not contiguous.
    policy = t([1, 0.5, 3, 1, 0, 2])
    group = ids([7, 3, 7, 3, 7, 3])
    equiv = eq([1, 1, 1, 0, 0, 0])
    out = gepo_loss(policy, torch.zeros(6, dtype=torch.float64), group, equiv, beta=1.0, lam=1.0)
    expected = (math.log1p(math.exp(-2)) + 1.0 + softplus(1.0)) / 2
    assert expected == pytest.approx(1.220094849, abs=1e-9)
    assert out.loss.item() == pytest.approx(expected, abs=1e-12)
    assert out.metrics == pytest.approx({"reward_margin": 0.5, "variance": 0.5, "accuracy": 0.5,
                                         "reward_equivalent": 1.25, "reward_inequivalent": 0.75, "groups": 2.0})


def test_pairwise_dpo_hand_values() -> None:
    # group 7: pairs (1, 0), (3, 0): (log(1 + e^-1) + log(1 + e^-3)) / 2 = (0.313261688 + 0.048587352) / 2
    #   = 0.180924520
    # group 3: pairs (0.5, 1), (0.5, 2): (log(1 + e^0.5) + log(1 + e^1.5)) / 2 = (0.974076984 + 1.701413278) / 2
    #   = 1.337745131
    # loss = mean of the two groups = (0.180924520 + 1.337745131) / 2 = 0.759334825
    policy = t([1, 0.5, 3, 1, 0, 2])
    out = dpo_pairwise_loss(policy, torch.zeros(6, dtype=torch.float64), ids([7, 3, 7, 3, 7, 3]),
                            eq([1, 1, 1, 0, 0, 0]), beta=1.0)
    g7 = (softplus(-1) + softplus(-3)) / 2
    g3 = (softplus(0.5) + softplus(1.5)) / 2
    assert (g7 + g3) / 2 == pytest.approx(0.759334825, abs=1e-9)
    assert out.loss.item() == pytest.approx((g7 + g3) / 2, abs=1e-12)
    assert out.metrics["accuracy"] == 0.5  # metrics are the same group-mean metrics as GEPO's


def test_accuracy_counts_groups_with_higher_mean_equivalent_reward() -> None:
    # group 0: W mean 1 > L mean 0 (win); group 1: W mean 0 = L mean 0 (tie: no win);
    # group 2: W {3, -3} mean 0 < L mean 1 (loss, even though one w beats the l) -> 1/3
    policy = t([1, 0, 0, 0, 3, -3, 1])
    group = ids([0, 0, 1, 1, 2, 2, 2])
    equiv = eq([1, 0, 1, 0, 1, 1, 0])
    out = gepo_loss(policy, torch.zeros(7, dtype=torch.float64), group, equiv, beta=1.0)
    assert out.metrics["accuracy"] == pytest.approx(1 / 3)
    assert out.metrics["groups"] == 3.0


def test_group_without_inequivalent_member_is_an_error() -> None:
    with pytest.raises(ValueError, match="group 4: 2 equivalent, 0 inequivalent"):
        gepo_loss(t([1, 2, 3, 4]), t([0, 0, 0, 0]), ids([1, 1, 4, 4]), eq([1, 0, 1, 1]))
    with pytest.raises(ValueError, match="group 1: 0 equivalent, 1 inequivalent"):
        dpo_pairwise_loss(t([1, 2]), t([0, 0]), ids([0, 1]), eq([1, 0]))
    with pytest.raises(ValueError, match="group 9"):
        gepo_member_weights(t([1]), t([0]), ids([9]), eq([0]))


def test_shape_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError, match="ref_logps has shape"):
        gepo_loss(t([1, 2]), t([0]), ids([0, 0]), eq([1, 0]))


# ---------------------------------------------------------------- against a naive loop and autograd


def naive_loss(policy: torch.Tensor, ref: torch.Tensor, group: torch.Tensor, equiv: torch.Tensor,
               beta: float, lam: float, pairwise: bool = False) -> torch.Tensor:
    per_group = []
    for g in sorted(set(group.tolist())):
        r_w = [beta * (policy[k] - ref[k]) for k in range(len(policy)) if group[k] == g and equiv[k]]
        r_l = [beta * (policy[k] - ref[k]) for k in range(len(policy)) if group[k] == g and not equiv[k]]
        if pairwise:
            per_group.append(sum(-F.logsigmoid(w - lo) for w in r_w for lo in r_l) / (len(r_w) * len(r_l)))
        else:
            mean_w, mean_l = sum(r_w) / len(r_w), sum(r_l) / len(r_l)
            var = sum((w - mean_w) ** 2 for w in r_w) / len(r_w)
            per_group.append(-F.logsigmoid(mean_w - mean_l) + lam * var)
    return torch.stack(per_group).mean()


def random_batch(seed: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor, float, float]:
    rng = random.Random(seed)
    gen = torch.Generator().manual_seed(seed)
    members: list[tuple[int, bool]] = []
    for _ in range(rng.randint(1, 5)):
        gid = rng.randint(0, 1000)
        while any(gid == m[0] for m in members):
            gid = rng.randint(0, 1000)
        members += [(gid, True)] * rng.randint(1, 5) + [(gid, False)] * rng.randint(1, 5)
    rng.shuffle(members)
    n = len(members)
    policy = -50 * torch.rand(n, generator=gen, dtype=torch.float64)
    ref = policy + 5 * torch.randn(n, generator=gen, dtype=torch.float64)
    return (policy, ref, ids([m[0] for m in members]), eq([int(m[1]) for m in members]),
            rng.uniform(0.05, 0.5), rng.uniform(0.0, 2.0))


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("pairwise", [False, True])
def test_vectorised_loss_matches_naive_loop(seed: int, pairwise: bool) -> None:
    policy, ref, group, equiv, beta, lam = random_batch(seed)
    loss = (dpo_pairwise_loss if pairwise else gepo_loss)(policy, ref, group, equiv, beta=beta, lam=lam).loss
    assert loss.item() == pytest.approx(naive_loss(policy, ref, group, equiv, beta, lam, pairwise).item(), abs=1e-10)


@pytest.mark.parametrize("seed", range(20))
@pytest.mark.parametrize("pairwise", [False, True])
def test_closed_form_weights_match_autograd(seed: int, pairwise: bool) -> None:
    policy, ref, group, equiv, beta, lam = random_batch(seed)
    policy.requires_grad_(True)
    loss = (dpo_pairwise_loss if pairwise else gepo_loss)(policy, ref, group, equiv, beta=beta, lam=lam).loss
    (auto,) = torch.autograd.grad(loss, policy)
    weights = gepo_member_weights(policy, ref, group, equiv, beta=beta, lam=lam, pairwise=pairwise)
    assert not weights.requires_grad
    assert torch.allclose(weights, auto, atol=1e-6, rtol=0)
    assert (weights - auto).abs().max().item() < 1e-12  # float64: the closed form is the same number


def test_implicit_rewards() -> None:
    assert torch.allclose(implicit_rewards(t([-3, -1]), t([-2, -2]), 0.5), t([-0.5, 0.5]))


# ---------------------------------------------------------------- on a tiny real transformer


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = build_tiny_model(tmp_path_factory.mktemp("tiny") / "model")
    model = AutoModelForCausalLM.from_pretrained(path).double()
    return model, AutoTokenizer.from_pretrained(path)


PROMPT = "Translate the following Python code into Rust.\ndef add(a, b):\n    return a + b"
RESPONSES = [  # members of different lengths
    "fn add(a: i64, b: i64) -> i64 { a + b }",
    "pub fn add(a: i64, b: i64) -> i64 {\n    a + b\n}",
    "fn add(a: i32, b: i32) -> i32 {\n    let c = a + b;\n    c\n}",
    "fn add(x: i64, y: i64) -> i64 { y + x }",
    "fn add(a: i64, b: i64) -> i64 { a - b }",
    "fn add(a: i64, b: i64) -> i64 {\n    a * b\n}",
    "fn add(a: i64, _b: i64) -> i64 { a }",
]


def test_encode_masks_exactly_the_response(tiny: tuple[Any, Any]) -> None:
    _, tok = tiny
    prompts, responses = ["def f(x):\n    return x", PROMPT], ["fn f(x: i64) -> i64 { x }", "ok"]
    enc = encode(tok, prompts, responses)
    assert set(enc) == {"input_ids", "attention_mask", "response_mask"}
    for i, (p, r) in enumerate(zip(prompts, responses)):
        text = tok.apply_chat_template([{"role": "user", "content": p}], add_generation_prompt=True, tokenize=False)
        p_ids = tok(text, add_special_tokens=False)["input_ids"]
        r_ids = tok(r, add_special_tokens=False)["input_ids"] + [tok.eos_token_id]
        n = len(p_ids) + len(r_ids)
        assert enc["input_ids"][i, :n].tolist() == p_ids + r_ids
        assert enc["attention_mask"][i].tolist() == [1] * n + [0] * (enc["input_ids"].shape[1] - n)
        assert enc["response_mask"][i].tolist() == [0] * len(p_ids) + [1] * len(r_ids) + [0] * (
            enc["input_ids"].shape[1] - n)
        assert tok.decode(enc["input_ids"][i][enc["response_mask"][i].bool()]) == r + tok.eos_token


def test_encode_without_chat_template_and_nothing_cut(tiny: tuple[Any, Any]) -> None:
    _, tok = tiny
    plain = tok.__class__.from_pretrained(tok.name_or_path)
    plain.chat_template = None
    p_ids = plain(PROMPT)["input_ids"]
    r_ids = plain(RESPONSES[0], add_special_tokens=False)["input_ids"] + [plain.eos_token_id]
    assert encode(plain, [PROMPT], [RESPONSES[0]])["input_ids"][0].tolist() == p_ids + r_ids
    assert encode(plain, [PROMPT], [RESPONSES[0]], max_length=len(p_ids) + len(r_ids))["input_ids"].shape[1] == len(
        p_ids) + len(r_ids)
    # one token over: refused, never cut (a cut prompt would be scored under another x)
    with pytest.raises(ValueError, match="member 0 has"):
        encode(plain, [PROMPT], [RESPONSES[0]], max_length=len(p_ids) + len(r_ids) - 1)


def test_encode_closes_with_the_templates_end_of_turn(tiny: tuple[Any, Any]) -> None:
    from irgroups.training.chat import end_of_turn_ids

    _, tok = tiny
    qwen = tok.__class__.from_pretrained(tok.name_or_path)
    qwen.add_special_tokens({"additional_special_tokens": ["<|im_end|>"]})
    end = qwen.convert_tokens_to_ids("<|im_end|>")
    qwen.chat_template = ("{% for m in messages %}<|{{ m['role'] }}|>\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
                          "{% if add_generation_prompt %}<|assistant|>\n{% endif %}")
    assert end != qwen.eos_token_id
    # the end of turn is the template's stop token, not the tokenizer's eos; the newline after it is not scored
    assert end_of_turn_ids(qwen, [qwen.eos_token_id, end]) == [end]
    enc = encode(qwen, [PROMPT], [RESPONSES[0]], closing=end_of_turn_ids(qwen, [qwen.eos_token_id, end]))
    scored = enc["input_ids"][0][enc["response_mask"][0].bool()].tolist()
    assert scored == qwen(RESPONSES[0], add_special_tokens=False)["input_ids"] + [end]
    # with no stop id in what the template writes after an answer, the eos closes it
    assert end_of_turn_ids(qwen, [qwen.eos_token_id]) == [qwen.eos_token_id]


def test_sequence_logps_matches_token_by_token(tiny: tuple[Any, Any]) -> None:
    model, tok = tiny
    batch = encode(tok, [PROMPT] * 3, RESPONSES[:3])
    with torch.no_grad():
        together = sequence_logps(model, batch)
        for i in range(3):
            one = encode(tok, [PROMPT], [RESPONSES[i]])
            logits = model(input_ids=one["input_ids"]).logits[0].log_softmax(-1)
            positions = one["response_mask"][0].nonzero().flatten().tolist()
            expected = sum(logits[p - 1, one["input_ids"][0, p]].item() for p in positions)
            assert together[i].item() == pytest.approx(expected, abs=1e-9)  # right padding changes nothing
            assert sequence_logps(model, one).item() == pytest.approx(expected, abs=1e-9)


def grads(model: Any) -> dict[str, torch.Tensor]:
    return {n: p.grad.clone() for n, p in model.named_parameters() if p.grad is not None}


def max_diff(a: dict[str, torch.Tensor], b: dict[str, torch.Tensor]) -> float:
    assert a.keys() == b.keys()
    return max((a[k] - b[k]).abs().max().item() for k in a)


def two_groups() -> tuple[list[str], list[str], torch.Tensor, torch.Tensor]:
    second = "Translate the following Python code into Go.\ndef neg(x):\n    return -x"
    prompts = [PROMPT] * 7 + [second] * 3
    responses = RESPONSES + ["func neg(x int) int { return -x }", "func neg(x int) int {\n\treturn 0 - x\n}",
                             "func neg(x int) int { return x }"]
    group = ids([11] * 7 + [2] * 3)
    equiv = eq([1, 1, 1, 1, 0, 0, 0] + [1, 1, 0])
    return prompts, responses, group, equiv


@pytest.mark.parametrize("pairwise", [False, True])
@pytest.mark.parametrize("n_groups", [1, 2])
def test_one_at_a_time_gradient_is_exact(tiny: tuple[Any, Any], pairwise: bool, n_groups: int) -> None:
    model, tok = tiny
    prompts, responses, group, equiv = two_groups()
    if n_groups == 1:  # 4 equivalent + 3 inequivalent members of different lengths
        prompts, responses, group, equiv = prompts[:7], responses[:7], group[:7], equiv[:7]
    with torch.no_grad():
        scores = sequence_logps(model, encode(tok, prompts, responses))
    ref = scores + 3 * torch.randn(len(prompts), generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    kwargs: dict[str, Any] = {"beta": 0.1, "lam": 1.0, "pairwise": pairwise}

    model.zero_grad(set_to_none=True)
    # autograd of the loss over log-probs computed all at once, written out here
    loss_fn = dpo_pairwise_loss if pairwise else gepo_loss
    direct = loss_fn(sequence_logps(model, encode(tok, prompts, responses)), ref, group, equiv, beta=0.1, lam=1.0)
    direct.loss.backward()
    g_direct = grads(model)

    model.zero_grad(set_to_none=True)
    all_out = gepo_backward_all_at_once(model, tok, prompts, responses, ref, group, equiv, **kwargs)
    g_all = grads(model)

    model.zero_grad(set_to_none=True)
    one_out = gepo_backward(model, tok, prompts, responses, ref, group, equiv, **kwargs)
    g_one = grads(model)

    model.zero_grad(set_to_none=True)
    gepo_backward(model, tok, prompts, responses, ref, group, equiv, micro_batch=3, **kwargs)
    g_three = grads(model)

    assert max(v.abs().max().item() for v in g_all.values()) > 1e-4  # a real, non-zero gradient
    assert max_diff(g_one, g_all) < 1e-5
    assert max_diff(g_three, g_all) < 1e-5
    assert max_diff(g_direct, g_all) < 1e-5
    assert one_out.loss.item() == pytest.approx(all_out.loss.item(), abs=1e-9)
    assert one_out.metrics == pytest.approx(all_out.metrics)
    assert not one_out.loss.requires_grad and not all_out.loss.requires_grad
    model.zero_grad(set_to_none=True)


def test_backward_accumulates_scaled_gradient(tiny: tuple[Any, Any]) -> None:
    # no zeroing inside: two calls with scale 0.5 give the gradient of one call with scale 1
    model, tok = tiny
    prompts, responses, group, equiv = two_groups()
    ref = torch.full((len(prompts),), -200.0, dtype=torch.float64)
    model.zero_grad(set_to_none=True)
    gepo_backward(model, tok, prompts, responses, ref, group, equiv)
    once = grads(model)
    model.zero_grad(set_to_none=True)
    for _ in range(2):
        gepo_backward(model, tok, prompts, responses, ref, group, equiv, scale=0.5)
    assert max_diff(grads(model), once) < 1e-10
    model.zero_grad(set_to_none=True)

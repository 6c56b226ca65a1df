"""The bundled OORL trainer (GEPO + on-policy RL), installed as `irgroups.training`.

    gepo.py      the GEPO / pairwise-DPO losses and the exact member-at-a-time backward
    logprobs.py  tokenising prompt+response pairs, summed response log-probs
    rl.py        REINFORCE++ rollouts and loss
    reward.py    the sandbox reward (also an async TRL reward function)
    trainer.py   the OORL loop, checkpoints, resume, metrics
    grpo.py      OORL on TRL's GRPOTrainer
"""

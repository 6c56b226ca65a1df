"""The bundled OORL trainer (GEPO + on-policy RL on TRL), installed as `irgroups.training`.

    gepo.py        the GEPO / pairwise-DPO losses, the exact member-at-a-time backward and the
                   checkpointed surrogate the trainer adds to its loss
    advantages.py  REINFORCE++ advantages (KL folded into the reward, normalised over the batch)
    logprobs.py    tokenising prompt+response pairs, summed response log-probs
    chat.py        prompt rendering, stop ids, the chat template's end of turn
    data.py        GEPO groups (one prompt each) and the RL prompt table of a build
    reference.py   the reference log-probs GEPO needs, computed once and stored
    reward.py      the sandbox reward (an async TRL reward function)
    trainer.py     OORLTrainer: TRL's GRPOTrainer plus REINFORCE++ and GEPO
    run.py         from a TrainConfig to a trainer, and `train` with resume
"""

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the small real torch.save fixtures that pytorch_checkpoint_tests.cpp reads.

Run with Python PyTorch (made with Debian's python3-torch 1.13.1):
    python3 make_torch_checkpoints.py
Values are arange-based so the C++ tests can recompute them without this script.
"""
import collections
import os

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def ramp(n, dtype):
    return (torch.arange(n, dtype=torch.float64) * 0.25 - 1.0).to(dtype)


def ldm_checkpoint():
    """The layout of an ldm / Lightning .ckpt: {"state_dict": OrderedDict, "global_step": numpy int, "epoch"}."""
    m = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.LayerNorm(2))
    sd = m.state_dict()  # an OrderedDict with _metadata, which pickles as BUILD
    for name in list(sd.keys()):
        sd["model.diffusion_model." + name] = sd.pop(name)
    sd["model.diffusion_model.0.weight"] = ramp(6, torch.float32).view(2, 3)
    sd["model.diffusion_model.0.bias"] = ramp(2, torch.float32)
    sd["first_stage_model.scale"] = ramp(4, torch.float16)
    sd["cond_stage_model.proj"] = ramp(6, torch.bfloat16).view(3, 2)
    sd["cond_stage_model.position_ids"] = torch.arange(5, dtype=torch.int64).view(1, 5)
    base = ramp(12, torch.float32)
    sd["shared.whole"] = base.view(3, 4)
    sd["shared.tail"] = base[8:]       # storage offset 8 into the same storage
    sd["model_ema.decay"] = torch.tensor(0.9999, dtype=torch.float32)
    sd["model_ema.num_updates"] = torch.tensor(7, dtype=torch.int32)
    torch.save({"state_dict": sd, "global_step": np.int64(470000), "epoch": 6}, os.path.join(HERE, "ldm_tiny.ckpt"))


def diffusers_bin():
    """A bare state dict of parameters, as diffusers' diffusion_pytorch_model.bin, in half precision."""
    sd = collections.OrderedDict()
    sd["conv_in.weight"] = ramp(2 * 1 * 3 * 3, torch.float16).view(2, 1, 3, 3)
    sd["conv_in.bias"] = torch.nn.Parameter(ramp(2, torch.float16), requires_grad=False)
    sd["time_embedding.linear_1.weight"] = ramp(8, torch.float16).view(4, 2)
    sd["flags"] = torch.tensor([True, False, True])
    sd["bytes"] = torch.arange(4, dtype=torch.uint8)
    torch.save(sd, os.path.join(HERE, "diffusion_pytorch_model.bin"))


def protocol4():
    """Protocol 4 pickles use FRAME, SHORT_BINUNICODE, MEMOIZE and STACK_GLOBAL."""
    sd = {"model": {"a.weight": ramp(6, torch.float64).view(3, 2), "a.bias": ramp(3, torch.int16)}, "epoch": 1}
    torch.save(sd, os.path.join(HERE, "protocol4.pt"), pickle_protocol=4)


def non_contiguous():
    torch.save({"w": ramp(6, torch.float32).view(2, 3).t()}, os.path.join(HERE, "non_contiguous.pt"))


class Exploit:
    """What a malicious checkpoint does: unpickling calls os.system."""

    def __reduce__(self):
        return (os.system, ("touch /tmp/atelier-pwned",))


def malicious():
    torch.save({"state_dict": {"w": ramp(2, torch.float32)}, "payload": Exploit()}, os.path.join(HERE, "malicious.pt"))


if __name__ == "__main__":
    ldm_checkpoint()
    diffusers_bin()
    protocol4()
    non_contiguous()
    malicious()

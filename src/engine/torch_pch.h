// SPDX-License-Identifier: GPL-3.0-or-later
// Precompiled header for the engine's torch-using sources (never include from a public header).
#pragma once
#include <torch/torch.h>

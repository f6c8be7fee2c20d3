// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "engine/schedulers/scheduler.h"

#include <memory>
#include <string>
#include <vector>

namespace atelier::engine {

/// Builds a scheduler by name from a diffusers-style config:
///   "ddim"            DDIMScheduler (config.eta, timestepSpacing, ...)
///   "euler"           EulerScheduler (Karras sigmas if config.useKarrasSigmas)
///   "euler_karras"    EulerScheduler with Karras sigmas
///   "euler_a"         EulerAncestralScheduler
///   "dpmpp_2m"        DPMSolverMultistepScheduler, order 2 (Karras if config.useKarrasSigmas)
///   "dpmpp_2m_karras" DPMSolverMultistepScheduler, order 2, Karras sigmas
///   "lcm"             LCMScheduler
///   "pndm"            PNDMScheduler (PLMS)
/// The config's prediction type, timestep spacing and eta apply to all that use
/// them. Throws atelier::Error listing the known names for an unknown one, or
/// the constructor's error for an unsupported option.
std::unique_ptr<Scheduler> makeScheduler(const std::string& name, const SchedulerConfig& config = SchedulerConfig());

/// The names makeScheduler() accepts, in the order above.
std::vector<std::string> schedulerNames();

/// The makeScheduler() name for a diffusers class name ("DDIMScheduler",
/// "EulerDiscreteScheduler", "EulerAncestralDiscreteScheduler",
/// "DPMSolverMultistepScheduler", "LCMScheduler", "PNDMScheduler"), e.g. the
/// "_class_name" of a scheduler_config.json; throws atelier::Error for others.
std::string schedulerNameForDiffusersClass(const std::string& className);

} // namespace atelier::engine
